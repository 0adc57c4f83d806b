"""Reading an organization's domain events: the feed clients page and replay."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tortoise.queryset import QuerySet

from server.actor import Actor
from server.errors import DomainError, ErrorCode
from server.events.catalogue import BY_NAME
from server.events.models import DomainEvent


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Conditions on the feed; they combine with AND. Sequence bounds are inclusive, so a
    client that has handled event N asks for `sequence_from=N + 1`."""

    types: Sequence[str] | None = None
    sequence_from: int | None = None
    sequence_to: int | None = None
    occurred_from: datetime | None = None  # at or after
    occurred_to: datetime | None = None  # before


def check_types(types: Sequence[str], field: list[str]) -> None:
    """Refuse type names the catalogue does not know: a misspelt one would match nothing."""
    unknown = sorted(set(types) - BY_NAME.keys())
    if unknown:
        raise DomainError(
            f"unknown event types: {', '.join(unknown)}", code=ErrorCode.INVALID, field=field
        )


def search(actor: Actor, flt: EventFilter) -> QuerySet[DomainEvent]:
    """The organization's events matching `flt`; unknown type names are refused, since a
    misspelt one would otherwise match nothing, silently."""
    query = DomainEvent.filter(organization_id=actor.org)
    if flt.types is not None:
        check_types(flt.types, ["filter", "types"])
        query = query.filter(type__in=list(flt.types))
    if flt.sequence_from is not None:
        query = query.filter(sequence__gte=flt.sequence_from)
    if flt.sequence_to is not None:
        query = query.filter(sequence__lte=flt.sequence_to)
    if flt.occurred_from is not None:
        query = query.filter(occurred_at__gte=flt.occurred_from)
    if flt.occurred_to is not None:
        query = query.filter(occurred_at__lt=flt.occurred_to)
    return query


async def by_ids(actor: Actor, ids: Sequence[int]) -> dict[int, DomainEvent]:
    """The organization's events among `ids`; another organization's read as missing."""
    return {e.id: e for e in await DomainEvent.filter(id__in=list(ids), organization_id=actor.org)}
