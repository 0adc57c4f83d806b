"""`generalLedger` lines written by the database (server/ledger/general_ledger.py) answer
exactly as the stock resolvers do on both databases: running balances across pages walked
both ways, cursors, base currencies of 0 and 2 places, awkward texts, journal fields the
gate denies."""

from __future__ import annotations

from typing import Any

import pytest

from server.ledger.general_ledger import GL_LINE
from tests.ledger.helpers import account_ids, line, post
from tests.reads.helpers import AWKWARD, both, every_field, spied
from tests.support import Api, Org, walk_pages

# Every field of a line, the entry's own fields and its lines' accounts: as deep as the
# read path writes on every database (below, a selection deeper than SQLite's parser takes).
LINE = " ".join(
    f"{name} {{ amount currency }}" if name in ("debit", "credit", "balance") else name
    for name in GL_LINE.fields
    if name != "entry"
)
ENTRY = (
    "entry { id number status date memo lines { lineNo side account { code parent { code } } } }"
)
LEDGER = f"""query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {{
  generalLedger(accountId: $id, from: "2026-01-01", to: "2026-12-31") {{
    openingBalance {{ amount currency }} closingBalance {{ amount currency }}
    lines(first: $first, after: $after, last: $last, before: $before) {{
      totalCount pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
      edges {{ cursor node {{ __typename {LINE} {ENTRY} }} }}
    }}
  }}
}}"""


async def _books(api: Api, org: Org) -> dict[str, str]:
    ids = await account_ids(api, org)
    cash, revenue = ids["1010"], ids["4000"]
    cases = [
        ("2025-12-31", "100", None, None),
        ("2026-02-01", "5", AWKWARD, AWKWARD),
        ("2026-02-01", "1234567", "", None),
        ("2026-03-15", "7", None, "x"),
        ("2026-03-15", "8", "same day", "same day"),
        ("2026-12-31", "1", "last", None),
    ]
    for day, amount, memo, description in cases:
        extra = {"description": description} if description is not None else {}
        lines = [line(cash, "DEBIT", amount, **extra), line(revenue, "CREDIT", amount)]
        await post(api, org, day, lines, **({"memo": memo} if memo is not None else {}))
    # A credit to cash: the balance goes down.
    await post(api, org, "2026-04-01", [line(revenue, "DEBIT", "3"), line(cash, "CREDIT", "3")])
    return ids


@pytest.mark.parametrize("currency", ["USD", "JPY"])
async def test_general_ledger_matches_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch, currency: str
) -> None:
    org = await api.new_org(currency=currency, separate_duties=False)
    ids = await _books(api, org)
    for account in ("1010", "4000"):
        items = spied(monkeypatch)
        written, stock = await both(api, org, LEDGER, {"id": ids[account]}, monkeypatch)
        assert written.json() == stock.json()
        monkeypatch.undo()
        assert len(items) == 1 and items[0] is not None
        lines = written.json()["data"]["generalLedger"]["lines"]
        assert len(lines["edges"]) == lines["totalCount"] == 6

    async def fetch(**variables: Any) -> dict[str, Any]:
        variables.pop("o")
        found = await api.data(LEDGER, {"id": ids["1010"], **variables}, token=org.token())
        page: dict[str, Any] = found["generalLedger"]["lines"]
        return page

    whole = (await fetch(o=None, first=100))["edges"]
    for size in (1, 2, 4):
        # Each line once, in posting order, with the same balance on every page either way.
        forwards, backwards, written_pages = await walk_pages(
            fetch, {}, _line, first=size, size=size
        )
        assert forwards == backwards == [_line(e["node"]) for e in whole]
        with monkeypatch.context() as patch:
            patch.setattr("schema.reads.item_sql", lambda *_a, **_k: None)
            assert (await walk_pages(fetch, {}, _line, first=size, size=size))[2] == written_pages
    assert [e["node"]["balance"]["amount"] for e in whole][-1] == (
        "1234685" if currency == "JPY" else "1234685.00"
    )


def _line(node: dict[str, Any]) -> tuple[Any, ...]:
    return node["date"], node["debit"]["amount"], node["credit"]["amount"], node["balance"]


async def test_journal_fields_the_gate_denies_take_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org("viewer", separate_duties=False)
    ids = await _books(api, org)
    items = spied(monkeypatch)
    written, stock = await both(
        api, org, LEDGER, {"id": ids["1010"]}, monkeypatch, role="viewer", errors=True
    )
    assert written.json() == stock.json()
    assert items == [None]
    body = written.json()
    assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}
    assert AWKWARD not in written.text


async def test_a_selection_too_deep_for_the_parser_is_answered_alike(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every declared field, the entry's lines' customers' payment terms included: SQLite's
    # parser refuses SQL that deep (server.reads.dialect.Sqlite.parses), and the stock
    # resolvers answer there rather than the request failing.
    org = await api.new_org(separate_duties=False)
    ids = await _books(api, org)
    deep = LEDGER.replace(f"{LINE} {ENTRY}", every_field(GL_LINE))
    written, stock = await both(api, org, deep, {"id": ids["1010"]}, monkeypatch)
    assert written.json() == stock.json()
    assert len(written.json()["data"]["generalLedger"]["lines"]["edges"]) == 6
