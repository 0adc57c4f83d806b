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
from uuid import UUID, uuid4

import httpx
import pytest

import schema.reads
from schema.ids import decode
from server.crm.models import Customer
from server.documents.models import Allocation, AllocationKind, Ledger, OpenItem, OpenItemKind
from server.reads.shape import Argued, Choice, Shape, Value
from server.receivables.models import (
    CreditNote,
    CreditNoteLine,
    CreditNoteStatus,
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
)
from tests.ledger.helpers import account_ids
from tests.support import Api, Org

# Texts a JSON writer must escape, and letters outside ASCII.
AWKWARD = 'Quote " back\\slash\nnew line, tab\t, Zürich — 東京 🙂'
# The same for a name, which may hold no control characters.
PARTY_NAME = 'Zürich "Quote" \\ 東京 🙂'


def every_field(shape: Shape, prefix: str = "", only: frozenset[str] | None = None) -> str:
    """A selection of every field the shape declares, however deep: whatever is declared
    is compared with the stock resolvers. With `prefix`, the first level is aliased (types
    side by side in one selection may have fields of the same name and other types); with
    `only` too, only those fields (a request may hold only so many aliases)."""
    fields = []
    for name, spec in shape.fields.items():
        aliased = prefix and (only is None or name in only)
        key = f"{prefix}{name}: {name}" if aliased else name
        if isinstance(spec, Argued):
            continue  # asked with its arguments by the tests of the field
        if isinstance(spec, Value):
            fields.append(key)
        elif isinstance(spec, Choice):  # both ways declare the same fields
            fields.append(f"{key} {{ {every_field(spec.then.shape)} }}")  # type: ignore[union-attr]
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


async def awkward_receipts(api: Api, org: Org) -> None:
    """Payments and credit notes written straight to the tables with the values the API
    rarely makes, with allocations of every kind (reversed, refunds, none) and lines."""
    accounts = {k: decode(v, "Account") for k, v in (await account_ids(api, org)).items()}
    yen = await Customer.create(organization_id=org.id, name=AWKWARD, currency="JPY")
    dinar = await Customer.create(
        organization_id=org.id, name="Manama Trading", currency="BHD", credit_limit_minor=-1
    )
    charge = await _receivable(org, dinar, OpenItemKind.INVOICE, 10**12, None)
    await _awkward_payments(org, yen, dinar, charge.id, accounts["1010"])
    await _awkward_credit_notes(org, yen, dinar, charge.id, accounts["4000"])


async def _awkward_payments(
    org: Org, yen: Customer, dinar: Customer, charge_id: UUID, deposit: UUID | None
) -> None:
    payments = [
        # (customer, status, method, amount minor, open minor or None for no open item)
        (yen, PaymentStatus.RECORDED, PaymentMethod.CASH, 1_234_567, 1_000),
        (dinar, PaymentStatus.VOID, PaymentMethod.CHECK, -5, None),
        (dinar, PaymentStatus.RECORDED, PaymentMethod.DIRECT_DEBIT, 9_007_199_254_740_993, 1),
        (yen, PaymentStatus.RECORDED, PaymentMethod.OTHER, 0, 0),
    ]
    for n, (party, status, method, amount, open_minor) in enumerate(payments):
        payment = await Payment.create(
            organization_id=org.id,
            customer_id=party.id,
            date=date(2026, 5, 1 + n % 2),  # ties on the date: the id breaks them
            currency=party.currency,
            amount_minor=amount,
            method=method,
            reference=AWKWARD if n == 0 else None,
            memo="" if n == 3 else (AWKWARD if n == 2 else None),
            deposit_account_id=deposit,
            status=status,
            voided_on=date(2026, 5, 9) if status == PaymentStatus.VOID else None,
        )
        if open_minor is not None:
            await _receivable(org, party, OpenItemKind.PAYMENT, amount, open_minor, payment.id)
            await _allocations(org, payment.id, charge_id, n)


async def _awkward_credit_notes(
    org: Org, yen: Customer, dinar: Customer, charge_id: UUID, income: UUID | None
) -> None:
    notes = [
        # (customer, status, total minor, open minor or None for no open item)
        (yen, CreditNoteStatus.DRAFT, 0, None),
        (dinar, CreditNoteStatus.ISSUED, 9_999, 1),
        (dinar, CreditNoteStatus.VOID, -5, 0),
        (yen, CreditNoteStatus.ISSUED, 7, None),
        (dinar, CreditNoteStatus.DRAFT, -1_234, None),
    ]
    for n, (party, state, total, open_minor) in enumerate(notes):
        note = await CreditNote.create(
            organization_id=org.id,
            customer_id=party.id,
            number=None if state == CreditNoteStatus.DRAFT else f"CN-AWK-{n}",
            status=state,
            currency=party.currency,
            issue_date=date(2026, 5, 1 + n % 3),
            reason=AWKWARD if n == 0 else ("" if n == 1 else None),
            subtotal_minor=total - 1,
            tax_minor=1,
            total_minor=total,
        )
        if open_minor is not None:
            await _receivable(org, party, OpenItemKind.CREDIT_NOTE, total, open_minor, note.id)
            await _allocations(org, note.id, charge_id, n)
        # Written last line first, so that only an ORDER BY gives them in order.
        for line_no in reversed(range(1, n % 3 + 1)):
            await CreditNoteLine.create(
                credit_note_id=note.id,
                line_no=line_no,
                description=AWKWARD if line_no == 1 else None,
                quantity=Decimal("-0.0001") if line_no == 2 else Decimal("2.5"),
                unit_price_minor=-line_no,
                discount_percent=Decimal("12.5"),
                account_id=income,
                amount_minor=-3 * line_no,
                tax_minor=line_no,
            )


async def _receivable(
    org: Org,
    party: Customer,
    kind: OpenItemKind,
    amount: int,
    open_minor: int | None,
    item_id: UUID | None = None,
) -> OpenItem:
    return await OpenItem.create(
        id=item_id or uuid4(),
        organization_id=org.id,
        ledger=Ledger.RECEIVABLE,
        kind=kind,
        is_charge=kind == OpenItemKind.INVOICE,
        party_id=party.id,
        currency=party.currency,
        date=date(2026, 5, 1),
        due_date=date(2026, 5, 1),
        amount_minor=max(amount, 0),
        base_amount_minor=max(amount, 0),
        open_minor=max(amount, 0) if open_minor is None else open_minor,
        open_base_minor=max(amount, 0) if open_minor is None else open_minor,
    )


async def _allocations(org: Org, credit_id: UUID, charge_id: UUID, n: int) -> None:
    """The n-th credit's allocations: none, one, a reversed one and a refund, ..."""
    made = [
        (AllocationKind.SETTLEMENT, charge_id, 5, None, AWKWARD),
        (AllocationKind.SETTLEMENT, charge_id, 1, date(2026, 5, 3), ""),
        (AllocationKind.REFUND, None, 9_007_199_254_740_993, None, None),
    ][: n % 4]
    for kind, charge, amount, reversed_on, memo in made:
        await Allocation.create(
            organization_id=org.id,
            ledger=Ledger.RECEIVABLE,
            kind=kind,
            charge_id=charge,
            credit_id=credit_id,
            amount_minor=amount,
            date=date(2026, 5, 2),
            reversed_on=reversed_on,
            memo=memo,
        )
