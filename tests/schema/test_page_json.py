"""A page whose items the database wrote is written whole as JSON when all that is asked
of the connection can be (schema/page_json.py), and answers exactly as the stock resolvers
do whatever is asked."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from strawberry.types.nodes import InlineFragment, SelectedField, Selection

from schema.cache import ResultCache
from schema.page_json import asked_of_connection
from tests.reads.helpers import stock_path
from tests.receivables.helpers import customer, issued_invoice
from tests.support import Api

NODE = "node { id number lines { lineNo } }"


@pytest.fixture(autouse=True)
def no_cached_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each path must answer for itself: the second asking would be a cache hit."""
    monkeypatch.setattr(ResultCache, "get", lambda _self, _key: None)


@pytest.mark.parametrize(
    "connection",
    [
        f"edges {{ cursor {NODE} }}",
        f"edges {{ {NODE} cursor }}",
        f"edges {{ {NODE} c: cursor cursor }}",  # aliases, the cursor twice
        f"edges {{ {NODE} node {{ total {{ amount }} }} }}",  # one key asked twice
        f"edges {{ cursor }} edges {{ {NODE} }}",  # the edges asked twice, merged
        f"a: edges {{ cursor }} b: edges {{ {NODE} }}",  # under two names
        f"pageInfo {{ hasNextPage end: endCursor }} edges {{ {NODE} }} totalCount",
        "pageInfo { hasPreviousPage startCursor } nodes { id number lines { lineNo } }",
        f"edges {{ __typename cursor {NODE} }}",  # completed in Python around the items
        f"__typename edges {{ {NODE} }}",
        f"pageInfo {{ __typename endCursor }} edges {{ {NODE} }}",
    ],
)
async def test_written_page_matches_the_stock_resolvers(
    api: Api, connection: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    for amount in ("10.00", "20.00", "30.00"):
        await issued_invoice(api, org, acme, amount)
    query = f"query {{ invoices(first: 2) {{ {connection} }} }}"
    written = await api.post(query, {}, token=org.token())
    with stock_path(monkeypatch):
        stock = await api.post(query, {}, token=org.token())
    for response in (written, stock):
        assert response.status_code == 200, response.text
        assert not response.json().get("errors"), response.text
    assert written.json() == stock.json()
    page = written.json()["data"]["invoices"]
    assert all(len(items) == 2 for items in page.values() if isinstance(items, list))
    # The lines cost the stock resolvers a statement of their own.
    assert _statements(written) < _statements(stock)


async def test_empty_page_asked_for_written_items(api: Api) -> None:
    org = await api.new_org()
    await issued_invoice(api, org, await customer(api, org), "10.00")
    query = "query { invoices(first: 0) { edges { cursor node { id } } nodes { id } } }"
    response = await api.post(query, {}, token=org.token())
    assert response.json() == {"data": {"invoices": {"edges": [], "nodes": []}}}


def _statements(response: httpx.Response) -> int:
    return int(response.headers["x-sql-statements"])


def _field(name: str, *selections: Selection, alias: str | None = None, **more: Any) -> Any:
    return SelectedField(
        name=name,
        directives=more.get("directives", {}),
        arguments={},
        selections=list(selections),
        alias=alias,
    )


def _asked(*selections: Selection) -> Any:
    info = SimpleNamespace(selected_fields=[_field("invoices", *selections)])
    return asked_of_connection(info)  # type: ignore[arg-type]


def test_asked_of_connection_is_each_response_key_in_order() -> None:
    node = _field("node", _field("id"))
    asked = _asked(
        _field("pageInfo", _field("endCursor", alias="end")),
        _field("edges", _field("cursor", alias="c")),
        _field("nodes", _field("id")),
        _field("edges", node, _field("cursor", alias="c"), _field("cursor")),
        _field("totalCount"),
    )
    assert asked == [
        ("pageInfo", "pageInfo", [("end", "endCursor")]),
        ("edges", "edges", [("c", "cursor"), ("node", "node"), ("cursor", "cursor")]),
        ("nodes", "nodes", []),
        ("totalCount", "totalCount", []),
    ]


def test_asked_of_connection_refuses_what_is_not_written_here() -> None:
    node = _field("node", _field("id"))
    skip = {"skip": {"if": True}}
    for refused in (
        _field("__typename"),
        _field("edges", _field("__typename"), node),
        _field("edges", _field("cursor", directives=skip), node),
        _field("edges", InlineFragment(type_condition=None, selections=[node], directives={})),
        _field("edges", node, directives=skip),
        _field("pageInfo", _field("__typename")),
        InlineFragment(type_condition=None, selections=[_field("edges", node)], directives={}),
    ):
        assert _asked(refused) is None, refused
