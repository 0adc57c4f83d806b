"""Writing audit events: one per state change, in the transaction that made the change."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit.chain import GENESIS_HASH, event_hash
from server.audit.models import AuditChain, AuditEvent

PLATFORM_CHAIN = "platform"
_SECRET_MARKERS = ("password", "secret", "token", "totp", "recovery", "api_key", "hash")
REDACTED = "[redacted]"


def chain_key(organization_id: UUID | None) -> str:
    return f"org:{organization_id}" if organization_id else PLATFORM_CHAIN


def redact(values: dict[str, Any] | None) -> dict[str, Any] | None:
    """Replace anything that looks like a credential, at any depth."""
    if values is None:
        return None
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if any(marker in key.lower() for marker in _SECRET_MARKERS):
            clean[key] = REDACTED
        elif isinstance(value, dict):
            clean[key] = redact(value)
        else:
            clean[key] = value
    return clean


async def open_chain(organization_id: UUID) -> None:
    """Create an organization's chain head; call in the transaction creating the organization."""
    await AuditChain.create(key=chain_key(organization_id), last_sequence=0, last_hash=GENESIS_HASH)


async def record(
    actor: Actor,
    action: str,
    *,
    object_type: str | None = None,
    object_id: UUID | str | None = None,
    outcome: str = "SUCCESS",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    organization_id: UUID | None = None,
    idempotency_key: str | None = None,
) -> AuditEvent:
    """Append one event to the organization's chain; call inside the caller's transaction.

    The chain head row is locked first, so concurrent appends to one chain take turns and
    sequence numbers stay gapless.
    """
    org = organization_id if organization_id is not None else actor.organization_id
    key = chain_key(org)
    head = await AuditChain.select_for_update().get(key=key)
    fields: dict[str, Any] = {
        "chain_key": key,
        "organization_id": str(org) if org else None,
        "sequence": head.last_sequence + 1,
        "occurred_at": datetime.now(UTC),
        "actor_type": actor.kind,
        "actor_id": actor.actor_id,
        "actor_label": actor.label,
        "actor_roles": list(actor.roles),
        "action": action,
        "object_type": object_type,
        "object_id": str(object_id) if object_id is not None else None,
        "outcome": outcome,
        "before": redact(before),
        "after": redact(after),
        "request_id": actor.request.request_id,
        "client_ip": actor.request.client_ip,
        "user_agent": actor.request.user_agent,
        "operation_name": actor.request.operation_name,
        "idempotency_key": idempotency_key,
    }
    digest = event_hash(head.last_hash, fields)
    event = await AuditEvent.create(**fields, prev_hash=head.last_hash, hash=digest)
    await AuditChain.filter(key=key).update(last_sequence=fields["sequence"], last_hash=digest)
    return event


async def record_alone(actor: Actor, action: str, **kwargs: Any) -> None:
    """Record in a transaction of its own: for denials and failed sign-ins, whose request
    work is rolled back or never happened."""
    async with in_transaction():
        await record(actor, action, **kwargs)
