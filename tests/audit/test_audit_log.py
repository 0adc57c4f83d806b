"""Every change leaves exactly one chained audit event; tampering is detected."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import asyncpg
import pytest
from tortoise import connections

from server.audit.models import AuditEvent
from tests.conftest import IS_POSTGRES
from tests.crm.queries import CUSTOMER_ARCHIVE, CUSTOMER_CREATE, CUSTOMER_NOTE_ADD, CUSTOMER_UPDATE
from tests.support import Api, Org

EVENTS = """query($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) {
  totalCount nodes { sequence action objectType objectId outcome actorLabel actorRoles
  before after requestId clientIp operationName hash prevHash } } }"""
VERIFY = """{ auditVerify { ok eventsChecked headSequence headHash brokenSequence problem } }"""


async def _changes(api: Api, org: Org, object_id: str | None = None) -> list[dict[str, Any]]:
    """Events other than reads of the log itself, oldest first."""
    flt = {"objectId": object_id} if object_id else None
    data = await api.data(EVENTS, {"filter": flt}, token=org.token())
    events = [e for e in data["auditEvents"]["nodes"] if not e["action"].startswith("AUDIT_")]
    return list(reversed(events))


async def test_each_customer_mutation_leaves_exactly_one_event_with_before_and_after(
    api: Api,
) -> None:
    org = await api.new_org()
    created = await api.data(
        CUSTOMER_CREATE, {"input": {"name": "Audited", "creditLimit": "10.00"}}, token=org.token()
    )
    customer = created["customerCreate"]["customer"]
    await api.data(
        CUSTOMER_UPDATE,
        {"input": {"id": customer["id"], "name": "Audited Ltd", "creditLimit": "20.00"}},
        token=org.token(),
    )
    await api.data(
        CUSTOMER_NOTE_ADD,
        {"input": {"customerId": customer["id"], "body": "hi"}},
        token=org.token(),
    )
    await api.data(CUSTOMER_ARCHIVE, {"id": customer["id"]}, token=org.token())

    events = await _changes(api, org, customer["id"])
    assert [e["action"] for e in events] == [
        "CUSTOMER_CREATE",
        "CUSTOMER_UPDATE",
        "CUSTOMER_NOTE_ADD",
        "CUSTOMER_ARCHIVE",
    ]
    create, update, _note, archive = events
    assert create["before"] is None and create["after"]["name"] == "Audited"
    assert update["before"] == {"name": "Audited", "creditLimit": "10.00 USD"}
    assert update["after"] == {"name": "Audited Ltd", "creditLimit": "20.00 USD"}
    assert archive["before"] == {"status": "ACTIVE"} and archive["after"] == {"status": "ARCHIVED"}
    for event in events:
        assert event["outcome"] == "SUCCESS"
        assert event["actorLabel"] == org.users["owner"].email
        assert event["actorRoles"] == ["owner"]
        assert event["objectType"] == "CUSTOMER"
        assert event["objectId"] == customer["id"]
        assert event["clientIp"] == "203.0.113.7"
        assert event["requestId"]
    assert [e["operationName"] for e in events][:2] == ["Create", "Update"]
    sequences = [e["sequence"] for e in events]
    assert sequences == sorted(sequences)


async def test_failed_mutation_leaves_no_event(api: Api) -> None:
    org = await api.new_org()
    before = await _changes(api, org)
    bad = await api.data(
        CUSTOMER_CREATE, {"input": {"name": "", "email": "nope"}}, token=org.token()
    )
    assert bad["customerCreate"]["userErrors"]
    assert await _changes(api, org) == before


async def test_denied_request_is_audited_as_denied(api: Api) -> None:
    org = await api.new_org("viewer")
    result = await api.gql(CUSTOMER_CREATE, {"input": {"name": "X"}}, token=org.token("viewer"))
    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    denials = await api.data(EVENTS, {"filter": {"outcome": ["DENIED"]}}, token=org.token())
    nodes = denials["auditEvents"]["nodes"]
    assert len(nodes) == 1
    assert nodes[0]["action"] == "ACCESS_DENIED"
    assert nodes[0]["objectType"] is None and nodes[0]["objectId"] is None
    assert nodes[0]["after"] == {"object": "customer", "action": "create"}
    assert nodes[0]["actorRoles"] == ["viewer"]


async def test_failed_sign_in_is_audited_without_the_password(api: Api) -> None:
    org = await api.new_org()
    email = org.users["owner"].email
    await api.sign_in(email, "a-wrong-password-123")
    events = await AuditEvent.filter(
        chain_key="platform", action="session.create", outcome="FAILURE", actor_label=email
    )
    assert len(events) == 1
    stored = str([(e.before, e.after, e.actor_label, e.user_agent) for e in events])
    assert "a-wrong-password-123" not in stored


async def test_audit_chain_verifies_and_reports_a_modified_event(
    api: Api, database_url: str
) -> None:
    org = await api.new_org()
    for name in ("One", "Two", "Three"):
        await api.data(CUSTOMER_CREATE, {"input": {"name": name}}, token=org.token())
    ok = (await api.data(VERIFY, token=org.token()))["auditVerify"]
    assert ok["ok"] is True and ok["problem"] is None
    assert ok["eventsChecked"] == ok["headSequence"] >= 4

    target = await _event(org, "Two")
    await _tamper(
        database_url, f"UPDATE audit_events SET action = 'customer.delete' WHERE id = {target.id}"
    )
    broken = (await api.data(VERIFY, token=org.token()))["auditVerify"]
    assert broken["ok"] is False
    assert broken["brokenSequence"] == target.sequence
    assert "modified" in broken["problem"]


async def test_audit_chain_reports_a_deleted_event_and_a_truncated_tail(
    api: Api, database_url: str
) -> None:
    org = await api.new_org()
    for name in ("One", "Two", "Three"):
        await api.data(CUSTOMER_CREATE, {"input": {"name": name}}, token=org.token())
    middle = await _event(org, "Two")
    await _tamper(database_url, f"DELETE FROM audit_events WHERE id = {middle.id}")
    gap = (await api.data(VERIFY, token=org.token()))["auditVerify"]
    assert gap["ok"] is False and gap["brokenSequence"] == middle.sequence
    assert "gap" in gap["problem"]

    other = await api.new_org()
    await api.data(CUSTOMER_CREATE, {"input": {"name": "Last"}}, token=other.token())
    last = await _event(other, "Last")
    await _tamper(database_url, f"DELETE FROM audit_events WHERE id = {last.id}")
    cut = (await api.data(VERIFY, token=other.token()))["auditVerify"]
    assert cut["ok"] is False
    assert "head records" in cut["problem"]


async def test_audit_verify_command_reports_ok_then_the_broken_link(
    api: Api, database_url: str, settings: Any
) -> None:
    org = await api.new_org()
    await api.data(CUSTOMER_CREATE, {"input": {"name": "Cli"}}, token=org.token())
    env = {
        **os.environ,
        "LEDGERLINE_DATABASE_URL": database_url,
        "LEDGERLINE_DATA_DIR": str(settings.data_dir),
    }
    command = [sys.executable, "-m", "server.cli", "audit", "verify"]
    fine = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)  # noqa: ASYNC221
    assert f"OK org:{org.id}" in fine.stdout
    target = await _event(org, "Cli")
    await _tamper(
        database_url, f"UPDATE audit_events SET action = 'customer.delete' WHERE id = {target.id}"
    )
    broken = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)  # noqa: ASYNC221
    assert broken.returncode == 1
    assert f"BROKEN org:{org.id}: at event {target.sequence}" in broken.stdout


@pytest.mark.postgres
async def test_audit_rows_cannot_be_updated_deleted_or_truncated_on_postgres(api: Api) -> None:
    org = await api.new_org()
    event = await _event_by_action(org, "organization.create")
    conn = connections.get("default")
    for statement in (
        f"UPDATE audit_events SET outcome = 'FAILURE' WHERE id = {event.id}",
        f"DELETE FROM audit_events WHERE id = {event.id}",
        "TRUNCATE audit_events",
    ):
        with pytest.raises(Exception, match="append-only"):
            await conn.execute_script(statement)
    assert (await AuditEvent.get(id=event.id)).outcome == "SUCCESS"


async def _event(org: Org, name: str) -> AuditEvent:
    events = await AuditEvent.filter(chain_key=f"org:{org.id}", action="customer.create")
    return next(e for e in events if e.after and e.after.get("name") == name)


async def _event_by_action(org: Org, action: str) -> AuditEvent:
    return await AuditEvent.get(chain_key=f"org:{org.id}", action=action)


async def _tamper(database_url: str, sql: str) -> None:
    """Change audit rows behind the application's back, as someone with SQL access could."""
    if not IS_POSTGRES:
        await connections.get("default").execute_script(sql)
        return
    # On PostgreSQL the append-only trigger stands in the way; only a superuser gets past it.
    raw = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        async with raw.transaction():
            await raw.execute("SET LOCAL session_replication_role = replica")
            await raw.execute(sql)
    finally:
        await raw.close()


def test_appending_statements_of_one_shape_have_one_text() -> None:
    """The database prepares and plans an appending statement once per connection only if
    its text stays the same: what differs between events goes in parameters."""
    from uuid import uuid4

    from server.actor import Actor
    from server.audit.log import Later, append_sql, event_fields

    actor = Actor.system("tests")
    texts, params = [], []
    for amount in ("1.00", "2.00"):
        fields = event_fields(
            actor,
            "payment.record",
            object_type="Payment",
            object_id=uuid4(),
            after={
                "customer": str(uuid4()),
                "date": "2026-01-02",
                "amount": f"{amount} USD",
                "method": "BANK_TRANSFER",
                "reference": None,
                "status": "RECORDED",
                "unallocated": "0.00 USD",
                "entry": Later("number"),
                "allocations": [],
                "discounts": [],
            },
            organization_id=uuid4(),
        )
        given: list[Any] = []
        texts.append(append_sql(fields, "n", given))
        params.append(given)
    assert texts[0] == texts[1]
    assert params[0] != params[1]
