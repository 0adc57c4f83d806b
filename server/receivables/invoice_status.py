"""An invoice's status as its open item leaves it: computed, written with a payment, refreshed."""

from __future__ import annotations

from uuid import UUID

from server import sql
from server.batch import RowChange, RowUpdate, change_statement
from server.documents.models import OpenItem
from server.receivables.models import Invoice, InvoiceStatus

OPEN_STATUSES = (InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID)


def status_of(item: OpenItem, taking: int = 0) -> InvoiceStatus:
    """ISSUED, PARTIALLY_PAID or PAID from what is open on the invoice (once `taking` more
    is taken from it)."""
    open_minor = item.open_minor - taking
    if open_minor == 0:
        return InvoiceStatus.PAID
    if open_minor < item.amount_minor:
        return InvoiceStatus.PARTIALLY_PAID
    return InvoiceStatus.ISSUED


STATUS_UPDATE = RowUpdate(Invoice, "status = $1", "status IN ($2, $3, $4)")


def status_write(item: OpenItem, taking: int) -> RowChange:
    """`set_status` as a write for a `Batch`, for the item once `taking` is taken from it."""
    return STATUS_UPDATE.row(item.id, status_of(item, taking), *OPEN_STATUSES, InvoiceStatus.PAID)


async def set_status(item: OpenItem) -> None:
    """Bring an invoice's status in line with its (locked, current) open item."""
    text, params = change_statement(status_write(item, 0))
    await sql.execute(text, *params)


# Void invoices stay void. A written-off one owes something again once a payment that
# part-paid it is taken back (unallocated, or voided as a bounced cheque): it is open again
# for that amount, so that it can be paid or written off once more; the write-off stays.
REFRESH_SQL = "UPDATE invoices SET status = $1 WHERE id = $2 AND status IN ($3, $4, $5, $6)"


async def refresh_status(invoice_id: UUID) -> None:
    """As set_status, reading the open item first."""
    item = await OpenItem.get_or_none(id=invoice_id)
    if item is None:
        return
    reopens = InvoiceStatus.WRITTEN_OFF if item.open_minor != 0 else InvoiceStatus.PAID
    await sql.execute(
        REFRESH_SQL, status_of(item), item.id, *OPEN_STATUSES, InvoiceStatus.PAID, reopens
    )
