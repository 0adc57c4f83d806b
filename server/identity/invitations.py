"""Invitations: how people join an organization (docs/decisions/member-invitations.md).

`invite` does the same work and gives the same answer whether or not the address already
has an account, so adding a member reveals nothing about accounts elsewhere. Nobody becomes
a member until the person accepts: an existing account proves itself with its password (and
second factor), a new one is created with the password chosen on accepting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server import clock
from server.access.control import AccessControl
from server.access.grants import check_grant
from server.access.models import Role
from server.access.roles import custom_subject, resolve_roles, role_names
from server.actor import Actor, RequestInfo
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.identity import throttle, totp
from server.identity.accounts import password_problems
from server.identity.members import assign, lock_organization
from server.identity.models import Invitation, Membership, Organization, User
from server.identity.passwords import MAX_LENGTH, MIN_LENGTH, hash_password, verify_password
from server.identity.sessions import normalise_email
from server.identity.tokens import hash_refresh_token, new_refresh_token
from server.settings import Settings
from server.validation import check_email, check_name

INVITATION_TTL = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Invited:
    """A new invitation, the names of its roles and its one-time token (shown once)."""

    invitation: Invitation
    roles: list[str]
    token: str


def _invalid_token() -> DomainError:
    return DomainError(
        "the invitation is invalid, used, replaced or expired",
        code=ErrorCode.INVALID_TOKEN,
        field=["token"],
    )


async def invite(
    access: AccessControl, actor: Actor, email: str, name: str | None, names: Iterable[str]
) -> Invited:
    """Invite an address with roles; a pending invitation of the same address is replaced."""
    problems = check_email(email, required=True)
    if name is not None:
        problems += check_name(name)
    if problems:
        raise ValidationFailed(problems)
    wanted = await resolve_roles(actor, names, "roles")
    if not wanted:
        raise DomainError(
            "a member needs at least one role", code=ErrorCode.REQUIRED, field=["roles"]
        )
    check_grant(access, actor, wanted.values(), "roles", to_self=False)
    address = normalise_email(email)
    token, token_hash = new_refresh_token()
    now = clock.now()
    async with in_transaction():
        await lock_organization(actor.org)
        # Membership of this organization is no secret to a member manager: `members` lists it.
        if await Membership.exists(organization_id=actor.org, user__email=address):
            raise DomainError(
                "already a member of this organization", code=ErrorCode.CONFLICT, field=["email"]
            )
        await Invitation.filter(
            organization_id=actor.org,
            email=address,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
        ).update(revoked_at=now)
        invitation = await Invitation.create(
            organization_id=actor.org,
            email=address,
            name=name.strip() if name else None,
            roles=sorted(wanted.values()),
            token_hash=token_hash,
            invited_by_id=actor.user_id,
            expires_at=now + INVITATION_TTL,
        )
        await audit.record(
            actor,
            "member.invite",
            object_type="Invitation",
            object_id=invitation.id,
            after={"email": address, "roles": sorted(wanted)},
        )
    return Invited(invitation, sorted(wanted), token)


def pending(actor: Actor) -> QuerySet[Invitation]:
    """The organization's invitations still waiting to be accepted (for a page:
    server.identity.listing.pending_invitation_conditions, the same conditions in SQL)."""
    return Invitation.filter(
        organization_id=actor.org,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=clock.now(),
    )


async def revoke(access: AccessControl, actor: Actor, invitation_id: UUID) -> Invitation:
    """Cancel a pending invitation; only one the actor could have made."""
    async with in_transaction():
        invitation = await pending(actor).filter(id=invitation_id).select_for_update().first()
        if invitation is None:
            raise NotFound("invitation not found or no longer pending", field=["id"])
        check_grant(access, actor, [str(r) for r in invitation.roles], "id", to_self=False)
        invitation.revoked_at = clock.now()
        await Invitation.filter(id=invitation.id).update(revoked_at=invitation.revoked_at)
        await audit.record(
            actor,
            "member.invitation_revoke",
            object_type="Invitation",
            object_id=invitation.id,
            before={"email": invitation.email},
        )
    return invitation


async def _pending(token: str) -> Invitation:
    invitation = await Invitation.get_or_none(token_hash=hash_refresh_token(token))
    if (
        invitation is None
        or invitation.accepted_at is not None
        or invitation.revoked_at is not None
        or invitation.expires_at <= clock.now()
    ):
        raise _invalid_token()
    return invitation


def _password_not_accepted() -> DomainError:
    """One answer for a wrong password of an existing account and a weak one for a new account.

    Telling them apart would tell the token holder whether the address has an account
    elsewhere (docs/decisions/member-invitations.md).
    """
    return DomainError(
        "the password is not accepted for this invitation: give the password of the account "
        "with the invited address if it has one, otherwise choose a new one of "
        f"{MIN_LENGTH} to {MAX_LENGTH} characters",
        code=ErrorCode.INVALID_CREDENTIALS,
        field=["password"],
    )


async def _check_password(
    settings: Settings,
    invitation: Invitation,
    user: User | None,
    password: str,
    totp_code: str | None,
    request: RequestInfo,
) -> None:
    """An existing account's password, or a strong one for a new account, under one throttle.

    Both paths do the same work (a password hash is checked either way), count failures on
    the same keys and fail with the same error, so nothing tells them apart.
    """
    keys = throttle.sign_in_keys(invitation.email, request.client_ip)
    await throttle.check(keys)
    if user is not None:
        accepted = user.is_active and verify_password(user.password_hash, password)
    else:
        verify_password(None, password)  # the same cost as checking an account's password
        accepted = not password_problems(password)
    if not accepted:
        await audit.record_alone(
            Actor.anonymous(request, label=invitation.email),
            "invitation.accept",
            outcome="FAILURE",
            object_type="Invitation",
            object_id=invitation.id,
        )
        await throttle.failed(settings, keys)
        raise _password_not_accepted()
    if user is not None:
        await totp.check_sign_in(settings, user, totp_code, request.client_ip)
    await throttle.succeeded(throttle.account_key(invitation.email))


def _default_name(email: str) -> str:
    """A new account's name when neither the invitation nor the person gave one."""
    return email.split("@", 1)[0]


