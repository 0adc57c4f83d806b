"""The range inputs every filter uses for the date or instant it filters (a field named for
that date: `issueDate`, `occurredAt`)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry


@strawberry.input(description="Dates from `from` to `to`, both included; either may be omitted.")
class DateRange:
    from_: date | None = strawberry.field(
        default=None, name="from", description="First date included; omitted: no lower bound."
    )
    to: date | None = strawberry.field(
        default=None, description="Last date included; omitted: no upper bound."
    )


@strawberry.input(
    description="Instants from `from` (included) to `to` (excluded); either may be omitted."
)
class DateTimeRange:
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="At or after this instant; omitted: no lower bound."
    )
    to: datetime | None = strawberry.field(
        default=None, description="Before this instant; omitted: no upper bound."
    )
