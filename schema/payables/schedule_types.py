"""GraphQL types of the payment schedule: open approved bills by due date."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.scalars import Money
from server.payables import schedule as sched


@strawberry.type(description="Bills falling due in one period, still open.")
class PaymentScheduleBucket:
    start: date = strawberry.field(description="First day of the period.")
    end: date = strawberry.field(description="Last day of the period.")
    iso_year: int = strawberry.field(description="ISO year of the period's first day.")
    iso_week: int = strawberry.field(description="ISO week of the period's first day.")
    bill_count: int = strawberry.field(description="Number of bills falling due.")
    total: Money = strawberry.field(description="What is open on them, in the base currency.")
    by_currency: list[Money] = strawberry.field(
        description="What is open on them per currency (the cash that goes out)."
    )

    @classmethod
    def from_bucket(cls, b: sched.Bucket, base: str) -> PaymentScheduleBucket:
        year, week, _ = b.start.isocalendar()
        return cls(
            start=b.start,
            end=b.end,
            iso_year=year,
            iso_week=week,
            bill_count=b.bills,
            total=Money.of(b.base_minor, base),
            by_currency=[Money.of(v, c) for c, v in sorted(b.by_currency.items())],
        )


@strawberry.type(description="The cash going out to vendors: open approved bills by due date.")
class PaymentSchedule:
    from_: date = strawberry.field(name="from", description="First day covered.")
    to: date = strawberry.field(description="Last day covered.")
    overdue: PaymentScheduleBucket = strawberry.field(
        description="Bills due before `from` and still open."
    )
    days: list[PaymentScheduleBucket] = strawberry.field(
        description="Each day with bills falling due, in order."
    )
    weeks: list[PaymentScheduleBucket] = strawberry.field(
        description="Each ISO week (Monday to Sunday) with bills falling due, in order; the "
        "first and last hold only the days inside the range."
    )
    total: PaymentScheduleBucket = strawberry.field(description="The whole range.")

    @classmethod
    def from_schedule(cls, s: sched.Schedule) -> PaymentSchedule:
        base = s.base_currency
        return cls(
            from_=s.start,
            to=s.end,
            overdue=PaymentScheduleBucket.from_bucket(s.overdue, base),
            days=[PaymentScheduleBucket.from_bucket(b, base) for b in s.days],
            weeks=[PaymentScheduleBucket.from_bucket(b, base) for b in s.weeks],
            total=PaymentScheduleBucket.from_bucket(s.total, base),
        )
