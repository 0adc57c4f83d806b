"""Creating, changing, rotating and deleting an organization's webhook endpoints.

Each change writes its audit event, and with it its domain event, in its transaction.
Secrets appear in no audit value and no event: only `create` and `rotate_secret` return
one, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound
from server.events.catalogue import BY_NAME
from server.settings import Settings
from server.webhooks import guard, signing
from server.webhooks.models import DESCRIPTION_MAX, WebhookEndpoint

OBJECT_TYPE = "WebhookEndpoint"


@dataclass(frozen=True, slots=True)
class EndpointChange:
    """A partial change: None leaves a value as it is (an empty description clears it)."""

    url: str | None = None
    description: str | None = None
    event_types: Sequence[str] | None = None
    enabled: bool | None = None


async def checked_url(settings: Settings, url: str, field: str = "url") -> str:
    """The URL if the guard lets it through now; a userError otherwise."""
    clean = url.strip()
    try:
        await guard.checked(clean, settings.webhooks_allow_private)
    except guard.UnsafeTarget as exc:
        code = ErrorCode.TOO_LONG if len(clean) > guard.URL_MAX else ErrorCode.UNSAFE_URL
        raise DomainError(str(exc), code=code, field=[field]) from exc
    return clean


def checked_types(types: Sequence[str]) -> list[str]:
    unknown = sorted(set(types) - BY_NAME.keys())
    if unknown:
        raise DomainError(
            f"unknown event types: {', '.join(unknown)}",
            code=ErrorCode.INVALID,
            field=["eventTypes"],
        )
    return sorted(set(types))


def checked_description(description: str | None) -> str | None:
    clean = (description or "").strip() or None
    if clean is not None and len(clean) > DESCRIPTION_MAX:
        raise DomainError(
            f"the description is longer than {DESCRIPTION_MAX} characters",
            code=ErrorCode.TOO_LONG,
            field=["description"],
        )
    return clean


def audit_values(endpoint: WebhookEndpoint) -> dict[str, Any]:
    return {
        "url": endpoint.url,
        "description": endpoint.description,
        "eventTypes": list(endpoint.event_types),
        "enabled": endpoint.enabled,
    }


async def get(actor: Actor, endpoint_id: UUID, *, lock: bool = False) -> WebhookEndpoint:
    query = WebhookEndpoint.filter(id=endpoint_id, organization_id=actor.org)
    found = await (query.select_for_update().first() if lock else query.first())
    if found is None:
        raise NotFound("webhook endpoint not found", field=["id"])
    return found


async def create(
    settings: Settings,
    actor: Actor,
    url: str,
    description: str | None,
    event_types: Sequence[str],
) -> tuple[WebhookEndpoint, str]:
    """The endpoint and its secret (shown this once)."""
    clean_url = await checked_url(settings, url)
    types = checked_types(event_types)
    clean_description = checked_description(description)
    secret = signing.new_secret()
    async with in_transaction():
        endpoint = await WebhookEndpoint.create(
            organization_id=actor.org,
            url=clean_url,
            description=clean_description,
            event_types=types,
            secret_sealed=signing.sealed(settings, secret),
            created_by_id=actor.author_id,
        )
        await audit.record(
            actor,
            "webhook_endpoint.create",
            object_type=OBJECT_TYPE,
            object_id=endpoint.id,
            after=audit_values(endpoint),
        )
    return endpoint, secret


async def update(
    settings: Settings, actor: Actor, endpoint_id: UUID, change: EndpointChange
) -> WebhookEndpoint:
    """Apply a partial change. Enabling an endpoint clears why it was disabled and its count
    of failures, so it gets a fresh three days."""
    url = await checked_url(settings, change.url) if change.url is not None else None
    types = checked_types(change.event_types) if change.event_types is not None else None
    async with in_transaction():
        endpoint = await get(actor, endpoint_id, lock=True)
        before = audit_values(endpoint)
        if url is not None:
            endpoint.url = url
        if change.description is not None:
            endpoint.description = checked_description(change.description)
        if types is not None:
            endpoint.event_types = types
        if change.enabled is not None and change.enabled != endpoint.enabled:
            _switch(endpoint, change.enabled)
        await endpoint.save()
        await audit.record(
            actor,
            "webhook_endpoint.update",
            object_type=OBJECT_TYPE,
            object_id=endpoint.id,
            before=before,
            after=audit_values(endpoint),
        )
    return endpoint


def _switch(endpoint: WebhookEndpoint, enabled: bool) -> None:
    endpoint.enabled = enabled
    endpoint.disabled_at = None if enabled else clock.now()
    endpoint.disabled_reason = None
    if enabled:
        endpoint.failing_since = None
        endpoint.consecutive_failures = 0


async def delete(actor: Actor, endpoint_id: UUID) -> WebhookEndpoint:
    """Delete the endpoint and its delivery log; jobs still queued for it find nothing."""
    async with in_transaction():
        endpoint = await get(actor, endpoint_id, lock=True)
        await WebhookEndpoint.filter(id=endpoint.id).delete()
        await audit.record(
            actor,
            "webhook_endpoint.delete",
            object_type=OBJECT_TYPE,
            object_id=endpoint.id,
            before=audit_values(endpoint),
        )
    return endpoint


async def rotate_secret(
    settings: Settings, actor: Actor, endpoint_id: UUID
) -> tuple[WebhookEndpoint, str]:
    """A new secret (shown this once). The one it replaces keeps signing, beside it, for
    ROTATION_OVERLAP; a secret older than that, from an earlier rotation, stops now."""
    secret = signing.new_secret()
    async with in_transaction():
        endpoint = await get(actor, endpoint_id, lock=True)
        overlap_ends = clock.now() + signing.ROTATION_OVERLAP
        endpoint.previous_secret_sealed = endpoint.secret_sealed
        endpoint.previous_secret_expires_at = overlap_ends
        endpoint.secret_sealed = signing.sealed(settings, secret)
        await endpoint.save()
        await audit.record(
            actor,
            "webhook_endpoint.secret_rotate",
            object_type=OBJECT_TYPE,
            object_id=endpoint.id,
            after={"overlapEndsAt": overlap_ends.isoformat()},
        )
    return endpoint, secret
