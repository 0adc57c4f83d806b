"""Customers through the public API: create, update, archive, notes, lists, bad input."""

from __future__ import annotations

from typing import Any

import pytest

from tests.crm.queries import (
    CUSTOMER,
    CUSTOMER_ARCHIVE,
    CUSTOMER_CREATE,
    CUSTOMER_NOTE_ADD,
    CUSTOMER_UPDATE,
    CUSTOMERS,
)
from tests.support import Api, Org


async def create(api: Api, org: Org, role: str = "owner", **fields: Any) -> dict[str, Any]:
    data = await api.data(CUSTOMER_CREATE, {"input": fields}, token=org.token(role))
    payload: dict[str, Any] = data["customerCreate"]
    return payload


async def test_customer_create_with_all_fields_returns_them(api: Api) -> None:
    org = await api.new_org(currency="EUR")
    payload = await create(
        api,
        org,
        name="  Acme GmbH ",
        email="Billing@Acme.Example",
        phone="+49 30 1234567",
        taxId="DE123456789",
        currency="CHF",
        paymentTermsDays=14,
        creditLimit="5000.50",
        tags=["Wholesale", "eu", "eu"],
        billingAddress={"line1": "Hauptstr. 1", "city": "Berlin", "country": "de"},
    )
    assert payload["userErrors"] == []
    customer = payload["customer"]
    assert customer["name"] == "Acme GmbH"
    assert customer["email"] == "billing@acme.example"
    assert customer["currency"] == "CHF"
    assert customer["creditLimit"] == {"amount": "5000.50", "currency": "CHF"}
    assert customer["tags"] == ["eu", "wholesale"]
    assert customer["billingAddress"]["country"] == "DE"
    assert customer["status"] == "ACTIVE"

    fetched = await api.data(CUSTOMER, {"id": customer["id"]}, token=org.token())
    assert fetched["customer"] == customer


async def test_customer_create_defaults_currency_to_organization_base(api: Api) -> None:
    org = await api.new_org(currency="JPY")
    payload = await create(api, org, name="Tanaka KK", creditLimit="300000")
    assert payload["customer"]["currency"] == "JPY"
    assert payload["customer"]["paymentTermsDays"] == 30
    assert payload["customer"]["creditLimit"] == {"amount": "300000", "currency": "JPY"}


@pytest.mark.parametrize(
    ("fields", "path", "code"),
    [
        ({"name": ""}, ["input", "name"], "REQUIRED"),
        ({"name": "   "}, ["input", "name"], "REQUIRED"),
        ({"name": "A", "email": "not-an-email"}, ["input", "email"], "INVALID_EMAIL"),
        ({"name": "A", "creditLimit": "-1.00"}, ["input", "creditLimit"], "NEGATIVE_AMOUNT"),
        ({"name": "A", "creditLimit": "1.005"}, ["input", "creditLimit"], "TOO_PRECISE"),
        ({"name": "A", "paymentTermsDays": -1}, ["input", "paymentTermsDays"], "OUT_OF_RANGE"),
        ({"name": "A", "tags": ["no,commas"]}, ["input", "tags"], "INVALID_TAG"),
        (
            {"name": "A", "billingAddress": {"country": "Germany"}},
            ["input", "billingAddress", "country"],
            "INVALID_COUNTRY",
        ),
    ],
)
async def test_customer_create_with_bad_input_returns_user_error_and_writes_nothing(
    api: Api, fields: dict[str, Any], path: list[str], code: str
) -> None:
    org = await api.new_org()
    payload = await create(api, org, **fields)
    assert payload["customer"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(path, code)]
    listed = await api.data(CUSTOMERS, {}, token=org.token())
    assert listed["customers"]["totalCount"] == 0


async def test_customer_create_reports_every_problem_at_once(api: Api) -> None:
    org = await api.new_org()
    payload = await create(api, org, name="", email="bad", creditLimit="-5")
    codes = {e["code"] for e in payload["userErrors"]}
    assert codes == {"REQUIRED", "INVALID_EMAIL", "NEGATIVE_AMOUNT"}


