"""Which bills, bill payments and purchase orders a list shows, and the orders it can show
them in: filters as SQL conditions and keyset orders for a page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from server.crm.reads import VENDOR, party_name
from server.keyset import SortKey, orders
from server.payables.models import Bill, BillPaymentStatus, BillStatus, PurchaseOrderStatus
from server.payables.reads import amount_due_minor
from server.sql import Bounds, Where

_VENDOR_NAME = party_name(VENDOR, "vendor_id")

BILL_ORDERS = orders(
    SortKey("bill_date"),
    SortKey("due_date"),
    SortKey("total_minor"),
    SortKey("amount_due", expression=amount_due_minor, kind=int),
    SortKey("vendor_reference"),
    SortKey("vendor_name", expression=_VENDOR_NAME),
    SortKey("created_at"),
)
BILL_PAYMENT_ORDERS = orders(SortKey("date"), SortKey("amount_minor"), SortKey("created_at"))
PURCHASE_ORDER_ORDERS = orders(
    SortKey("order_date"), SortKey("number"), SortKey("total_minor"), SortKey("created_at")
)


@dataclass(frozen=True, slots=True)
class BillFilter:
    status: Sequence[BillStatus] = ()
    vendor_id: UUID | None = None
    bill_date: Bounds | None = None
    due_date: Bounds | None = None
    search: str | None = None


def bill_conditions(organization_id: UUID, f: BillFilter) -> Where:
    """The organization's bills matching every condition given; `search` looks for the
    text, ignoring case, in the vendor's invoice number and the vendor's name."""
    where = Where().add('"organization_id" = {}', organization_id)
    where.one_of('"status"', f.status)
    if f.vendor_id is not None:
        where.add('"vendor_id" = {}', f.vendor_id)
    where.within('"bill_date"', f.bill_date).within('"due_date"', f.due_date)
    if f.search and f.search.strip():
        table = f'"{Bill._meta.db_table}"'
        where.search(f.search, '"vendor_reference"', _VENDOR_NAME(table))
    return where


def bill_payment_conditions(
    organization_id: UUID,
    *,
    vendor_id: UUID | None = None,
    payment_date: Bounds | None = None,
    status: Sequence[BillPaymentStatus] = (),
) -> Where:
    """The organization's bill payments matching every condition given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if vendor_id is not None:
        where.add('"vendor_id" = {}', vendor_id)
    return where.within('"date"', payment_date).one_of('"status"', status)


def purchase_order_conditions(
    organization_id: UUID,
    *,
    status: Sequence[PurchaseOrderStatus] = (),
    vendor_id: UUID | None = None,
    order_date: Bounds | None = None,
) -> Where:
    """The organization's purchase orders matching every condition given."""
    where = Where().add('"organization_id" = {}', organization_id)
    where.one_of('"status"', status)
    if vendor_id is not None:
        where.add('"vendor_id" = {}', vendor_id)
    return where.within('"order_date"', order_date)
