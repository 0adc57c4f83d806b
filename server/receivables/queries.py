"""Reads that serve invoice lists: lines and open balances of many invoices at once."""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from typing import Any
from uuid import UUID

from server.receivables.models import InvoiceLine
from server.sql import fetch


def _uuid(value: Any) -> UUID | None:
    return None if value is None else UUID(str(value))


def _line(row: dict[str, Any]) -> InvoiceLine:
    options = row["dimension_option_ids"]
    if isinstance(options, str):
        options = json.loads(options)
    return InvoiceLine(
        id=row["line_id"],
        invoice_id=_uuid(row["invoice_id"]),
        line_no=row["line_no"],
        item_id=_uuid(row["item_id"]),
        description=row["description"],
        quantity=Decimal(str(row["quantity"])),
        unit_price_minor=row["unit_price_minor"],
        discount_percent=Decimal(str(row["discount_percent"])),
        tax_rate_id=_uuid(row["tax_rate_id"]),
        account_id=_uuid(row["account_id"]),
        amount_minor=row["amount_minor"],
        tax_minor=row["tax_minor"],
        dimension_option_ids=options or [],
    )


_DETAILS = (
    "SELECT i.id AS invoice_id, o.open_minor AS open_minor, l.id AS line_id, l.line_no,"
    " l.item_id, l.description, l.quantity, l.unit_price_minor, l.discount_percent,"
    " l.tax_rate_id, l.account_id, l.amount_minor, l.tax_minor, l.dimension_option_ids"
    " FROM invoices i"
    " LEFT JOIN open_items o ON o.id = i.id"
    " LEFT JOIN invoice_lines l ON l.invoice_id = i.id"
)


async def invoice_details(
    organization_id: UUID, ids: list[UUID]
) -> dict[UUID, tuple[int | None, list[InvoiceLine]]]:
    """For each invoice: its open amount (None while a draft) and its lines, in one statement.

    A page of invoices with their lines and amounts due then costs one statement here
    instead of one for lines and one for balances.
    """
    if not ids:
        return {}
    marks = ", ".join(f"${i}" for i in range(2, len(ids) + 2))
    # Only numbered placeholders are formatted in; the ids travel as parameters.
    sql = _DETAILS + f" WHERE i.organization_id = $1 AND i.id IN ({marks})"
    rows = await fetch(sql + " ORDER BY i.id, l.line_no", organization_id, *ids)
    found: dict[UUID, tuple[int | None, list[InvoiceLine]]] = {}
    lines: dict[UUID, list[InvoiceLine]] = defaultdict(list)
    for row in rows:
        invoice_id = UUID(str(row["invoice_id"]))
        if row["line_id"] is not None:
            lines[invoice_id].append(_line(row))
        open_minor = row["open_minor"]
        found[invoice_id] = (None if open_minor is None else int(open_minor), lines[invoice_id])
    return found
