"""The posting service's guarantees: gapless numbers through refusals, failures and
concurrency, the lock date against concurrent changes, one audit event per posting in a
verifiable chain, idempotency keys, and posting inside a document's own transaction."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from uuid import UUID

import pytest
from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit.log import chain_key
from server.audit.models import AuditEvent
from server.audit.verify import verify_chain
from server.errors import DomainError, ErrorCode, ValidationFailed
from server.ledger import entry_lines, numbering, posting
from server.ledger.errors import PeriodLocked
from server.ledger.models import (
    Account,
    AccountStatus,
    IdempotencyRecord,
    JournalEntry,
    JournalLine,
)
from tests.ledger.test_invariants import _numbers, new_books

DAY = date(2026, 3, 1)


def _entry(chart: list[Account], amount: str = "10.00", on: date = DAY) -> entry_lines.EntryInput:
    bank = next(a for a in chart if a.code == "1010")
    sales = next(a for a in chart if a.code == "4100")
    return entry_lines.EntryInput(
        date=on,
        memo="test",
        lines=[
            entry_lines.LineInput(bank.id, entry_lines.Side.DEBIT, amount),
            entry_lines.LineInput(sales.id, entry_lines.Side.CREDIT, amount),
        ],
    )


async def _post_events(actor: Actor) -> list[AuditEvent]:
    return await AuditEvent.filter(
        chain_key=chain_key(actor.org), action="journal_entry.post"
    ).order_by("sequence")


async def test_post_writes_entry_lines_and_one_verifiable_audit_event() -> None:
    actor, chart = await new_books()
    first = await posting.post(actor, _entry(chart, "12.34"), idempotency_key="k-1")
    second = await posting.post(actor, _entry(chart, "1.00"))
    assert (first.number, second.number) == (1, 2)
    stored = await JournalEntry.get(id=first.id)
    assert (stored.number, stored.status, stored.memo) == (1, "POSTED", "test")
    lines = await JournalLine.filter(entry_id=first.id).order_by("line_no")
    assert [(ln.line_no, ln.debit_minor, ln.credit_minor) for ln in lines] == [
        (1, 1234, 0),
        (2, 0, 1234),
    ]
    assert [(ln.base_debit_minor, ln.base_credit_minor, ln.date) for ln in lines] == [
        (1234, 0, DAY),
        (0, 1234, DAY),
    ]
    events = await _post_events(actor)
    assert [e.object_id for e in events] == [str(first.id), str(second.id)]
    assert events[0].after["number"] == 1 and events[1].after["number"] == 2
    assert events[0].idempotency_key == "k-1"
    assert events[1].prev_hash == events[0].hash
    result = await verify_chain(chain_key(actor.org))
    assert result.ok, result.problem


async def test_refused_posting_uses_no_number_and_writes_nothing() -> None:
    actor, chart = await new_books()
    await numbering.set_lock_date(actor, DAY)
    with pytest.raises(PeriodLocked):
        await posting.post(actor, _entry(chart, on=DAY))
    with pytest.raises(DomainError):  # unbalanced
        await posting.post(
            actor,
            entry_lines.EntryInput(date=DAY + timedelta(days=1), lines=_entry(chart).lines[:1] * 2),
        )
    assert await JournalEntry.filter(organization_id=actor.org).count() == 0
    assert await _post_events(actor) == []
    entry = await posting.post(actor, _entry(chart, on=DAY + timedelta(days=1)))
    assert entry.number == 1
    assert (await verify_chain(chain_key(actor.org))).ok


async def test_idempotency_key_replays_and_refuses_other_input() -> None:
    actor, chart = await new_books()
    first = await posting.post(actor, _entry(chart), idempotency_key="same")
    again = await posting.post(actor, _entry(chart), idempotency_key="same")
    assert again.id == first.id
    with pytest.raises(DomainError):
        await posting.post(actor, _entry(chart, "11.00"), idempotency_key="same")
    assert await _numbers(actor) == [1]
    assert len(await _post_events(actor)) == 1


async def test_post_inside_a_document_transaction_is_undone_with_it() -> None:
    actor, chart = await new_books()
    await numbering.set_lock_date(actor, DAY)

    class Undo(Exception):
        pass

    with pytest.raises(Undo):
        async with in_transaction():
            await posting.post(actor, _entry(chart, on=DAY + timedelta(days=1)), audit_event=False)
            raise Undo
    assert await JournalEntry.filter(organization_id=actor.org).count() == 0

    async with in_transaction():
        # A refused posting leaves the document's transaction usable.
        with pytest.raises(PeriodLocked):
            await posting.post(actor, _entry(chart, on=DAY), audit_event=False)
        kept = await posting.post(
            actor,
            _entry(chart, on=DAY + timedelta(days=2)),
            audit_event=False,
            idempotency_key="doc-1",
        )
        second = await posting.post(
            actor, _entry(chart, on=DAY + timedelta(days=2)), audit_event=False
        )
    assert (kept.number, second.number) == (1, 2)
    assert await _numbers(actor) == [1, 2]
    assert await _post_events(actor) == []  # the document records its own event
    assert await IdempotencyRecord.filter(organization_id=actor.org, key="doc-1").exists()
    assert (await verify_chain(chain_key(actor.org))).ok


@pytest.mark.postgres
async def test_concurrent_postings_keep_numbers_and_audit_chain_gapless() -> None:
    actor, chart = await new_books()
    entries = await asyncio.gather(
        *(posting.post(actor, _entry(chart, f"{i + 1}.00")) for i in range(40))
    )
    assert sorted(e.number for e in entries) == list(range(1, 41))
    assert await _numbers(actor) == list(range(1, 41))
    events = await _post_events(actor)
    assert sorted(e.after["number"] for e in events) == list(range(1, 41))
    by_id = {e.object_id: e.after["number"] for e in events}
    assert all(by_id[str(e.id)] == e.number for e in entries)
    result = await verify_chain(chain_key(actor.org))
    assert result.ok, result.problem


@pytest.mark.postgres
async def test_concurrent_lock_date_lets_nothing_post_on_or_before_it() -> None:
    actor, chart = await new_books()

    async def attempt(i: int) -> UUID | None:
        try:
            entry = await posting.post(actor, _entry(chart, on=DAY - timedelta(days=i % 3)))
        except PeriodLocked:
            return None
        return entry.id

    async def lock() -> None:
        await asyncio.sleep(0.01)
        await numbering.set_lock_date(actor, DAY)

    results = await asyncio.gather(*(attempt(i) for i in range(60)), lock())
    posted = [r for r in results if r is not None]
    # Whatever was posted on or before the lock date was committed before the lock date
    # was set: its audit event comes earlier in the organization's chain.
    lock_event = await AuditEvent.get(chain_key=chain_key(actor.org), action="ledger.lock_date_set")
    events = {e.object_id: e.sequence for e in await _post_events(actor)}
    assert set(events) == {str(i) for i in posted}
    for entry in await JournalEntry.filter(organization_id=actor.org):
        if entry.date <= DAY:
            assert events[str(entry.id)] < lock_event.sequence
    assert await _numbers(actor) == list(range(1, len(posted) + 1))
    # After the lock, the same postings are refused.
    with pytest.raises(PeriodLocked):
        await posting.post(actor, _entry(chart, on=DAY))
    assert (await verify_chain(chain_key(actor.org))).ok


@pytest.mark.postgres
async def test_concurrent_requests_with_one_idempotency_key_post_once() -> None:
    actor, chart = await new_books()
    entries = await asyncio.gather(
        *(posting.post(actor, _entry(chart), idempotency_key="race") for _ in range(10))
    )
    assert {e.id for e in entries} == {entries[0].id}
    assert await _numbers(actor) == [1]
    assert len(await _post_events(actor)) == 1
    assert (await verify_chain(chain_key(actor.org))).ok


async def test_known_accounts_are_still_checked_and_another_organizations_are_read_again() -> None:
    actor, chart = await new_books()
    _, other_chart = await new_books()
    bank = next(a for a in chart if a.code == "1010")
    bank.status = AccountStatus.ARCHIVED  # as read earlier by a document, now archived
    with pytest.raises(ValidationFailed) as refused:
        await posting.post(actor, _entry(chart), known=entry_lines.Known(accounts=(bank,)))
    assert [e.code for e in refused.value.errors] == [ErrorCode.ACCOUNT_ARCHIVED]
    # Another organization's account handed in as known counts for nothing: it is looked
    # up in this organization's chart, where it does not exist.
    foreign = next(a for a in other_chart if a.code == "1010")
    with pytest.raises(ValidationFailed) as missing:
        await posting.post(
            actor,
            entry_lines.EntryInput(
                date=DAY,
                lines=[
                    entry_lines.LineInput(foreign.id, entry_lines.Side.DEBIT, "5.00"),
                    entry_lines.LineInput(
                        _entry(chart).lines[1].account_id, entry_lines.Side.CREDIT, "5.00"
                    ),
                ],
            ),
            known=entry_lines.Known(accounts=(foreign,)),
        )
    assert [e.code for e in missing.value.errors] == [ErrorCode.NOT_FOUND]
    assert await JournalEntry.filter(organization_id=actor.org).count() == 0
