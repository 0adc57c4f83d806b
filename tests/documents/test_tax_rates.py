"""Tax rates through the API: create, update, archive, bad input, access and tenancy."""

from __future__ import annotations

from typing import Any

import pytest

from tests.documents.helpers import (
    NODE,
    TAX_RATE_ARCHIVE,
    TAX_RATE_CREATE,
    TAX_RATE_UPDATE,
    TAX_RATES,
    account_ids,
    changes,
    errors,
    mutate,
    new_tax_rate,
    raw_id,
)
from tests.support import Api


async def test_tax_rate_create_returns_it_with_its_tax_account(api: Api) -> None:
    org = await api.new_org()
    accounts = await account_ids(api, org)
    payload = await mutate(
        api,
        org,
        TAX_RATE_CREATE,
        name=" NY sales tax ",
        rate="8.8750",
        inclusive=True,
        accountId=accounts["2100"],
    )
    assert payload["userErrors"] == []
    rate = payload["taxRate"]
    assert (rate["name"], rate["rate"], rate["inclusive"]) == ("NY sales tax", "8.875", True)
    assert rate["account"]["code"] == "2100"
    assert rate["status"] == "ACTIVE"
    listed = await api.data(TAX_RATES, {}, token=org.token())
    assert listed["taxRates"]["nodes"] == [rate]


async def test_tax_rate_create_accepts_a_tax_receivable_account(api: Api) -> None:
    org = await api.new_org()
    accounts = await account_ids(api, org)
    payload = await mutate(
        api, org, TAX_RATE_CREATE, name="Input VAT", rate="0", accountId=accounts["1400"]
    )
    assert payload["userErrors"] == []
    assert payload["taxRate"]["rate"] == "0"
    assert payload["taxRate"]["inclusive"] is False


@pytest.mark.parametrize(
    ("fields", "path", "code"),
    [
        ({"name": " "}, ["input", "name"], "REQUIRED"),
        ({"rate": "100.01"}, ["input", "rate"], "OUT_OF_RANGE"),
        ({"rate": "-5"}, ["input", "rate"], "OUT_OF_RANGE"),
        ({"rate": "7.12345"}, ["input", "rate"], "TOO_PRECISE"),
        ({"account": "4000"}, ["input", "accountId"], "INVALID_ACCOUNT_TYPE"),
        ({"account": "2200"}, ["input", "accountId"], "INVALID_ACCOUNT_TYPE"),
        ({"account": "1010"}, ["input", "accountId"], "INVALID_ACCOUNT_TYPE"),
        ({"accountId": "not-an-id"}, ["input", "accountId"], "NOT_FOUND"),
    ],
)
async def test_tax_rate_create_with_bad_input_returns_user_error_and_writes_nothing(
    api: Api, fields: dict[str, Any], path: list[str], code: str
) -> None:
    org = await api.new_org()
    accounts = await account_ids(api, org)
    sent = {"name": "VAT", "rate": "20", "accountId": accounts[fields.pop("account", "2100")]}
    payload = await mutate(api, org, TAX_RATE_CREATE, **{**sent, **fields})
    assert payload["taxRate"] is None
    assert errors(payload) == [(path, code)]
    assert (await api.data(TAX_RATES, {}, token=org.token()))["taxRates"]["nodes"] == []
    assert await changes(api, org) == []


async def test_tax_rate_create_reports_every_problem_at_once(api: Api) -> None:
    org = await api.new_org()
    accounts = await account_ids(api, org)
    payload = await mutate(
        api, org, TAX_RATE_CREATE, name="", rate="101", accountId=accounts["4000"]
    )
    assert sorted(errors(payload)) == [
        (["input", "accountId"], "INVALID_ACCOUNT_TYPE"),
        (["input", "name"], "REQUIRED"),
        (["input", "rate"], "OUT_OF_RANGE"),
    ]


async def test_tax_rate_create_with_an_archived_tax_account_is_refused(api: Api) -> None:
    org = await api.new_org()
    made = await api.data(
        """mutation { accountCreate(input: {code: "2110", name: "State tax", type: LIABILITY,
             subtype: TAX_PAYABLE}) { account { id } userErrors { code } } }""",
        token=org.token(),
    )
    account_id = made["accountCreate"]["account"]["id"]
    await api.data(
        "mutation($id: ID!) { accountArchive(input: {id: $id}) { userErrors { code } } }",
        {"id": account_id},
        token=org.token(),
    )
    payload = await mutate(api, org, TAX_RATE_CREATE, name="State", rate="5", accountId=account_id)
    assert errors(payload) == [(["input", "accountId"], "ACCOUNT_ARCHIVED")]


async def test_tax_rate_create_with_another_organizations_account_is_not_found(api: Api) -> None:
    a, b = await api.new_org(), await api.new_org()
    theirs = await account_ids(api, b)
    payload = await mutate(api, a, TAX_RATE_CREATE, name="VAT", rate="20", accountId=theirs["2100"])
    assert errors(payload) == [(["input", "accountId"], "NOT_FOUND")]
    assert (await api.data(TAX_RATES, {}, token=a.token()))["taxRates"]["nodes"] == []


