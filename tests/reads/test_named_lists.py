"""The `taxRates` and `paymentTerms` connections written by the database (schema/reads.py)
answer exactly as the stock resolvers do on both databases: rates and discounts of every
shape, null discounts, both statuses, a guarded account the gate denies, every order
walked both ways."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest

from schema.ids import decode
from server.crm.models import Customer, PaymentTerms, TermsKind
from server.crm.reads import PAYMENT_TERMS
from server.documents.models import TaxRate
from server.documents.reads import TAX_RATE
from server.editing import RecordStatus
from tests.ledger.helpers import account_ids
from tests.reads.helpers import PARTY_NAME, both, every_field, spied
from tests.support import Api, Org, walk_pages

INDIA = timezone(timedelta(hours=5, minutes=30))
LISTS = f"""
query($s: [RecordStatus!]) {{
  taxRates(first: 100, filter: {{status: $s}}) {{
    totalCount nodes {{ __typename {every_field(TAX_RATE)} }} }}
  paymentTerms(first: 100, filter: {{status: $s}}) {{
    totalCount nodes {{ __typename {every_field(PAYMENT_TERMS)} }} }}
}}
"""
RATES = [Decimal("20"), Decimal("8.875"), Decimal("0"), Decimal("0.0001"), Decimal("100")]


async def _named(api: Api, org: Org) -> None:
    accounts = [decode(a, "Account") for a in (await account_ids(api, org)).values()]
    for n, rate in enumerate(RATES):
        await TaxRate.create(
            id=uuid4(),
            organization_id=org.id,
            name=f"{PARTY_NAME} {n}" if n % 2 else f"rate {n}",
            rate=rate,
            inclusive=bool(n % 2),
            account_id=accounts[n % len(accounts)],
            status=RecordStatus.ARCHIVED if n == 3 else RecordStatus.ACTIVE,
            created_at=datetime(2026, 1, 1, 1, 0, 0, n, tzinfo=INDIA),
        )
    cases: list[tuple[TermsKind, int, Decimal | None, int | None]] = [
        (TermsKind.NET, 30, Decimal("2"), 10),
        (TermsKind.DUE_ON_RECEIPT, 0, None, None),
        (TermsKind.END_OF_MONTH, 15, Decimal("1.25"), 0),
        (TermsKind.NET, 60, Decimal("0.0001"), None),
    ]
    for n, (kind, days, percent, until) in enumerate(cases):
        await PaymentTerms.create(
            id=uuid4(),
            organization_id=org.id,
            name=f'Net "{n}" \\ Ü' if n % 2 else f"terms {n}",
            kind=kind,
            days=days,
            discount_percent=percent,
            discount_days=until,
            status=RecordStatus.ARCHIVED if n == 2 else RecordStatus.ACTIVE,
            created_at=datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        )


async def test_named_lists_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _named(api, org)
    for status in (None, ["ACTIVE"], ["ARCHIVED"], ["ACTIVE", "ARCHIVED"]):
        items = spied(monkeypatch)
        written, stock = await both(api, org, LISTS, {"s": status}, monkeypatch)
        assert written.json() == stock.json(), status
        monkeypatch.undo()
        assert len(items) == 2 and None not in items
    data = (await api.post(LISTS, {}, token=org.token())).json()["data"]
    rates, terms = data["taxRates"]["nodes"], data["paymentTerms"]["nodes"]
    assert {r["rate"] for r in rates} >= {"20", "8.875", "0", "0.0001", "100"}
    assert None in {t["discountPercent"] for t in terms}
    assert all(r["account"]["id"] for r in rates)
    assert (data["taxRates"]["totalCount"], data["paymentTerms"]["totalCount"]) == (5, 4)


async def test_a_denied_account_takes_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org("sales")
    await _named(api, org)
    items = spied(monkeypatch)
    query = "{ taxRates { nodes { name account { id } } } }"
    written, stock = await both(api, org, query, {}, monkeypatch, role="sales", errors=True)
    assert written.json() == stock.json()
    assert items == [None]
    body: dict[str, Any] = written.json()
    assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}
    assert all(r["account"] is None for r in body["data"]["taxRates"]["nodes"])


async def test_party_payment_terms_match_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _named(api, org)
    terms = await PaymentTerms.filter(organization_id=org.id).order_by("name")
    for n, chosen in enumerate([terms[0].id, terms[1].id, None]):
        await Customer.create(
            organization_id=org.id, name=f"Party {n}", currency="EUR", payment_terms_id=chosen
        )
    query = f"""{{ customers(first: 10) {{ nodes {{
        name paymentTerms {{ {every_field(PAYMENT_TERMS)} }} }} }} }}"""
    items = spied(monkeypatch)
    written, stock = await both(api, org, query, {}, monkeypatch)
    assert written.json() == stock.json()
    assert len(items) == 1 and items[0] is not None
    found = [n["paymentTerms"] for n in written.json()["data"]["customers"]["nodes"]]
    assert None in found and len([t for t in found if t]) == 2


NAMED_PAGE = """
query($first: Int, $after: String, $last: Int, $before: String, $o: %(order)s) {
  %(field)s(first: $first, after: $after, last: $last, before: $before, orderBy: $o) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } }
  }
}"""


@pytest.mark.parametrize(
    ("field", "order", "sorts"),
    [
        ("taxRates", "TaxRateOrder", ("NAME", "CREATED_AT")),
        ("paymentTerms", "PaymentTermsOrder", ("NAME", "DAYS", "CREATED_AT")),
    ],
)
async def test_named_lists_walked_both_ways_give_each_record_once(
    api: Api, monkeypatch: pytest.MonkeyPatch, field: str, order: str, sorts: tuple[str, ...]
) -> None:
    org = await api.new_org()
    await _named(api, org)
    query = NAMED_PAGE % {"field": field, "order": order}
    total = 5 if field == "taxRates" else 4

    async def fetch(**variables: Any) -> dict[str, Any]:
        page: dict[str, Any] = (await api.data(query, variables, token=org.token()))[field]
        assert page["totalCount"] == total
        return page

    for sort in sorts:
        for direction in ("ASC", "DESC"):
            forwards, backwards, _ = await walk_pages(
                fetch, {"field": sort, "direction": direction}, lambda n: n["id"]
            )
            assert len(set(forwards)) == total and forwards == backwards, (sort, direction)
    names = [e["node"]["name"] for e in (await fetch(first=10, o={"field": "NAME"}))["edges"]]
    assert [e["node"]["name"] for e in (await fetch(first=10))["edges"]] == names
    assert names == sorted(names)
    written, stock = await both(api, org, query, {"first": 2, "o": {"field": "NAME"}}, monkeypatch)
    assert written.json() == stock.json()


async def test_named_lists_filter_by_status_and_search(api: Api) -> None:
    org = await api.new_org()
    await _named(api, org)
    query = """query($f: TaxRateFilter, $g: PaymentTermsFilter) {
        taxRates(filter: $f) { totalCount nodes { name } }
        paymentTerms(filter: $g) { totalCount nodes { name } } }"""
    data = await api.data(
        query,
        {"f": {"status": ["ARCHIVED"]}, "g": {"search": "net", "status": ["ACTIVE"]}},
        token=org.token(),
    )
    assert [n["name"] for n in data["taxRates"]["nodes"]] == [f"{PARTY_NAME} 3"]
    assert [n["name"] for n in data["paymentTerms"]["nodes"]] == [
        'Net "1" \\ Ü',
        'Net "3" \\ Ü',
    ]
    found = await api.data(query, {"f": {"search": "RATE"}}, token=org.token())
    assert found["taxRates"]["totalCount"] == 3
