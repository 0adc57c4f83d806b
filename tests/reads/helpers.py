"""Asking the same request of the read path and of the stock resolvers, and data chosen to
break a JSON writer: currencies of 0, 2 and 3 places, negative, zero and very large amounts,
fractional quantities, missing rows, texts with quotes, backslashes, newlines and letters
outside ASCII."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import httpx
import pytest

import schema.reads
from schema.ids import decode
from server.crm.models import Customer
from server.documents.models import Ledger, OpenItem, OpenItemKind
from server.reads.shape import Shape, Value
from server.receivables.models import Invoice, InvoiceLine, InvoiceStatus
from tests.ledger.helpers import account_ids
from tests.support import Api, Org

# Texts a JSON writer must escape, and letters outside ASCII.
AWKWARD = 'Quote " back\\slash\nnew line, tab\t, Zürich — 東京 🙂'
# The same for a name, which may hold no control characters.
PARTY_NAME = 'Zürich "Quote" \\ 東京 🙂'


def every_field(shape: Shape, prefix: str = "") -> str:
    """A selection of every field the shape declares, however deep: whatever is declared
    is compared with the stock resolvers. With `prefix`, the first level is aliased (types
    side by side in one selection may have fields of the same name and other types)."""
    fields = []
    for name, spec in shape.fields.items():
        key = f"{prefix}{name}: {name}" if prefix else name
        if isinstance(spec, Value):
            fields.append(key)
        else:
            fields.append(f"{key} {{ {every_field(spec.shape)} }}")
    return " ".join(fields)


@contextmanager
def stock_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Requests answered by the stock resolvers, as for a selection SQL cannot write."""
    with monkeypatch.context() as patch:
        patch.setattr(schema.reads, "item_sql", lambda *_args, **_kwargs: None)
        yield


def spied(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """What the read path writes from now on: each item's SQL, or None where SQL cannot
    write the selection (a selection the walker refuses does not get that far)."""
    written: list[str | None] = []
    item_sql = schema.reads.item_sql

    def spy(*args: Any) -> str | None:
        written.append(item_sql(*args))
        return written[-1]

    monkeypatch.setattr(schema.reads, "item_sql", spy)
    return written


async def both(
    api: Api,
    org: Org,
    query: str,
    variables: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    role: str = "owner",
    errors: bool = False,
) -> tuple[httpx.Response, httpx.Response]:
    """The same request through the read path, then through the stock resolvers."""
    written = await api.post(query, variables, token=org.token(role))
    with stock_path(monkeypatch):
        stock = await api.post(query, variables, token=org.token(role))
    for response in (written, stock):
        assert response.status_code == 200, response.text
        assert bool(response.json().get("errors")) == errors, response.text
    return written, stock


def statements(response: httpx.Response) -> int:
    return int(response.headers["x-sql-statements"])


async def awkward_invoices(api: Api, org: Org) -> None:
    """Invoices written straight to the tables with the values the API rarely makes."""
    accounts = {k: decode(v, "Account") for k, v in (await account_ids(api, org)).items()}
    # An address of awkward text and missing parts, a time stored with another offset, and
    # an address that is empty: no address.
    yen = await Customer.create(
        organization_id=org.id,
        name=AWKWARD,
        currency="JPY",
        billing_address={"line1": AWKWARD, "city": "東京", "postalCode": None},
        tags_text=",eu,key-account,",
        created_at=datetime(2026, 1, 1, 1, 0, 0, 999_999, tzinfo=timezone(timedelta(hours=9))),
    )
    dinar = await Customer.create(
        organization_id=org.id,
        name="Manama Trading",
        currency="BHD",
        email="a@b.example",
        phone="+973 1",
        tax_id="BH-1",
        credit_limit_minor=-1,
        billing_address={},
    )
    cases: list[dict[str, Any]] = [
        # (customer, status, total minor, open minor or None for no open item)
        {"party": yen, "status": InvoiceStatus.ISSUED, "total": 1_234_567, "open": 1_000},
        {"party": yen, "status": InvoiceStatus.DRAFT, "total": 0, "open": None},
        {"party": dinar, "status": InvoiceStatus.PARTIALLY_PAID, "total": 9_999, "open": 1},
        {"party": dinar, "status": InvoiceStatus.VOID, "total": -5, "open": 0},
        {
            "party": dinar,
            "status": InvoiceStatus.WRITTEN_OFF,
            "total": 9_007_199_254_740_993,
            "open": 0,
        },
        {"party": yen, "status": InvoiceStatus.ISSUED, "total": 7, "open": None},
        {"party": dinar, "status": InvoiceStatus.DRAFT, "total": -1_234, "open": None},
    ]
    for n, case in enumerate(cases):
        invoice = await _awkward_invoice(org, n, case)
        if case["open"] is not None:
            await _open_item(org, invoice, case)
        # No lines on the sixth; the others get quantities and prices of every shape,
        # written last line first so that only an ORDER BY gives them in order.
        lines = [
            (Decimal("1.5"), 1_999, Decimal(0), AWKWARD),
            (Decimal("10"), -250, Decimal("12.5"), None),
            (Decimal("0.0001"), 0, Decimal("100"), ""),
            (Decimal("-123456.789"), 3, Decimal("0.0001"), "x"),
        ][: 0 if n == 5 else 1 + n % 4]
        for line_no, (quantity, price, discount, text) in reversed(list(enumerate(lines, start=1))):
            await InvoiceLine.create(
                invoice_id=invoice.id,
                line_no=line_no,
                description=text,
                quantity=quantity,
                unit_price_minor=price,
                discount_percent=discount,
                account_id=accounts["4000"],
                amount_minor=price * 3,
                tax_minor=-line_no,
            )


async def _awkward_invoice(org: Org, n: int, case: dict[str, Any]) -> Invoice:
    party = case["party"]
    status = case["status"]
    return await Invoice.create(
        organization_id=org.id,
        customer_id=party.id,
        number=None if status == InvoiceStatus.DRAFT else f"AWK-{n}",
        status=status,
        currency=party.currency,
        issue_date=date(2026, 5, 1 + n),
        due_date=None if n % 2 else date(2026, 6, 1 + n),
        reference=AWKWARD if n == 0 else None,
        memo="" if n == 1 else AWKWARD,
        subtotal_minor=case["total"] - 1,
        tax_minor=1,
        total_minor=case["total"],
        discount_percent=Decimal("2.5") if n == 2 else None,
        discount_until=date(2026, 5, 20) if n == 2 else None,
        voided_on=date(2026, 5, 9) if status == InvoiceStatus.VOID else None,
        written_off_on=date(2026, 5, 9) if status == InvoiceStatus.WRITTEN_OFF else None,
        credit_limit_overridden=n == 3,
    )


async def _open_item(org: Org, invoice: Invoice, case: dict[str, Any]) -> None:
    await OpenItem.create(
        id=invoice.id,
        organization_id=org.id,
        ledger=Ledger.RECEIVABLE,
        kind=OpenItemKind.INVOICE,
        is_charge=True,
        party_id=case["party"].id,
        number=invoice.number,
        currency=invoice.currency,
        date=invoice.issue_date,
        due_date=invoice.due_date or invoice.issue_date,
        amount_minor=max(case["total"], 0),
        base_amount_minor=max(case["total"], 0),
        open_minor=case["open"],
        open_base_minor=case["open"],
    )