async def _live_roles(invitation: Invitation) -> list[str]:
    """The invitation's roles that still exist (a custom role may have been deleted since)."""
    subjects = [str(r) for r in invitation.roles]
    ids = [UUID(s.removeprefix("role:")) for s in subjects if s.startswith("role:")]
    existing = {
        custom_subject(r.id)
        for r in await Role.filter(id__in=ids, organization_id=invitation.organization_id)
    }
    return [s for s in subjects if not s.startswith("role:") or s in existing]


async def accept(
    access: AccessControl,
    settings: Settings,
    token: str,
    password: str,
    name: str | None,
    totp_code: str | None,
    request: RequestInfo,
) -> Organization:
    """Join the organization of the invitation; returns it. Sign in afterwards as usual."""
    invitation = await _pending(token)
    # A name given is checked whether or not the address has an account (it is used only for
    # a new one), and a missing one is never asked for: either would tell the two apart.
    if name is not None and (problems := check_name(name)):
        raise ValidationFailed(problems)
    user = await User.get_or_none(email=invitation.email)
    await _check_password(settings, invitation, user, password, totp_code, request)
    if user is None:
        name = name or invitation.name or _default_name(invitation.email)
    roles = await _live_roles(invitation)
    if not roles:
        raise _invalid_token()
    try:
        async with in_transaction():
            joined = await _join(invitation, user, name, password, roles, request)
    except IntegrityError as exc:  # the account was created meanwhile: accept again
        raise _invalid_token() from exc
    await access.refresh()
    return joined


async def _join(
    invitation: Invitation,
    user: User | None,
    name: str | None,
    password: str,
    roles: list[str],
    request: RequestInfo,
) -> Organization:
    await lock_organization(invitation.organization_id)
    now = clock.now()
    claimed = await Invitation.filter(
        id=invitation.id, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(accepted_at=now)
    if not claimed:
        raise _invalid_token()
    if user is None:
        assert name is not None
        user = await User.create(
            email=invitation.email,
            name=name.strip(),
            password_hash=hash_password(password),
            password_changed_at=now.replace(microsecond=0),
        )
    org = invitation.organization_id
    if not await Membership.exists(user_id=user.id, organization_id=org):
        await Membership.create(user_id=user.id, organization_id=org)
        await assign(org, user.id, roles)
    actor = Actor(
        kind="user",
        user_id=user.id,
        organization_id=org,
        label=user.email,
        roles=tuple(roles),
        request=request,
    )
    await audit.record(
        actor,
        "member.join",
        object_type="User",
        object_id=user.id,
        after={"invitation": str(invitation.id), "roles": await role_names(actor, roles)},
    )
    return await Organization.get(id=org)
