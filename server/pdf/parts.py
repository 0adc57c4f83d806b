"""Pieces every document's data shares: the party block, line rows, labels."""

from __future__ import annotations

from typing import Any

from server.crm.models import Party
from server.documents.models import DocumentLine
from server.pdf.formatting import Formatter

# Printed labels. English for now; the locale decides how values are written.
LABELS: dict[str, Any] = {
    "taxId": "Tax ID",
    "bankDetails": "Payment details",
    "issueDate": "Date",
    "dueDate": "Due date",
    "reference": "Reference",
    "memo": "Notes",
    "subtotal": "Subtotal",
    "tax": "Tax",
    "total": "Total",
    "amountDue": "Amount due",
    "invoice": "Invoice",
    "columns": ["Description", "Quantity", "Unit price", "Tax", "Amount"],
}


def labels(**extra: Any) -> dict[str, Any]:
    return {**LABELS, **extra}


def address_lines(address: dict[str, Any] | None) -> list[str]:
    """An address as printed lines: street lines, then postcode and city, region, country."""
    if not address:
        return []
    town = " ".join(p for p in (address.get("postalCode"), address.get("city")) if p)
    parts = (address.get("line1"), address.get("line2"), town, address.get("region"))
    lines = [str(p) for p in parts if p]
    if address.get("country"):
        lines.append(str(address["country"]))
    return lines


def party(p: Party) -> dict[str, Any]:
    return {
        "name": p.name,
        "address": address_lines(p.billing_address),
        "taxId": p.tax_id or "",
        "taxLabel": LABELS["taxId"],
    }


def line_rows(lines: list[DocumentLine], currency: str, fmt: Formatter) -> list[dict[str, str]]:
    rows = []
    for line in sorted(lines, key=lambda ln: ln.line_no):
        description = line.description or ""
        if line.discount_percent:
            description += f" (-{fmt.number(line.discount_percent)} %)"
        rows.append(
            {
                "description": description,
                "quantity": fmt.number(line.quantity),
                "unitPrice": fmt.money(line.unit_price_minor, currency),
                "tax": fmt.money(line.tax_minor, currency),
                "amount": fmt.money(line.amount_minor, currency),
            }
        )
    return rows


def language(locale: str) -> str:
    """The language part of a locale, for Typst's hyphenation and quotes."""
    return locale.split("_")[0].lower()
