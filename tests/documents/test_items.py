"""Items through the API: create, update, archive, lists, bad input, access and tenancy."""

from __future__ import annotations

from typing import Any

import pytest

from tests.documents.helpers import (
    ITEM,
    ITEM_ARCHIVE,
    ITEM_CREATE,
    ITEM_UPDATE,
    ITEMS,
    NODE,
    TAX_RATE_ARCHIVE,
    account_ids,
    changes,
    errors,
    mutate,
    new_tax_rate,
)
from tests.support import Api, Org


async def _item(api: Api, org: Org, name: str, **fields: Any) -> dict[str, Any]:
    payload = await mutate(api, org, ITEM_CREATE, name=name, **fields)
    assert payload["userErrors"] == [], payload
    item: dict[str, Any] = payload["item"]
    return item


async def _count(api: Api, org: Org) -> int:
    count: int = (await api.data(ITEMS, {}, token=org.token()))["items"]["totalCount"]
    return count


async def test_item_create_with_all_fields_returns_them(api: Api) -> None:
    org = await api.new_org(currency="EUR")
    accounts = await account_ids(api, org)
    rate = await new_tax_rate(api, org, "VAT 19%", "19")
    payload = await mutate(
        api,
        org,
        ITEM_CREATE,
        code="SKU-100/A",
        name=" Widget ",
        description="A blue widget",
        unitPrice="12.50",
        incomeAccountId=accounts["4000"],
        expenseAccountId=accounts["1200"],
        taxRateId=rate["id"],
    )
    assert payload["userErrors"] == []
    item = payload["item"]
    assert (item["code"], item["name"], item["description"]) == (
        "SKU-100/A",
        "Widget",
        "A blue widget",
    )
    assert item["unitPrice"] == {"amount": "12.50", "currency": "EUR"}
    assert (item["incomeAccount"]["code"], item["expenseAccount"]["code"]) == ("4000", "1200")
    assert item["taxRate"] == {"id": rate["id"], "name": "VAT 19%", "rate": "19"}
    assert item["status"] == "ACTIVE"
    fetched = await api.data(ITEM, {"id": item["id"]}, token=org.token())
    assert fetched["item"] == item
    node = await api.data(NODE, {"id": item["id"]}, token=org.token())
    assert node["node"] == {"id": item["id"], "name": "Widget"}


async def test_item_create_with_only_a_name_leaves_the_rest_empty(api: Api) -> None:
    org = await api.new_org(currency="JPY")
    item = await _item(api, org, "Consulting hour")
    assert item["code"] is None and item["unitPrice"] is None and item["taxRate"] is None
    priced = await _item(api, org, "Tea", unitPrice="300")
    assert priced["unitPrice"] == {"amount": "300", "currency": "JPY"}


@pytest.mark.parametrize(
    ("fields", "path", "code"),
    [
        ({"name": ""}, ["input", "name"], "REQUIRED"),
        ({"code": "has space"}, ["input", "code"], "INVALID"),
        ({"unitPrice": "1.005"}, ["input", "unitPrice"], "TOO_PRECISE"),
        ({"unitPrice": "-1.00"}, ["input", "unitPrice"], "NEGATIVE_AMOUNT"),
        ({"income": "6300"}, ["input", "incomeAccountId"], "INVALID_ACCOUNT_TYPE"),
        ({"income": "1010"}, ["input", "incomeAccountId"], "INVALID_ACCOUNT_TYPE"),
        ({"expense": "4000"}, ["input", "expenseAccountId"], "INVALID_ACCOUNT_TYPE"),
        ({"expense": "2100"}, ["input", "expenseAccountId"], "INVALID_ACCOUNT_TYPE"),
        ({"expense": "1100"}, ["input", "expenseAccountId"], "CONTROL_ACCOUNT"),
        ({"incomeAccountId": "bad"}, ["input", "incomeAccountId"], "NOT_FOUND"),
        ({"taxRateId": "bad"}, ["input", "taxRateId"], "NOT_FOUND"),
    ],
)
async def test_item_create_with_bad_input_returns_user_error_and_writes_nothing(
    api: Api, fields: dict[str, Any], path: list[str], code: str
) -> None:
    org = await api.new_org()
    accounts = await account_ids(api, org)
    for key, name in (("income", "incomeAccountId"), ("expense", "expenseAccountId")):
        if key in fields:
            fields[name] = accounts[fields.pop(key)]
    payload = await mutate(api, org, ITEM_CREATE, **{"name": "Widget", **fields})
    assert payload["item"] is None
    assert errors(payload) == [(path, code)]
    assert await _count(api, org) == 0
    assert await changes(api, org) == []


