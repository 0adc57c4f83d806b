"""eventsAdded: the organization's events as they commit, behind the gate, per event."""

from __future__ import annotations

import asyncio

import pytest
from tortoise import connections

from schema.ids import encode
from server.jobs.testing import run_jobs
from server.live.listen import APPLICATION
from tests.receivables.helpers import customer
from tests.subscriptions.client import signed_in
from tests.support import Api

EVENTS = """subscription($types: [String!]) {
  eventsAdded(types: $types) { sequence type objectType objectId payload }
}"""
ROLES_SET = """mutation($i: MemberRolesSetInput!) { memberRolesSet(input: $i) {
  userErrors { field code } } }"""
RENAME = """mutation($input: CustomerUpdateInput!) { customerUpdate(input: $input) {
  userErrors { field code } } }"""


async def test_events_added_delivers_own_events_in_order_and_never_another_organizations(
    api: Api, ws_url: str
) -> None:
    org = await api.new_org()
    other = await api.new_org()
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", EVENTS)
        await ws.nothing(0.3)  # the subscription has started before the changes
        await customer(api, other, "Theirs")
        first = await customer(api, org, "Ours")
        second = await customer(api, org, "Ours too")
        await customer(api, other, "Theirs too")
        await run_jobs()
        got = [(await ws.next("1"))["data"]["eventsAdded"] for _ in range(2)]
        assert [e["objectId"] for e in got] == [first, second]
        assert [e["type"] for e in got] == ["customer.created", "customer.created"]
        assert got[1]["sequence"] == got[0]["sequence"] + 1
        assert got[0]["payload"]["name"] == "Ours"
        await ws.nothing(1.0)  # the other organization's two events never arrive


async def test_events_added_filters_by_type(api: Api, ws_url: str) -> None:
    org = await api.new_org()
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", EVENTS, {"types": ["customer.updated"]})
        await ws.nothing(0.3)
        made = await customer(api, org, "Before")
        renamed = await api.data(
            RENAME, {"input": {"id": made, "name": "After"}}, token=org.token()
        )
        assert renamed["customerUpdate"]["userErrors"] == []
        await run_jobs()
        event = (await ws.next("1"))["data"]["eventsAdded"]
        assert (event["type"], event["objectId"]) == ("customer.updated", made)
        await ws.nothing(0.5)


async def test_events_added_with_unknown_type_is_refused(api: Api, ws_url: str) -> None:
    org = await api.new_org()
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", EVENTS, {"types": ["customer.exploded"]})
        message = await ws.receive()
        assert message["type"] in ("next", "error"), message
        errors = message["payload"]["errors"] if message["type"] == "next" else message["payload"]
        assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
        assert "customer.exploded" in errors[0]["message"]


async def test_events_added_without_event_read_is_forbidden(api: Api, ws_url: str) -> None:
    org = await api.new_org("accountant")
    async with signed_in(ws_url, org.token("accountant")) as ws:
        await ws.subscribe("1", EVENTS)
        message = await ws.receive()
        assert message["type"] == "error" and message["id"] == "1", message
        assert message["payload"][0]["extensions"]["code"] == "FORBIDDEN"
        await customer(api, org)
        await run_jobs()
        await ws.nothing(0.5)


async def test_events_added_stops_with_forbidden_once_the_role_is_taken_away(
    api: Api, ws_url: str
) -> None:
    org = await api.new_org("auditor")
    async with signed_in(ws_url, org.token("auditor")) as ws:
        await ws.subscribe("1", EVENTS)
        await ws.nothing(0.3)
        await customer(api, org, "Seen")
        await run_jobs()
        seen = (await ws.next("1"))["data"]["eventsAdded"]
        assert seen["payload"]["name"] == "Seen"
        demoted = await api.data(
            ROLES_SET,
            {"i": {"userId": encode("User", org.users["auditor"].id), "roles": ["viewer"]}},
            token=org.token(),
        )
        assert demoted["memberRolesSet"]["userErrors"] == []
        await customer(api, org, "Unseen")
        await run_jobs()
        denied = await ws.next("1")
        assert denied["data"] is None
        assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert await ws.receive() == {"id": "1", "type": "complete"}


@pytest.mark.postgres
async def test_events_still_arrive_after_the_listen_connection_is_cut(
    api: Api, ws_url: str
) -> None:
    org = await api.new_org()
    db = connections.get("default")
    backends = (
        "SELECT pid FROM pg_stat_activity"
        " WHERE application_name = $1 AND datname = current_database()"
    )
    (before,) = await db.execute_query_dict(backends, [APPLICATION])
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", EVENTS)
        await ws.nothing(0.3)
        await db.execute_query("SELECT pg_terminate_backend($1)", [before["pid"]])
        for _ in range(100):  # the listener connects again after a pause of a second
            now = await db.execute_query_dict(backends, [APPLICATION])
            if now and now[0]["pid"] != before["pid"]:
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError("the listener did not connect again")
        made = await customer(api, org, "After the cut")
        await run_jobs()
        event = (await ws.next("1", within=10))["data"]["eventsAdded"]
        assert event["objectId"] == made
