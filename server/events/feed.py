"""Reading an organization's domain events: the feed clients page and replay."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from server.actor import Actor
from server.errors import DomainError, ErrorCode
from server.events.catalogue import BY_NAME
from server.events.models import DomainEvent
from server.keyset import SortKey, orders
from server.sql import Bounds, Where

EVENT_ORDERS = orders(SortKey("sequence"))


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Conditions on the feed; they combine with AND. Sequence bounds are inclusive, so a
    client that has handled event N asks for `sequence_from=N + 1`."""

    types: Sequence[str] | None = None
    sequence_from: int | None = None
    sequence_to: int | None = None
    occurred_at: Bounds | None = None  # from included, to excluded, in UTC


def check_types(types: Sequence[str], field: list[str]) -> None:
    """Refuse type names the catalogue does not know: a misspelt one would match nothing."""
    unknown = sorted(set(types) - BY_NAME.keys())
    if unknown:
        raise DomainError(
            f"unknown event types: {', '.join(unknown)}", code=ErrorCode.INVALID, field=field
        )


def event_conditions(actor: Actor, flt: EventFilter) -> Where:
    """The organization's events matching `flt`, as SQL conditions for a keyset page;
    unknown type names are refused, since a misspelt one would otherwise match nothing,
    silently."""
    where = Where().add('"organization_id" = {}', actor.org)
    if flt.types is not None:
        check_types(flt.types, ["filter", "types"])
        types = list(flt.types)
        if not types:
            where.add("FALSE")
        else:
            where.add(f'"type" IN ({", ".join("{}" for _ in types)})', *types)
    if flt.sequence_from is not None:
        where.add('"sequence" >= {}', flt.sequence_from)
    if flt.sequence_to is not None:
        where.add('"sequence" <= {}', flt.sequence_to)
    return where.within('"occurred_at"', flt.occurred_at, end_inclusive=False)


async def by_ids(actor: Actor, ids: Sequence[int]) -> dict[int, DomainEvent]:
    """The organization's events among `ids`; another organization's read as missing."""
    return {e.id: e for e in await DomainEvent.filter(id__in=list(ids), organization_id=actor.org)}
