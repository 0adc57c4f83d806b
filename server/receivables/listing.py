"""Which invoices, payments and credit notes a list shows, and the orders it can show them
in: filters as SQL conditions and keyset orders for a page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from server.crm.reads import CUSTOMER, party_name
from server.keyset import SortKey, orders
from server.receivables.models import (
    CreditNoteStatus,
    DisputeStatus,
    Invoice,
    InvoiceStatus,
    PaymentStatus,
)
from server.receivables.overdue import overdue_condition
from server.receivables.reads import amount_due_minor
from server.sql import Bounds, Where

_CUSTOMER_NAME = party_name(CUSTOMER, "customer_id")

INVOICE_ORDERS = orders(
    SortKey("issue_date"),
    SortKey("due_date"),
    SortKey("total_minor"),
    SortKey("amount_due", expression=amount_due_minor, kind=int),
    SortKey("number"),
    SortKey("customer_name", expression=_CUSTOMER_NAME),
    SortKey("created_at"),
)
PAYMENT_ORDERS = orders(SortKey("date"), SortKey("amount_minor"), SortKey("created_at"))
CREDIT_NOTE_ORDERS = orders(
    SortKey("issue_date"), SortKey("number"), SortKey("total_minor"), SortKey("created_at")
)


@dataclass(frozen=True, slots=True)
class InvoiceFilter:
    status: Sequence[InvoiceStatus] = ()
    customer_id: UUID | None = None
    issue_date: Bounds | None = None
    due_date: Bounds | None = None
    number: str | None = None
    # Overdue on `today` (True), not overdue (False), either (None).
    overdue: bool | None = None
    today: date | None = None
    search: str | None = None


def invoice_conditions(organization_id: UUID, f: InvoiceFilter) -> Where:
    """The organization's invoices matching every condition given; `search` looks for the
    text, ignoring case, in the number, the customer's reference and the customer's name."""
    table = f'"{Invoice._meta.db_table}"'
    where = Where().add('"organization_id" = {}', organization_id)
    where.one_of('"status"', f.status)
    if f.customer_id is not None:
        where.add('"customer_id" = {}', f.customer_id)
    where.within('"issue_date"', f.issue_date).within('"due_date"', f.due_date)
    if f.number is not None:
        where.add('"number" = {}', f.number)
    if f.overdue is not None:
        assert f.today is not None
        condition, today = overdue_condition(table, f.today)
        where.add(condition if f.overdue else f"NOT {condition}", today)
    if f.search and f.search.strip():
        where.search(f.search, '"number"', '"reference"', _CUSTOMER_NAME(table))
    return where


def payment_conditions(
    organization_id: UUID,
    *,
    customer_id: UUID | None = None,
    status: Sequence[PaymentStatus] = (),
    payment_date: Bounds | None = None,
) -> Where:
    """The organization's payments received matching every condition given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if customer_id is not None:
        where.add('"customer_id" = {}', customer_id)
    return where.one_of('"status"', status).within('"date"', payment_date)


def credit_note_conditions(
    organization_id: UUID,
    *,
    customer_id: UUID | None = None,
    status: Sequence[CreditNoteStatus] = (),
    issue_date: Bounds | None = None,
) -> Where:
    """The organization's credit notes matching every condition given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if customer_id is not None:
        where.add('"customer_id" = {}', customer_id)
    return where.one_of('"status"', status).within('"issue_date"', issue_date)


def dispute_conditions(
    organization_id: UUID,
    *,
    invoice_id: UUID | None = None,
    statuses: Sequence[DisputeStatus] | None = None,
    opened_on: Bounds | None = None,
) -> Where:
    """The organization's disputes, of one invoice, of any of `statuses` and opened within
    `opened_on` where given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if invoice_id is not None:
        where.add('"invoice_id" = {}', invoice_id)
    return where.one_of('"status"', statuses).within('"opened_on"', opened_on)
