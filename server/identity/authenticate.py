"""Turning a bearer token into an Actor, checking it is still valid in the database."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.expressions import Subquery

from server.access.control import AccessControl, subject
from server.access.models import PolicyState
from server.actor import Actor, RequestInfo
from server.audit.log import chain_key
from server.audit.models import AuditChain
from server.identity.errors import AuthenticationFailed
from server.identity.models import Session
from server.identity.tokens import decode_access_token
from server.settings import Settings


async def authenticate(
    settings: Settings, access: AccessControl, token: str, request: RequestInfo
) -> Actor:
    """One SQL statement: the session is live, the user active, and the policy version."""
    claims = decode_access_token(settings, token)
    rows = (
        await Session.filter(
            id=claims.session_id,
            user_id=claims.user_id,
            organization_id=claims.organization_id,
            revoked_at__isnull=True,
            user__is_active=True,
        )
        .annotate(
            policy_version=Subquery(PolicyState.filter(id=1).values("version")),
            data_version=Subquery(
                AuditChain.filter(key=chain_key(claims.organization_id)).values("last_sequence")
            ),
        )
        .values(
            "expires_at",
            "user__email",
            "user__password_changed_at",
            "policy_version",
            "data_version",
        )
    )
    if not rows:
        raise AuthenticationFailed("session revoked or user inactive")
    row = rows[0]
    if row["expires_at"] <= datetime.now(UTC):
        raise AuthenticationFailed("session expired")
    changed = row["user__password_changed_at"]
    # Whole seconds: JWT times carry no fractions.
    if changed is not None and claims.issued_at < changed.replace(microsecond=0):
        raise AuthenticationFailed("password changed since the token was issued")
    await access.refresh(row["policy_version"])
    roles = tuple(access.roles(subject(claims.user_id), claims.organization_id))
    return Actor(
        kind="user",
        user_id=claims.user_id,
        organization_id=claims.organization_id,
        label=row["user__email"],
        roles=roles,
        session_id=claims.session_id,
        data_version=row["data_version"],
        request=request,
    )
