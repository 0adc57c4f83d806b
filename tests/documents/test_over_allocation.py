"""Allocating more than a partly paid invoice or bill still owes is refused, by every path.

Each path is tried against a document already part paid, so the open balance differs from
the total: a check against the wrong figure, or a guard that is not the database's own,
shows here. Nothing is written by a refused request.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from server.documents.models import Allocation, OpenItem
from tests.payables.helpers import Books, codes
from tests.receivables.helpers import customer, issued_invoice, record_payment
from tests.receivables.test_credit_notes import ALLOCATE as NOTE_ALLOCATE
from tests.receivables.test_credit_notes import _credit_note
from tests.support import Api, Org

PAYMENT_ALLOCATE = """mutation($input: PaymentAllocateInput!) { paymentAllocate(input: $input) {
  userErrors { field code } } }"""
INVOICE_DUE = "query($id: ID!) { invoice(id: $id) { status amountDue { amount } } }"


async def _partly_paid_invoice(api: Api, org: Org) -> tuple[str, dict[str, Any]]:
    """An invoice of 100.00 with 60.00 paid: 40.00 open."""
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")
    paid = await record_payment(
        api, org, acme, "60.00", [{"invoiceId": invoice["id"], "amount": "60.00"}]
    )
    assert paid["userErrors"] == [], paid
    return acme, invoice


async def _written(org: Org) -> tuple[int, list[int]]:
    allocations = await Allocation.filter(organization_id=org.id).count()
    balances = (
        await OpenItem.filter(organization_id=org.id)
        .order_by("id")
        .values_list("open_minor", flat=True)
    )
    return allocations, list(balances)


def _error_codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def test_payment_allocating_more_than_is_open_on_a_partly_paid_invoice_is_refused(
    api: Api,
) -> None:
    org = await api.new_org()
    acme, invoice = await _partly_paid_invoice(api, org)
    before = await _written(org)
    cases = [
        ([{"invoiceId": invoice["id"], "amount": "40.01"}], "EXCEEDS_OPEN_BALANCE"),
        # Two parts each within the open balance, together over it: one document is
        # listed once per payment, so the parts never race each other for its balance.
        (
            [
                {"invoiceId": invoice["id"], "amount": "30.00"},
                {"invoiceId": invoice["id"], "amount": "10.01"},
            ],
            "INVALID",
        ),
    ]
    for allocations, code in cases:
        refused = await record_payment(api, org, acme, "100.00", allocations)
        assert _error_codes(refused) == [code], (allocations, refused)
        assert refused["payment"] is None
    assert await _written(org) == before
    exact = await record_payment(
        api, org, acme, "40.00", [{"invoiceId": invoice["id"], "amount": "40.00"}]
    )
    assert exact["userErrors"] == []
    due = await api.data(INVOICE_DUE, {"id": invoice["id"]}, token=org.token())
    assert due["invoice"] == {"status": "PAID", "amountDue": {"amount": "0.00"}}


async def test_allocating_an_existing_credit_beyond_a_partly_paid_invoice_is_refused(
    api: Api,
) -> None:
    org = await api.new_org()
    acme, invoice = await _partly_paid_invoice(api, org)
    unapplied = await record_payment(api, org, acme, "100.00")
    note = await _credit_note(api, org, acme, "50.00")
    before = await _written(org)
    over = [{"invoiceId": invoice["id"], "amount": "40.01"}]
    split = [
        {"invoiceId": invoice["id"], "amount": "20.00"},
        {"invoiceId": invoice["id"], "amount": "20.01"},
    ]
    for query, name, credit_id in (
        (PAYMENT_ALLOCATE, "paymentAllocate", unapplied["payment"]["id"]),
        (NOTE_ALLOCATE, "creditNoteAllocate", note["id"]),
    ):
        for allocations, code in ((over, "EXCEEDS_OPEN_BALANCE"), (split, "INVALID")):
            data = await api.data(
                query, {"input": {"id": credit_id, "allocations": allocations}}, token=org.token()
            )
            assert _error_codes(data[name]) == [code], (name, data)
    assert await _written(org) == before
    due = await api.data(INVOICE_DUE, {"id": invoice["id"]}, token=org.token())
    assert due["invoice"] == {"status": "PARTIALLY_PAID", "amountDue": {"amount": "40.00"}}


async def test_bill_payment_allocating_more_than_is_open_on_a_partly_paid_bill_is_refused(
    api: Api,
) -> None:
    books = await Books.open(api)
    bill = await books.approved("P-1", "100.00")
    first = await books.pay("60.00", [(bill["id"], "60.00")])
    assert first["userErrors"] == [], first
    before = await books.counts()
    for allocations, code in (
        ([(bill["id"], "40.01")], "EXCEEDS_OPEN_BALANCE"),
        ([(bill["id"], "30.00"), (bill["id"], "10.01")], "INVALID"),
    ):
        refused = await books.pay("100.00", allocations)
        assert codes(refused) == [code], (allocations, refused)
    assert await books.counts() == before
    exact = await books.pay("40.00", [(bill["id"], "40.00")])
    assert exact["userErrors"] == []
    assert (await books.bill(bill["id"]))["amountDue"]["amount"] == "0.00"


@pytest.mark.postgres
async def test_concurrent_allocations_never_take_more_than_a_partly_paid_invoice_owes(
    api: Api,
) -> None:
    org = await api.new_org()
    acme, invoice = await _partly_paid_invoice(api, org)
    credits = [await record_payment(api, org, acme, "30.00") for _ in range(6)]
    results = await asyncio.gather(
        *(
            api.data(
                PAYMENT_ALLOCATE,
                {
                    "input": {
                        "id": c["payment"]["id"],
                        "allocations": [{"invoiceId": invoice["id"], "amount": "30.00"}],
                    }
                },
                token=org.token(),
            )
            for c in credits
        )
    )
    outcomes = sorted(tuple(_error_codes(r["paymentAllocate"])) for r in results)
    assert outcomes == [()] + [("EXCEEDS_OPEN_BALANCE",)] * 5
    due = await api.data(INVOICE_DUE, {"id": invoice["id"]}, token=org.token())
    assert due["invoice"]["amountDue"] == {"amount": "10.00"}


@pytest.mark.postgres
async def test_concurrent_payments_never_take_more_than_a_partly_paid_bill_owes(
    api: Api,
) -> None:
    books = await Books.open(api)
    bill = await books.approved("P-2", "100.00")
    assert (await books.pay("60.00", [(bill["id"], "60.00")]))["userErrors"] == []
    results = await asyncio.gather(
        *(books.pay("30.00", [(bill["id"], "30.00")]) for _ in range(10))
    )
    accepted = [r for r in results if not r["userErrors"]]
    refused = [r for r in results if r["userErrors"]]
    assert len(accepted) == 1
    assert all(codes(r) == ["EXCEEDS_OPEN_BALANCE"] for r in refused), refused
    assert (await books.bill(bill["id"]))["amountDue"]["amount"] == "10.00"
