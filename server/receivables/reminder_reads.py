"""The invoices a reminder is due for as the database writes them (server.reads): each
row of `server.receivables.reminders.due_sql` with its invoice, in the statement that finds
them."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from server.reads import dialect
from server.reads.compile import ROW
from server.reads.shape import Related, Shape, Value, column, money
from server.receivables.reads import INVOICE
from server.receivables.reminders import check_days, due_sql
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

# due_sql's order, over the row's alias.
_ORDER = '{t}."days_overdue" DESC, {t}."number", {t}."id"'


async def written_due(
    organization_id: UUID, as_of: date, min_days_overdue: int, quiet_days: int, item: str
) -> str:
    """The JSON array of `item` (SQL over ROW) for each invoice `due` finds, in its order;
    the arguments are checked as `due` checks them."""
    check_days(min_days_overdue, "minDaysOverdue")
    check_days(quiet_days, "quietDays")
    sql, params = due_sql(organization_id, as_of, min_days_overdue, quiet_days)
    rows = dialect.current().rows(item, f"FROM ({sql}) {ROW}", _ORDER.format(t=ROW))
    found = await fetch_rows(f'SELECT {rows} AS "items__"', *params)
    text: str = found[0]["items__"]
    return text
