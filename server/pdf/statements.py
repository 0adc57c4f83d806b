"""The data of a customer statement's PDF, and its rendering."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any
from uuid import UUID

from server.crm.models import Customer
from server.email.models import TemplateKind
from server.pdf.branding import branding_for
from server.pdf.compiler import render
from server.pdf.formatting import Formatter
from server.pdf.parts import labels, language, party
from server.receivables.figures import customer_statement

# The kinds of document whose numbers a statement can show.
DOCUMENT_KINDS = frozenset({"INVOICE", "CREDIT_NOTE", "PAYMENT"})
_KIND_LABELS = {
    "INVOICE": "Invoice",
    "CREDIT_NOTE": "Credit note",
    "PAYMENT": "Payment",
    "VOID": "Void",
    "REFUND": "Refund",
    "WRITE_OFF": "Write-off",
    "DISCOUNT": "Discount",
}


async def statement_data(
    organization_id: UUID,
    customer_id: UUID,
    start: date,
    end: date,
    fmt: Formatter,
    numbered: Collection[str] = DOCUMENT_KINDS,
) -> dict[str, Any]:
    """What the statement template shows. A line's document number is printed only for the
    kinds in `numbered`: whoever asked for the PDF may read the statement's figures without
    being allowed to see which payment or credit note made them."""
    st = await customer_statement(organization_id, customer_id, start, end)
    customer = await Customer.get(id=customer_id)
    cur = st.currency
    return {
        "labels": labels(
            title="Statement",
            customer="Customer",
            period="Period",
            opening="Opening balance",
            closing="Closing balance",
            columns=["Date", "Type", "Document", "Due", "Amount", "Balance"],
        ),
        "lang": language(fmt.locale),
        "number": "",
        "status": "",
        "customer": party(customer),
        "period": fmt.period(st.start, st.end),
        "openingBalance": fmt.money(st.opening_balance, cur),
        "closingBalance": fmt.money(st.closing_balance, cur),
        "lines": [
            {
                "date": fmt.day(ln.on),
                "kind": _KIND_LABELS.get(ln.kind, ln.kind),
                "number": (ln.number or "") if ln.document_kind in numbered else "",
                "dueDate": fmt.day(ln.due_date),
                "amount": fmt.money(ln.amount, cur),
                "balance": fmt.money(ln.balance, cur),
            }
            for ln in st.lines
        ],
    }


async def render_statement(
    organization_id: UUID,
    customer_id: UUID,
    start: date,
    end: date,
    numbered: Collection[str] = DOCUMENT_KINDS,
) -> bytes:
    brand = await branding_for(organization_id, TemplateKind.STATEMENT)
    fmt = Formatter(brand.locale)
    data = await statement_data(organization_id, customer_id, start, end, fmt, numbered)
    return await render("statement", data, brand)
