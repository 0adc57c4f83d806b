"""Accounts and journal entries written by the database (schema/reads.py) answer as the
stock resolvers do, field for field, on SQLite and PostgreSQL: pages, filters, both walking
directions, lookups by id, node and nodes."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import uuid4

import pytest

from schema.ids import decode, encode
from server.crm.models import Vendor
from server.ledger.models import (
    Account,
    AccountStatus,
    AccountSubtype,
    AccountType,
    EntryStatus,
    JournalEntry,
    JournalLine,
)
from server.ledger.reads import ACCOUNT, JOURNAL_ENTRY
from tests.ledger.helpers import account_ids, line, post
from tests.reads.helpers import AWKWARD, both, every_field, spied, statements, stock_path
from tests.receivables.helpers import customer
from tests.support import Api, Org, walk_pages

PAGE = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"

ACCOUNTS = f"""
query($first: Int, $after: String, $last: Int, $before: String, $f: AccountFilter) {{
  accounts(first: $first, after: $after, last: $last, before: $before, filter: $f) {{
    {PAGE}
    edges {{ cursor node {{ __typename {every_field(ACCOUNT)} }} }}
  }}
}}
"""

ENTRIES = f"""
query($first: Int, $after: String, $last: Int, $before: String, $f: JournalEntryFilter) {{
  journalEntries(first: $first, after: $after, last: $last, before: $before, filter: $f) {{
    {PAGE}
    edges {{ cursor node {{ __typename {every_field(JOURNAL_ENTRY)} }} }}
  }}
}}
"""

REVERSE = """mutation($input: JournalEntryReverseInput!) { journalEntryReverse(input: $input) {
  journalEntry { id } userErrors { code } } }"""


async def _ledger(api: Api) -> tuple[Org, dict[str, str]]:
    """Entries posted, drafted and reversed through the API, and accounts and entries
    written straight to the tables with values the API rarely makes."""
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    for day, amount in (("2026-03-01", "10.00"), ("2026-03-01", "0.01"), ("2026-03-05", "7.50")):
        made = await post(
            api, org, day, [line(ids["1010"], "DEBIT", amount), line(ids["4000"], "CREDIT", amount)]
        )
        assert made["userErrors"] == [], made
    draft = await post(
        api,
        org,
        "2026-03-02",
        [line(ids["1010"], "DEBIT", "1.00"), line(ids["4000"], "CREDIT", "2.00")],
        post=False,
        memo=AWKWARD,
    )
    assert draft["userErrors"] == [], draft
    reversed_ = await api.data(
        REVERSE,
        {"input": {"id": made["journalEntry"]["id"], "date": "2026-03-06", "memo": "Undo"}},
        token=org.token(),
    )
    assert reversed_["journalEntryReverse"]["userErrors"] == [], reversed_
    parent = await Account.get(id=decode(ids["1010"], "Account"))
    for n, code in enumerate(['9"9', "9\\9", "99", "9 9"]):
        await Account.create(
            organization_id=org.id,
            code=code,
            name=AWKWARD if n == 0 else f"Zürich {n} 東京",
            type=list(AccountType)[n],
            subtype=list(AccountSubtype)[n],
            parent_id=parent.id if n % 2 else None,
            currency=["JPY", None, "BHD", None][n],
            description=None if n % 2 else AWKWARD,
            is_control=n == 1,
            is_system=n == 2,
            status=AccountStatus.ARCHIVED if n == 3 else AccountStatus.ACTIVE,
        )
    for n, (number, status) in enumerate(
        [(2**31 - 1, EntryStatus.POSTED), (None, EntryStatus.DRAFT)]
    ):
        await JournalEntry.create(
            organization_id=org.id,
            number=number,
            status=status,
            date=date(2026, 3, 1),  # the day of two entries above: the id breaks ties
            memo=AWKWARD if n else "",
            source_type="bill" if n == 0 else None,
            draft_lines=[] if status == EntryStatus.DRAFT else None,
        )
    await _lines_of_every_kind(api, org, ids)
    return org, ids


async def _lines_of_every_kind(api: Api, org: Org, ids: dict[str, str]) -> None:
    """A posted entry whose rows name a customer, a vendor, another currency and a rate,
    written last line first; drafts with lines of every shape, and one with none at all."""
    cash, revenue = (decode(ids[c], "Account") for c in ("1010", "4000"))
    party = decode(
        await customer(api, org, AWKWARD.replace("\n", " ").replace("\t", " ")), "Customer"
    )
    supplier = await Vendor.create(organization_id=org.id, name="Lieferant Ü", currency="EUR")
    posted = await JournalEntry.create(
        organization_id=org.id, number=2**31 - 2, status=EntryStatus.POSTED, date=date(2026, 3, 7)
    )
    rows = [
        (2, revenue, "EUR", 0, 1_000, 0, 1_084, "1.0842", None, None, supplier.id),
        (1, cash, "EUR", 1_000, 0, 1_084, 0, "1.0842", AWKWARD, party, None),
    ]
    for line_no, account, currency, dr, cr, bdr, bcr, rate, text, cust, vend in rows:
        await JournalLine.create(
            organization_id=org.id,
            entry_id=posted.id,
            line_no=line_no,
            account_id=account,
            currency=currency,
            debit_minor=dr,
            credit_minor=cr,
            base_debit_minor=bdr,
            base_credit_minor=bcr,
            exchange_rate=rate,
            description=text,
            customer_id=cust,
            vendor_id=vend,
            date=date(2026, 3, 7),
        )
    entered = [
        {
            "accountId": str(cash),
            "side": "DEBIT",
            "amount": "1.50",
            "currency": None,
            "description": AWKWARD,
            "customerId": str(party),
            "vendorId": None,
            "dimensionOptionIds": [],
        },
        {
            "accountId": str(revenue),
            "side": "CREDIT",
            "amount": "0.001",
            "currency": "BHD",
            "description": None,
            "customerId": None,
            "vendorId": str(supplier.id),
            "dimensionOptionIds": [],
        },
        {
            "accountId": str(uuid4()),
            "side": "CREDIT",
            "amount": "10",
            "currency": "",
            "description": "",
            "customerId": None,
            "vendorId": None,
            "dimensionOptionIds": [],
        },
    ]
    for lines in (entered, None):
        await JournalEntry.create(
            organization_id=org.id,
            status=EntryStatus.DRAFT,
            date=date(2026, 3, 8),
            draft_lines=lines,
        )


async def test_account_and_journal_entry_pages_match_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, _ids = await _ledger(api)
    items = spied(monkeypatch)
    written, stock = await both(api, org, ACCOUNTS, {"first": 100}, monkeypatch)
    assert written.json() == stock.json()
    nodes = [e["node"] for e in written.json()["data"]["accounts"]["edges"]]
    assert AWKWARD in {n["name"] for n in nodes} and AWKWARD in {n["description"] for n in nodes}
    assert {n["currency"] for n in nodes} >= {"JPY", "BHD", None}
    assert any(n["parent"] and n["parent"]["code"] == "1010" for n in nodes)
    assert {n["isControl"] for n in nodes} == {n["isSystem"] for n in nodes} == {True, False}
    assert statements(written) == 2 < statements(stock)

    written, stock = await both(api, org, ENTRIES, {"first": 100}, monkeypatch)
    assert written.json() == stock.json()
    nodes = [e["node"] for e in written.json()["data"]["journalEntries"]["edges"]]
    assert len(nodes) == 10
    lines = [ln for n in nodes for ln in n["lines"]]
    assert {ln["side"] for ln in lines} == {"DEBIT", "CREDIT"}
    assert {ln["amount"]["amount"] for ln in lines} >= {"1.50", "0.001", "10", "10.00"}
    assert any(ln["customer"] for ln in lines) and any(ln["vendor"] for ln in lines)
    assert None in {ln["baseAmount"] and ln["baseAmount"]["amount"] for ln in lines}
    assert {n["number"] for n in nodes} >= {None, 2**31 - 1}
    assert sum(1 for n in nodes if n["reversalOf"]) == sum(1 for n in nodes if n["reversedBy"]) == 1
    assert statements(written) == 2 < statements(stock)
    assert len(items) == 2 and all(items)


@pytest.mark.parametrize("query", ["accounts", "journalEntries"])
async def test_ledger_pages_walk_each_item_once_both_ways(
    api: Api, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, _ids = await _ledger(api)
    text = ACCOUNTS if query == "accounts" else ENTRIES
    everything = await api.data(text, {"first": 100}, token=org.token())
    total = len(everything[query]["edges"])

    async def page(**variables: Any) -> dict[str, Any]:
        # The lists have a fixed order: they take no order argument.
        variables.pop("o")
        response = await api.post(text, variables, token=org.token())
        data: dict[str, Any] = response.json()["data"][query]
        return data

    forwards, backwards, _ = await walk_pages(page, {}, lambda n: n["id"], first=3, size=4)
    with stock_path(monkeypatch):
        expected, _, _ = await walk_pages(page, {}, lambda n: n["id"], first=3, size=4)
    assert len(set(forwards)) == total
    assert forwards == backwards == expected


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (ACCOUNTS, {"f": {"type": "ASSET"}}),
        (ACCOUNTS, {"f": {"status": ["ARCHIVED"]}}),
        (ACCOUNTS, {"f": {"search": "zürich"}}),  # ASCII letters ignore case
        (ACCOUNTS, {"f": {"search": "9\\"}}),
        (ACCOUNTS, {"f": {"search": "_"}}),
        (ACCOUNTS, {"f": {"search": "10"}}),
        (ENTRIES, {"f": {"status": ["DRAFT"]}}),
        (ENTRIES, {"f": {"entryDate": {"from": "2026-03-02", "to": "2026-03-05"}}}),
    ],
)
async def test_ledger_filters_match_the_stock_resolvers(
    api: Api, query: str, variables: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    org, _ids = await _ledger(api)
    query = query.replace("edges {", "totalCount edges {")
    written, stock = await both(api, org, query, {"first": 100, **variables}, monkeypatch)
    assert written.json() == stock.json()
    found = next(iter(written.json()["data"].values()))
    assert found["totalCount"] == len(found["edges"]) > 0 or variables == {"f": {"search": "_"}}
    assert statements(written) == 3  # authentication, the page and its count


async def test_accounts_and_entries_by_id_and_as_nodes_match_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, _ids = await _ledger(api)
    accounts = [encode("Account", a.id) for a in await Account.filter(organization_id=org.id)]
    entries = [
        encode("JournalEntry", e.id) for e in await JournalEntry.filter(organization_id=org.id)
    ]
    for account_id in accounts:
        query = f"query($id: ID!) {{ account(id: $id) {{ {every_field(ACCOUNT)} }} }}"
        written, stock = await both(api, org, query, {"id": account_id}, monkeypatch)
        assert written.json() == stock.json()
        assert written.json()["data"]["account"]["id"] == account_id
        assert statements(written) == 2
    for entry_id in entries:
        query = f"query($id: ID!) {{ journalEntry(id: $id) {{ {every_field(JOURNAL_ENTRY)} }} }}"
        written, stock = await both(api, org, query, {"id": entry_id}, monkeypatch)
        assert written.json() == stock.json()
        assert written.json()["data"]["journalEntry"]["id"] == entry_id
        assert statements(written) == 2

    _other, other_ids = await _ledger(api)
    ids = [
        *accounts[:5],
        *entries,
        encode("Account", uuid4()),  # none
        encode("JournalEntry", "not-a-uuid"),
        other_ids["1010"],  # another organization's
        entries[0],  # asked twice
    ]
    query = f"""query($ids: [ID!]!) {{ nodes(ids: $ids) {{
        __typename id
        ... on Account {{ {every_field(ACCOUNT, "a_")} }}
        ... on JournalEntry {{ {every_field(JOURNAL_ENTRY, "e_")} }}
    }} }}"""
    written, stock = await both(api, org, query, {"ids": ids}, monkeypatch)
    assert written.json() == stock.json()
    nodes = written.json()["data"]["nodes"]
    assert [n and n["__typename"] for n in nodes] == [
        *["Account"] * 5,
        *["JournalEntry"] * len(entries),
        None,
        None,
        None,
        "JournalEntry",
    ]
    assert statements(written) == 3 < statements(stock)  # authentication, one per type
    one = "query($id: ID!) { node(id: $id) { id ... on Account { code parent { name } } } }"
    written, stock = await both(api, org, one, {"id": accounts[0]}, monkeypatch)
    assert written.json() == stock.json()
    assert statements(written) == 2


@pytest.mark.parametrize(
    "selection",
    [
        "code parent { parent { code } }",  # deeper than the shape declares
    ],
)
async def test_account_selections_it_cannot_write_take_the_stock_resolvers(
    api: Api, selection: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, ids = await _ledger(api)
    items = spied(monkeypatch)
    query = f"query($id: ID!) {{ account(id: $id) {{ {selection} }} }}"
    written, stock = await both(api, org, query, {"id": ids["1010"]}, monkeypatch)
    assert written.json() == stock.json()
    assert not any(items)


BALANCES = """query($first: Int, $d: Date!) { accounts(first: $first) { nodes {
  code
  balance(asOf: "2026-03-01") { amount currency }
  later: balance(asOf: $d) { amount currency }
  parent { code balance(asOf: $d) { amount } }
} } }"""


@pytest.mark.parametrize("currency", ["USD", "JPY"])
async def test_account_balances_match_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch, currency: str
) -> None:
    org = await api.new_org(currency=currency, separate_duties=False)
    ids = await account_ids(api, org)
    for day, amount in (("2026-03-01", "10"), ("2026-03-02", "7"), ("2026-03-05", "1")):
        lines = [line(ids["1010"], "DEBIT", amount), line(ids["4000"], "CREDIT", amount)]
        assert (await post(api, org, day, lines))["userErrors"] == []
    for day in ("2026-02-28", "2026-03-02", "2099-12-31"):
        items = spied(monkeypatch)
        variables = {"first": 100, "d": day}
        written, stock = await both(api, org, BALANCES, variables, monkeypatch)
        assert written.json() == stock.json(), day
        monkeypatch.undo()
        assert len(items) == 1 and items[0] is not None
    nodes = written.json()["data"]["accounts"]["nodes"]
    found = {n["code"]: n for n in nodes}
    unit = "" if currency == "JPY" else ".00"
    assert found["1010"]["later"]["amount"] == f"18{unit}"
    assert found["4000"]["later"]["amount"] == f"18{unit}"  # a credit balance reads positive
    assert found["1010"]["balance"]["amount"] == f"10{unit}"


async def test_a_balance_the_gate_denies_takes_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org("ap_clerk", separate_duties=False)
    items = spied(monkeypatch)
    variables = {"first": 5, "d": "2026-03-02"}
    written, stock = await both(
        api, org, BALANCES, variables, monkeypatch, role="ap_clerk", errors=True
    )
    assert written.json() == stock.json()
    assert items == [None]
    body = written.json()
    assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}
