"""What a subscription reads when woken: the organization's events after a sequence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from server.events.models import DomainEvent
from server.global_ids import encode

# Events read per statement; a subscription behind by more reads again at once.
BATCH = 200


async def head(organization_id: UUID) -> int:
    """The sequence of the organization's latest committed event; 0 before its first."""
    latest = (
        await DomainEvent.filter(organization_id=organization_id)
        .order_by("-sequence")
        .only("id", "sequence")
        .first()
    )
    return latest.sequence if latest is not None else 0


async def after(organization_id: UUID, sequence: int, limit: int = BATCH) -> list[DomainEvent]:
    """The organization's events after `sequence`, in order. Events are numbered in commit
    order, so none can still commit below the last one read here."""
    return (
        await DomainEvent.filter(organization_id=organization_id, sequence__gt=sequence)
        .order_by("sequence")
        .limit(limit)
    )


def _names(value: Any, global_id: str) -> bool:
    if isinstance(value, str):
        return value == global_id
    if isinstance(value, dict):
        return any(_names(v, global_id) for v in value.values())
    if isinstance(value, list):
        return any(_names(v, global_id) for v in value)
    return False


def concerns(event: DomainEvent, type_name: str, object_id: UUID) -> bool:
    """Whether the event is about the object: the object changed, or one its payload names
    (a payment's allocations name the invoices it pays, a credit note the invoice it
    corrects, a dispute its invoice). Payloads carry ids as the API's global ids."""
    if event.object_type == type_name and event.object_id == str(object_id):
        return True
    return _names(event.payload, encode(type_name, object_id))


def matching(events: Sequence[DomainEvent], types: Sequence[str] | None) -> list[DomainEvent]:
    if types is None:
        return list(events)
    wanted = set(types)
    return [e for e in events if e.type in wanted]
