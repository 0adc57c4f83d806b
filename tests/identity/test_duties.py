"""Segregation of duties: whoever created a record cannot approve it, unless switched off."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from server.access import duties
from server.access.control import AccessControl, current_version
from server.actor import Actor
from server.errors import ErrorCode
from server.global_ids import encode
from tests.ledger.helpers import CREATE, account_ids, line
from tests.support import Api, Org, walk_pages

RULES = """{ dutySegregations(first: 100) {
  totalCount nodes { object action enabled enabledByDefault } } }"""
SET = """mutation($input: DutySegregationSetInput!) { dutySegregationSet(input: $input) {
  rule { object action enabled enabledByDefault } userErrors { field code message } } }"""
POST = """mutation($id: ID!) { journalEntryPost(id: $id) {
  journalEntry { id status number } userErrors { field code message } } }"""
ENTRY = "query($id: ID!) { journalEntry(id: $id) { status number } }"
DENIALS = """{ auditEvents(first: 20, filter: {action: [ACCESS_DENIED]}) {
  nodes { actorLabel outcome objectType objectId after } } }"""


async def _draft(api: Api, org: Org, role: str) -> str:
    ids = await account_ids(api, org)
    lines = [line(ids["6100"], "DEBIT", "12.00"), line(ids["1010"], "CREDIT", "12.00")]
    data = await api.data(
        CREATE, {"input": {"date": "2026-03-02", "lines": lines}}, token=org.token(role)
    )
    payload = data["journalEntryCreate"]
    assert payload["userErrors"] == [], payload
    entry_id: str = payload["journalEntry"]["id"]
    return entry_id


async def _post_at_once(api: Api, org: Org, role: str = "owner") -> dict[str, Any]:
    ids = await account_ids(api, org)
    lines = [line(ids["6100"], "DEBIT", "5.00"), line(ids["1010"], "CREDIT", "5.00")]
    data = await api.data(
        CREATE,
        {"input": {"date": "2026-03-03", "lines": lines, "post": True}},
        token=org.token(role),
    )
    payload: dict[str, Any] = data["journalEntryCreate"]
    return payload


async def _set(api: Api, org: Org, enabled: bool, role: str = "owner", **rule: str) -> Any:
    target = {"object": "journal", "action": "post", **rule}
    data = await api.data(SET, {"input": {**target, "enabled": enabled}}, token=org.token(role))
    return data["dutySegregationSet"]


async def test_rules_are_on_by_default_for_journal_posting_and_approvals(api: Api) -> None:
    org = await api.new_org()
    rules = (await api.data(RULES, token=org.token()))["dutySegregations"]["nodes"]
    assert rules == [
        {"object": "bill", "action": "approve", "enabled": True, "enabledByDefault": True},
        {"object": "journal", "action": "post", "enabled": True, "enabledByDefault": True},
        {
            "object": "purchase_order",
            "action": "approve",
            "enabled": True,
            "enabledByDefault": True,
        },
    ]


async def test_post_draft_by_its_creator_is_refused_audited_and_left_a_draft(api: Api) -> None:
    org = await api.new_org("accountant")
    entry_id = await _draft(api, org, "accountant")

    refused = (await api.data(POST, {"id": entry_id}, token=org.token("accountant")))[
        "journalEntryPost"
    ]
    assert refused["journalEntry"] is None
    assert [(e["field"], e["code"]) for e in refused["userErrors"]] == [
        (["input", "id"], "SEGREGATION_OF_DUTIES")
    ]
    still = await api.data(ENTRY, {"id": entry_id}, token=org.token())
    assert still["journalEntry"] == {"status": "DRAFT", "number": None}

    denials = (await api.data(DENIALS, token=org.token()))["auditEvents"]["nodes"]
    assert denials[0]["outcome"] == "DENIED"
    assert denials[0]["objectType"] == "JOURNAL_ENTRY"
    assert denials[0]["actorLabel"] == org.users["accountant"].email
    assert denials[0]["after"] == {
        "object": "journal",
        "action": "post",
        "reason": "segregation_of_duties",
    }

    # Someone else may post it.
    posted = (await api.data(POST, {"id": entry_id}, token=org.token()))["journalEntryPost"]
    assert posted["userErrors"] == []
    assert posted["journalEntry"]["status"] == "POSTED"
    assert posted["journalEntry"]["number"] == 1


async def test_posting_at_once_is_posting_by_the_creator_and_is_refused(api: Api) -> None:
    org = await api.new_org("accountant")
    for role in ("owner", "accountant"):
        payload = await _post_at_once(api, org, role)
        assert payload["journalEntry"] is None
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [
            (["input", "post"], "SEGREGATION_OF_DUTIES")
        ]
    listed = await api.data("{ journalEntries(first: 5) { totalCount } }", token=org.token())
    assert listed["journalEntries"]["totalCount"] == 0


async def test_switching_the_rule_off_lets_one_person_post_and_is_audited(api: Api) -> None:
    org = await api.new_org()
    other = await api.new_org()
    version = await current_version()

    payload = await _set(api, org, False)
    assert payload == {
        "rule": {"object": "journal", "action": "post", "enabled": False, "enabledByDefault": True},
        "userErrors": [],
    }
    assert await current_version() > version  # every process reloads on its next request

    entry_id = await _draft(api, org, "owner")
    posted = (await api.data(POST, {"id": entry_id}, token=org.token()))["journalEntryPost"]
    assert posted["userErrors"] == [] and posted["journalEntry"]["status"] == "POSTED"
    at_once = await _post_at_once(api, org)
    assert at_once["userErrors"] == [] and at_once["journalEntry"]["status"] == "POSTED"

    events = await api.data(
        """{ auditEvents(first: 5, filter: {action: [DUTY_RULE_SET]}) {
            nodes { outcome objectType before after } } }""",
        token=org.token(),
    )
    assert events["auditEvents"]["nodes"] == [
        {
            "outcome": "SUCCESS",
            "objectType": "ORGANIZATION",
            "before": {"rule": "journal:post", "enabled": True},
            "after": {"rule": "journal:post", "enabled": False},
        }
    ]

    # Only this organization changed; the bill rule stayed on here too.
    rules = (await api.data(RULES, token=other.token()))["dutySegregations"]["nodes"]
    assert all(r["enabled"] for r in rules)
    here = {(r["object"], r["action"]): r["enabled"] for r in rules}
    assert here == {
        ("bill", "approve"): True,
        ("journal", "post"): True,
        ("purchase_order", "approve"): True,
    }
    theirs = await _post_at_once(api, other)
    assert theirs["userErrors"][0]["code"] == "SEGREGATION_OF_DUTIES"

    # And back on.
    assert (await _set(api, org, True))["rule"]["enabled"] is True
    again = await _post_at_once(api, org)
    assert again["userErrors"][0]["code"] == "SEGREGATION_OF_DUTIES"


async def test_another_process_loads_the_organizations_choice(api: Api) -> None:
    org = await api.new_org()
    await _set(api, org, False)
    elsewhere = AccessControl()
    await elsewhere.refresh()
    rule = duties.rule(elsewhere, org.id, "journal", "post")
    assert rule == duties.DutyRule("journal", "post", enabled=False, enabled_by_default=True)
    bill = duties.rule(elsewhere, org.id, "bill", "approve")
    assert bill is not None and bill.enabled


async def test_only_owners_and_admins_switch_rules_auditors_read_them(api: Api) -> None:
    org = await api.new_org("admin", "accountant", "auditor")
    for role in ("accountant", "auditor"):
        denied = await api.gql(
            SET,
            {"input": {"object": "journal", "action": "post", "enabled": False}},
            token=org.token(role),
        )
        assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # The accountant is the one the rule restrains: it cannot even see the switch.
    hidden = await api.gql(RULES, token=org.token("accountant"))
    assert hidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    seen = await api.data(RULES, token=org.token("auditor"))
    assert seen["dutySegregations"]["totalCount"] == len(seen["dutySegregations"]["nodes"]) == 3

    by_admin = await _set(api, org, False, role="admin", object="bill", action="approve")
    assert by_admin["rule"]["enabled"] is False


async def test_unknown_rule_is_not_found_and_changes_nothing(api: Api) -> None:
    org = await api.new_org()
    version = await current_version()
    for rule in ({"object": "customer", "action": "create"}, {"object": "journal", "action": "x"}):
        payload = await _set(api, org, False, **rule)
        assert payload["rule"] is None
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [
            (["input", "action"], "NOT_FOUND")
        ]
    assert await current_version() == version


async def test_api_key_cannot_post_what_it_creates_at_once(api: Api) -> None:
    org = await api.new_org()
    created = await api.data(
        """mutation { apiKeyCreate(input: {name: "Sync", role: "accountant"}) {
            secret userErrors { code } } }""",
        token=org.token(),
    )
    org.tokens["key"] = created["apiKeyCreate"]["secret"]
    payload = await _post_at_once(api, org, "key")
    assert payload["userErrors"][0]["code"] == "SEGREGATION_OF_DUTIES"


def _actor(org: Org, role: str = "owner") -> Actor:
    return Actor(kind="user", user_id=org.users[role].id, organization_id=org.id, roles=(role,))


async def test_check_refuses_only_the_creator_and_only_while_on(api: Api, app: Any) -> None:
    org = await api.new_org("accountant")
    access: AccessControl = app.state.access
    await access.refresh()
    owner = _actor(org)
    creator = org.users["accountant"].id

    async def check(actor: Actor, created_by: uuid.UUID | None, act: str = "post") -> None:
        obj = "journal" if act == "post" else "bill"
        await duties.ensure_not_creator(
            access, actor, obj=obj, act=act, created_by_id=created_by, object_type="Bill"
        )

    await check(owner, creator)  # someone else
    await check(owner, None)  # no recorded creator
    with pytest.raises(duties.SegregationOfDuties) as refused:
        await check(_actor(org, "accountant"), creator)
    assert refused.value.code == ErrorCode.SEGREGATION_OF_DUTIES
    assert refused.value.field == ["id"]
    with pytest.raises(duties.SegregationOfDuties):
        await check(owner, org.users["owner"].id, act="approve")

    await _set(api, org, False, object="bill", action="approve")
    await access.refresh()
    await check(owner, org.users["owner"].id, act="approve")


async def test_check_is_a_programming_error_for_unknown_rules_and_in_transactions(
    api: Api, app: Any
) -> None:
    org = await api.new_org()
    access: AccessControl = app.state.access
    actor = _actor(org)
    with pytest.raises(LookupError):
        await duties.ensure_not_creator(
            access, actor, obj="invoice", act="void", created_by_id=None, object_type="Invoice"
        )
    with pytest.raises(RuntimeError):
        async with in_transaction():
            await duties.ensure_not_creator(
                access, actor, obj="journal", act="post", created_by_id=None, object_type="X"
            )


async def test_decision_inside_a_transaction_is_recorded_after_it(api: Api, app: Any) -> None:
    org = await api.new_org("accountant")
    access: AccessControl = app.state.access
    actor = _actor(org, "accountant")
    entry = uuid.uuid4()
    with pytest.raises(duties.SegregationOfDuties) as refused:
        async with in_transaction():
            duties.refuse_creator(
                access,
                actor,
                obj="journal",
                act="post",
                created_by_id=actor.user_id,
                object_type="JournalEntry",
                object_id=entry,
            )
    with pytest.raises(RuntimeError):
        async with in_transaction():
            await duties.record_refusal(actor, refused.value)
    await duties.record_refusal(actor, refused.value)
    denials = (await api.data(DENIALS, token=org.token()))["auditEvents"]["nodes"]
    assert [(d["objectType"], d["objectId"], d["outcome"]) for d in denials] == [
        ("JOURNAL_ENTRY", encode("JournalEntry", entry), "DENIED")
    ]


async def test_an_api_key_cannot_post_the_draft_it_created(api: Api) -> None:
    org = await api.new_org("accountant")
    made = (
        await api.data(
            """mutation($i: ApiKeyCreateInput!) { apiKeyCreate(input: $i) {
                 secret userErrors { code } } }""",
            {"i": {"name": "Books sync", "role": "accountant"}},
            token=org.token(),
        )
    )["apiKeyCreate"]
    assert made["userErrors"] == []
    key = made["secret"]
    ids = await account_ids(api, org)
    lines = [line(ids["6100"], "DEBIT", "3.00"), line(ids["1010"], "CREDIT", "3.00")]
    draft = (await api.data(CREATE, {"input": {"date": "2026-03-02", "lines": lines}}, token=key))[
        "journalEntryCreate"
    ]["journalEntry"]["id"]
    refused = (await api.data(POST, {"id": draft}, token=key))["journalEntryPost"]
    assert [e["code"] for e in refused["userErrors"]] == ["SEGREGATION_OF_DUTIES"]
    posted = (await api.data(POST, {"id": draft}, token=org.token("accountant")))[
        "journalEntryPost"
    ]
    assert posted["userErrors"] == [] and posted["journalEntry"]["status"] == "POSTED"


PAGE = """query($first: Int, $after: String, $last: Int, $before: String,
                 $f: DutySegregationFilter) {
  dutySegregations(first: $first, after: $after, last: $last, before: $before, filter: $f) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { object action enabled } } } }"""


async def test_rules_walked_both_ways_give_each_once_and_filter_by_state(api: Api) -> None:
    org = await api.new_org()

    async def fetch(**variables: Any) -> dict[str, Any]:
        variables.pop("o")
        page: dict[str, Any] = (await api.data(PAGE, variables, token=org.token()))[
            "dutySegregations"
        ]
        assert page["totalCount"] == 3
        return page

    forwards, backwards, _ = await walk_pages(
        fetch, {}, lambda n: (n["object"], n["action"]), first=1, size=2
    )
    assert forwards == backwards == sorted(forwards) and len(set(forwards)) == 3
    await _set(api, org, False, object="bill", action="approve")
    off = await api.data(PAGE, {"f": {"enabled": False}}, token=org.token())
    assert [e["node"]["object"] for e in off["dutySegregations"]["edges"]] == ["bill"]
    bad = await api.gql(PAGE, {"after": "bm90IGEgY3Vyc29y"}, token=org.token())
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
