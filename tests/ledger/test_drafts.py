"""Draft journal entries: edited and deleted until posted; the duty check after validation."""

from __future__ import annotations

from typing import Any

from tests.ledger.helpers import ENTRY_FIELDS, account_ids, line, post
from tests.support import Api, Org

UPDATE = f"""mutation($input: JournalEntryUpdateInput!) {{ journalEntryUpdate(input: $input) {{
  journalEntry {{ {ENTRY_FIELDS} }} userErrors {{ field code message }} }} }}"""
DELETE = """mutation($input: JournalEntryDeleteInput!) { journalEntryDelete(input: $input) {
  deletedId userErrors { field code message } } }"""
POST = """mutation($id: ID!) { journalEntryPost(id: $id) {
  journalEntry { id status number } userErrors { field code message } } }"""
ENTRY = "query($id: ID!) { journalEntry(id: $id) { id status memo date } }"
EVENTS = """query($action: AuditAction!) { auditEvents(first: 10, filter: {action: [$action]}) {
  nodes { action objectId before after } } }"""


async def _draft(api: Api, org: Org, role: str = "owner") -> tuple[str, dict[str, str]]:
    ids = await account_ids(api, org)
    payload = await post(
        api,
        org,
        "2026-04-01",
        [line(ids["6100"], "DEBIT", "10.00"), line(ids["1010"], "CREDIT", "10.00")],
        post=False,
        role=role,
        memo="First",
    )
    assert payload["userErrors"] == [], payload
    return str(payload["journalEntry"]["id"]), ids


async def _update(api: Api, org: Org, entry_id: str, ids: dict[str, str], role: str) -> Any:
    data = await api.data(
        UPDATE,
        {
            "input": {
                "id": entry_id,
                "date": "2026-04-02",
                "memo": "Second",
                "lines": [
                    line(ids["6200"], "DEBIT", "25.00"),
                    line(ids["1010"], "CREDIT", "25.00"),
                ],
            }
        },
        token=org.token(role),
    )
    return data["journalEntryUpdate"]


