"""apAging through the API: historical, bucketed by days past due, tied to the ledger."""

from __future__ import annotations

from decimal import Decimal

from tests.payables.helpers import Books
from tests.support import Api

AP_AGING = """query($asOf: Date!, $buckets: [Int!]) { apAging(asOf: $asOf, buckets: $buckets) {
  aging { buckets { label } rows { vendor { name } buckets { amount } unappliedCredits { amount }
          total { amount } }
          totals { buckets { amount } unappliedCredits { amount } total { amount } } }
  userErrors { field code } } }"""


async def test_ap_aging_buckets_by_days_past_due_and_ties_to_payables(api: Api) -> None:
    books = await Books.open(api)
    # Net 30 from the vendor's terms: due 2026-03-31 and 2026-05-01.
    early = await books.approved("A-1", "100.00", "2026-03-01")
    await books.approved("A-2", "40.00", "2026-04-01")
    paid = await books.pay("130.00", [(early["id"], "100.00")])
    assert paid["userErrors"] == []
    for as_of in ("2026-02-28", "2026-03-15", "2026-05-20", "2026-12-31"):
        data = await api.data(AP_AGING, {"asOf": as_of}, token=books.org.token("ap_clerk"))
        report = data["apAging"]["aging"]
        balances = await books.balances(as_of)
        owed = Decimal(balances.get("2000", "0"))
        assert Decimal(report["totals"]["total"]["amount"]) == owed, as_of
    data = await api.data(AP_AGING, {"asOf": "2026-05-20"}, token=books.org.token("ap_clerk"))
    report = data["apAging"]["aging"]
    assert [b["label"] for b in report["buckets"]] == [
        "Current",
        "1-30",
        "31-60",
        "61-90",
        "Over 90",
    ]
    (row,) = report["rows"]
    assert [b["amount"] for b in row["buckets"]] == ["0.00", "40.00", "0.00", "0.00", "0.00"]
    assert row["unappliedCredits"] == {"amount": "-30.00"}
    assert row["total"] == {"amount": "10.00"}


async def test_ap_aging_refuses_bad_buckets(api: Api) -> None:
    books = await Books.open(api)
    data = await api.data(
        AP_AGING, {"asOf": "2026-03-01", "buckets": [60, 30]}, token=books.org.token()
    )
    assert data["apAging"]["aging"] is None
    assert [e["code"] for e in data["apAging"]["userErrors"]] == ["INVALID"]
