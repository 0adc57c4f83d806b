"""Which invoices, payments and credit notes a list shows: its filter as SQL conditions for
a keyset page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from server.receivables.models import DisputeStatus, InvoiceStatus, PaymentStatus
from server.sql import Where


def invoice_conditions(
    organization_id: UUID,
    *,
    status: InvoiceStatus | None = None,
    customer_id: UUID | None = None,
    issued_from: date | None = None,
    issued_to: date | None = None,
    number: str | None = None,
) -> Where:
    """The organization's invoices matching every condition given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if status is not None:
        where.add('"status" = {}', status)
    if customer_id is not None:
        where.add('"customer_id" = {}', customer_id)
    if issued_from is not None:
        where.add('"issue_date" >= {}', issued_from)
    if issued_to is not None:
        where.add('"issue_date" <= {}', issued_to)
    if number is not None:
        where.add('"number" = {}', number)
    return where


def payment_conditions(
    organization_id: UUID,
    *,
    customer_id: UUID | None = None,
    status: PaymentStatus | None = None,
    received_from: date | None = None,
    received_to: date | None = None,
) -> Where:
    """The organization's payments received matching every condition given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if customer_id is not None:
        where.add('"customer_id" = {}', customer_id)
    if status is not None:
        where.add('"status" = {}', status)
    if received_from is not None:
        where.add('"date" >= {}', received_from)
    if received_to is not None:
        where.add('"date" <= {}', received_to)
    return where


def credit_note_conditions(organization_id: UUID, *, customer_id: UUID | None = None) -> Where:
    """The organization's credit notes, of one customer if given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if customer_id is not None:
        where.add('"customer_id" = {}', customer_id)
    return where


def dispute_conditions(
    organization_id: UUID,
    *,
    invoice_id: UUID | None = None,
    statuses: Sequence[DisputeStatus] | None = None,
) -> Where:
    """The organization's disputes, of one invoice and of any of `statuses` if given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if invoice_id is not None:
        where.add('"invoice_id" = {}', invoice_id)
    if statuses:
        where.add('"status" IN ({})'.format(", ".join("{}" for _ in statuses)), *statuses)
    return where
