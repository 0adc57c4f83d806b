"""Payables changes write one domain event each, in the transaction of the change."""

from __future__ import annotations

from tests.events.helpers import last_sequence, written_by
from tests.payables.helpers import BILL_APPROVE, BILL_SUBMIT, Books
from tests.support import Api


def usd(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "USD"}


async def test_bill_approve_writes_bill_approved_with_its_total_and_entry(api: Api) -> None:
    books = await Books.open(api)
    created = await books.create(amount="250.00")
    bill_id = created["bill"]["id"]
    await books.run(BILL_SUBMIT, {"id": bill_id})
    before = await last_sequence(api, books.org)
    approved = await books.run(BILL_APPROVE, {"id": bill_id}, "approver")
    assert approved["userErrors"] == [], approved
    (event,) = await written_by(api, books.org, before)
    assert (event["type"], event["objectType"], event["objectId"]) == (
        "bill.approved",
        "Bill",
        bill_id,
    )
    assert event["payload"]["status"] == "APPROVED"
    assert event["payload"]["total"] == usd("250.00")
    assert isinstance(event["payload"]["entryNumber"], int)
    assert "toleranceOverridden" not in event["payload"]


async def test_bill_payment_record_that_settles_a_bill_shows_it_paid(api: Api) -> None:
    books = await Books.open(api)
    bill = await books.approved(amount="100.00")
    before = await last_sequence(api, books.org)
    paid = await books.pay("100.00", [(bill["id"], "100.00")])
    assert paid["userErrors"] == [], paid
    (event,) = await written_by(api, books.org, before)
    assert (event["type"], event["objectId"]) == (
        "bill_payment.recorded",
        paid["billPayment"]["id"],
    )
    payload = event["payload"]
    assert payload["vendor"] == books.vendor
    assert (payload["amount"], payload["unapplied"]) == (usd("100.00"), usd("0.00"))
    assert payload["allocations"] == [
        {"bill": bill["id"], "amount": usd("100.00"), "billStatus": "PAID"}
    ]


async def test_bill_approve_refused_by_segregation_of_duties_writes_no_event(api: Api) -> None:
    books = await Books.open(api)
    created = await books.create(amount="100.00", role="owner")
    bill_id = created["bill"]["id"]
    await books.run(BILL_SUBMIT, {"id": bill_id}, "owner")
    before = await last_sequence(api, books.org)
    refused = await books.run(BILL_APPROVE, {"id": bill_id}, "owner")
    assert refused["bill"] is None and refused["userErrors"]
    assert await written_by(api, books.org, before) == []
