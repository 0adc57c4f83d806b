"""Signing in, refreshing and ending sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor, RequestInfo
from server.audit import log as audit
from server.errors import DomainError, ErrorCode
from server.identity import throttle, totp
from server.identity.errors import InvalidCredentials, InvalidRefreshToken, NotAMember
from server.identity.models import Membership, Organization, RefreshToken, Session, User
from server.identity.passwords import hash_password, needs_rehash, verify_password
from server.identity.tokens import hash_refresh_token, issue_access_token, new_refresh_token
from server.settings import Settings


@dataclass(frozen=True, slots=True)
class SessionGrant:
    """What a client receives when it signs in or refreshes."""

    access_token: str
    access_token_expires_at: datetime
    refresh_token: str
    user: User
    organization: Organization


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def sign_in(
    settings: Settings,
    email: str,
    password: str,
    organization_id: UUID | None,
    request: RequestInfo,
    totp_code: str | None = None,
) -> SessionGrant:
    address = normalise_email(email)
    keys = throttle.sign_in_keys(address, request.client_ip)
    await throttle.check(keys)
    user = await User.get_or_none(email=address, is_active=True)
    # Always verify a hash, even for an unknown email, so timing does not reveal accounts.
    if not verify_password(user.password_hash if user else None, password) or user is None:
        await audit.record_alone(
            Actor.anonymous(request, label=normalise_email(email)[:254]),
            "session.create",
            outcome="FAILURE",
            object_type="User",
            object_id=user.id if user else None,
        )
        await throttle.failed(settings, keys)
        raise InvalidCredentials()
    try:
        await totp.check_sign_in(settings, user, totp_code, request.client_ip)
    except DomainError as error:
        if error.code == ErrorCode.TOTP_INVALID:
            await audit.record_alone(
                Actor.anonymous(request, label=user.email),
                "session.create",
                outcome="FAILURE",
                object_type="User",
                object_id=user.id,
                after={"reason": "totp_invalid"},
            )
            # The code check counted the user and the address; the account counts too.
            await throttle.failed(settings, [throttle.account_key(address)])
        raise
    await throttle.succeeded(throttle.account_key(address))
    membership = await _membership(user.id, organization_id)
    async with in_transaction():
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
            await user.save(update_fields=["password_hash"])
        session = await Session.create(
            user=user,
            organization_id=membership.organization_id,
            expires_at=clock.now() + timedelta(seconds=settings.refresh_token_ttl_seconds),
        )
        actor = Actor(
            kind="user",
            user_id=user.id,
            organization_id=membership.organization_id,
            label=user.email,
            session_id=session.id,
            request=request,
        )
        await audit.record(actor, "session.create", object_type="Session", object_id=session.id)
        return await issue_grant(settings, session, user)


async def _membership(user_id: UUID, organization_id: UUID | None) -> Membership:
    query = Membership.filter(user_id=user_id)
    if organization_id is not None:
        query = query.filter(organization_id=organization_id)
    membership = await query.order_by("created_at").first()
    if membership is None:
        if organization_id is None:
            raise NotAMember("this account belongs to no organization yet")
        raise NotAMember("not a member of that organization", field=["organizationId"])
    return membership


async def issue_grant(settings: Settings, session: Session, user: User) -> SessionGrant:
    """New tokens for a session: a fresh refresh token of its family and an access token."""
    token, token_hash = new_refresh_token()
    await RefreshToken.create(session=session, token_hash=token_hash, expires_at=session.expires_at)
    access, expires = issue_access_token(settings, user.id, session.organization_id, session.id)
    organization = await Organization.get(id=session.organization_id)
    return SessionGrant(access, expires, token, user, organization)


async def refresh(
    settings: Settings,
    refresh_token: str,
    organization_id: UUID | None,
    request: RequestInfo,
) -> SessionGrant:
    """Rotate: the presented token is spent and a new one issued in the same family.

    A token presented again after the grace window means it was copied: the whole
    family is revoked. Within the window (two tabs refreshing at once) both succeed.
    """
    now = clock.now()
    reuse: Session | None = None
    async with in_transaction():
        stored = (
            await RefreshToken.filter(token_hash=hash_refresh_token(refresh_token))
            .select_for_update(of=("refresh_tokens",))
            .select_related("session", "session__user")
            .first()
        )
        if stored is None or stored.expires_at <= now:
            raise InvalidRefreshToken()
        session = stored.session
        user = session.user
        if session.revoked_at is not None or session.expires_at <= now or not user.is_active:
            raise InvalidRefreshToken()
        grace = timedelta(seconds=settings.refresh_reuse_grace_seconds)
        if stored.rotated_at is not None and now - stored.rotated_at > grace:
            reuse = session
        else:
            if stored.rotated_at is None:
                stored.rotated_at = now
                await stored.save(update_fields=["rotated_at"])
            if organization_id is not None and organization_id != session.organization_id:
                membership = await _membership(user.id, organization_id)
                session.organization_id = membership.organization_id
                await session.save(update_fields=["organization_id"])
            actor = Actor(
                kind="user",
                user_id=user.id,
                organization_id=session.organization_id,
                label=user.email,
                session_id=session.id,
                request=request,
            )
            await audit.record(
                actor, "session.refresh", object_type="Session", object_id=session.id
            )
            return await issue_grant(settings, session, user)
    # Outside the read transaction: revoke the family and record the reuse on their own.
    async with in_transaction():
        await Session.filter(id=reuse.id, revoked_at__isnull=True).update(
            revoked_at=now, revoked_reason="refresh_token_reuse"
        )
        actor = Actor(
            kind="user",
            user_id=reuse.user_id,
            organization_id=reuse.organization_id,
            request=request,
        )
        await audit.record(
            actor,
            "session.reuse_detected",
            outcome="FAILURE",
            object_type="Session",
            object_id=reuse.id,
        )
    raise InvalidRefreshToken("the refresh token was already used; the session is revoked")


async def revoke(actor: Actor) -> None:
    """End the actor's session: its refresh tokens and its access tokens stop working."""
    assert actor.session_id is not None
    async with in_transaction():
        await Session.filter(id=actor.session_id, revoked_at__isnull=True).update(
            revoked_at=clock.now(), revoked_reason="sign_out"
        )
        await audit.record(
            actor, "session.revoke", object_type="Session", object_id=actor.session_id
        )
