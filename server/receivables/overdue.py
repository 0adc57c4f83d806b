"""When an invoice is overdue: it is open (issued, perhaps part paid), it still owes money,
and the day it is judged on is after its due date. The one definition, for a single
invoice (`days_overdue`) and for a list (`overdue_condition`)."""

from __future__ import annotations

from datetime import date

from server.receivables.invoice_status import OPEN_STATUSES
from server.receivables.models import InvoiceStatus
from server.receivables.reads import amount_due_minor


def may_be_overdue(status: InvoiceStatus, due_date: date | None) -> bool:
    """Whether an invoice in this status with this due date can be overdue at all."""
    return due_date is not None and status in OPEN_STATUSES


def days_overdue(
    status: InvoiceStatus, due_date: date | None, due_minor: int | None, on: date
) -> int:
    """Days past the due date on `on` with money owed; 0 when the invoice is not overdue."""
    if not may_be_overdue(status, due_date) or not due_minor:
        return 0
    assert due_date is not None
    return max(0, (on - due_date).days)


def overdue_condition(table: str, on: date) -> tuple[str, date]:
    """SQL (with one `{}` for `on`) true for the invoices of `table` overdue on `on`, as
    `days_overdue` judges them."""
    statuses = ", ".join(f"'{s.value}'" for s in OPEN_STATUSES)
    return (
        f'({table}."status" IN ({statuses}) AND {table}."due_date" IS NOT NULL'
        f' AND {table}."due_date" < {{}} AND {amount_due_minor(table)} > 0)',
        on,
    )
