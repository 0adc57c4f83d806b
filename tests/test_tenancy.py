"""One organization can never see or touch another's records, through any path."""

from __future__ import annotations

from typing import Any

from tests.crm.queries import CUSTOMER, CUSTOMER_ARCHIVE, CUSTOMER_NOTE_ADD, CUSTOMER_UPDATE
from tests.support import Api, Org


async def _customer(api: Api, org: Org, name: str) -> dict[str, Any]:
    data = await api.data(
        """mutation($name: String!) { customerCreate(input: {name: $name, email: null}) {
            customer { id name } } }""",
        {"name": name},
        token=org.token(),
    )
    customer: dict[str, Any] = data["customerCreate"]["customer"]
    return customer


async def test_other_organizations_customer_is_invisible_by_id_node_and_list(api: Api) -> None:
    a = await api.new_org()
    b = await api.new_org()
    theirs = await _customer(api, b, "B's customer")
    ours = await _customer(api, a, "A's customer")
    missing_id = ours["id"][:-4] + "AAAA"

    by_id = await api.data(CUSTOMER, {"id": theirs["id"]}, token=a.token())
    assert by_id["customer"] is None
    missing = await api.data(CUSTOMER, {"id": missing_id}, token=a.token())
    assert missing["customer"] is None

    node = await api.data(
        "query($id: ID!) { node(id: $id) { id ... on Customer { name } } }",
        {"id": theirs["id"]},
        token=a.token(),
    )
    assert node["node"] is None
    nodes = await api.data(
        "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { name } } }",
        {"ids": [theirs["id"], ours["id"]]},
        token=a.token(),
    )
    assert nodes["nodes"] == [None, {"id": ours["id"], "name": "A's customer"}]

    listed = await api.data(
        "{ customers(first: 100) { totalCount nodes { id } } }", token=a.token()
    )
    assert [n["id"] for n in listed["customers"]["nodes"]] == [ours["id"]]
    assert listed["customers"]["totalCount"] == 1


async def test_other_organizations_customer_cannot_be_changed_and_answer_equals_missing(
    api: Api,
) -> None:
    a = await api.new_org()
    b = await api.new_org()
    theirs = await _customer(api, b, "Untouchable")

    def errors(payload: dict[str, Any]) -> list[tuple[Any, str]]:
        return [(e["field"], e["code"]) for e in payload["userErrors"]]

    update = await api.data(
        CUSTOMER_UPDATE, {"input": {"id": theirs["id"], "name": "Hacked"}}, token=a.token()
    )
    update_missing = await api.data(
        CUSTOMER_UPDATE,
        {"input": {"id": theirs["id"][:-4] + "AAAA", "name": "Hacked"}},
        token=a.token(),
    )
    assert update["customerUpdate"]["customer"] is None
    assert errors(update["customerUpdate"]) == errors(update_missing["customerUpdate"])
    assert errors(update["customerUpdate"])[0][1] == "NOT_FOUND"

    archive = await api.data(CUSTOMER_ARCHIVE, {"id": theirs["id"]}, token=a.token())
    assert archive["customerArchive"]["customer"] is None
    assert archive["customerArchive"]["userErrors"][0]["code"] == "NOT_FOUND"

    note = await api.data(
        CUSTOMER_NOTE_ADD, {"input": {"customerId": theirs["id"], "body": "x"}}, token=a.token()
    )
    assert note["customerNoteAdd"]["customer"] is None
    assert note["customerNoteAdd"]["userErrors"][0]["code"] == "NOT_FOUND"

    still = await api.data(CUSTOMER, {"id": theirs["id"]}, token=b.token())
    assert still["customer"]["name"] == "Untouchable"
    notes = await api.data(
        "query($id: ID!) { customer(id: $id) { status notes { body } } }",
        {"id": theirs["id"]},
        token=b.token(),
    )
    assert notes["customer"] == {"status": "ACTIVE", "notes": []}


async def test_other_organizations_audit_log_is_not_readable(api: Api) -> None:
    a = await api.new_org()
    b = await api.new_org()
    await _customer(api, b, "B only")
    events = await api.data(
        "{ auditEvents(first: 100) { nodes { action objectType } } }", token=a.token()
    )
    actions = [e["action"] for e in events["auditEvents"]["nodes"]]
    assert "CUSTOMER_CREATE" not in actions


async def test_organization_node_of_another_organization_is_null(api: Api) -> None:
    a = await api.new_org()
    b = await api.new_org()
    data = await api.data(
        "query($id: ID!) { node(id: $id) { id } }", {"id": b.global_id}, token=a.token()
    )
    assert data["node"] is None
    own = await api.data(
        "query($id: ID!) { node(id: $id) { id } }", {"id": a.global_id}, token=a.token()
    )
    assert own["node"] == {"id": a.global_id}