async def test_update_draft_replaces_its_content_and_is_audited(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    entry_id, ids = await _draft(api, org)
    updated = await _update(api, org, entry_id, ids, "owner")
    assert updated["userErrors"] == []
    entry = updated["journalEntry"]
    assert (entry["status"], entry["date"], entry["memo"]) == ("DRAFT", "2026-04-02", "Second")
    assert [(ln["account"]["code"], ln["amount"]["amount"]) for ln in entry["lines"]] == [
        ("6200", "25.00"),
        ("1010", "25.00"),
    ]
    events = (await api.data(EVENTS, {"action": "JOURNAL_ENTRY_UPDATE"}, token=org.token()))[
        "auditEvents"
    ]["nodes"]
    assert len(events) == 1
    assert events[0]["before"]["memo"] == "First" and events[0]["after"]["memo"] == "Second"
    posted = (await api.data(POST, {"id": entry_id}, token=org.token()))["journalEntryPost"]
    assert posted["journalEntry"]["status"] == "POSTED"


async def test_update_draft_is_partial_and_null_clears_the_memo_or_is_refused(
    api: Api,
) -> None:
    org = await api.new_org(separate_duties=False)
    entry_id, _ids = await _draft(api, org)

    async def update(**fields: object) -> dict[str, Any]:
        data = await api.data(UPDATE, {"input": {"id": entry_id, **fields}}, token=org.token())
        payload: dict[str, Any] = data["journalEntryUpdate"]
        return payload

    dated = await update(date="2026-04-03")
    assert dated["userErrors"] == []
    entry = dated["journalEntry"]
    assert (entry["date"], entry["memo"], len(entry["lines"])) == ("2026-04-03", "First", 2)
    cleared = await update(memo=None)
    assert cleared["journalEntry"]["memo"] is None
    assert cleared["journalEntry"]["date"] == "2026-04-03"
    refused = await update(date=None, lines=None)
    assert refused["journalEntry"] is None
    assert sorted((e["field"], e["code"]) for e in refused["userErrors"]) == [
        (["input", "date"], "REQUIRED"),
        (["input", "lines"], "REQUIRED"),
    ]


async def test_update_draft_with_bad_lines_is_refused_and_changes_nothing(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    entry_id, ids = await _draft(api, org)
    data = await api.data(
        UPDATE,
        {
            "input": {
                "id": entry_id,
                "date": "2026-04-02",
                "lines": [line(ids["1100"], "DEBIT", "5"), line(ids["1010"], "CREDIT", "5")],
            }
        },
        token=org.token(),
    )
    payload = data["journalEntryUpdate"]
    assert payload["journalEntry"] is None
    assert payload["userErrors"][0]["code"] == "CONTROL_ACCOUNT"
    still = (await api.data(ENTRY, {"id": entry_id}, token=org.token()))["journalEntry"]
    assert (still["memo"], still["date"]) == ("First", "2026-04-01")


async def test_update_or_delete_of_posted_entry_is_refused_as_already_posted(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    entry_id, ids = await _draft(api, org)
    assert (await api.data(POST, {"id": entry_id}, token=org.token()))["journalEntryPost"][
        "userErrors"
    ] == []
    updated = await _update(api, org, entry_id, ids, "owner")
    assert [(e["field"], e["code"]) for e in updated["userErrors"]] == [
        (["input", "id"], "ALREADY_POSTED")
    ]
    deleted = (await api.data(DELETE, {"input": {"id": entry_id}}, token=org.token()))[
        "journalEntryDelete"
    ]
    assert deleted["deletedId"] is None
    assert [(e["field"], e["code"]) for e in deleted["userErrors"]] == [
        (["input", "id"], "ALREADY_POSTED")
    ]
    still = (await api.data(ENTRY, {"id": entry_id}, token=org.token()))["journalEntry"]
    assert (still["status"], still["memo"]) == ("POSTED", "First")


async def test_delete_draft_removes_it_and_is_audited(api: Api) -> None:
    org = await api.new_org()
    entry_id, _ = await _draft(api, org)
    deleted = (await api.data(DELETE, {"input": {"id": entry_id}}, token=org.token()))[
        "journalEntryDelete"
    ]
    assert deleted == {"deletedId": entry_id, "userErrors": []}
    assert (await api.data(ENTRY, {"id": entry_id}, token=org.token()))["journalEntry"] is None
    events = (await api.data(EVENTS, {"action": "JOURNAL_ENTRY_DELETE"}, token=org.token()))[
        "auditEvents"
    ]["nodes"]
    assert [e["before"]["memo"] for e in events] == ["First"]
    again = (await api.data(DELETE, {"input": {"id": entry_id}}, token=org.token()))[
        "journalEntryDelete"
    ]
    assert again["userErrors"][0]["code"] == "NOT_FOUND"


async def test_update_or_delete_of_another_organizations_draft_is_not_found(api: Api) -> None:
    org = await api.new_org()
    other = await api.new_org()
    entry_id, _ = await _draft(api, org)
    theirs = await account_ids(api, other)
    updated = await _update(api, other, entry_id, theirs, "owner")
    assert updated["userErrors"][0]["code"] == "NOT_FOUND"
    deleted = (await api.data(DELETE, {"input": {"id": entry_id}}, token=other.token()))[
        "journalEntryDelete"
    ]
    assert deleted["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await api.data(ENTRY, {"id": entry_id}, token=org.token()))["journalEntry"]


async def test_update_and_delete_need_journal_create(api: Api) -> None:
    org = await api.new_org("viewer", "auditor")
    entry_id, _ = await _draft(api, org)
    for role in ("viewer", "auditor"):
        for query, variables in (
            (DELETE, {"input": {"id": entry_id}}),
            (
                UPDATE,
                {"input": {"id": entry_id, "date": "2026-04-03", "lines": []}},
            ),
        ):
            answer = await api.gql(query, variables, token=org.token(role))
            assert answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await api.data(ENTRY, {"id": entry_id}, token=org.token()))["journalEntry"]


async def test_editor_of_a_draft_becomes_its_author_and_may_not_post_it(api: Api) -> None:
    org = await api.new_org("accountant")
    entry_id, ids = await _draft(api, org, role="accountant")
    updated = await _update(api, org, entry_id, ids, "owner")
    assert updated["userErrors"] == []
    by_editor = (await api.data(POST, {"id": entry_id}, token=org.token()))["journalEntryPost"]
    assert by_editor["userErrors"][0]["code"] == "SEGREGATION_OF_DUTIES"
    by_creator = (await api.data(POST, {"id": entry_id}, token=org.token("accountant")))[
        "journalEntryPost"
    ]
    assert by_creator["userErrors"] == []
    assert by_creator["journalEntry"]["status"] == "POSTED"


async def test_unbalanced_draft_posted_by_its_author_reports_unbalanced(api: Api) -> None:
    org = await api.new_org("accountant")
    ids = await account_ids(api, org)
    draft = await post(
        api,
        org,
        "2026-04-01",
        [line(ids["6100"], "DEBIT", "10.00"), line(ids["1010"], "CREDIT", "9.00")],
        post=False,
        role="accountant",
    )
    refused = (
        await api.data(POST, {"id": draft["journalEntry"]["id"]}, token=org.token("accountant"))
    )["journalEntryPost"]
    assert [e["code"] for e in refused["userErrors"]] == ["UNBALANCED"]


async def test_unbalanced_entry_posted_at_once_by_its_author_reports_unbalanced(
    api: Api,
) -> None:
    org = await api.new_org("accountant")
    ids = await account_ids(api, org)
    for lines, code in (
        ([line(ids["6100"], "DEBIT", "10.00"), line(ids["1010"], "CREDIT", "9.00")], "UNBALANCED"),
        ([line(ids["6100"], "DEBIT", "10.00")], "TOO_FEW_LINES"),
        ([line(ids["1100"], "DEBIT", "1"), line(ids["1010"], "CREDIT", "1")], "CONTROL_ACCOUNT"),
    ):
        refused = await post(api, org, "2026-04-01", lines, role="accountant")
        assert [e["code"] for e in refused["userErrors"]] == [code]
    balanced = [line(ids["6100"], "DEBIT", "10.00"), line(ids["1010"], "CREDIT", "10.00")]
    refused = await post(api, org, "2026-04-01", balanced, role="accountant")
    assert [e["code"] for e in refused["userErrors"]] == ["SEGREGATION_OF_DUTIES"]
