"""Pages of the audit log written by the database (schema/reads.py) answer exactly as the
stock resolvers do on both databases: instants in UTC as the DateTime scalar writes them,
JSON columns as stored, and reading the log is still on the record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from server.audit.log import chain_key
from server.audit.models import AuditEvent
from server.audit.reads import AUDIT_EVENT
from server.audit.vocabulary import member_name
from server.global_ids import encode
from tests.reads.helpers import (
    AWKWARD,
    PARTY_NAME,
    both,
    every_field,
    spied,
    statements,
    stock_path,
)
from tests.support import Api, Org, walk_pages

EVENTS = f"""
query($first: Int, $after: String, $last: Int, $before: String, $f: AuditEventFilter) {{
  auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $f) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ __typename {every_field(AUDIT_EVENT)} }} }}
  }}
}}
"""

# Events of this kind only (which a new organization writes none of): each read of the log
# writes an `audit.read` event of its own, which the second of two reads would see.
AWKWARD_ONLY = {"objectType": ["TRACKING_OPTION"]}

INDIA = timezone(timedelta(hours=5, minutes=30))
# Instants to break a writer: no microseconds, one, the last before a second, a time
# stored with another offset (across a year's end in UTC), a date before the year 1000.
MOMENTS = [
    datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
    datetime(2026, 3, 1, 9, 30, 0, 1, tzinfo=UTC),
    datetime(2026, 3, 1, 23, 59, 59, 999_999, tzinfo=UTC),
    datetime(2026, 1, 1, 1, 0, 0, 500_000, tzinfo=INDIA),
    datetime(999, 12, 31, 12, 0, tzinfo=UTC),
    datetime(2026, 6, 30, 18, 45, 7, 120_000, tzinfo=INDIA),
]
# Stored JSON of every kind (none, empty, nested, numbers of each sort, awkward text).
VALUES: list[Any] = [
    None,
    {},
    [],
    {"name": AWKWARD, "nested": {"list": [1, None, True, False, "x"]}},
    {"int": 9_007_199_254_740_993, "negative": -5, "float": 1.5, "small": 1e-7, "tenth": 0.1},
    ["two", 2, {"three": None}],
]


async def awkward_events(org: Org) -> list[AuditEvent]:
    """Events written straight to the table, with sequences no append reaches."""
    made = []
    for n, moment in enumerate(MOMENTS):
        made.append(
            await AuditEvent.create(
                chain_key=chain_key(org.id),
                organization_id=org.id,
                sequence=1_000_000 + n,
                occurred_at=moment,
                actor_type="user" if n % 2 else "system",
                actor_id=None if n % 2 == 0 else f"user-{n}",
                actor_label=None if n % 2 == 0 else f"u{n}@example.com",
                actor_roles=[] if n == 0 else ["owner", AWKWARD][: 1 + n % 2],
                action=f"customer.{'update' if n % 2 else 'create'}",
                object_type="TrackingOption",
                object_id=PARTY_NAME if n == 1 else f"obj-{n}",
                outcome=["SUCCESS", "FAILURE", "DENIED"][n % 3],
                before=VALUES[n % len(VALUES)],
                after=VALUES[(n + 3) % len(VALUES)],
                request_id=None if n == 2 else f"req-{n}",
                client_ip="::1",
                user_agent=AWKWARD,
                operation_name=None,
                idempotency_key="" if n == 3 else None,
                prev_hash="0" * 64,
                hash=f"{n:064d}",
            )
        )
    return made


async def test_audit_pages_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await awkward_events(org)
    # A first read of the log, so that both reads below find what it leaves behind.
    await api.data(EVENTS, {"first": 1, "f": AWKWARD_ONLY}, token=org.token())
    items = spied(monkeypatch)
    written, stock = await both(api, org, EVENTS, {"first": 100, "f": AWKWARD_ONLY}, monkeypatch)
    assert written.json() == stock.json()
    assert len(items) == 1 and items[0] is not None
    nodes = [e["node"] for e in written.json()["data"]["auditEvents"]["edges"]]
    assert len(nodes) == len(MOMENTS)
    assert {n["occurredAt"] for n in nodes} == {
        # Milliseconds, truncated: the first two moments answer alike.
        "2026-03-01T09:30:00.000Z",
        "2026-03-01T23:59:59.999Z",
        "2025-12-31T19:30:00.500Z",
        "0999-12-31T12:00:00.000Z",
        "2026-06-30T13:15:07.120Z",
    }
    assert [] in [n["actorRoles"] for n in nodes] and None in [n["before"] for n in nodes]
    # The page, its count and the same audit write on both paths: nothing more.
    assert statements(written) == statements(stock)
    uncounted = EVENTS.replace("totalCount", "")
    plain = await api.post(uncounted, {"first": 100, "f": AWKWARD_ONLY}, token=org.token())
    assert statements(plain) == statements(written) - 1


@pytest.mark.parametrize(
    "flt",
    [
        {"actorId": encode("User", "user-3")},
        {"actorId": encode("ApiKey", "user-3")},
        {"actorId": "not a global id"},
        {"action": ["CUSTOMER_CREATE"], "outcome": ["SUCCESS"]},
        {"action": ["CUSTOMER_CREATE", "CUSTOMER_UPDATE"], "outcome": ["FAILURE", "DENIED"]},
        {"objectId": encode("TrackingOption", PARTY_NAME)},
        {"objectId": encode("Customer", PARTY_NAME)},
        # Bounds given with another offset than the stored times'.
        {
            "occurredAt": {
                "from": "2026-03-01T15:00:00+05:30",
                "to": "2026-03-02T05:29:59.999999+05:30",
            }
        },
        {"occurredAt": {"from": "2025-12-31T19:30:00.5Z"}},
        {"occurredAt": {"to": "2025-12-31T19:30:00.5Z"}},
    ],
)
async def test_audit_filters_are_conditions_of_the_page(
    api: Api, flt: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    events = await awkward_events(org)
    conditions = {**AWKWARD_ONLY, **flt}
    written, stock = await both(api, org, EVENTS, {"first": 100, "f": conditions}, monkeypatch)
    assert written.json() == stock.json()
    found = {e["node"]["sequence"] for e in written.json()["data"]["auditEvents"]["edges"]}
    assert found == {e.sequence for e in events if _matches(e, flt)}, flt


def _matches(event: AuditEvent, flt: dict[str, Any]) -> bool:
    def moment(text: str) -> datetime:
        return datetime.fromisoformat(text)

    def within(span: dict[str, str]) -> bool:
        after_start = "from" not in span or event.occurred_at >= moment(span["from"])
        return after_start and ("to" not in span or event.occurred_at < moment(span["to"]))

    checks = {
        "actorId": lambda v: event.actor_type == "user" and encode("User", event.actor_id) == v,
        "action": lambda v: member_name(event.action) in v,
        "outcome": lambda v: event.outcome in v,
        "objectId": lambda v: encode(event.object_type, event.object_id) == v,
        "occurredAt": within,
    }
    return all(checks[k](v) for k, v in flt.items())


async def test_audit_pages_walk_each_event_once_both_ways(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await awkward_events(org)

    async def page(o: Any = None, **variables: Any) -> dict[str, Any]:
        response = await api.post(EVENTS, {**variables, "f": AWKWARD_ONLY}, token=org.token())
        data: dict[str, Any] = response.json()["data"]["auditEvents"]
        return data

    forwards, backwards, _ = await walk_pages(page, {}, lambda n: n["sequence"])
    with stock_path(monkeypatch):
        expected, _, _ = await walk_pages(page, {}, lambda n: n["sequence"])
    assert forwards == backwards == expected == sorted(forwards, reverse=True)
    assert len(forwards) == len(MOMENTS)


async def test_reading_the_log_is_on_the_record_on_the_read_path(api: Api) -> None:
    org = await api.new_org()
    reads = {"f": {"action": ["AUDIT_READ"]}, "first": 100}
    first = await api.data(EVENTS, reads, token=org.token())
    second = await api.data(EVENTS, reads, token=org.token())
    # Each read is written after its page was read: the second sees the first.
    assert second["auditEvents"]["totalCount"] == first["auditEvents"]["totalCount"] + 1
    newest = second["auditEvents"]["edges"][0]["node"]
    assert newest["action"] == "AUDIT_READ" and newest["objectType"] == "AUDIT_LOG"


@pytest.mark.parametrize(
    "items",
    [
        "edges { node { sequence } } nodes { hash }",  # the items asked twice
        "edges { node @include(if: true) { sequence } }",  # a directive
    ],
)
async def test_audit_selections_it_cannot_write_are_answered_by_the_stock_resolvers(
    api: Api, items: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await awkward_events(org)
    query = f"{{ auditEvents(first: 50, filter: {{objectType: [TRACKING_OPTION]}}) {{ {items} }} }}"
    written = spied(monkeypatch)
    answered, stock = await both(api, org, query, {}, monkeypatch)
    assert answered.json() == stock.json()
    assert not any(written)


async def test_a_role_without_audit_read_is_refused_before_any_sql(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org("viewer")
    await awkward_events(org)
    written = spied(monkeypatch)
    refused = await api.post(EVENTS, {"first": 5}, token=org.token("viewer"))
    body = refused.json()
    assert body["data"] is None or body["data"]["auditEvents"] is None
    assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}
    assert written == [] and AWKWARD not in refused.text
