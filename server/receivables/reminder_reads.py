"""The invoices a reminder is due for, a page at a time, as rows or as the database writes
them (server.reads): each row of `server.receivables.reminders.due_sql` with its invoice,
in the statement that finds them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from server.reads.compile import ROW
from server.reads.shape import Related, Shape, Value, column, money
from server.receivables.reads import INVOICE
from server.receivables.reminders import ReminderDue, check_days, due_from_row, due_sql
from server.sql import fetch_rows

REMINDER_DUE = Shape(
    "ReminderDue",
    {
        "invoice": Related(
            INVOICE,
            lambda t, a: (
                f'FROM "{INVOICE.table}" {a} WHERE {a}."id" = {t}."id"'
                f' AND {a}."organization_id" = {t}."organization_id"'
            ),
        ),
        "daysOverdue": column("days_overdue"),
        "amountDue": money(lambda t: f'{t}."open_minor"'),
        "remindersSent": column("sent"),
        "lastSentOn": column("last_sent_on"),
        # The next reminder's level follows the ones sent (server.receivables.reminders.due).
        "nextLevel": Value(lambda t, _d: f'({t}."sent" + 1)'),
    },
)

# A row's place in the list: (days overdue, invoice number, invoice id). The list runs
# most days overdue first, then by number, then by id; a number is never null on an open
# invoice, but the order reads it as '' so that both databases would place a null alike.
Mark = tuple[int, str, UUID]
_KEY = ('{t}."days_overdue"', "COALESCE({t}.\"number\", '')", '{t}."id"')


@dataclass(frozen=True, slots=True)
class DuePage:
    """A page of the list in its order: each row's mark, the rows (`due_from_row`) or each
    one's JSON (`written`), and whether rows lie beyond the page in the walk's direction."""

    marks: list[Mark]
    rows: list[ReminderDue]
    written: list[str] | None
    more: bool


def _beyond(mark: Mark, later: bool, mark_at: int) -> tuple[str, list[object]]:
    """Rows after (`later`) or before `mark` in the list's natural order (most days overdue
    first), over ROW, with placeholders numbered from `mark_at`."""
    days, number, item = (k.format(t=ROW) for k in _KEY)
    further, sooner = ("<", ">") if later else (">", "<")
    n = mark_at
    sql = (
        f"({days} {further} ${n} OR ({days} = ${n + 1} AND ({number} {sooner} ${n + 2}"
        f" OR ({number} = ${n + 3} AND {item} {sooner} ${n + 4}))))"
    )
    return sql, [mark[0], mark[0], mark[1], mark[1], mark[2]]


def _order(natural: bool) -> str:
    days, number, item = (k.format(t=ROW) for k in _KEY)
    if natural:
        return f"{days} DESC, {number}, {item}"
    return f"{days}, {number} DESC, {item} DESC"


async def due_page(
    organization_id: UUID,
    window: DueWindow,
    size: int,
    *,
    after: Mark | None = None,
    before: Mark | None = None,
    backwards: bool = False,
    item: str | None = None,
) -> DuePage:
    """Up to `size` invoices a reminder is due for, strictly between `after` and `before`
    in the list's order (most days overdue first, or its reverse when not
    `window.most_overdue_first`): the first ones, or the last ones when `backwards`. With
    `item` (SQL over ROW), each row written as JSON instead."""
    sql, params = _checked_sql(organization_id, window)
    natural = window.most_overdue_first
    conditions = []
    for mark, later in ((after, natural), (before, not natural)):
        if mark is not None:
            condition, values = _beyond(mark, later, len(params) + 1)
            conditions.append(condition)
            params += values
    params.append(size + 1)
    written = f", {item} AS item__" if item is not None else ""
    where = " AND ".join(conditions) or "TRUE"
    rows = await fetch_rows(
        f"SELECT {ROW}.*{written} FROM ({sql}) {ROW} WHERE {where}"  # noqa: S608
        f" ORDER BY {_order(natural != backwards)} LIMIT ${len(params)}",
        *params,
    )
    page = list(rows[:size])
    if backwards:
        page.reverse()
    marks = [(int(r["days_overdue"]), str(r["number"] or ""), UUID(str(r["id"]))) for r in page]
    if item is not None:
        return DuePage(marks, [], [str(r["item__"]) for r in page], len(rows) > size)
    return DuePage(marks, [due_from_row(r) for r in page], None, len(rows) > size)


async def due_count(organization_id: UUID, window: DueWindow) -> int:
    sql, params = _checked_sql(organization_id, window)
    rows = await fetch_rows(f"SELECT count(*) AS n FROM ({sql}) d", *params)  # noqa: S608
    return int(rows[0]["n"])


@dataclass(frozen=True, slots=True)
class DueWindow:
    """Which invoices the list holds (server.receivables.reminders.due_sql) and its
    direction."""

    as_of: date
    min_days_overdue: int = 1
    quiet_days: int = 7
    most_overdue_first: bool = True


def _checked_sql(organization_id: UUID, window: DueWindow) -> tuple[str, list[Any]]:
    """due_sql's statement, its arguments checked (DomainError for days out of range)."""
    check_days(window.min_days_overdue, "minDaysOverdue")
    check_days(window.quiet_days, "quietDays")
    sql, params = due_sql(organization_id, window.as_of, window.min_days_overdue, window.quiet_days)
    return sql, list(params)
