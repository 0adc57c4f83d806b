"""Bill payments: payment runs, partial payments, vendor credits, discounts and refusals."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from server.documents.models import OpenItem
from server.ledger.models import IdempotencyRecord
from tests.payables.helpers import BILL_SUBMIT, Books, codes
from tests.support import Api


async def test_bill_payment_run_over_many_bills_keeps_the_excess_as_credit(api: Api) -> None:
    books = await Books.open(api)
    a = await books.approved("R-1", "100.00")
    b = await books.approved("R-2", "50.00")
    paid = await books.pay("200.00", [(a["id"], "100.00"), (b["id"], "20.00")])
    assert paid["userErrors"] == [], paid
    payment = paid["billPayment"]
    assert payment["unapplied"]["amount"] == "80.00"
    assert [x["bill"]["status"] for x in payment["allocations"]] == ["PAID", "PARTIALLY_PAID"]
    balances = await books.balances()
    # 150 owed less 200 paid: the vendor owes us 50 (a debit on the payables account).
    assert balances["2000"] == "-50.00"
    assert balances["1010"] == "-200.00"
    items = await OpenItem.filter(organization_id=books.org.id, ledger="PAYABLE")
    net = sum(i.open_base_minor * (1 if i.is_charge else -1) for i in items)
    assert Decimal(balances["2000"]) == Decimal(net) / 100
    listed = await api.data(
        "{ billPayments(first: 10) { totalCount"
        " nodes { amount { amount } unapplied { amount } } } }",
        token=books.org.token("ap_clerk"),
    )
    assert listed["billPayments"]["totalCount"] == 1


async def test_bill_payment_bad_input_is_refused_and_nothing_written(api: Api) -> None:
    books = await Books.open(api)
    approved = await books.approved("B-1", "100.00")
    draft = (await books.create("B-2", "40.00"))["bill"]
    submitted = (await books.create("B-3", "41.00"))["bill"]
    await books.run(BILL_SUBMIT, {"id": submitted["id"]})
    other_vendor = await books.new_vendor("Someone Else")
    theirs = await books.approved("B-4", "30.00", vendorId=other_vendor)
    other_org = await Books.open(api)
    before = await books.counts()
    cases = [
        (("50.00", [(draft["id"], "40.00")]), {}, "INVALID_STATUS"),
        (("50.00", [(submitted["id"], "41.00")]), {}, "INVALID_STATUS"),
        (("150.00", [(approved["id"], "100.01")]), {}, "EXCEEDS_OPEN_BALANCE"),
        (("50.00", [(approved["id"], "60.00")]), {}, "EXCEEDS_UNALLOCATED"),
        (("50.00", [(theirs["id"], "30.00")]), {}, "PARTY_MISMATCH"),
        (("0.00", []), {}, "ZERO_AMOUNT"),
        (("-5.00", []), {}, "NEGATIVE_AMOUNT"),
        (("5.001", []), {}, "TOO_PRECISE"),
        (("10.00", [(approved["id"], "10.00")]), {"date": "2026-02-01"}, "DATE_BEFORE_DOCUMENT"),
        (("10.00", []), {"vendorId": other_org.vendor}, "NOT_FOUND"),
        (("10.00", []), {"bankAccountId": books.accounts["6000"]}, "INVALID_ACCOUNT_TYPE"),
        (("10.00", []), {"bankAccountId": other_org.accounts["1010"]}, "NOT_FOUND"),
    ]
    for (amount, allocations), extra, code in cases:
        refused = await books.pay(amount, allocations, **extra)
        assert code in codes(refused), (amount, allocations, extra, refused)
        assert refused["billPayment"] is None
    assert await books.counts() == before
    assert (await books.bill(approved["id"]))["amountDue"]["amount"] == "100.00"


async def test_bill_payment_idempotency_key_replays(api: Api) -> None:
    books = await Books.open(api)
    bill = await books.approved("K-1", "100.00")
    first = await books.pay("40.00", [(bill["id"], "40.00")], idempotencyKey="pay-1")
    assert first["userErrors"] == []
    before = await books.counts()
    again = await books.pay("40.00", [(bill["id"], "40.00")], idempotencyKey="pay-1")
    assert again["billPayment"]["id"] == first["billPayment"]["id"]
    assert await books.counts() == before
    changed = await books.pay("41.00", [(bill["id"], "41.00")], idempotencyKey="pay-1")
    assert codes(changed) == ["IDEMPOTENCY_KEY_REUSED"]
    assert await IdempotencyRecord.filter(organization_id=books.org.id).count() == 1


async def test_bill_payment_in_time_takes_the_early_payment_discount(api: Api) -> None:
    books = await Books.open(api)
    await books.give_vendors_discount_terms()
    bill = await books.approved("D-1", "100.00", date="2026-03-01")
    assert bill["discountPercent"] == "2"
    assert bill["discountUntil"] == "2026-03-11"
    assert bill["dueDate"] == "2026-03-31"
    paid = await books.pay("98.00", [(bill["id"], "98.00")], date="2026-03-11")
    assert paid["userErrors"] == [], paid
    after = await books.bill(bill["id"])
    assert after["status"] == "PAID"
    assert [(p["kind"], p["amount"]["amount"]) for p in after["payments"]] == [
        ("SETTLEMENT", "98.00"),
        ("DISCOUNT", "2.00"),
    ]
    balances = await books.balances()
    assert balances["2000"] == "0.00"
    assert balances["4800"] == "2.00"
    assert balances["1010"] == "-98.00"

    # Too late: no discount, 2.00 stays open.
    late = await books.approved("D-2", "100.00", date="2026-03-01", acknowledgeWarnings=True)
    paid = await books.pay("98.00", [(late["id"], "98.00")], date="2026-03-12")
    assert (await books.bill(late["id"]))["amountDue"]["amount"] == "2.00"
    await books.trial_balance_balances()


async def test_discount_on_a_taxed_bill_gives_the_input_tax_back(api: Api) -> None:
    books = await Books.open(api)
    await books.give_vendors_discount_terms()
    tax = await api.data(
        """mutation($input: TaxRateCreateInput!) { taxRateCreate(input: $input) {
            taxRate { id } userErrors { code } } }""",
        {"input": {"name": "Input VAT 20", "rate": "20", "accountId": books.accounts["1400"]}},
        token=books.org.token(),
    )
    rate_id = tax["taxRateCreate"]["taxRate"]["id"]
    bill = await books.approved(
        "T-1", date="2026-03-01", lines=[books.line("100.00", taxRateId=rate_id)]
    )
    assert bill["total"]["amount"] == "120.00"
    paid = await books.pay("117.60", [(bill["id"], "117.60")], date="2026-03-05")
    assert paid["userErrors"] == [], paid
    assert (await books.bill(bill["id"]))["status"] == "PAID"
    balances = await books.balances()
    # 2.40 off: 2.00 of purchases, 0.40 of the input tax reclaimed.
    assert balances["4800"] == "2.00"
    assert balances["1400"] == "19.60"
    assert balances["2000"] == "0.00"
    await books.trial_balance_balances()


@pytest.mark.postgres
async def test_concurrent_bill_payments_never_pay_more_than_is_open(api: Api) -> None:
    books = await Books.open(api)
    bill = await books.approved("C-1", "100.00")
    before = await books.counts()
    results = await asyncio.gather(
        *(books.pay("60.00", [(bill["id"], "60.00")]) for _ in range(20))
    )
    accepted = [r for r in results if not r["userErrors"]]
    refused = [r for r in results if r["userErrors"]]
    assert len(accepted) == 1
    assert all(codes(r) == ["EXCEEDS_OPEN_BALANCE"] for r in refused), refused
    after = await books.bill(bill["id"])
    assert after["amountDue"]["amount"] == "40.00"
    assert after["status"] == "PARTIALLY_PAID"
    counts = await books.counts()
    assert counts["payments"] == before["payments"] + 1
    assert counts["entries"] == before["entries"] + 1
    assert counts["allocations"] == before["allocations"] + 1
    assert counts["open_items"] == before["open_items"] + 1
    assert (await books.balances())["2000"] == "40.00"
