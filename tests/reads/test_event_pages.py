"""The `events` feed written by the database (server/events/reads.py) answers exactly as the
stock resolvers do on both databases: actors of every kind, with and without an id, object
ids of any type, payloads of every JSON shape, instants of every shape, every filter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from schema.events.types import EventActorKind
from server.events.models import DomainEvent
from server.events.reads import EVENT
from tests.reads.helpers import AWKWARD, both, every_field, spied, stock_path
from tests.receivables.helpers import customer
from tests.support import Api, Org, walk_pages

EVENTS = f"""
query($first: Int, $after: String, $last: Int, $before: String, $f: EventFilter) {{
  events(first: $first, after: $after, last: $last, before: $before, filter: $f) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ __typename {every_field(EVENT)} }} }}
  }}
}}
"""
INDIA = timezone(timedelta(hours=5, minutes=30))
PAYLOADS: list[Any] = [
    {"name": AWKWARD, "amount": "-0.01", "nested": {"list": [1, None, True, 2.5]}},
    {},
    {"b": 1, "a": [], "c": {"z": None}},
    {"big": 9_007_199_254_740_993, "small": -9_223_372_036_854_775_808},
]
ACTORS = [
    ("user", "3f0e1f7e-0000-4000-8000-000000000001"),
    ("api_key", "k"),
    ("system", None),
    ("anonymous", None),
    ("user", ""),
    ("system", "tests"),
]


async def _events(api: Api, org: Org) -> None:
    """Events made through the API, and events written straight to the table."""
    await customer(api, org, AWKWARD.replace("\n", " ").replace("\t", " "))
    last = await DomainEvent.filter(organization_id=org.id).order_by("-sequence").first()
    assert last is not None
    moments = [
        datetime(2026, 1, 1, 1, 0, 0, 1, tzinfo=INDIA),
        datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        datetime(2026, 3, 1, 9, 30, 0, 999_999, tzinfo=UTC),
    ]
    for n, (actor_type, actor_id) in enumerate(ACTORS):
        await DomainEvent.create(
            organization_id=org.id,
            sequence=last.sequence + 1 + n,
            type="customer.updated",
            version=1 + n % 2,
            occurred_at=moments[n % len(moments)],
            actor_type=actor_type,
            actor_id=actor_id,
            object_type="Customer" if n % 2 else "Invoice",
            object_id=f"{n}-Ü",
            payload=PAYLOADS[n % len(PAYLOADS)],
            audit_sequence=last.audit_sequence + 1 + n,
        )


def test_event_actor_kinds_are_their_stored_values_upper_cased() -> None:
    # The read model writes `kind` as upper(actor_type).
    assert all(kind.name == kind.value.upper() for kind in EventActorKind)


async def test_event_pages_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _events(api, org)
    filters: list[dict[str, Any] | None] = [
        None,
        {"types": ["customer.updated"]},
        {"types": []},
        {"sequenceFrom": 2, "sequenceTo": 5},
        {"occurredAt": {"from": "2026-03-01T15:00:00+05:30", "to": "2026-03-02T00:00:00Z"}},
    ]
    for flt in filters:
        items = spied(monkeypatch)
        written, stock = await both(api, org, EVENTS, {"first": 100, "f": flt}, monkeypatch)
        assert written.json() == stock.json(), flt
        monkeypatch.undo()
        assert len(items) == 1 and items[0] is not None
    everything = (await api.post(EVENTS, {"first": 100}, token=org.token())).json()
    nodes = [e["node"] for e in everything["data"]["events"]["edges"]]
    assert {n["actor"]["kind"] for n in nodes} == {k.name for k in EventActorKind}
    assert None in {n["actor"]["id"] for n in nodes}
    assert {"b": 1, "a": [], "c": {"z": None}} in [n["payload"] for n in nodes]


async def test_event_pages_walk_each_event_once_both_ways(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _events(api, org)

    async def page(o: Any = None, **variables: Any) -> dict[str, Any]:
        response = await api.post(EVENTS, variables, token=org.token())
        data: dict[str, Any] = response.json()["data"]["events"]
        return data

    forwards, backwards, _ = await walk_pages(page, {}, lambda n: n["sequence"])
    with stock_path(monkeypatch):
        expected, _, _ = await walk_pages(page, {}, lambda n: n["sequence"])
    assert forwards == backwards == expected == sorted(forwards)
    assert len(forwards) >= len(ACTORS) + 2


async def test_an_unknown_event_type_is_refused_on_the_read_path(api: Api) -> None:
    org = await api.new_org()
    refused = await api.post(EVENTS, {"first": 5, "f": {"types": ["no.such"]}}, token=org.token())
    assert {e["extensions"]["code"] for e in refused.json()["errors"]} == {"BAD_USER_INPUT"}
