"""Audit events speak in enums and global ids: filters take lists of enum values, ids are
the API's own, the actor resolves to its User, and a value outside the vocabularies cannot
be written."""

from __future__ import annotations

from typing import Any

import pytest
from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.audit.vocabulary import (
    ACTIONS,
    OBJECT_TYPES,
    AuditAction,
    AuditObjectType,
    UnknownAuditValue,
)
from server.events.catalogue import BY_ACTION, NOT_EVENTS
from tests.crm.queries import CUSTOMER_ARCHIVE, CUSTOMER_CREATE
from tests.support import Api, Org

EVENTS = """query($f: AuditEventFilter, $o: AuditEventOrder) {
  auditEvents(first: 100, filter: $f, orderBy: $o) {
    nodes { sequence occurredAt action objectType objectId outcome actorType actorId
      actor { email } } } }"""
NODE = "query($id: ID!) { node(id: $id) { id ... on Customer { name } } }"


async def _events(api: Api, org: Org, **variables: Any) -> list[dict[str, Any]]:
    data = await api.data(EVENTS, variables, token=org.token())
    return list(data["auditEvents"]["nodes"])


async def _customer(api: Api, org: Org, name: str) -> str:
    created = await api.data(CUSTOMER_CREATE, {"input": {"name": name}}, token=org.token())
    customer_id: str = created["customerCreate"]["customer"]["id"]
    return customer_id


def test_action_enum_is_the_event_catalogue() -> None:
    assert set(ACTIONS) == BY_ACTION.keys() | NOT_EVENTS.keys()
    assert {m.value for m in AuditAction} == set(ACTIONS)
    assert {m.value for m in AuditObjectType} == set(OBJECT_TYPES)
    assert AuditAction["INVOICE_WRITE_OFF"].value == "invoice.write_off"
    assert AuditObjectType["JOURNAL_ENTRY"].value == "JournalEntry"


async def test_record_of_an_unknown_action_fails(api: Api) -> None:
    org = await api.new_org()
    actor = Actor(kind="user", user_id=org.users["owner"].id, organization_id=org.id)
    with pytest.raises(UnknownAuditValue):
        async with in_transaction():
            await audit.record(actor, "customer.teleport", object_type="Customer", object_id="x")


@pytest.mark.parametrize(
    "fields",
    [
        {"object_type": "customer"},
        {"object_type": "Customer", "outcome": "MAYBE"},
    ],
)
async def test_record_of_an_unknown_object_type_or_outcome_fails(
    api: Api, fields: dict[str, Any]
) -> None:
    org = await api.new_org()
    actor = Actor(kind="user", user_id=org.users["owner"].id, organization_id=org.id)
    with pytest.raises(UnknownAuditValue):
        async with in_transaction():
            await audit.record(actor, "customer.update", object_id="x", **fields)


async def test_audit_event_ids_are_global_ids_usable_in_node(api: Api) -> None:
    org = await api.new_org()
    customer_id = await _customer(api, org, "Noded")
    (event,) = await _events(api, org, f={"action": ["CUSTOMER_CREATE"]})
    assert event["action"] == "CUSTOMER_CREATE" and event["objectType"] == "CUSTOMER"
    assert event["objectId"] == customer_id
    assert event["outcome"] == "SUCCESS" and event["actorType"] == "USER"
    assert event["actor"] == {"email": org.users["owner"].email}
    node = await api.data(NODE, {"id": event["objectId"]}, token=org.token())
    assert node["node"] == {"id": customer_id, "name": "Noded"}
    by_actor = await _events(api, org, f={"actorId": event["actorId"]})
    assert event["sequence"] in {e["sequence"] for e in by_actor}
    assert {e["actorId"] for e in by_actor} == {event["actorId"]}


async def test_audit_filter_by_object_id_lists_that_objects_events_only(api: Api) -> None:
    org = await api.new_org()
    kept = await _customer(api, org, "Kept")
    archived = await _customer(api, org, "Archived")
    await api.data(CUSTOMER_ARCHIVE, {"id": archived}, token=org.token())
    found = await _events(api, org, f={"objectId": archived})
    assert [e["action"] for e in found] == ["CUSTOMER_ARCHIVE", "CUSTOMER_CREATE"]
    assert {e["objectId"] for e in found} == {archived}
    assert kept not in {e["objectId"] for e in found}
    assert await _events(api, org, f={"objectId": "bm90IGFuIGlk"}) == []


async def test_audit_filter_takes_lists_of_enum_values(api: Api) -> None:
    org = await api.new_org("viewer")
    customer_id = await _customer(api, org, "Listed")
    await api.data(CUSTOMER_ARCHIVE, {"id": customer_id}, token=org.token())
    await api.gql(CUSTOMER_CREATE, {"input": {"name": "No"}}, token=org.token("viewer"))
    found = await _events(
        api, org, f={"action": ["CUSTOMER_CREATE", "CUSTOMER_ARCHIVE", "ACCESS_DENIED"]}
    )
    assert [e["action"] for e in found] == ["ACCESS_DENIED", "CUSTOMER_ARCHIVE", "CUSTOMER_CREATE"]
    denied = await _events(api, org, f={"outcome": ["DENIED", "FAILURE"]})
    assert [(e["action"], e["objectType"]) for e in denied] == [("ACCESS_DENIED", None)]
    typed = await _events(api, org, f={"objectType": ["CUSTOMER", "INVOICE"]})
    assert [e["action"] for e in typed] == ["CUSTOMER_ARCHIVE", "CUSTOMER_CREATE"]


async def test_audit_filter_of_an_unknown_enum_value_is_bad_user_input(api: Api) -> None:
    org = await api.new_org()
    refused = await api.gql(EVENTS, {"f": {"action": ["customer.create"]}}, token=org.token())
    assert refused["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_audit_occurred_at_range_includes_from_and_excludes_to(api: Api) -> None:
    org = await api.new_org()
    for name in ("One", "Two", "Three"):
        await _customer(api, org, name)
    f: dict[str, Any] = {"action": ["CUSTOMER_CREATE"]}
    one, two, three = (await _events(api, org, f=f))[::-1]
    window = {"from": two["occurredAt"], "to": three["occurredAt"]}
    found = await _events(api, org, f={**f, "occurredAt": window})
    assert [e["sequence"] for e in found] == [two["sequence"]]
    since = await _events(api, org, f={**f, "occurredAt": {"from": two["occurredAt"]}})
    assert [e["sequence"] for e in since] == [three["sequence"], two["sequence"]]
    until = await _events(api, org, f={**f, "occurredAt": {"to": two["occurredAt"]}})
    assert [e["sequence"] for e in until] == [one["sequence"]]


async def test_audit_order_by_sorts_both_ways(api: Api) -> None:
    org = await api.new_org()
    for name in ("One", "Two", "Three"):
        await _customer(api, org, name)
    f = {"action": ["CUSTOMER_CREATE"]}
    newest = await _events(api, org, f=f)
    oldest = await _events(api, org, f=f, o={"field": "SEQUENCE", "direction": "ASC"})
    by_time = await _events(api, org, f=f, o={"field": "OCCURRED_AT", "direction": "ASC"})
    sequences = [e["sequence"] for e in oldest]
    assert sequences == sorted(sequences) and len(sequences) == 3
    assert [e["sequence"] for e in newest] == sequences[::-1]
    assert [e["sequence"] for e in by_time] == sequences
