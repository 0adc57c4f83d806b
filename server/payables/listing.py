"""Which bills, bill payments and purchase orders a list shows: filters as SQL conditions
for a keyset page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from server.payables.models import BillPaymentStatus, BillStatus, PurchaseOrderStatus
from server.sql import Where


def bill_conditions(
    organization_id: UUID,
    *,
    statuses: Sequence[BillStatus] = (),
    vendor_id: UUID | None = None,
    bill_date_from: date | None = None,
    bill_date_to: date | None = None,
    due_date_from: date | None = None,
    due_date_to: date | None = None,
    search: str | None = None,
) -> Where:
    """The organization's bills matching every condition given; `search` looks for the
    text, ignoring case, in the vendor's invoice number."""
    where = Where().add('"organization_id" = {}', organization_id)
    if statuses:
        marks = ", ".join("{}" for _ in statuses)
        where.add(f'"status" IN ({marks})', *statuses)
    if vendor_id is not None:
        where.add('"vendor_id" = {}', vendor_id)
    for condition, value in (
        ('"bill_date" >= {}', bill_date_from),
        ('"bill_date" <= {}', bill_date_to),
        ('"due_date" >= {}', due_date_from),
        ('"due_date" <= {}', due_date_to),
    ):
        if value is not None:
            where.add(condition, value)
    if search:
        where.contains('"vendor_reference"', search)
    return where


def bill_payment_conditions(
    organization_id: UUID,
    *,
    vendor_id: UUID | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    status: BillPaymentStatus | None = None,
) -> Where:
    """The organization's bill payments matching every condition given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if vendor_id is not None:
        where.add('"vendor_id" = {}', vendor_id)
    if date_from is not None:
        where.add('"date" >= {}', date_from)
    if date_to is not None:
        where.add('"date" <= {}', date_to)
    if status is not None:
        where.add('"status" = {}', status)
    return where


def purchase_order_conditions(
    organization_id: UUID,
    *,
    statuses: Sequence[PurchaseOrderStatus] = (),
    vendor_id: UUID | None = None,
    order_date_from: date | None = None,
    order_date_to: date | None = None,
) -> Where:
    """The organization's purchase orders matching every condition given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if statuses:
        marks = ", ".join("{}" for _ in statuses)
        where.add(f'"status" IN ({marks})', *statuses)
    if vendor_id is not None:
        where.add('"vendor_id" = {}', vendor_id)
    if order_date_from is not None:
        where.add('"order_date" >= {}', order_date_from)
    if order_date_to is not None:
        where.add('"order_date" <= {}', order_date_to)
    return where