async def test_item_create_with_float_price_is_refused_at_the_top_level(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(
        ITEM_CREATE, {"input": {"name": "W", "unitPrice": 1.5}}, token=org.token()
    )
    assert result.get("data") is None
    assert "Amount" in result["errors"][0]["message"]
    assert await _count(api, org) == 0


async def test_item_create_with_an_archived_tax_rate_is_refused(api: Api) -> None:
    org = await api.new_org()
    rate = await new_tax_rate(api, org, "Old VAT")
    await mutate(api, org, TAX_RATE_ARCHIVE, id=rate["id"])
    payload = await mutate(api, org, ITEM_CREATE, name="W", taxRateId=rate["id"])
    assert errors(payload) == [(["input", "taxRateId"], "RECORD_ARCHIVED")]
    assert await _count(api, org) == 0


async def test_item_create_with_another_organizations_references_is_not_found(api: Api) -> None:
    a, b = await api.new_org(), await api.new_org()
    theirs = await account_ids(api, b)
    their_rate = await new_tax_rate(api, b, "VAT")
    payload = await mutate(
        api,
        a,
        ITEM_CREATE,
        name="W",
        incomeAccountId=theirs["4000"],
        expenseAccountId=theirs["5000"],
        taxRateId=their_rate["id"],
    )
    assert sorted(errors(payload)) == [
        (["input", "expenseAccountId"], "NOT_FOUND"),
        (["input", "incomeAccountId"], "NOT_FOUND"),
        (["input", "taxRateId"], "NOT_FOUND"),
    ]
    assert await _count(api, a) == 0


async def test_item_codes_are_unique_per_organization(api: Api) -> None:
    a, b = await api.new_org(), await api.new_org()
    await _item(api, a, "Widget", code="W-1")
    await _item(api, b, "Widget", code="W-1")
    payload = await mutate(api, a, ITEM_CREATE, name="Other", code="W-1")
    assert errors(payload) == [(["input", "code"], "DUPLICATE_CODE")]
    other = await _item(api, a, "Other", code="W-2")
    payload = await mutate(api, a, ITEM_UPDATE, id=other["id"], code="W-1")
    assert errors(payload) == [(["input", "code"], "DUPLICATE_CODE")]
    # Items without a code do not collide.
    await _item(api, a, "No code 1")
    await _item(api, a, "No code 2")
    assert await _count(api, a) == 4


async def test_item_update_changes_given_fields_and_null_clears(api: Api) -> None:
    org = await api.new_org()
    accounts = await account_ids(api, org)
    item = await _item(
        api, org, "Widget", code="W-1", unitPrice="10.00", incomeAccountId=accounts["4000"]
    )
    payload = await mutate(
        api, org, ITEM_UPDATE, id=item["id"], unitPrice="12.00", code=None, description="New"
    )
    assert payload["userErrors"] == []
    updated = payload["item"]
    assert updated["unitPrice"]["amount"] == "12.00"
    assert (updated["code"], updated["description"], updated["name"]) == (None, "New", "Widget")
    assert updated["incomeAccount"]["code"] == "4000"

    payload = await mutate(api, org, ITEM_UPDATE, id=item["id"], unitPrice=None, name=None)
    assert errors(payload) == [(["input", "name"], "REQUIRED")]
    fetched = await api.data(ITEM, {"id": item["id"]}, token=org.token())
    assert fetched["item"]["unitPrice"]["amount"] == "12.00"


async def test_item_changes_write_one_audit_event_each(api: Api) -> None:
    org = await api.new_org()
    item = await _item(api, org, "Widget", unitPrice="10.00")
    await mutate(api, org, ITEM_UPDATE, id=item["id"], unitPrice="11.00")
    await mutate(api, org, ITEM_ARCHIVE, id=item["id"])
    events = await changes(api, org)
    assert [(e["action"], e["objectType"], e["objectId"]) for e in events] == [
        ("ITEM_CREATE", "ITEM", item["id"]),
        ("ITEM_UPDATE", "ITEM", item["id"]),
        ("ITEM_ARCHIVE", "ITEM", item["id"]),
    ]
    assert events[0]["after"]["unitPrice"] == "10.00 USD"
    assert (events[1]["before"], events[1]["after"]) == (
        {"unitPrice": "10.00 USD"},
        {"unitPrice": "11.00 USD"},
    )
    assert events[2]["after"] == {"status": "ARCHIVED"}


async def test_item_archive_twice_is_refused(api: Api) -> None:
    org = await api.new_org()
    item = await _item(api, org, "Widget")
    payload = await mutate(api, org, ITEM_ARCHIVE, id=item["id"])
    assert payload["item"]["status"] == "ARCHIVED"
    again = await mutate(api, org, ITEM_ARCHIVE, id=item["id"])
    assert errors(again) == [(["input", "id"], "ALREADY_ARCHIVED")]


async def test_items_pages_by_name_cover_every_item_once(api: Api) -> None:
    org = await api.new_org()
    names = [f"Item {i:02d}" for i in range(7)]
    for name in reversed(names):
        await _item(api, org, name)
    seen: list[str] = []
    after = None
    while True:
        data = await api.data(ITEMS, {"first": 3, "after": after}, token=org.token())
        page = data["items"]
        seen += [e["node"]["name"] for e in page["edges"]]
        assert page["totalCount"] == 7
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == names
    back = await api.data(ITEMS, {"last": 2}, token=org.token())
    assert [n["name"] for n in (e["node"] for e in back["items"]["edges"])] == names[-2:]
    newest = await api.data(
        ITEMS,
        {"first": 1, "orderBy": {"field": "CREATED_AT", "direction": "DESC"}},
        token=org.token(),
    )
    assert newest["items"]["edges"][0]["node"]["name"] == names[0]


async def test_items_filter_by_search_and_status(api: Api) -> None:
    org = await api.new_org()
    await _item(api, org, "Blue widget", code="BW-1")
    await _item(api, org, "Red widget", code="RW-1")
    gone = await _item(api, org, "Gadget", code="G-1")
    await mutate(api, org, ITEM_ARCHIVE, id=gone["id"])

    async def names(flt: dict[str, Any]) -> list[str]:
        data = await api.data(ITEMS, {"filter": flt}, token=org.token())
        return [n["name"] for n in (e["node"] for e in data["items"]["edges"])]

    assert await names({"search": "WIDGET"}) == ["Blue widget", "Red widget"]
    assert await names({"search": "rw-"}) == ["Red widget"]
    assert await names({"status": "ARCHIVED"}) == ["Gadget"]
    assert await names({"status": "ACTIVE", "search": "g"}) == ["Blue widget", "Red widget"]


async def test_items_first_over_limit_is_refused(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(ITEMS, {"first": 101}, token=org.token())
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_items_page_costs_a_constant_number_of_statements(api: Api) -> None:
    org = await api.new_org()
    accounts = await account_ids(api, org)
    rate = await new_tax_rate(api, org, "VAT")
    for i in range(5):
        await _item(
            api,
            org,
            f"Item {i}",
            unitPrice="1.00",
            incomeAccountId=accounts["4000"],
            taxRateId=rate["id"],
        )
    query = """query($first: Int) { items(first: $first) { totalCount nodes {
        id name unitPrice { amount } incomeAccount { code } taxRate { name } } } }"""
    costs = []
    for size in (1, 5):
        response = await api.post(query, {"first": size}, token=org.token())
        assert len(response.json()["data"]["items"]["nodes"]) == size
        costs.append(int(response.headers["x-sql-statements"]))
    assert costs[0] == costs[1]


@pytest.mark.parametrize("role", ["ar_clerk", "ap_clerk", "sales", "viewer", "auditor", "admin"])
async def test_item_create_is_forbidden_without_item_manage(api: Api, role: str) -> None:
    org = await api.new_org(role)
    result = await api.gql(ITEM_CREATE, {"input": {"name": "Widget"}}, token=org.token(role))
    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await _count(api, org) == 0
    # Reading is allowed to every built-in role.
    assert (await api.data(ITEMS, {}, token=org.token(role)))["items"]["totalCount"] == 0


async def test_item_of_another_organization_is_invisible_and_unchangeable(api: Api) -> None:
    a, b = await api.new_org(), await api.new_org()
    item = await _item(api, a, "Widget")
    assert (await api.data(ITEM, {"id": item["id"]}, token=b.token()))["item"] is None
    assert (await api.data(NODE, {"id": item["id"]}, token=b.token()))["node"] is None
    assert await _count(api, b) == 0
    payload = await mutate(api, b, ITEM_UPDATE, id=item["id"], name="Mine")
    assert errors(payload) == [(["input", "id"], "NOT_FOUND")]
    payload = await mutate(api, b, ITEM_ARCHIVE, id=item["id"])
    assert errors(payload) == [(["input", "id"], "NOT_FOUND")]
    fetched = await api.data(ITEM, {"id": item["id"]}, token=a.token())
    assert (fetched["item"]["name"], fetched["item"]["status"]) == ("Widget", "ACTIVE")
