"""Receivables and payables documents of another organization answer as missing ones: by id,
through node and nodes, in lists and reports, and as ids in mutation inputs."""

from __future__ import annotations

from typing import Any

from tests.payables.helpers import BILL_SUBMIT, Books
from tests.receivables.helpers import customer, issued_invoice, record_payment
from tests.support import Api, Org


async def _theirs(api: Api) -> tuple[Org, dict[str, str], Books]:
    """Organization A, and organization B with one document of each kind."""
    b = await Books.open(api)
    acme = await customer(api, b.org)
    invoice = await issued_invoice(api, b.org, acme, "100.00")
    payment = (await record_payment(api, b.org, acme, "150.00"))["payment"]
    bill = await b.approved("B-1", "40.00")
    paid = await b.pay("10.00", [(bill["id"], "10.00")])
    assert paid["userErrors"] == []
    submitted = (await b.create("B-2", "5.00"))["bill"]
    await b.run(BILL_SUBMIT, {"id": submitted["id"]})
    ids = {
        "customer": acme,
        "vendor": b.vendor,
        "invoice": invoice["id"],
        "payment": payment["id"],
        "bill": bill["id"],
        "submitted": submitted["id"],
        "billPayment": paid["billPayment"]["id"],
        "bank": b.accounts["1010"],
    }
    return await api.new_org(), ids, b


async def test_reads_of_another_organizations_documents_are_null_or_empty(api: Api) -> None:
    a, theirs, _ = await _theirs(api)
    data = await api.data(
        """query($inv: ID!, $pay: ID!, $bill: ID!, $ids: [ID!]!) {
             invoice(id: $inv) { id } payment(id: $pay) { id } bill(id: $bill) { id }
             node(id: $inv) { id } nodes(ids: $ids) { id }
             invoices(first: 10) { totalCount } payments(first: 10) { totalCount }
             bills(first: 10) { totalCount } billPayments(first: 10) { totalCount }
             creditNotes(first: 10) { totalCount }
             arAging(asOf: "2026-12-31") { aging { rows { total { amount } } } }
             apAging(asOf: "2026-12-31") { aging { rows { total { amount } } } } }""",
        {
            "inv": theirs["invoice"],
            "pay": theirs["payment"],
            "bill": theirs["bill"],
            "ids": [theirs["invoice"], theirs["payment"], theirs["bill"], theirs["billPayment"]],
        },
        token=a.token(),
    )
    assert data["invoice"] is None and data["payment"] is None and data["bill"] is None
    assert data["node"] is None and data["nodes"] == [None, None, None, None]
    for listing in ("invoices", "payments", "bills", "billPayments", "creditNotes"):
        assert data[listing]["totalCount"] == 0, listing
    assert data["arAging"]["aging"]["rows"] == []
    assert data["apAging"]["aging"]["rows"] == []


def _codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def test_mutations_naming_another_organizations_documents_are_not_found(
    api: Api,
) -> None:
    a, theirs, b = await _theirs(api)

    async def run(name: str, input_type: str, value: dict[str, Any]) -> list[str]:
        data = await api.data(
            f"mutation($input: {input_type}!) {{ {name}(input: $input) {{"
            " userErrors { field code } } }",
            {"input": value},
            token=a.token(),
        )
        return _codes(data[name])

    inv, pay, bill = theirs["invoice"], theirs["payment"], theirs["bill"]
    not_found = ["NOT_FOUND"]
    assert await run("invoiceIssue", "InvoiceIssueInput", {"id": inv}) == not_found
    assert await run("invoiceVoid", "InvoiceVoidInput", {"id": inv}) == not_found
    assert (
        await run("invoiceWriteOff", "InvoiceWriteOffInput", {"id": inv, "date": "2026-06-01"})
        == not_found
    )
    assert (
        await run(
            "invoiceDisputeOpen",
            "InvoiceDisputeOpenInput",
            {"invoiceId": inv, "reason": "OTHER", "date": "2026-06-01"},
        )
        == not_found
    )
    assert (
        await run(
            "paymentAllocate",
            "PaymentAllocateInput",
            {"id": pay, "allocations": [{"invoiceId": inv, "amount": "1.00"}]},
        )
        == not_found
    )
    assert await run("paymentVoid", "PaymentVoidInput", {"id": pay}) == not_found
    assert (
        await run(
            "invoiceCreate",
            "InvoiceCreateInput",
            {
                "customerId": theirs["customer"],
                "issueDate": "2026-06-01",
                "lines": [{"description": "x", "unitPrice": "1.00"}],
            },
        )
        != []
    )
    # A's own customer paying B's invoice into B's bank account: both ids are unknown here.
    mine = await customer(api, a)
    paid = await record_payment(
        api,
        a,
        mine,
        "1.00",
        [{"invoiceId": inv, "amount": "1.00"}],
        depositAccountId=theirs["bank"],
    )
    assert "NOT_FOUND" in {e["code"] for e in paid["userErrors"]} and paid["payment"] is None
    for name, input_type, value in (
        ("billSubmit", "BillIdInput", {"id": theirs["submitted"]}),
        ("billApprove", "BillApproveInput", {"id": theirs["submitted"]}),
        ("billVoid", "BillVoidInput", {"id": bill}),
    ):
        assert await run(name, input_type, value) == not_found, name
    # Nothing of B's changed.
    state = await api.data(
        """query($inv: ID!, $pay: ID!, $bill: ID!, $sub: ID!) {
             invoice(id: $inv) { status amountDue { amount } }
             payment(id: $pay) { status unallocated { amount } }
             bill(id: $bill) { status } submitted: bill(id: $sub) { status } }""",
        {"inv": inv, "pay": pay, "bill": bill, "sub": theirs["submitted"]},
        token=b.org.token(),
    )
    assert state == {
        "invoice": {"status": "ISSUED", "amountDue": {"amount": "100.00"}},
        "payment": {"status": "RECORDED", "unallocated": {"amount": "150.00"}},
        "bill": {"status": "PARTIALLY_PAID"},
        "submitted": {"status": "SUBMITTED"},
    }
