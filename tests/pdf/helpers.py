"""Helpers for PDF tests: documents through the API, text out of PDFs."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from server.identity.models import Organization
from tests.ledger.helpers import account_ids
from tests.receivables.helpers import create_invoice, customer, issue
from tests.support import Api, Org


def pdf_text(data: bytes) -> str:
    """Every page's text, joined; PDFs must start as PDFs."""
    assert data.startswith(b"%PDF-"), data[:40]
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


async def set_locale(org: Org, locale: str) -> None:
    await Organization.filter(id=org.id).update(locale=locale)


async def invoice_with_lines(
    api: Api,
    org: Org,
    lines: list[tuple[str, str, str]],
    *,
    customer_name: str = "Acme Ltd",
    memo: str | None = None,
    issued: bool = True,
    **customer_fields: Any,
) -> dict[str, Any]:
    """An invoice to a new customer with (description, quantity, unit price) lines."""
    ids = await account_ids(api, org)
    customer_id = await customer(api, org, customer_name, **customer_fields)
    extra = {"memo": memo} if memo is not None else {}
    created = await create_invoice(
        api,
        org,
        customer_id,
        [
            {"description": d, "quantity": q, "unitPrice": p, "accountId": ids["4000"]}
            for d, q, p in lines
        ],
        **extra,
    )
    assert created["userErrors"] == [], created
    invoice: dict[str, Any] = created["invoice"]
    if issued:
        done = await issue(api, org, invoice["id"])
        assert done["userErrors"] == [], done
        invoice = done["invoice"]
    invoice["customerId"] = customer_id
    return invoice


def minimal_invoice_data() -> dict[str, Any]:
    """What the invoice template needs, for tests that compile without a database."""
    return {
        "labels": {
            "title": "Invoice",
            "billTo": "Bill to",
            "issueDate": "Date",
            "dueDate": "Due",
            "reference": "Ref",
            "memo": "Notes",
            "taxId": "Tax ID",
            "bankDetails": "Payment details",
            "columns": ["D", "Q", "P", "T", "A"],
        },
        "lang": "en",
        "number": "INV-1",
        "status": "",
        "customer": {"name": "C", "address": [], "taxId": "", "taxLabel": "Tax ID"},
        "issueDate": "Mar 1, 2026",
        "dueDate": "",
        "reference": "",
        "lines": [],
        "totals": [["Total", "$0.00"]],
        "memo": "",
    }
