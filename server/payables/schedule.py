"""The payment schedule: what approved bills still open fall due, per day and per ISO week.

Daily totals are one SQL aggregation over the bills' open items (indexed by organization,
ledger and date); weeks add up the days, so both always agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from server.documents.models import Ledger, OpenItemKind
from server.errors import DomainError, ErrorCode
from server.identity.base_currency import base_currency
from server.sql import fetch

MAX_DAYS = 3 * 366

_OPEN_BILLS = (
    "FROM open_items WHERE organization_id = $1 AND ledger = $2 AND kind = $3"
    " AND voided_on IS NULL AND open_minor > 0"
)
_DAILY = (
    "SELECT due_date, currency, COUNT(*) AS bills, SUM(open_minor) AS open,"
    " SUM(open_base_minor) AS open_base " + _OPEN_BILLS + " AND due_date >= $4 AND due_date <= $5"
    " GROUP BY due_date, currency ORDER BY due_date, currency"
)
_OVERDUE = (
    "SELECT currency, COUNT(*) AS bills, SUM(open_minor) AS open,"
    " SUM(open_base_minor) AS open_base "
    + _OPEN_BILLS
    + " AND due_date < $4 GROUP BY currency ORDER BY currency"
)


@dataclass(slots=True)
class Bucket:
    """Bills falling due in one period: count, base-currency total, totals per currency."""

    start: date
    end: date
    bills: int = 0
    base_minor: int = 0
    by_currency: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, row: dict[str, Any]) -> None:
        self.bills += int(row["bills"])
        self.base_minor += int(row["open_base"])
        self.by_currency[str(row["currency"])] += int(row["open"])


@dataclass(slots=True)
class Schedule:
    start: date
    end: date
    base_currency: str
    overdue: Bucket
    days: list[Bucket]
    weeks: list[Bucket]
    total: Bucket


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


async def payment_schedule(organization_id: UUID, start: date, end: date) -> Schedule:
    if end < start:
        raise DomainError("`to` is before `from`", code=ErrorCode.OUT_OF_RANGE, field=["to"])
    if (end - start).days > MAX_DAYS:
        raise DomainError(
            f"at most {MAX_DAYS} days at a time", code=ErrorCode.OUT_OF_RANGE, field=["to"]
        )
    params = (organization_id, Ledger.PAYABLE.value, OpenItemKind.BILL.value)
    daily = await fetch(_DAILY, *params, start, end)
    late = await fetch(_OVERDUE, *params, start)
    overdue = Bucket(start=start, end=start - timedelta(days=1))
    for row in late:
        overdue.add(row)
    days: dict[date, Bucket] = {}
    weeks: dict[date, Bucket] = {}
    total = Bucket(start=start, end=end)
    for row in daily:
        day = _day(row["due_date"])
        days.setdefault(day, Bucket(start=day, end=day)).add(row)
        monday = day - timedelta(days=day.weekday())
        weeks.setdefault(monday, Bucket(start=monday, end=monday + timedelta(days=6))).add(row)
        total.add(row)
    return Schedule(
        start=start,
        end=end,
        base_currency=await base_currency(organization_id),
        overdue=overdue,
        days=list(days.values()),
        weeks=list(weeks.values()),
        total=total,
    )
