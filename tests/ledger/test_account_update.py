"""accountUpdate changes each field of an existing account, alone or together, writes one
audit event with what changed, and refuses what the chart's rules refuse."""

from __future__ import annotations

from typing import Any

import pytest

from server.audit.models import AuditEvent
from tests.ledger.helpers import account_ids, line, post
from tests.support import Api, Org

FIELDS = "id code name type subtype currency description parent { code }"
CREATE = f"""mutation($i: AccountCreateInput!) {{ accountCreate(input: $i) {{
  account {{ {FIELDS} }} userErrors {{ field code }} }} }}"""
UPDATE = f"""mutation($i: AccountUpdateInput!) {{ accountUpdate(input: $i) {{
  account {{ {FIELDS} }} userErrors {{ field code }} }} }}"""


async def _create(api: Api, org: Org, code: str = "1090", **extra: Any) -> dict[str, Any]:
    data = await api.data(
        CREATE,
        {"i": {"code": code, "name": "Petty cash", "type": "ASSET", "subtype": "CASH", **extra}},
        token=org.token(),
    )
    payload = data["accountCreate"]
    assert payload["userErrors"] == [], payload
    account: dict[str, Any] = payload["account"]
    return account


async def _update(api: Api, org: Org, account_id: str, **changes: Any) -> dict[str, Any]:
    data = await api.data(UPDATE, {"i": {"id": account_id, **changes}}, token=org.token())
    payload: dict[str, Any] = data["accountUpdate"]
    return payload


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"code": "1091"}, {"code": "1091"}),
        ({"code": "  1092 "}, {"code": "1092"}),
        ({"name": "Till float"}, {"name": "Till float"}),
        ({"subtype": "BANK"}, {"subtype": "BANK", "type": "ASSET"}),
        ({"type": "ASSET", "subtype": "INVENTORY"}, {"subtype": "INVENTORY"}),
        ({"type": "EXPENSE", "subtype": "OPERATING_EXPENSE"}, {"type": "EXPENSE"}),
        ({"currency": "EUR"}, {"currency": "EUR"}),
        ({"description": "Cash kept in the office"}, {"description": "Cash kept in the office"}),
        (
            {"code": "1093", "name": "Safe", "description": "Both"},
            {"code": "1093", "name": "Safe", "description": "Both"},
        ),
    ],
)
async def test_account_update_changes_each_field(
    api: Api, changes: dict[str, Any], expected: dict[str, Any]
) -> None:
    org = await api.new_org()
    account = await _create(api, org)
    payload = await _update(api, org, account["id"], **changes)
    assert payload["userErrors"] == [], payload
    for key, value in expected.items():
        assert payload["account"][key] == value, key
    untouched = {k for k in ("code", "name", "currency", "description") if k not in changes}
    for key in untouched:
        assert payload["account"][key] == account[key], key
    events = await AuditEvent.filter(organization_id=org.id, action="account.update").all()
    assert len(events) == 1
    assert set(events[0].after) == {
        {"parent": "parentId"}.get(k, k) for k, v in account.items() if payload["account"][k] != v
    }


async def test_account_update_sets_a_parent_of_the_same_type(api: Api) -> None:
    org = await api.new_org()
    parent = await _create(api, org, "1080")
    child = await _create(api, org, "1081")
    payload = await _update(api, org, child["id"], parentId=parent["id"])
    assert payload["userErrors"] == [], payload
    assert payload["account"]["parent"] == {"code": "1080"}
    expense = await _create(api, org, "6090", type="EXPENSE", subtype="OPERATING_EXPENSE")
    refused = await _update(api, org, child["id"], parentId=expense["id"])
    assert refused["userErrors"] == [
        {"field": ["input", "parentId"], "code": "INVALID_ACCOUNT_TYPE"}
    ]
    itself = await _update(api, org, child["id"], parentId=child["id"])
    assert itself["userErrors"] == [{"field": ["input", "parentId"], "code": "NOT_FOUND"}]


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"code": "bad code!"}, "code", "INVALID"),
        ({"name": "   "}, "name", "REQUIRED"),
        ({"type": "LIABILITY"}, "subtype", "INVALID_ACCOUNT_TYPE"),
    ],
)
async def test_account_update_refuses_invalid_changes_and_writes_nothing(
    api: Api, changes: dict[str, Any], field: str, code: str
) -> None:
    org = await api.new_org()
    account = await _create(api, org)
    payload = await _update(api, org, account["id"], **changes)
    assert payload["account"] is None
    assert payload["userErrors"] == [{"field": ["input", field], "code": code}]
    assert not await AuditEvent.filter(organization_id=org.id, action="account.update").exists()


async def test_account_update_refuses_a_code_another_account_has(api: Api) -> None:
    org = await api.new_org()
    account = await _create(api, org)
    payload = await _update(api, org, account["id"], code="4000")
    assert payload["userErrors"] == [{"field": ["input", "code"], "code": "DUPLICATE_CODE"}]


async def test_account_update_keeps_type_of_an_account_with_postings(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    account = await _create(api, org)
    ids = await account_ids(api, org)
    posted = await post(
        api,
        org,
        "2026-03-01",
        [line(account["id"], "DEBIT", "5.00"), line(ids["4000"], "CREDIT", "5.00")],
    )
    assert posted["userErrors"] == [], posted
    payload = await _update(api, org, account["id"], type="EXPENSE", subtype="OPERATING_EXPENSE")
    assert payload["userErrors"] == [{"field": ["input", "type"], "code": "ACCOUNT_IN_USE"}]
    renamed = await _update(api, org, account["id"], name="Still cash")
    assert renamed["userErrors"] == [] and renamed["account"]["name"] == "Still cash"


async def test_account_update_null_clears_optional_fields_and_omitted_ones_stay(api: Api) -> None:
    org = await api.new_org()
    parent = await _create(api, org, "1080")
    child = await _create(
        api, org, "1081", currency="EUR", description="Euro float", parentId=parent["id"]
    )
    assert child["parent"] == {"code": "1080"}
    payload = await _update(api, org, child["id"], description=None, parentId=None)
    assert payload["userErrors"] == [], payload
    account = payload["account"]
    assert (account["description"], account["parent"]) == (None, None)
    assert (account["code"], account["name"], account["currency"]) == ("1081", "Petty cash", "EUR")
    cleared = await _update(api, org, child["id"], currency=None)
    assert cleared["userErrors"] == [] and cleared["account"]["currency"] is None


async def test_account_update_null_for_a_required_field_is_refused(api: Api) -> None:
    org = await api.new_org()
    account = await _create(api, org)
    payload = await _update(api, org, account["id"], name=None, code=None, description="x")
    assert payload["account"] is None
    assert sorted((e["field"], e["code"]) for e in payload["userErrors"]) == [
        (["input", "code"], "REQUIRED"),
        (["input", "name"], "REQUIRED"),
    ]
    events = await AuditEvent.filter(organization_id=org.id, action="account.update").count()
    assert events == 0
