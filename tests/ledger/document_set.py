"""One organization with a document of every kind, made through the API, for ledger checks.

Invoices (paid, part paid, in euros at a moved rate, with an early-payment discount,
written off, void), payments with and without references (allocated, unallocated, refunded,
void), a credit note applied and refunded, bills (paid with a discount, void) and bill
payments (one void). Every kind of entry a document posts is among its journal entries.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from tests.payables.helpers import BILL_VOID, Books, mutation
from tests.receivables.helpers import (
    create_invoice,
    customer,
    issue,
    issued_invoice,
    record_payment,
    sale,
)
from tests.support import Api

AR_AGING = """query($asOf: Date!) { arAging(asOf: $asOf) {
  aging { totals { total { amount } } } userErrors { code } } }"""
AP_AGING = """query($asOf: Date!) { apAging(asOf: $asOf) {
  aging { totals { total { amount } } } userErrors { code } } }"""
ENTRIES = """query($after: String) { journalEntries(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { id number status memo sourceType reversalOf { id }
          lines { description account { code isControl } } } } }"""


async def _run(books: Books, query: str, variables: dict[str, Any], name: str) -> Any:
    data = await books.api.data(query, variables, token=books.org.token())
    payload = data[name]
    assert payload["userErrors"] == [], payload
    return payload


async def every_kind_of_document(api: Api) -> Books:
    """The books, with one document of every kind posted (see the module's text)."""
    books = await Books.open(api, "accountant")
    org, ids = books.org, books.accounts
    acme = await customer(api, org, "Acme Ltd")
    # An invoice paid in part by a payment without a reference, then refunded credit.
    paid = await issued_invoice(api, org, acme, "100.00")
    payment = await record_payment(
        api, org, acme, "130.00", [{"invoiceId": paid["id"], "amount": "60.00"}]
    )
    assert payment["userErrors"] == [], payment
    payment_id = payment["payment"]["id"]
    await _run(
        books,
        """mutation($input: PaymentRefundInput!) { paymentRefund(input: $input) {
            payment { id } userErrors { code } } }""",
        {
            "input": {
                "id": payment_id,
                "amount": "20.00",
                "date": "2026-03-12",
                "accountId": ids["1010"],
            }
        },
        "paymentRefund",
    )
    # An allocation undone, then made again.
    allocation_id = payment["payment"]["allocations"][0]["id"]
    await _run(
        books,
        """mutation($input: PaymentUnallocateInput!) { paymentUnallocate(input: $input) {
            payment { id } userErrors { code } } }""",
        {"input": {"allocationId": allocation_id, "date": "2026-03-13"}},
        "paymentUnallocate",
    )
    await _run(
        books,
        """mutation($input: PaymentAllocateInput!) { paymentAllocate(input: $input) {
            payment { id } userErrors { code } } }""",
        {
            "input": {
                "id": payment_id,
                "date": "2026-03-14",
                "allocations": [{"invoiceId": paid["id"], "amount": "40.00"}],
            }
        },
        "paymentAllocate",
    )
    # A credit note applied to the invoice, and another refunded.
    for amount, use in (("10.00", "allocate"), ("5.00", "refund")):
        created = await _run(
            books,
            """mutation($input: CreditNoteCreateInput!) { creditNoteCreate(input: $input) {
                creditNote { id } userErrors { code } } }""",
            {
                "input": {
                    "customerId": acme,
                    "issueDate": "2026-03-15",
                    "lines": [sale(ids["4000"], amount)],
                    "reason": "Damaged",
                }
            },
            "creditNoteCreate",
        )
        note_id = created["creditNote"]["id"]
        await _run(
            books,
            """mutation($input: CreditNoteIssueInput!) { creditNoteIssue(input: $input) {
                creditNote { id } userErrors { code } } }""",
            {"input": {"id": note_id}},
            "creditNoteIssue",
        )
        if use == "allocate":
            await _run(
                books,
                """mutation($input: CreditNoteAllocateInput!) {
                    creditNoteAllocate(input: $input) {
                        creditNote { id } userErrors { code } } }""",
                {
                    "input": {
                        "id": note_id,
                        "allocations": [{"invoiceId": paid["id"], "amount": amount}],
                    }
                },
                "creditNoteAllocate",
            )
        else:
            await _run(
                books,
                """mutation($input: CreditNoteRefundInput!) { creditNoteRefund(input: $input) {
                    creditNote { id } userErrors { code } } }""",
                {
                    "input": {
                        "id": note_id,
                        "amount": amount,
                        "date": "2026-03-16",
                        "accountId": ids["1010"],
                    }
                },
                "creditNoteRefund",
            )
    # An invoice written off and one void.
    bad = await issued_invoice(api, org, acme, "25.00")
    await _run(
        books,
        """mutation($input: InvoiceWriteOffInput!) { invoiceWriteOff(input: $input) {
            invoice { id } userErrors { code } } }""",
        {"input": {"id": bad["id"], "date": "2026-04-01"}},
        "invoiceWriteOff",
    )
    wrong = await issued_invoice(api, org, acme, "15.00")
    await _run(
        books,
        """mutation($input: InvoiceVoidInput!) { invoiceVoid(input: $input) {
            invoice { id } userErrors { code } } }""",
        {"input": {"id": wrong["id"], "date": "2026-03-02"}},
        "invoiceVoid",
    )
    await _euro_invoice_paid_at_another_rate(books)
    await _invoice_paid_with_discount(books)
    await _bills(books)
    return books


async def _euro_invoice_paid_at_another_rate(books: Books) -> None:
    api, org = books.api, books.org
    for day, rate in (("2026-03-01", "1.1000"), ("2026-03-20", "1.2000")):
        data = await api.data(
            """mutation($d: Date!, $r: Rate!) { exchangeRateSet(currency: "EUR", date: $d,
                rate: $r) { userErrors { code } } }""",
            {"d": day, "r": rate},
            token=org.token(),
        )
        assert data["exchangeRateSet"]["userErrors"] == []
    euro = await customer(api, org, "Euro GmbH", currency="EUR")
    invoice = await issued_invoice(api, org, euro, "200.00")
    paid = await record_payment(
        api,
        org,
        euro,
        "200.00",
        [{"invoiceId": invoice["id"], "amount": "200.00"}],
        date="2026-03-21",
    )
    assert paid["userErrors"] == [], paid


async def _invoice_paid_with_discount(books: Books) -> None:
    api, org, ids = books.api, books.org, books.accounts
    terms = await _run(
        books,
        """mutation($input: PaymentTermsCreateInput!) { paymentTermsCreate(input: $input) {
            paymentTerms { id } userErrors { code } } }""",
        {
            "input": {
                "name": f"2/10 net 30 {uuid.uuid4().hex[:6]}",
                "kind": "NET",
                "days": 30,
                "discountPercent": "2",
                "discountDays": 10,
            }
        },
        "paymentTermsCreate",
    )
    prompt = await customer(api, org, "Prompt Payer", paymentTermsId=terms["paymentTerms"]["id"])
    created = await create_invoice(api, org, prompt, [sale(ids["4000"], "50.00")])
    issued = await issue(api, org, created["invoice"]["id"])
    assert issued["userErrors"] == [], issued
    paid = await record_payment(
        api,
        org,
        prompt,
        "49.00",
        [{"invoiceId": issued["invoice"]["id"], "amount": "49.00"}],
        date="2026-03-05",
    )
    assert paid["userErrors"] == [], paid


async def _bills(books: Books) -> None:
    await books.give_vendors_discount_terms()
    kept = await books.approved("B-1", "80.00", date="2026-03-01")
    paid = await books.pay("78.40", [(kept["id"], "78.40")], date="2026-03-05")
    assert paid["userErrors"] == [], paid
    voided = await books.approved("B-2", "30.00", date="2026-03-01")
    assert (await books.run(BILL_VOID, {"id": voided["id"], "date": "2026-03-03"}, "accountant"))[
        "userErrors"
    ] == []
    other = await books.approved("B-3", "45.00", date="2026-03-02")
    paid = await books.pay("45.00", [(other["id"], "45.00")], date="2026-03-06")
    assert paid["userErrors"] == [], paid
    void = mutation(
        "billPaymentVoid", "BillPaymentVoidInput", "billPayment { id } userErrors { code }"
    )
    undone = await books.run(
        void, {"id": paid["billPayment"]["id"], "date": "2026-03-07"}, "accountant"
    )
    assert undone["userErrors"] == [], undone


async def journal_entries(books: Books) -> list[dict[str, Any]]:
    """Every journal entry of the books."""
    found: list[dict[str, Any]] = []
    after = None
    while True:
        data = await books.api.data(ENTRIES, {"after": after}, token=books.org.token())
        page = data["journalEntries"]
        found += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return found
        after = page["pageInfo"]["endCursor"]


async def assert_agings_equal_control_accounts(books: Books, as_of: str = "2026-12-31") -> None:
    balances = await books.balances(as_of)
    for query, name, code in ((AR_AGING, "arAging", "1100"), (AP_AGING, "apAging", "2000")):
        data = await books.api.data(query, {"asOf": as_of}, token=books.org.token())
        total = Decimal(data[name]["aging"]["totals"]["total"]["amount"])
        assert total == Decimal(balances[code]), (name, total, balances[code])
    await books.trial_balance_balances()
