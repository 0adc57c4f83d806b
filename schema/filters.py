"""What every list's filter and order share: the date and instant ranges a filter field
holds, and the mapping from a GraphQL order onto the orders its read model declares.

The conventions are docs/api/conventions.md's: a range field is named for the date it
filters (`issueDate`, `occurredAt`), a status filter is a list, a connection's order is
`{field, direction}` with ties broken by id."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum
from uuid import UUID

import strawberry

from schema.enums import described_enum
from schema.ids import decode
from server.keyset import SortKey
from server.sql import Bounds


class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


described_enum(
    OrderDirection,
    name="OrderDirection",
    description="Sort direction.",
    values={
        OrderDirection.ASC: "Ascending: A to Z, oldest first, smallest first.",
        OrderDirection.DESC: "Descending: Z to A, newest first, largest first.",
    },
)


@strawberry.input(
    description="Days from `from` to `to`, both included; either end may be left out for a "
    "range open on that side."
)
class DateRange:
    from_: date | None = strawberry.field(
        default=None, name="from", description="First day included."
    )
    to: date | None = strawberry.field(default=None, description="Last day included.")


@strawberry.input(
    description="Instants from `from` (included) up to `to` (excluded), so that one range "
    "ends where the next begins; either end may be left out."
)
class DateTimeRange:
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="First instant included."
    )
    to: datetime | None = strawberry.field(default=None, description="First instant excluded.")


def bounds(given: DateRange | DateTimeRange | None) -> Bounds | None:
    """A range's ends as a list's conditions take them; None when nothing was given.

    A range whose start lies after its end matches nothing, as SQL makes it: it is not
    an error, like any other filter that matches nothing."""
    if given is None or (given.from_ is None and given.to is None):
        return None
    return Bounds(_utc(given.from_), _utc(given.to))


def _utc(end: date | None) -> date | None:
    # SQLite compares instants as the stored text, written in UTC: bounds are brought to
    # UTC first, alike on both databases.
    if isinstance(end, datetime):
        return end.astimezone(UTC)
    return end


def order_key(declared: dict[str, SortKey], field: Enum, direction: OrderDirection) -> SortKey:
    """The declared order an order field names (its value is the order's name), in the
    direction asked."""
    return declared[str(field.value)].toward(direction == OrderDirection.DESC)


def filter_id(value: strawberry.ID | None, type_name: str) -> UUID | None:
    """A filter's id: None when none was given; an id that cannot be one of `type_name`
    matches nothing (the nil UUID names no row)."""
    if value is None:
        return None
    return decode(value, type_name) or UUID(int=0)
