"""Creating users and organizations."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from tortoise.transactions import in_transaction

from server import clock
from server.access.control import assign_roles
from server.actor import Actor, RequestInfo
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, ValidationFailed
from server.identity import throttle
from server.identity.models import Membership, Organization, PasswordToken, Session, User
from server.identity.passwords import MAX_LENGTH, MIN_LENGTH, hash_password, verify_password
from server.identity.sessions import SessionGrant, issue_grant, normalise_email
from server.identity.tokens import hash_refresh_token
from server.settings import Settings
from server.validation import check_email, check_name


def password_problems(password: str) -> list[DomainError]:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        return [
            DomainError(
                f"password must be {MIN_LENGTH} to {MAX_LENGTH} characters",
                code=ErrorCode.WEAK_PASSWORD,
                field=["password"],
            )
        ]
    return []


async def create_user(actor: Actor, email: str, name: str, password: str) -> User:
    problems = [*check_email(email, required=True), *check_name(name)]
    problems += password_problems(password)
    if problems:
        raise ValidationFailed(problems)
    address = normalise_email(email)
    async with in_transaction():
        if await User.exists(email=address):
            raise DomainError(
                "a user with this email exists", code=ErrorCode.DUPLICATE_EMAIL, field=["email"]
            )
        user = await User.create(
            email=address, name=name.strip(), password_hash=hash_password(password)
        )
        await audit.record(
            actor, "user.create", object_type="User", object_id=user.id, after={"email": address}
        )
    return user


async def add_member(
    actor: Actor, organization: Organization, user: User, roles: Iterable[str]
) -> Membership:
    """Give a user roles in an organization (used by the demo and the command line)."""
    role_list = sorted(set(roles))
    async with in_transaction():
        membership = await Membership.create(user=user, organization=organization)
        await assign_roles(user.id, organization.id, role_list)
        await audit.record(
            actor.in_organization(organization.id, actor.roles),
            "member.add",
            object_type="Membership",
            object_id=membership.id,
            after={"user": user.email, "roles": role_list},
        )
    return membership


async def change_password(settings: Settings, actor: Actor, current: str, new: str) -> SessionGrant:
    """Change the actor's password; every session ends and a fresh one is returned."""
    assert actor.user_id is not None and actor.organization_id is not None
    user = await User.get(id=actor.user_id)
    # The current password is guessed like a sign-in would be: same counters, same delays.
    keys = throttle.sign_in_keys(user.email, actor.request.client_ip)
    await throttle.check(keys)
    if not verify_password(user.password_hash, current):
        await audit.record_alone(
            actor, "user.password_change", outcome="FAILURE", object_type="User", object_id=user.id
        )
        await throttle.failed(settings, keys)
        raise DomainError(
            "the current password is wrong",
            code=ErrorCode.INVALID_CREDENTIALS,
            field=["currentPassword"],
        )
    problems = password_problems(new)
    if problems:
        raise ValidationFailed(
            [DomainError(p.message, code=p.code, field=["newPassword"]) for p in problems]
        )
    now = clock.now().replace(microsecond=0)
    async with in_transaction():
        await User.filter(id=user.id).update(
            password_hash=hash_password(new), password_changed_at=now
        )
        await Session.filter(user_id=user.id, revoked_at__isnull=True).update(
            revoked_at=now, revoked_reason="password_changed"
        )
        await throttle.succeeded(throttle.account_key(user.email))
        await audit.record(actor, "user.password_change", object_type="User", object_id=user.id)
        session = await Session.create(
            user_id=user.id,
            organization_id=actor.organization_id,
            expires_at=now + timedelta(seconds=settings.refresh_token_ttl_seconds),
        )
        user.password_changed_at = now
        return await issue_grant(settings, session, user)


async def set_password_with_token(token: str, password: str, request: RequestInfo) -> User:
    """Redeem a one-time set-password token (sent to an invited member)."""
    problems = password_problems(password)
    if problems:
        raise ValidationFailed(problems)
    now = clock.now()
    async with in_transaction():
        stored = (
            await PasswordToken.filter(token_hash=hash_refresh_token(token))
            .select_for_update()
            .first()
        )
        if stored is None or stored.used_at is not None or stored.expires_at <= now:
            raise DomainError(
                "the link is invalid, used or expired",
                code=ErrorCode.INVALID_TOKEN,
                field=["token"],
            )
        await PasswordToken.filter(id=stored.id).update(used_at=now)
        await User.filter(id=stored.user_id).update(
            password_hash=hash_password(password), password_changed_at=now.replace(microsecond=0)
        )
        user = await User.get(id=stored.user_id)
        actor = Actor(kind="user", user_id=user.id, label=user.email, request=request)
        await audit.record(actor, "user.password_set", object_type="User", object_id=user.id)
    return user
