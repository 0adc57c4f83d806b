"""Voiding a bill payment: its allocations and any discount they earned are undone, its entry
reversed, history kept; refusals write nothing."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from schema.ids import decode
from server.audit.models import AuditEvent
from server.documents.models import Allocation, OpenItem
from tests.payables.helpers import BILL_VOID, Books, codes, mutation
from tests.support import Api

PAYMENT_VOID = mutation(
    "billPaymentVoid",
    "BillPaymentVoidInput",
    """billPayment { id status voidedOn unapplied { amount }
         allocations { kind amount { amount } reversedOn bill { id status } } }
       userErrors { field message code }""",
)

PAYMENT = """query($id: ID!) { billPayment(id: $id) { id status voidedOn amount { amount }
  allocations { amount { amount } reversedOn } } }"""


async def _control_ties(books: Books) -> None:
    """The payables control account equals what the open items say is owed, and the trial
    balance balances."""
    balances = await books.balances()
    items = await OpenItem.filter(organization_id=books.org.id, ledger="PAYABLE")
    net = sum(i.open_base_minor * (1 if i.is_charge else -1) for i in items)
    assert Decimal(balances["2000"]) == Decimal(net) / 100
    await books.trial_balance_balances()


async def test_voiding_a_payment_reopens_its_bills_and_reverses_its_entry(api: Api) -> None:
    books = await Books.open(api)
    a = await books.approved("W-1", "100.00")
    b = await books.approved("W-2", "60.00", acknowledgeWarnings=True)
    paid = await books.pay("200.00", [(a["id"], "100.00"), (b["id"], "25.00")])
    payment = paid["billPayment"]
    assert (await books.balances())["2000"] == "-40.00"

    voided = await books.run(PAYMENT_VOID, {"id": payment["id"], "date": "2026-03-20"}, "owner")
    assert voided["userErrors"] == [], voided
    done = voided["billPayment"]
    assert (done["status"], done["voidedOn"], done["unapplied"]["amount"]) == (
        "VOID",
        "2026-03-20",
        "0.00",
    )
    assert [x["reversedOn"] for x in done["allocations"]] == ["2026-03-20", "2026-03-20"]
    for bill, due in ((a, "100.00"), (b, "60.00")):
        after = await books.bill(bill["id"])
        assert (after["status"], after["amountDue"]["amount"]) == ("APPROVED", due)
    balances = await books.balances()
    assert (balances["2000"], balances["1010"]) == ("160.00", "0.00")
    # Before the void the payment still stood: the books as of then are unchanged.
    before = await books.balances(as_of="2026-03-19")
    assert (before["2000"], before["1010"]) == ("-40.00", "-200.00")
    await _control_ties(books)

    found = await api.data(PAYMENT, {"id": payment["id"]}, token=books.org.token())
    assert found["billPayment"]["status"] == "VOID"
    event = await AuditEvent.filter(organization_id=books.org.id, action="bill_payment.void").get()
    assert event.object_id == str(decode(payment["id"], "BillPayment"))
    assert event.after["undone"] == 2 and event.after["discountsUndone"] == 0

    # Both bills can be paid again, and voided once nothing is applied to them.
    again = await books.pay("60.00", [(b["id"], "60.00")], date="2026-03-21")
    assert again["userErrors"] == [], again
    assert (await books.bill(b["id"]))["status"] == "PAID"
    gone = await books.run(BILL_VOID, {"id": a["id"], "date": "2026-03-22"}, "owner")
    assert gone["userErrors"] == [], gone
    await _control_ties(books)


async def test_voiding_a_payment_undoes_the_discount_it_earned(api: Api) -> None:
    books = await Books.open(api, "accountant")
    await books.give_vendors_discount_terms()
    bill = await books.approved("D-1", "100.00", date="2026-03-01")
    paid = await books.pay("98.00", [(bill["id"], "98.00")], date="2026-03-11")
    assert (await books.bill(bill["id"]))["status"] == "PAID"
    assert (await books.balances())["4800"] == "2.00"

    voided = await books.run(PAYMENT_VOID, {"id": paid["billPayment"]["id"]}, "accountant")
    assert voided["userErrors"] == [], voided
    after = await books.bill(bill["id"])
    assert (after["status"], after["amountDue"]["amount"]) == ("APPROVED", "100.00")
    balances = await books.balances()
    assert (balances["2000"], balances["4800"], balances["1010"]) == ("100.00", "0.00", "0.00")
    event = await AuditEvent.filter(organization_id=books.org.id, action="bill_payment.void").get()
    assert event.after["discountsUndone"] == 1
    await _control_ties(books)

    # With nothing applied any more, the bill itself can now be voided.
    gone = await books.run(BILL_VOID, {"id": bill["id"], "date": "2026-03-12"}, "owner")
    assert gone["userErrors"] == [], gone
    assert (await books.balances())["2000"] == "0.00"
    await _control_ties(books)


async def test_bad_voids_are_refused_and_write_nothing(api: Api) -> None:
    books = await Books.open(api)
    bill = await books.approved("X-1", "100.00")
    paid = await books.pay("40.00", [(bill["id"], "40.00")], date="2026-03-10")
    payment_id = paid["billPayment"]["id"]
    other = await Books.open(api)
    theirs = await other.pay("10.00", [])
    before = await books.counts()

    for variables, code in (
        ({"id": payment_id, "date": "2026-03-09"}, "DATE_BEFORE_DOCUMENT"),
        ({"id": theirs["billPayment"]["id"]}, "NOT_FOUND"),
        ({"id": bill["id"]}, "NOT_FOUND"),
        ({"id": "not-an-id"}, "NOT_FOUND"),
    ):
        refused = await books.run(PAYMENT_VOID, variables, "owner")
        assert codes(refused) == [code], (variables, refused)
        assert refused["billPayment"] is None
    clerk = await api.gql(PAYMENT_VOID, {"input": {"id": payment_id}}, books.org.token("ap_clerk"))
    assert clerk["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await books.counts() == before
    assert (await books.bill(bill["id"]))["amountDue"]["amount"] == "60.00"

    assert (await books.run(PAYMENT_VOID, {"id": payment_id}, "owner"))["userErrors"] == []
    voided = await books.counts()
    twice = await books.run(PAYMENT_VOID, {"id": payment_id}, "owner")
    assert codes(twice) == ["INVALID_STATUS"]
    assert await books.counts() == voided
    missing = await api.data(PAYMENT, {"id": theirs["billPayment"]["id"]}, token=books.org.token())
    assert missing["billPayment"] is None


@pytest.mark.postgres
async def test_concurrent_voids_of_one_payment_undo_it_once(api: Api) -> None:
    books = await Books.open(api)
    bill = await books.approved("Y-1", "100.00")
    paid = await books.pay("70.00", [(bill["id"], "70.00")], date="2026-03-10")
    payment_id = paid["billPayment"]["id"]
    before = await books.counts()
    results = await asyncio.gather(
        *(books.run(PAYMENT_VOID, {"id": payment_id}, "owner") for _ in range(8))
    )
    accepted = [r for r in results if not r["userErrors"]]
    refused = [r for r in results if r["userErrors"]]
    assert len(accepted) == 1
    assert all(codes(r) == ["INVALID_STATUS"] for r in refused), refused
    after = await books.bill(bill["id"])
    assert (after["status"], after["amountDue"]["amount"]) == ("APPROVED", "100.00")
    counts = await books.counts()
    # One reversal of the payment's entry, and of its allocation's entry if it had one
    # (an exchange difference): never one per attempt.
    own = decode(payment_id, "BillPayment")
    with_entries = await Allocation.filter(credit_id=own, entry_id__isnull=False).count()
    assert counts["entries"] - before["entries"] == 1 + with_entries
    assert counts["payments"] == before["payments"]
    assert (await books.balances())["2000"] == "100.00"
    await _control_ties(books)