async def test_tax_rate_create_with_a_name_in_use_is_a_conflict(api: Api) -> None:
    org = await api.new_org()
    await new_tax_rate(api, org, "VAT")
    accounts = await account_ids(api, org)
    payload = await mutate(
        api, org, TAX_RATE_CREATE, name="VAT", rate="5", accountId=accounts["2100"]
    )
    assert errors(payload) == [(["input", "name"], "CONFLICT")]


async def test_tax_rate_update_changes_given_fields_and_is_audited(api: Api) -> None:
    org = await api.new_org()
    rate = await new_tax_rate(api, org, "VAT", "20")
    accounts = await account_ids(api, org)
    payload = await mutate(
        api, org, TAX_RATE_UPDATE, id=rate["id"], rate="21", accountId=accounts["1400"]
    )
    assert payload["userErrors"] == []
    assert (payload["taxRate"]["rate"], payload["taxRate"]["name"]) == ("21", "VAT")
    assert payload["taxRate"]["account"]["code"] == "1400"
    archived = await mutate(api, org, TAX_RATE_ARCHIVE, id=rate["id"])
    assert archived["taxRate"]["status"] == "ARCHIVED"

    events = await changes(api, org)
    assert [(e["action"], e["objectType"], e["objectId"]) for e in events] == [
        ("TAX_RATE_CREATE", "TAX_RATE", rate["id"]),
        ("TAX_RATE_UPDATE", "TAX_RATE", rate["id"]),
        ("TAX_RATE_ARCHIVE", "TAX_RATE", rate["id"]),
    ]
    assert events[0]["after"]["rate"] == "20"
    assert events[1]["before"]["rate"] == "20"
    assert events[1]["after"] == {"rate": "21", "accountId": raw_id(accounts["1400"])}


async def test_tax_rate_update_with_bad_rate_changes_nothing(api: Api) -> None:
    org = await api.new_org()
    rate = await new_tax_rate(api, org, "VAT", "20")
    payload = await mutate(api, org, TAX_RATE_UPDATE, id=rate["id"], rate="120", name="New")
    assert errors(payload) == [(["input", "rate"], "OUT_OF_RANGE")]
    listed = await api.data(TAX_RATES, {}, token=org.token())
    assert [(r["name"], r["rate"]) for r in listed["taxRates"]["nodes"]] == [("VAT", "20")]
    assert [e["action"] for e in await changes(api, org)] == ["TAX_RATE_CREATE"]


async def test_tax_rate_archive_twice_is_refused_and_list_filters_by_status(api: Api) -> None:
    org = await api.new_org()
    kept = await new_tax_rate(api, org, "A")
    gone = await new_tax_rate(api, org, "B")
    await mutate(api, org, TAX_RATE_ARCHIVE, id=gone["id"])
    again = await mutate(api, org, TAX_RATE_ARCHIVE, id=gone["id"])
    assert errors(again) == [(["input", "id"], "ALREADY_ARCHIVED")]
    active = await api.data(TAX_RATES, {"status": ["ACTIVE"]}, token=org.token())
    assert [r["id"] for r in active["taxRates"]["nodes"]] == [kept["id"]]
    archived = await api.data(TAX_RATES, {"status": ["ARCHIVED"]}, token=org.token())
    assert [r["id"] for r in archived["taxRates"]["nodes"]] == [gone["id"]]


@pytest.mark.parametrize("role", ["ar_clerk", "ap_clerk", "sales", "auditor", "admin"])
async def test_tax_rate_create_is_forbidden_without_tax_rate_manage(api: Api, role: str) -> None:
    org = await api.new_org(role)
    accounts = await account_ids(api, org)
    result = await api.gql(
        TAX_RATE_CREATE,
        {"input": {"name": "VAT", "rate": "20", "accountId": accounts["2100"]}},
        token=org.token(role),
    )
    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert result["data"] is None
    assert (await api.data(TAX_RATES, {}, token=org.token()))["taxRates"]["nodes"] == []


async def test_tax_rates_can_be_read_by_an_ar_clerk_and_managed_by_an_accountant(
    api: Api,
) -> None:
    org = await api.new_org("accountant", "ar_clerk")
    accounts = await account_ids(api, org)
    payload = await mutate(
        api,
        org,
        TAX_RATE_CREATE,
        role="accountant",
        name="VAT",
        rate="20",
        accountId=accounts["2100"],
    )
    assert payload["userErrors"] == []
    listed = await api.data(TAX_RATES, {}, token=org.token("ar_clerk"))
    assert [r["name"] for r in listed["taxRates"]["nodes"]] == ["VAT"]


async def test_tax_rate_of_another_organization_is_not_found(api: Api) -> None:
    a, b = await api.new_org(), await api.new_org()
    rate = await new_tax_rate(api, a, "VAT")
    payload = await mutate(api, b, TAX_RATE_UPDATE, id=rate["id"], rate="1")
    assert errors(payload) == [(["input", "id"], "NOT_FOUND")]
    payload = await mutate(api, b, TAX_RATE_ARCHIVE, id=rate["id"])
    assert errors(payload) == [(["input", "id"], "NOT_FOUND")]
    assert (await api.data(NODE, {"id": rate["id"]}, token=b.token()))["node"] is None
    assert (await api.data(TAX_RATES, {}, token=b.token()))["taxRates"]["nodes"] == []
    assert (await api.data(NODE, {"id": rate["id"]}, token=a.token()))["node"]["name"] == "VAT"
