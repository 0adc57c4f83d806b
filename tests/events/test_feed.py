"""The `events` feed: order, paging, replay, filters, node lookup, tenancy and the gate."""

from __future__ import annotations

import asyncio

import pytest

from schema.ids import encode
from server.events.models import DomainEvent
from tests.events.helpers import EVENT_FIELDS, events, last_sequence, page, written_by
from tests.receivables.helpers import customer, issued_invoice, record_payment
from tests.support import Api, Org, walk_pages


async def _customers(api: Api, org: Org, count: int) -> list[str]:
    return [await customer(api, org, f"Customer {i}") for i in range(count)]


async def test_events_are_numbered_from_one_without_gaps_in_the_order_of_the_changes(
    api: Api,
) -> None:
    org = await api.new_org()
    created = await _customers(api, org, 3)
    found = await events(api, org)
    assert [e["sequence"] for e in found] == list(range(1, len(found) + 1))
    assert found[0]["type"] == "organization.created"
    customers = [e for e in found if e["type"] == "customer.created"]
    assert [e["objectId"] for e in customers] == created
    assert [e["payload"]["name"] for e in customers] == [f"Customer {i}" for i in range(3)]
    audit_sequences = [e["auditSequence"] for e in found]
    assert audit_sequences == sorted(audit_sequences)


async def test_events_page_forwards_and_backwards_with_a_total_count(api: Api) -> None:
    org = await api.new_org()
    await _customers(api, org, 4)
    total = (await page(api, org, first=1))["totalCount"]
    assert total == len(await events(api, org)) >= 5

    async def fetch(o: object, **arguments: object) -> dict[str, object]:
        return await page(api, org, **arguments)

    forwards, backwards, _ = await walk_pages(fetch, {}, lambda n: n["sequence"])
    assert forwards == backwards == list(range(1, total + 1))


async def test_events_replay_from_any_sequence(api: Api) -> None:
    org = await api.new_org()
    await _customers(api, org, 3)
    everything = await events(api, org)
    middle = everything[2]["sequence"]
    replayed = await events(api, org, sequenceFrom=middle)
    assert replayed == everything[2:]
    assert await events(api, org, sequenceFrom=middle, sequenceTo=middle) == [everything[2]]
    assert await events(api, org, sequenceFrom=everything[-1]["sequence"] + 1) == []


async def test_events_filter_by_type_and_time(api: Api) -> None:
    org = await api.new_org()
    await _customers(api, org, 2)
    created = await events(api, org, types=["customer.created"])
    assert [e["type"] for e in created] == ["customer.created"] * 2
    both = await events(api, org, types=["customer.created", "organization.created"])
    assert len(both) == 3
    first, last = both[0]["occurredAt"], both[-1]["occurredAt"]
    assert await events(api, org, occurredAt={"from": first}) == both
    assert await events(api, org, occurredAt={"to": first}) == []
    assert both[-1] in await events(api, org, occurredAt={"from": last})


async def test_events_refuse_an_unknown_type_name(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql(
        "query($f: EventFilter) { events(first: 5, filter: $f) { totalCount } }",
        {"f": {"types": ["invoice.issued", "invoice.teleported"]}},
        token=org.token(),
    )
    assert result["data"] is None
    assert [e["extensions"]["code"] for e in result["errors"]] == ["BAD_USER_INPUT"]
    assert "invoice.teleported" in result["errors"][0]["message"]


async def test_event_node_is_found_by_its_id_in_its_organization_only(api: Api) -> None:
    org, other = await api.new_org(), await api.new_org()
    event = (await events(api, org))[0]
    query = f"query($id: ID!) {{ node(id: $id) {{ ... on Event {{ {EVENT_FIELDS} }} }} }}"
    found = await api.data(query, {"id": event["id"]}, token=org.token())
    assert found["node"] == event
    assert (await api.data(query, {"id": event["id"]}, token=other.token()))["node"] is None


async def test_events_show_only_the_organizations_own(api: Api) -> None:
    org, other = await api.new_org(), await api.new_org()
    await _customers(api, other, 2)
    mine = await events(api, org)
    assert [e["type"] for e in mine] == ["organization.created"]
    assert mine[0]["objectId"] == org.global_id


@pytest.mark.parametrize(("role", "allowed"), [("auditor", True), ("accountant", False)])
async def test_events_need_event_read(api: Api, role: str, allowed: bool) -> None:
    org = await api.new_org(role)
    before = await last_sequence(api, org)
    result = await api.gql("{ events(first: 5) { totalCount } }", token=org.token(role))
    if allowed:
        assert result["data"]["events"]["totalCount"] == before
    else:
        assert [e["extensions"]["code"] for e in result["errors"]] == ["FORBIDDEN"]
    # Neither the read nor the denial is a change.
    assert await written_by(api, org, before) == []


async def test_event_actor_is_the_user_or_the_api_key(api: Api) -> None:
    org = await api.new_org()
    data = await api.data(
        """mutation { apiKeyCreate(input: {name: "sync", role: "accountant"}) {
             apiKey { id } secret userErrors { code } } }""",
        token=org.token(),
    )
    key = data["apiKeyCreate"]
    before = await last_sequence(api, org)
    made = await api.data(
        """mutation { customerCreate(input: {name: "By key"}) { customer { id } } }""",
        token=key["secret"],
    )
    assert made["customerCreate"]["customer"]
    (by_key,) = await written_by(api, org, before)
    assert by_key["actor"] == {"kind": "API_KEY", "id": key["apiKey"]["id"]}
    created = next(e for e in await events(api, org) if e["type"] == "api_key.created")
    assert created["actor"] == {"kind": "USER", "id": encode("User", org.users["owner"].id)}
    assert created["payload"] == {"name": "sync", "role": "accountant", "expiresAt": None}
    assert key["secret"] not in str(await DomainEvent.filter(organization_id=org.id).values())


@pytest.mark.postgres
async def test_concurrent_changes_are_numbered_without_gaps_or_repeats(api: Api) -> None:
    """Payments (one statement) and customers (the ORM) at once: the chain head's lock
    numbers both kinds, in the order of the audit events."""
    org = await api.new_org()
    acme = await customer(api, org)
    invoices = [await issued_invoice(api, org, acme, "10.00") for _ in range(4)]
    before = await last_sequence(api, org)
    payments = [
        record_payment(api, org, acme, "10.00", [{"invoiceId": i["id"], "amount": "10.00"}])
        for i in invoices
    ]
    customers = [customer(api, org, f"Concurrent {i}") for i in range(4)]
    await asyncio.gather(*payments, *customers)
    written = await written_by(api, org, before)
    assert [e["sequence"] for e in written] == list(range(before + 1, before + 9))
    assert sorted(e["type"] for e in written) == ["customer.created"] * 4 + ["payment.recorded"] * 4
    audit_sequences = [e["auditSequence"] for e in written]
    assert audit_sequences == sorted(audit_sequences)
