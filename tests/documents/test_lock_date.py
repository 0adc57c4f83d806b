"""The lock date holds for every dated operation of receivables, payables and the journal.

Each case sets up its documents before the books are locked up to 2026-03-31, then asks
for the operation dated on the lock date (refused with PERIOD_LOCKED, nothing written) and
the day after (done). Run on SQLite and on PostgreSQL, whose posting takes another path.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from server.documents.models import Allocation, OpenItem
from server.ledger.models import JournalEntry
from tests.payables.helpers import BILL_APPROVE, BILL_SUBMIT, BILL_VOID, Books, mutation
from tests.receivables.helpers import (
    INVOICE_CREATE,
    create_invoice,
    customer,
    issue,
    issued_invoice,
    record_payment,
    sale,
)

LOCK = "2026-03-31"
LOCKED_DAY, OPEN_DAY = "2026-03-31", "2026-04-01"

Setup = Callable[[Books], Awaitable[dict[str, Any]]]
Operation = Callable[[Books, dict[str, Any], str], Awaitable[dict[str, Any]]]


async def _ar(api_books: Books, query: str, input: dict[str, Any]) -> dict[str, Any]:
    data = await api_books.api.data(query, {"input": input}, token=api_books.org.token())
    payload: dict[str, Any] = next(iter(data.values()))
    return payload


def _m(name: str, input_type: str, body: str = "userErrors { field code }") -> str:
    return f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {body} }} }}"


async def _customer_with_invoice(books: Books) -> dict[str, Any]:
    acme = await customer(books.api, books.org)
    invoice = await issued_invoice(books.api, books.org, acme, "100.00")
    return {"customer": acme, "invoice": invoice["id"]}


async def _with_payment(books: Books, allocate: bool = True) -> dict[str, Any]:
    state = await _customer_with_invoice(books)
    allocations = [{"invoiceId": state["invoice"], "amount": "40.00"}] if allocate else []
    paid = await record_payment(books.api, books.org, state["customer"], "60.00", allocations)
    assert paid["userErrors"] == [], paid
    state["payment"] = paid["payment"]["id"]
    state["allocation"] = paid["payment"]["allocations"][0]["id"] if allocate else None
    return state


async def _with_credit_note(books: Books) -> dict[str, Any]:
    state = await _customer_with_invoice(books)
    created = await _ar(
        books,
        _m("creditNoteCreate", "CreditNoteCreateInput", "creditNote { id } userErrors { code }"),
        {
            "customerId": state["customer"],
            "issueDate": "2026-03-05",
            "lines": [sale(books.accounts["4000"], "30.00")],
        },
    )
    note = created["creditNote"]["id"]
    issued = await _ar(books, _m("creditNoteIssue", "CreditNoteIssueInput"), {"id": note})
    assert issued["userErrors"] == []
    return {**state, "note": note}


async def _nothing(books: Books) -> dict[str, Any]:
    return {}


async def _bill_approved(books: Books) -> dict[str, Any]:
    bill = await books.approved("L-1", "100.00", date="2026-03-01")
    return {"bill": bill["id"]}


async def _bill_paid(books: Books) -> dict[str, Any]:
    state = await _bill_approved(books)
    paid = await books.pay("100.00", [(state["bill"], "100.00")], date="2026-03-02")
    assert paid["userErrors"] == [], paid
    return {**state, "payment": paid["billPayment"]["id"]}


async def _manual_entry(books: Books) -> dict[str, Any]:
    data = await books.api.data(
        """mutation($input: JournalEntryCreateInput!) { journalEntryCreate(input: $input) {
            journalEntry { id } userErrors { code } } }""",
        {
            "input": {
                "date": "2026-03-01",
                "lines": [
                    {"accountId": books.accounts["6100"], "side": "DEBIT", "amount": "5"},
                    {"accountId": books.accounts["1010"], "side": "CREDIT", "amount": "5"},
                ],
            }
        },
        token=books.org.token(),
    )
    draft = data["journalEntryCreate"]["journalEntry"]["id"]
    posted = await books.api.data(
        "mutation($id: ID!) { journalEntryPost(id: $id) { userErrors { code } } }",
        {"id": draft},
        token=books.org.token("accountant"),
    )
    assert posted["journalEntryPost"]["userErrors"] == []
    return {"entry": draft}


async def _invoice_issue(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    acme = state.get("customer") or await customer(books.api, books.org)
    state["customer"] = acme
    created = await create_invoice(
        books.api, books.org, acme, [sale(books.accounts["4000"], "10.00")], day
    )
    assert created["userErrors"] == [] and INVOICE_CREATE
    payload: dict[str, Any] = await issue(books.api, books.org, created["invoice"]["id"])
    return payload


async def _payment_record(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    allocations = [{"invoiceId": state["invoice"], "amount": "10.00"}]
    payload: dict[str, Any] = await record_payment(
        books.api, books.org, state["customer"], "10.00", allocations, date=day
    )
    return payload


async def _payment_allocate(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    return await _ar(
        books,
        _m("paymentAllocate", "PaymentAllocateInput"),
        {
            "id": state["payment"],
            "date": day,
            "allocations": [{"invoiceId": state["invoice"], "amount": "20.00"}],
        },
    )


async def _payment_unallocate(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    return await _ar(
        books,
        _m("paymentUnallocate", "PaymentUnallocateInput"),
        {"allocationId": state["allocation"], "date": day},
    )


async def _payment_refund(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    return await _ar(
        books,
        _m("paymentRefund", "PaymentRefundInput"),
        {
            "id": state["payment"],
            "amount": "5.00",
            "date": day,
            "accountId": books.accounts["1010"],
        },
    )


async def _payment_void(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    return await _ar(
        books, _m("paymentVoid", "PaymentVoidInput"), {"id": state["payment"], "date": day}
    )


async def _invoice_void(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    return await _ar(
        books, _m("invoiceVoid", "InvoiceVoidInput"), {"id": state["invoice"], "date": day}
    )


async def _invoice_write_off(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    return await _ar(
        books, _m("invoiceWriteOff", "InvoiceWriteOffInput"), {"id": state["invoice"], "date": day}
    )


async def _credit_note_issue(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    acme = state.get("customer") or await customer(books.api, books.org)
    state["customer"] = acme
    created = await _ar(
        books,
        _m("creditNoteCreate", "CreditNoteCreateInput", "creditNote { id } userErrors { code }"),
        {"customerId": acme, "issueDate": day, "lines": [sale(books.accounts["4000"], "3.00")]},
    )
    return await _ar(
        books, _m("creditNoteIssue", "CreditNoteIssueInput"), {"id": created["creditNote"]["id"]}
    )


async def _credit_note_allocate(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    return await _ar(
        books,
        _m("creditNoteAllocate", "CreditNoteAllocateInput"),
        {
            "id": state["note"],
            "date": day,
            "allocations": [{"invoiceId": state["invoice"], "amount": "10.00"}],
        },
    )


async def _credit_note_refund(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    return await _ar(
        books,
        _m("creditNoteRefund", "CreditNoteRefundInput"),
        {"id": state["note"], "amount": "5.00", "date": day, "accountId": books.accounts["1010"]},
    )


async def _bill_approve(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    created = await books.create(f"A-{day}", "10.00", date=day, acknowledgeWarnings=True)
    assert created["userErrors"] == [], created
    bill_id = created["bill"]["id"]
    assert (await books.run(BILL_SUBMIT, {"id": bill_id}))["userErrors"] == []
    payload: dict[str, Any] = await books.run(BILL_APPROVE, {"id": bill_id}, "approver")
    return payload


async def _bill_payment_record(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    payload: dict[str, Any] = await books.pay("10.00", [(state["bill"], "10.00")], date=day)
    return payload


async def _bill_void(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    payload: dict[str, Any] = await books.run(
        BILL_VOID, {"id": state["bill"], "date": day}, "accountant"
    )
    return payload


async def _bill_payment_void(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    void = mutation("billPaymentVoid", "BillPaymentVoidInput", "userErrors { field code }")
    payload: dict[str, Any] = await books.run(
        void, {"id": state["payment"], "date": day}, "accountant"
    )
    return payload


async def _journal_reverse(books: Books, state: dict[str, Any], day: str) -> dict[str, Any]:
    return await _ar(
        books,
        _m("journalEntryReverse", "JournalEntryReverseInput"),
        {"id": state["entry"], "date": day},
    )


CASES: dict[str, tuple[Setup, Operation]] = {
    "invoiceIssue": (_nothing, _invoice_issue),
    "invoiceVoid": (_customer_with_invoice, _invoice_void),
    "invoiceWriteOff": (_customer_with_invoice, _invoice_write_off),
    "paymentRecord": (_customer_with_invoice, _payment_record),
    "paymentAllocate": (lambda b: _with_payment(b, allocate=False), _payment_allocate),
    "paymentUnallocate": (_with_payment, _payment_unallocate),
    "paymentRefund": (_with_payment, _payment_refund),
    "paymentVoid": (_with_payment, _payment_void),
    "creditNoteIssue": (_nothing, _credit_note_issue),
    "creditNoteAllocate": (_with_credit_note, _credit_note_allocate),
    "creditNoteRefund": (_with_credit_note, _credit_note_refund),
    "billApprove": (_nothing, _bill_approve),
    "billPaymentRecord": (_bill_approved, _bill_payment_record),
    "billVoid": (_bill_approved, _bill_void),
    "billPaymentVoid": (_bill_paid, _bill_payment_void),
    "journalEntryReverse": (_manual_entry, _journal_reverse),
}


async def _written(books: Books) -> tuple[int, int, int, int]:
    org = books.org.id
    return (
        await JournalEntry.filter(organization_id=org, status="POSTED").count(),
        await OpenItem.filter(organization_id=org).count(),
        await Allocation.filter(organization_id=org).count(),
        await Allocation.filter(organization_id=org, reversed_on__isnull=False).count(),
    )


@pytest.mark.parametrize("operation", sorted(CASES))
async def test_operation_dated_on_or_before_the_lock_date_is_refused(
    api: Any, operation: str
) -> None:
    books = await Books.open(api, "accountant")
    setup, run = CASES[operation]
    state = await setup(books)
    locked = await api.data(
        "mutation($d: Date) { lockDateSet(lockDate: $d) { lockDate userErrors { code } } }",
        {"d": LOCK},
        token=books.org.token(),
    )
    assert locked["lockDateSet"]["lockDate"] == LOCK
    before = await _written(books)
    refused = await run(books, state, LOCKED_DAY)
    assert "PERIOD_LOCKED" in [e["code"] for e in refused["userErrors"]], refused
    assert await _written(books) == before
    done = await run(books, state, OPEN_DAY)
    assert done["userErrors"] == [], done
    assert await _written(books) != before
