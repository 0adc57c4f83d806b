"""Deferred fields: made once, on first read, with the same value the constructor would give."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any
from uuid import uuid4

import pytest
import strawberry

from schema.crm.types import Customer, Vendor
from schema.deferred import deferred, made
from schema.payables.types import Bill, BillLine, PurchaseOrderLine
from schema.receivables.types import Invoice, InvoiceLine

calls: list[str] = []


def _label(obj: Any) -> str:
    calls.append("label")
    return f"#{obj._record}"


@deferred(label=_label)
@strawberry.type
class Thing:
    name: str
    label: str


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing]:
        return [made(Thing, name="a", _record=1), Thing(name="b", label="given")]


def test_a_deferred_field_is_made_once_when_first_read() -> None:
    calls.clear()
    thing = made(Thing, name="a", _record=7)
    assert calls == []
    assert thing.label == "#7" and thing.label == "#7"
    assert calls == ["label"]
    assert thing == Thing(name="a", label="#7")


def test_the_constructor_and_the_schema_are_unaffected() -> None:
    calls.clear()
    assert Thing(name="b", label="given").label == "given"
    assert calls == []
    schema = strawberry.Schema(query=Query)
    assert "label: String!" in str(schema)
    result = schema.execute_sync("{ things { name label } }")
    assert result.errors is None
    assert result.data == {
        "things": [{"name": "a", "label": "#1"}, {"name": "b", "label": "given"}]
    }
    assert calls == ["label"]


def test_only_fields_without_defaults_can_be_deferred() -> None:
    @strawberry.type
    class WithDefault:
        name: str = "x"

    with pytest.raises(TypeError, match="no field 'nope'"):
        deferred(nope=lambda _o: 1)(Thing)
    with pytest.raises(TypeError, match="has a default"):
        deferred(name=lambda _o: 1)(WithDefault)


NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
PARTY = {
    "id": uuid4(),
    "name": "Acme",
    "email": None,
    "phone": None,
    "billing_address": {"city": "Lyon", "country": "FR"},
    "tax_id": None,
    "currency": "EUR",
    "payment_terms_days": 30,
    "status": "ACTIVE",
    "tags": ["key"],
    "created_at": NOW,
    "updated_at": NOW,
    "payment_terms_id": None,
}
LINE = {
    "id": uuid4(),
    "line_no": 1,
    "description": "Hours",
    "quantity": Decimal("10.0000"),
    "unit_price_minor": 12345,
    "discount_percent": Decimal("12.5000"),
    "amount_minor": 108019,
    "tax_minor": 0,
    "account_id": uuid4(),
    "item_id": None,
    "tax_rate_id": uuid4(),
    "dimension_option_ids": [],
    "purchase_order_line_id": None,
    "billed_quantity": Decimal("2.5000"),
}
DOCUMENT = {
    "id": uuid4(),
    "status": "ISSUED",
    "currency": "JPY",
    "due_date": None,
    "memo": None,
    "subtotal_minor": 1000,
    "tax_minor": 100,
    "total_minor": 1100,
    "discount_percent": Decimal("2.0000"),
    "discount_until": None,
    "voided_on": None,
    "created_at": NOW,
}
INVOICE = {
    **DOCUMENT,
    "number": "INV-000001",
    "issue_date": date(2026, 3, 1),
    "reference": None,
    "credit_limit_overridden": False,
    "written_off_on": None,
    "issued_at": NOW,
    "customer_id": uuid4(),
    "entry_id": None,
}
BILL = {
    **DOCUMENT,
    "vendor_reference": "V-1",
    "bill_date": date(2026, 3, 1),
    "rejection_reason": None,
    "tolerance_overridden": False,
    "approved_at": None,
    "updated_at": NOW,
    "vendor_id": uuid4(),
    "purchase_order_id": None,
    "created_by_id": None,
    "approved_by_id": None,
}


@pytest.mark.parametrize(
    ("made_from_record", "expected"),
    [
        (
            lambda: Customer.from_model(SimpleNamespace(**PARTY, credit_limit_minor=50000)),
            {"credit_limit": {"amount": Decimal("500.00"), "currency": "EUR"}},
        ),
        (
            lambda: Vendor.from_model(SimpleNamespace(**PARTY)),
            {"billing_address": {"city": "Lyon", "country": "FR"}},
        ),
        (
            lambda: Invoice.from_model(SimpleNamespace(**INVOICE)),
            {"tax": {"amount": Decimal("100"), "currency": "JPY"}, "discount_percent": 2},
        ),
        (
            lambda: Bill.from_model(SimpleNamespace(**BILL)),
            {"total": {"amount": Decimal("1100"), "currency": "JPY"}, "discount_percent": "2"},
        ),
        (
            lambda: InvoiceLine.from_model(SimpleNamespace(**LINE), "USD"),
            {"quantity": Decimal("10"), "discount_percent": Decimal("12.5")},
        ),
        (
            lambda: BillLine.from_model(SimpleNamespace(**LINE), "USD"),
            {"unit_price": {"amount": Decimal("123.45"), "currency": "USD"}, "quantity": "10"},
        ),
        (
            lambda: PurchaseOrderLine.from_model(SimpleNamespace(**LINE), "USD"),
            {"billed_quantity": "2.5", "option_ids": []},
        ),
    ],
)
def test_every_field_of_a_type_made_from_a_record_reads(
    made_from_record: Any, expected: dict[str, Any]
) -> None:
    """Every field, eager or deferred, is there: a field left out of `made` would fail here."""
    everything = dataclasses.asdict(made_from_record())
    for name, value in expected.items():
        if isinstance(value, dict):
            assert {k: everything[name][k] for k in value} == value
        else:
            assert everything[name] == value
