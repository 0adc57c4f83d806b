"""Items, in pages and by id, written by the database (schema/reads.py) answer exactly as
the stock resolvers do, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from schema.ids import encode
from server.documents.models import Item
from server.documents.reads import ITEM
from server.editing import RecordStatus
from server.identity.models import Organization
from tests.documents.helpers import ITEM_CREATE, mutate
from tests.reads.helpers import (
    AWKWARD,
    PARTY_NAME,
    both,
    every_field,
    spied,
    statements,
    stock_path,
)
from tests.support import Api, Org, walk_pages

ITEMS = f"""
query($first: Int, $after: String, $last: Int, $before: String, $o: ItemOrder,
      $f: ItemFilter) {{
  items(first: $first, after: $after, last: $last, before: $before, orderBy: $o, filter: $f) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ __typename {every_field(ITEM)} }} }}
  }}
}}
"""


async def _items(api: Api, base: str = "USD") -> Org:
    """An organization of base currency `base` with items of every shape."""
    org = await api.new_org()
    made = await mutate(
        api, org, ITEM_CREATE, name="Widget", code="W-1", description="Blue", unitPrice="12"
    )
    assert made["userErrors"] == [], made
    await Organization.filter(id=org.id).update(base_currency=base)
    for name, code, price, status in [
        (PARTY_NAME, None, None, RecordStatus.ACTIVE),
        ("100% Widgets", "w_2", -1, RecordStatus.ARCHIVED),
        ("widget", "X", 9_007_199_254_740_993, RecordStatus.ACTIVE),
        ("Widget", None, 0, RecordStatus.ACTIVE),  # the same name: the id breaks ties
    ]:
        await Item.create(
            organization_id=org.id,
            name=name,
            code=code,
            description=AWKWARD if code is None else None,
            unit_price_minor=price,
            status=status,
        )
    return org


@pytest.mark.parametrize("base", ["USD", "JPY", "BHD"])
async def test_item_pages_match_the_stock_resolvers_field_for_field(
    api: Api, base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await _items(api, base)
    written = spied(monkeypatch)
    page, stock = await both(api, org, ITEMS, {"first": 100}, monkeypatch)
    assert page.json() == stock.json()
    nodes = [e["node"] for e in page.json()["data"]["items"]["edges"]]
    assert len(nodes) == 5 and written[0] is not None
    prices = {n["unitPrice"] and n["unitPrice"]["amount"] for n in nodes}
    assert None in prices and len(prices) == 5
    assert {n["unitPrice"]["currency"] for n in nodes if n["unitPrice"]} == {base}
    # Authentication, the page and its count; the stock resolvers read the base currency.
    assert statements(page) == 3 < statements(stock)


@pytest.mark.parametrize(
    "flt",
    [{"search": "WIDGET"}, {"search": " w_ "}, {"search": "100%"}, {"status": "ARCHIVED"}],
)
async def test_item_filters_match_the_stock_resolvers(
    api: Api, flt: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await _items(api)
    written, stock = await both(api, org, ITEMS, {"first": 100, "f": flt}, monkeypatch)
    assert written.json() == stock.json()
    names = {e["node"]["name"] for e in written.json()["data"]["items"]["edges"]}
    expected = {
        "WIDGET": {"Widget", "widget", "100% Widgets"},
        " w_ ": {"100% Widgets"},
        "100%": {"100% Widgets"},
        None: {"100% Widgets"},
    }
    assert names == expected[flt.get("search")]


@pytest.mark.parametrize("field", ["NAME", "CREATED_AT"])
async def test_item_pages_walk_each_item_once_both_ways(
    api: Api, field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await _items(api)

    async def page(**variables: Any) -> dict[str, Any]:
        response = await api.post(ITEMS, variables, token=org.token())
        data: dict[str, Any] = response.json()["data"]["items"]
        return data

    for direction in ("ASC", "DESC"):
        order = {"field": field, "direction": direction}
        forwards, backwards, _ = await walk_pages(page, order, lambda n: n["id"])
        with stock_path(monkeypatch):
            expected, _, _ = await walk_pages(page, order, lambda n: n["id"])
        assert len(set(forwards)) == 5
        assert forwards == backwards == expected, (field, direction)


async def test_items_by_id_and_as_nodes_match_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await _items(api, "BHD")
    ids = [encode("Item", i.id) for i in await Item.filter(organization_id=org.id)]
    for item_id in ids:
        query = f"query($id: ID!) {{ item(id: $id) {{ {every_field(ITEM)} }} }}"
        written, stock = await both(api, org, query, {"id": item_id}, monkeypatch)
        assert written.json() == stock.json()
        assert written.json()["data"]["item"]["id"] == item_id
        assert statements(written) == 2
    other = await _items(api)
    foreign = await Item.filter(organization_id=other.id).first()
    assert foreign is not None
    asked = [*ids, encode("Item", uuid4()), encode("Item", "x"), encode("Item", foreign.id)]
    query = f"""query($ids: [ID!]!) {{ nodes(ids: $ids) {{
        __typename ... on Item {{ {every_field(ITEM)} }} }} }}"""
    written, stock = await both(api, org, query, {"ids": asked}, monkeypatch)
    assert written.json() == stock.json()
    assert [n and n["__typename"] for n in written.json()["data"]["nodes"]] == [
        *["Item"] * 5,
        None,
        None,
        None,
    ]
    assert statements(written) == 2


ITEM_READER = """mutation {
  roleCreate(input: {name: "item_reader", permissions: [{object: "item", action: "read"}]}) {
    userErrors { code } } }"""
MEMBER_ROLES = """mutation($id: ID!) {
  memberRolesSet(input: {userId: $id, roles: ["item_reader"]}) { userErrors { code } } }"""


async def test_items_with_an_account_the_gate_denies_answer_null_with_forbidden(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """incomeAccount is not declared: a selection with it takes the stock path, where the
    gate makes it null with FORBIDDEN; without it, the database writes the page."""
    org = await api.new_org("viewer")
    await mutate(api, org, ITEM_CREATE, name="Widget", unitPrice="12")
    made = await api.data(ITEM_READER, token=org.token())
    assert made["roleCreate"]["userErrors"] == []
    member = encode("User", org.users["viewer"].id)
    given = await api.data(MEMBER_ROLES, {"id": member}, token=org.token())
    assert given["memberRolesSet"]["userErrors"] == []
    query = "{ items(first: 5) { nodes { name incomeAccount { code } } } }"
    written, stock = await both(api, org, query, {}, monkeypatch, role="viewer", errors=True)
    assert written.json() == stock.json()
    body = written.json()
    assert body["data"]["items"]["nodes"] == [{"name": "Widget", "incomeAccount": None}]
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [
        (["items", "nodes", 0, "incomeAccount"], "FORBIDDEN")
    ]
    plain = await api.post(
        "{ items(first: 5) { nodes { name unitPrice { amount } } } }", {}, org.token("viewer")
    )
    assert statements(plain) == 2
