"""Which bills a list shows: its filter as SQL conditions for a keyset page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from server.payables.models import BillStatus
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
