"""Aging reports whose rows the database writes as JSON (server.documents.aging_reads)
answer exactly as the stock resolvers do, on SQLite and PostgreSQL alike: every field of a
row, currencies of 0, 2 and 3 places, negative amounts, party names a JSON writer must
escape, aliases, fragments and __typename. Selections the read path does not take (a
directive, the report asked under two names) are answered by the stock resolvers."""

from __future__ import annotations

from datetime import date

import pytest

from server.actor import Actor
from tests.payables.helpers import Books
from tests.reads.helpers import PARTY_NAME, both, spied
from tests.receivables import factory as f
from tests.support import Api, Org

MONEY = "amount currency"
AR_ROW = f"""__typename customer {{ id name email creditLimit {{ {MONEY} }} }}
  buckets {{ {MONEY} }} disputed {{ {MONEY} }} unappliedCredits {{ {MONEY} }} total {{ {MONEY} }}"""
AR_AGING = f"""query($asOf: Date!, $buckets: [Int!]) {{
  arAging(asOf: $asOf, buckets: $buckets) {{
    userErrors {{ code }}
    aging {{ asOf currency buckets {{ label }} rows {{ {AR_ROW} }}
      totals {{ buckets {{ {MONEY} }} disputed {{ {MONEY} }} unappliedCredits {{ {MONEY} }}
        total {{ {MONEY} }} }} }} }} }}"""
AP_AGING = f"""query($asOf: Date!) {{ apAging(asOf: $asOf) {{
  aging {{ rows {{ vendor {{ id name }} buckets {{ {MONEY} }} unappliedCredits {{ {MONEY} }}
    total {{ {MONEY} }} }} totals {{ total {{ {MONEY} }} }} }} }} }}"""


async def receivables(api: Api, currency: str) -> Org:
    """Customers owing, disputing and holding credits, in an organization of `currency`."""
    org = await api.new_org(currency=currency)
    books = f.Books(Actor(kind="system", label="tests", organization_id=org.id))
    awkward = await f.customer(books, PARTY_NAME, currency=currency, credit_limit=-1)
    plain = await f.customer(books, "Acme", currency=currency)
    await f.customer(books, "Nothing open", currency=currency)
    await f.invoice(books, awkward, date(2026, 1, 5), date(2026, 2, 4), 1_234_567)
    await f.invoice(books, awkward, date(2026, 6, 1), date(2026, 7, 1), 7)
    held = await f.invoice(books, plain, date(2026, 5, 1), date(2026, 5, 31), 9_999)
    await f.dispute(books, held, date(2026, 6, 2))
    await f.credit(books, plain, date(2026, 6, 3), 12_345)
    return org


@pytest.mark.parametrize("currency", ["USD", "JPY", "BHD"])
async def test_ar_aging_rows_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch, currency: str
) -> None:
    org = await receivables(api, currency)
    for variables in ({"asOf": "2026-06-30"}, {"asOf": "2026-12-31", "buckets": [7, 400]}):
        written_sql = spied(monkeypatch)
        written, stock = await both(api, org, AR_AGING, variables, monkeypatch)
        assert written_sql and all(written_sql), "the rows were not written by the database"
        assert written.json() == stock.json()
        rows = written.json()["data"]["arAging"]["aging"]["rows"]
        assert [r["customer"]["name"] for r in rows] == ["Acme", PARTY_NAME]
        assert rows[0]["unappliedCredits"]["amount"].startswith("-")
        assert rows[0]["disputed"] != rows[0]["total"]
        monkeypatch.undo()


async def test_ar_aging_rows_with_aliases_fragments_and_typename_match(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await receivables(api, "USD")
    query = """query { arAging(asOf: "2026-06-30") { aging { rows {
        who: customer { ...Named n2: name }  ...Amounts  kind: __typename
        buckets { a: amount } } } } }
      fragment Named on Customer { name id }
      fragment Amounts on ArAgingRow { total { currency amount } owed: total { amount } }"""
    written_sql = spied(monkeypatch)
    written, stock = await both(api, org, query, {}, monkeypatch)
    assert written_sql and all(written_sql)
    assert written.json() == stock.json()
    assert written.json()["data"]["arAging"]["aging"]["rows"][0]["kind"] == "ArAgingRow"


@pytest.mark.parametrize(
    "query",
    [
        # A directive below the rows: the stock resolvers decide it.
        """{ arAging(asOf: "2026-06-30") { aging { rows {
            customer { name @include(if: true) } total { amount } } } } }""",
        # The report asked under two names, with different rows: each must get its own.
        """{ arAging(asOf: "2026-06-30") { a: aging { rows { total { amount } } }
            b: aging { rows { customer { name } } } } }""",
        # The rows asked twice under different names.
        """{ arAging(asOf: "2026-06-30") { aging { r1: rows { total { amount } }
            r2: rows { customer { id } } } } }""",
    ],
)
async def test_ar_aging_selections_the_read_path_does_not_take_are_answered_alike(
    api: Api, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    org = await receivables(api, "EUR")
    written_sql = spied(monkeypatch)
    written, stock = await both(api, org, query, {}, monkeypatch)
    assert not any(written_sql)
    assert written.json() == stock.json()
    assert "errors" not in written.json()


async def test_ap_aging_rows_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    books = await Books.open(api)
    await books.new_vendor(PARTY_NAME)
    early = await books.approved("A-1", "100.00", "2026-03-01")
    await books.approved("A-2", "40.00", "2026-04-01")
    assert (await books.pay("130.00", [(early["id"], "100.00")]))["userErrors"] == []
    written_sql = spied(monkeypatch)
    written, stock = await both(api, books.org, AP_AGING, {"asOf": "2026-05-20"}, monkeypatch)
    assert written_sql and all(written_sql)
    assert written.json() == stock.json()
    (row,) = written.json()["data"]["apAging"]["aging"]["rows"]
    assert row["unappliedCredits"] == {"amount": "-30.00", "currency": "USD"}