async def test_customer_create_with_unknown_currency_is_a_validation_error(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(
        CUSTOMER_CREATE, {"input": {"name": "A", "currency": "XYZ"}}, token=org.token()
    )
    assert result.get("data") is None
    assert "XYZ" in result["errors"][0]["message"]
    listed = await api.data(CUSTOMERS, {}, token=org.token())
    assert listed["customers"]["totalCount"] == 0


async def test_customer_create_with_float_credit_limit_is_refused(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(
        CUSTOMER_CREATE, {"input": {"name": "A", "creditLimit": 10.5}}, token=org.token()
    )
    assert result.get("data") is None
    assert "Amount" in result["errors"][0]["message"]


async def test_customer_create_with_missing_name_is_a_validation_error(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(CUSTOMER_CREATE, {"input": {"email": "a@b.example"}}, token=org.token())
    assert result.get("data") is None
    assert "name" in result["errors"][0]["message"]


async def test_customer_create_with_duplicate_email_is_refused(api: Api) -> None:
    org = await api.new_org()
    first = await create(api, org, name="One", email="same@example.com")
    assert first["userErrors"] == []
    second = await create(api, org, name="Two", email="SAME@example.com")
    assert second["customer"] is None
    assert second["userErrors"][0]["code"] == "DUPLICATE_EMAIL"
    assert second["userErrors"][0]["field"] == ["input", "email"]
    # Another organization may use the same address.
    other = await api.new_org()
    assert (await create(api, other, name="Two", email="same@example.com"))["userErrors"] == []


async def test_customer_update_changes_only_given_fields(api: Api) -> None:
    org = await api.new_org()
    created = (await create(api, org, name="Old", email="old@example.com", creditLimit="100"))[
        "customer"
    ]
    data = await api.data(
        CUSTOMER_UPDATE,
        {"input": {"id": created["id"], "name": "New", "creditLimit": None}},
        token=org.token(),
    )
    payload = data["customerUpdate"]
    assert payload["userErrors"] == []
    assert payload["customer"]["name"] == "New"
    assert payload["customer"]["email"] == "old@example.com"
    assert payload["customer"]["creditLimit"] is None


async def test_customer_update_to_an_email_in_use_is_refused_and_changes_nothing(api: Api) -> None:
    org = await api.new_org()
    await create(api, org, name="A", email="a@example.com")
    b = (await create(api, org, name="B", email="b@example.com"))["customer"]
    data = await api.data(
        CUSTOMER_UPDATE,
        {"input": {"id": b["id"], "email": "a@example.com", "name": "B2"}},
        token=org.token(),
    )
    assert data["customerUpdate"]["userErrors"][0]["code"] == "DUPLICATE_EMAIL"
    fetched = await api.data(CUSTOMER, {"id": b["id"]}, token=org.token())
    assert fetched["customer"]["name"] == "B"
    assert fetched["customer"]["email"] == "b@example.com"


async def test_customer_update_of_unknown_id_returns_not_found(api: Api) -> None:
    org = await api.new_org()
    data = await api.data(
        CUSTOMER_UPDATE, {"input": {"id": "garbage", "name": "X"}}, token=org.token()
    )
    assert data["customerUpdate"]["userErrors"][0]["code"] == "NOT_FOUND"


async def test_customer_archive_sets_status_and_second_archive_is_refused(api: Api) -> None:
    org = await api.new_org()
    customer = (await create(api, org, name="Gone"))["customer"]
    data = await api.data(CUSTOMER_ARCHIVE, {"id": customer["id"]}, token=org.token())
    assert data["customerArchive"]["customer"]["status"] == "ARCHIVED"
    again = await api.data(CUSTOMER_ARCHIVE, {"id": customer["id"]}, token=org.token())
    assert again["customerArchive"]["userErrors"][0]["code"] == "ALREADY_ARCHIVED"
    archived = await api.data(CUSTOMERS, {"filter": {"status": "ARCHIVED"}}, token=org.token())
    assert [n["id"] for n in archived["customers"]["nodes"]] == [customer["id"]]


async def test_customer_note_add_records_author_and_lists_newest_first(api: Api) -> None:
    org = await api.new_org()
    customer = (await create(api, org, name="Noted"))["customer"]
    for body in ("first call", "second call"):
        data = await api.data(
            CUSTOMER_NOTE_ADD,
            {"input": {"customerId": customer["id"], "body": body}},
            token=org.token(),
        )
        assert data["customerNoteAdd"]["userErrors"] == []
    payload = data["customerNoteAdd"]
    assert payload["note"]["author"]["email"] == org.users["owner"].email
    assert [n["body"] for n in payload["customer"]["notes"]] == ["second call", "first call"]


async def test_customer_note_add_with_empty_body_is_refused(api: Api) -> None:
    org = await api.new_org()
    customer = (await create(api, org, name="Noted"))["customer"]
    data = await api.data(
        CUSTOMER_NOTE_ADD, {"input": {"customerId": customer["id"], "body": " "}}, token=org.token()
    )
    assert data["customerNoteAdd"]["note"] is None
    assert data["customerNoteAdd"]["userErrors"][0]["code"] == "REQUIRED"


async def _seed(api: Api, org: Org) -> list[dict[str, Any]]:
    names = ["delta", "Alpha", "charlie", "bravo", "echo", "foxtrot", "golf"]
    made = []
    for i, name in enumerate(names):
        tags = ["vip"] if i % 2 == 0 else ["regular"]
        made.append(
            (await create(api, org, name=name, email=f"{name.lower()}@shop.example", tags=tags))[
                "customer"
            ]
        )
    return made


async def test_customers_pages_by_name_cover_every_customer_once(api: Api) -> None:
    org = await api.new_org()
    made = await _seed(api, org)
    seen: list[str] = []
    after = None
    while True:
        data = await api.data(CUSTOMERS, {"first": 3, "after": after}, token=org.token())
        page = data["customers"]
        assert page["totalCount"] == len(made)
        seen += [e["node"]["name"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(seen) == sorted(c["name"] for c in made)
    assert len(seen) == len(set(seen))


async def test_customers_last_before_pages_backwards(api: Api) -> None:
    org = await api.new_org()
    await _seed(api, org)
    everything = await api.data(CUSTOMERS, {"first": 100}, token=org.token())
    names = [n["node"]["name"] for n in everything["customers"]["edges"]]
    tail = await api.data(CUSTOMERS, {"last": 2}, token=org.token())
    assert [e["node"]["name"] for e in tail["customers"]["edges"]] == names[-2:]
    assert tail["customers"]["pageInfo"]["hasPreviousPage"] is True
    before = tail["customers"]["pageInfo"]["startCursor"]
    prev = await api.data(CUSTOMERS, {"last": 2, "before": before}, token=org.token())
    assert [e["node"]["name"] for e in prev["customers"]["edges"]] == names[-4:-2]


async def test_customers_order_by_created_at_desc_is_newest_first(api: Api) -> None:
    org = await api.new_org()
    made = await _seed(api, org)
    data = await api.data(
        CUSTOMERS,
        {"first": 100, "orderBy": {"field": "CREATED_AT", "direction": "DESC"}},
        token=org.token(),
    )
    created = [e["node"]["createdAt"] for e in data["customers"]["edges"]]
    assert created == sorted(created, reverse=True)
    assert len(created) == len(made)


async def test_customers_filter_by_search_tag_and_status(api: Api) -> None:
    org = await api.new_org()
    await _seed(api, org)
    by_text = await api.data(CUSTOMERS, {"filter": {"search": "ALPH"}}, token=org.token())
    assert [n["node"]["name"] for n in by_text["customers"]["edges"]] == ["Alpha"]
    by_email = await api.data(CUSTOMERS, {"filter": {"search": "golf@"}}, token=org.token())
    assert by_email["customers"]["totalCount"] == 1
    by_tag = await api.data(CUSTOMERS, {"filter": {"tag": "vip"}}, token=org.token())
    assert by_tag["customers"]["totalCount"] == 4
    assert all("vip" in e["node"]["tags"] for e in by_tag["customers"]["edges"])
    none = await api.data(CUSTOMERS, {"filter": {"tag": "vi"}}, token=org.token())
    assert none["customers"]["totalCount"] == 0


async def test_customers_first_over_limit_is_refused(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(CUSTOMERS, {"first": 101}, token=org.token())
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_customers_with_tampered_cursor_is_refused(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(CUSTOMERS, {"first": 2, "after": "!!not-a-cursor"}, token=org.token())
    assert result["errors"][0]["message"] == "invalid cursor"


@pytest.mark.parametrize("size", [1, 7])
async def test_customers_page_costs_at_most_three_statements(api: Api, size: int) -> None:
    org = await api.new_org()
    made = await _seed(api, org)
    for customer in made[:2]:
        await api.data(
            CUSTOMER_NOTE_ADD,
            {"input": {"customerId": customer["id"], "body": "hello"}},
            token=org.token(),
        )
    query = """query($first: Int) { customers(first: $first) { totalCount edges { node {
        id name email creditLimit { amount } tags notes { body author { email } } } } } }"""
    response = await api.post(query, {"first": size}, token=org.token())
    assert len(response.json()["data"]["customers"]["edges"]) == size
    # auth + page + count, then notes and their authors: one statement per batch, not per row.
    assert int(response.headers["x-sql-statements"]) <= 5
    plain = """query($first: Int) { customers(first: $first) { totalCount edges { node {
        id name email creditLimit { amount } tags status } } } }"""
    response = await api.post(plain, {"first": size}, token=org.token())
    assert int(response.headers["x-sql-statements"]) <= 3
