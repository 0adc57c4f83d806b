"""Verification reads one consistent snapshot: events appended meanwhile never break it."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.support import Api, Org

CREATE = "mutation($n: String!) { customerCreate(input: {name: $n}) { customer { id } } }"
DIGEST = "{ auditDigest { sequence headHash } }"
VERIFY = """query($d: AuditDigestInput) {
  auditVerify(against: $d) { ok eventsChecked headSequence brokenSequence problem } }"""

WRITERS = 10
WRITES_EACH = 6


async def _writer(api: Api, org: Org, number: int) -> None:
    for step in range(WRITES_EACH):
        data = await api.data(CREATE, {"n": f"Writer {number}.{step}"}, token=org.token())
        assert data["customerCreate"]["customer"]


async def _verify_until(api: Api, org: Org, done: asyncio.Event) -> list[dict[str, Any]]:
    """Verify, with and without a digest taken a moment earlier, until the writers stop."""
    results: list[dict[str, Any]] = []
    while not done.is_set() or not results:
        digest = (await api.data(DIGEST, token=org.token("auditor")))["auditDigest"]
        for against in (None, digest):
            data = await api.data(VERIFY, {"d": against}, token=org.token("auditor"))
            results.append(data["auditVerify"])
        await asyncio.sleep(0)
    return results


async def _verify_while_writing(api: Api) -> list[dict[str, Any]]:
    org = await api.new_org("auditor")
    done = asyncio.Event()

    async def writers() -> None:
        try:
            await asyncio.gather(*(_writer(api, org, n) for n in range(WRITERS)))
        finally:
            done.set()

    _, results = await asyncio.gather(writers(), _verify_until(api, org, done))
    return results


@pytest.mark.postgres
async def test_verify_while_ten_writers_append_is_always_ok_on_postgres(api: Api) -> None:
    results = await _verify_while_writing(api)
    assert [r for r in results if not r["ok"]] == []
    assert all(r["eventsChecked"] == r["headSequence"] for r in results)
    # The verifications saw the chain grow: they really ran among the writes.
    assert len({r["headSequence"] for r in results}) > 1


async def test_verify_while_ten_writers_append_is_always_ok(api: Api) -> None:
    """SQLite serialises statements, not requests: the writers' transactions still commit
    between two statements of a verification that is not one transaction."""
    results = await _verify_while_writing(api)
    assert [r for r in results if not r["ok"]] == []
    assert all(r["eventsChecked"] == r["headSequence"] for r in results)
    assert len({r["headSequence"] for r in results}) > 1


async def test_verify_reports_an_event_stored_past_the_head(api: Api) -> None:
    """The snapshot is not a bound: an event inserted around the application, chained
    correctly but without moving the head, is still reported."""
    from server.audit.chain import event_hash
    from server.audit.models import AuditChain, AuditEvent
    from server.audit.verify import verify_chain

    org = await api.new_org()
    key = f"org:{org.id}"
    head = await AuditChain.get(key=key)
    last = await AuditEvent.get(chain_key=key, sequence=head.last_sequence)
    fields = {
        name: getattr(last, name)
        for name in AuditEvent._meta.db_fields
        if name not in ("id", "prev_hash", "hash")
    }
    fields.update(sequence=head.last_sequence + 1, action="customer.create")
    await AuditEvent.create(**fields, prev_hash=last.hash, hash=event_hash(last.hash, fields))
    # Read directly: the request would also append its own event, which now collides.
    result = await verify_chain(key)
    assert result.ok is False
    assert result.head_sequence == head.last_sequence
    assert result.problem is not None and "head records" in result.problem
