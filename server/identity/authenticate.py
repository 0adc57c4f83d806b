"""Turning a bearer token into an Actor, checking it is still valid in the database."""

from __future__ import annotations

from datetime import UTC, datetime

from server import clock
from server.access.control import AccessControl, subject
from server.actor import Actor, RequestInfo
from server.audit.log import chain_key
from server.identity.errors import AuthenticationFailed
from server.identity.tokens import decode_access_token
from server.settings import Settings
from server.sql import fetch


async def authenticate(
    settings: Settings, access: AccessControl, token: str, request: RequestInfo
) -> Actor:
    """One SQL statement: the session is live, the user active, and the policy version."""
    claims = decode_access_token(settings, token)
    # Plain SQL on the hottest path of every request: the ORM would rebuild it each time.
    rows = await fetch(
        """SELECT s.expires_at AS expires_at, u.email AS email,
                  u.password_changed_at AS password_changed_at,
                  (SELECT version FROM policy_state WHERE id = 1) AS policy_version,
                  (SELECT last_sequence FROM audit_chains WHERE key = $1) AS data_version
           FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE s.id = $2 AND s.user_id = $3 AND s.organization_id = $4
             AND s.revoked_at IS NULL AND u.is_active = $5""",
        chain_key(claims.organization_id),
        claims.session_id,
        claims.user_id,
        claims.organization_id,
        True,
    )
    if not rows:
        raise AuthenticationFailed("session revoked or user inactive")
    row = rows[0]
    if _when(row["expires_at"]) <= clock.now():
        raise AuthenticationFailed("session expired")
    changed = _when(row["password_changed_at"]) if row["password_changed_at"] else None
    # Whole seconds: JWT times carry no fractions.
    if changed is not None and claims.issued_at < changed.replace(microsecond=0):
        raise AuthenticationFailed("password changed since the token was issued")
    await access.refresh(int(row["policy_version"] or 0))
    roles = tuple(access.roles(subject(claims.user_id), claims.organization_id))
    return Actor(
        kind="user",
        user_id=claims.user_id,
        organization_id=claims.organization_id,
        label=row["email"],
        roles=roles,
        session_id=claims.session_id,
        data_version=None if row["data_version"] is None else int(row["data_version"]),
        request=request,
    )


def _when(value: datetime | str) -> datetime:
    """SQLite hands back timestamps as text; PostgreSQL as datetimes."""
    if isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
