"""API keys for integrations: created and revoked by admins, presented as bearer tokens.

A key reads `llk_<key id>_<secret>`. The id finds the row in one indexed lookup and the
secret is compared with its stored SHA-256 in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import clock
from server.access.control import AccessControl, bump_version, domain, key_subject
from server.access.grants import check_key_role
from server.access.models import CasbinRule
from server.access.roles import resolve_roles
from server.actor import Actor, RequestInfo
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound
from server.identity.errors import AuthenticationFailed
from server.identity.models import ApiKey

PREFIX = "llk_"
LAST_USED_PRECISION = timedelta(minutes=1)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def looks_like_key(token: str) -> bool:
    return token.startswith(PREFIX)


async def create(
    access: AccessControl, actor: Actor, name: str, role: str, expires_at: datetime | None
) -> tuple[ApiKey, str]:
    """The key and its secret token (shown this once)."""
    clean = (name or "").strip()
    if not clean or len(clean) > 100:
        raise DomainError("name is 1 to 100 characters", code=ErrorCode.REQUIRED, field=["name"])
    if expires_at is not None and expires_at <= clock.now():
        raise DomainError(
            "the expiry must be in the future", code=ErrorCode.OUT_OF_RANGE, field=["expiresAt"]
        )
    subjects = await resolve_roles(actor, [role], "role")
    role_subject = subjects[role]
    check_key_role(access, actor, role_subject, "role")
    secret = secrets.token_urlsafe(32)
    async with in_transaction():
        key = await ApiKey.create(
            organization_id=actor.org,
            name=clean,
            role=role,
            secret_hash=_hash(secret),
            created_by_id=actor.person_id,
            expires_at=expires_at,
        )
        await CasbinRule.create(
            ptype="g", v0=key_subject(key.id), v1=role_subject, v2=domain(actor.org)
        )
        await bump_version()
        await audit.record(
            actor,
            "api_key.create",
            object_type="ApiKey",
            object_id=key.id,
            after={
                "name": clean,
                "role": role,
                "expiresAt": expires_at.isoformat() if expires_at else None,
            },
        )
    await access.refresh()
    return key, f"{PREFIX}{key.id.hex}_{secret}"


async def revoke(access: AccessControl, actor: Actor, key_id: UUID) -> ApiKey:
    async with in_transaction():
        key = await ApiKey.filter(id=key_id, organization_id=actor.org).select_for_update().first()
        if key is None:
            raise NotFound("API key not found", field=["id"])
        if key.revoked_at is not None:
            raise DomainError("the key is already revoked", code=ErrorCode.CONFLICT, field=["id"])
        key.revoked_at = clock.now()
        await ApiKey.filter(id=key.id).update(revoked_at=key.revoked_at)
        await CasbinRule.filter(ptype="g", v0=key_subject(key.id)).delete()
        await bump_version()
        await audit.record(
            actor,
            "api_key.revoke",
            object_type="ApiKey",
            object_id=key.id,
            before={"name": key.name},
        )
    await access.refresh()
    return key


async def authenticate_key(access: AccessControl, token: str, request: RequestInfo) -> Actor:
    try:
        raw_id, secret = token.removeprefix(PREFIX).split("_", 1)
        key_id = UUID(hex=raw_id)
    except ValueError as exc:
        raise AuthenticationFailed("malformed API key") from exc
    now = clock.now()
    key = await ApiKey.filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now), id=key_id, revoked_at__isnull=True
    ).first()
    if key is None or not hmac.compare_digest(key.secret_hash, _hash(secret)):
        raise AuthenticationFailed("unknown, revoked or expired API key")
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_PRECISION:
        await ApiKey.filter(id=key.id).update(last_used_at=now)
    await access.refresh()  # reads the policy version: rules changed elsewhere apply now
    return Actor(
        kind="api_key",
        key_id=key.id,
        key_creator_id=key.created_by_id,
        organization_id=key.organization_id,
        label=f"api key {key.name}",
        roles=(key.role,),
        request=request,
    )
