"""Credit notes and disputes through the API."""

from __future__ import annotations

from typing import Any

from tests.ledger.helpers import account_ids
from tests.receivables.helpers import INVOICE, balance, customer, issued_invoice, sale
from tests.support import Api, Org

CREATE = """mutation($input: CreditNoteCreateInput!) { creditNoteCreate(input: $input) {
  creditNote { id status total { amount } } userErrors { field code } } }"""
ISSUE = """mutation($input: CreditNoteIssueInput!) { creditNoteIssue(input: $input) {
  creditNote { id number status unallocated { amount } } userErrors { field code } } }"""
ALLOCATE = """mutation($input: CreditNoteAllocateInput!) { creditNoteAllocate(input: $input) {
  creditNote { unallocated { amount } } userErrors { field code } } }"""
OPEN = """mutation($input: InvoiceDisputeOpenInput!) { invoiceDisputeOpen(input: $input) {
  dispute { id status reason } userErrors { field code } } }"""
RESOLVE = """mutation($input: InvoiceDisputeResolveInput!) { invoiceDisputeResolve(input: $input) {
  dispute { status resolution resolvedOn } userErrors { field code } } }"""


async def _credit_note(api: Api, org: Org, customer_id: str, amount: str) -> dict[str, Any]:
    ids = await account_ids(api, org)
    created = await api.data(
        CREATE,
        {
            "input": {
                "customerId": customer_id,
                "issueDate": "2026-03-05",
                "lines": [sale(ids["4000"], amount)],
                "reason": "Damaged goods",
            }
        },
        token=org.token(),
    )
    assert created["creditNoteCreate"]["userErrors"] == []
    issued = await api.data(
        ISSUE,
        {"input": {"id": created["creditNoteCreate"]["creditNote"]["id"]}},
        token=org.token(),
    )
    assert issued["creditNoteIssue"]["userErrors"] == []
    note: dict[str, Any] = issued["creditNoteIssue"]["creditNote"]
    return note


async def test_credit_note_posts_and_applies_to_an_invoice(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")
    note = await _credit_note(api, org, acme, "30.00")
    assert note["number"] == "CN-000001" and note["unallocated"] == {"amount": "30.00"}
    assert await balance(api, org, "1100") == "70.00"
    assert await balance(api, org, "4000") == "-70.00"
    applied = await api.data(
        ALLOCATE,
        {
            "input": {
                "id": note["id"],
                "allocations": [{"invoiceId": invoice["id"], "amount": "30.00"}],
            }
        },
        token=org.token(),
    )
    assert applied["creditNoteAllocate"]["creditNote"]["unallocated"] == {"amount": "0.00"}
    data = await api.data(INVOICE, {"id": invoice["id"]}, token=org.token())
    assert data["invoice"]["status"] == "PARTIALLY_PAID"
    assert data["invoice"]["amountDue"] == {"amount": "70.00"}
    again = await api.data(ISSUE, {"input": {"id": note["id"]}}, token=org.token())
    assert [e["code"] for e in again["creditNoteIssue"]["userErrors"]] == ["INVALID_STATUS"]


async def test_dispute_upheld_with_a_credit_note_settles_the_invoice(api: Api) -> None:
    org = await api.new_org("ar_clerk")
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "40.00")
    opened = await api.data(
        OPEN,
        {"input": {"invoiceId": invoice["id"], "reason": "PRICING", "date": "2026-03-04"}},
        token=org.token("ar_clerk"),
    )
    dispute = opened["invoiceDisputeOpen"]["dispute"]
    assert dispute["status"] == "OPEN"
    twice = await api.data(
        OPEN,
        {"input": {"invoiceId": invoice["id"], "reason": "OTHER", "date": "2026-03-04"}},
        token=org.token(),
    )
    assert [e["code"] for e in twice["invoiceDisputeOpen"]["userErrors"]] == ["CONFLICT"]
    note = await _credit_note(api, org, acme, "40.00")
    resolved = await api.data(
        RESOLVE,
        {
            "input": {
                "id": dispute["id"],
                "resolution": "CREDIT_NOTE",
                "date": "2026-03-06",
                "creditNoteId": note["id"],
            }
        },
        token=org.token("ar_clerk"),
    )
    assert resolved["invoiceDisputeResolve"]["dispute"]["status"] == "UPHELD"
    data = await api.data(INVOICE, {"id": invoice["id"]}, token=org.token())
    assert data["invoice"]["status"] == "PAID"
    assert await balance(api, org, "1100") == "0.00"


async def test_rejected_dispute_leaves_the_invoice_open(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "40.00")
    opened = await api.data(
        OPEN,
        {"input": {"invoiceId": invoice["id"], "reason": "QUALITY", "date": "2026-03-04"}},
        token=org.token(),
    )
    dispute_id = opened["invoiceDisputeOpen"]["dispute"]["id"]
    resolved = await api.data(
        RESOLVE,
        {"input": {"id": dispute_id, "resolution": "REJECTED", "date": "2026-03-08"}},
        token=org.token(),
    )
    assert resolved["invoiceDisputeResolve"]["dispute"]["resolution"] == "REJECTED"
    data = await api.data(INVOICE, {"id": invoice["id"]}, token=org.token())
    assert data["invoice"]["amountDue"] == {"amount": "40.00"}


async def test_credit_note_refund_pays_unapplied_credit_back(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    note = await _credit_note(api, org, acme, "30.00")
    refund = """mutation($input: CreditNoteRefundInput!) { creditNoteRefund(input: $input) {
      creditNote { unallocated { amount } } userErrors { field code } } }"""
    variables = {
        "input": {
            "id": note["id"],
            "amount": "20.00",
            "date": "2026-03-09",
            "accountId": ids["1010"],
        }
    }
    paid = await api.data(refund, variables, token=org.token())
    assert paid["creditNoteRefund"]["creditNote"]["unallocated"] == {"amount": "10.00"}
    assert await balance(api, org, "1010") == "-20.00"
    assert await balance(api, org, "1100") == "-10.00"
    variables["input"]["amount"] = "11.00"
    refused = await api.data(refund, variables, token=org.token())
    assert [e["code"] for e in refused["creditNoteRefund"]["userErrors"]] == ["EXCEEDS_UNALLOCATED"]
