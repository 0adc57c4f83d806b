"""Checking a hash chain: recompute every link and compare with the stored head."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server.audit.chain import GENESIS_HASH, HASHED_FIELDS, event_hash
from server.audit.models import AuditChain, AuditEvent
from server.db import read_snapshot

_BATCH = 1000


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """OK with the head, or the first broken link."""

    chain_key: str
    ok: bool
    events_checked: int
    head_sequence: int
    head_hash: str
    broken_sequence: int | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Digest:
    """A chain's position at one moment: kept outside the system, it later proves that
    nothing up to that point was changed or cut off."""

    chain_key: str
    sequence: int
    head_hash: str


async def digest(key: str) -> Digest:
    head = await AuditChain.get(key=key)
    return Digest(key, head.last_sequence, head.last_hash)


async def verify_chain(key: str, earlier: Digest | None = None) -> VerifyResult:
    """Walk the chain in sequence order, a batch at a time, without loading it all.

    Every read happens in one snapshot: events appended while the walk runs belong to a
    later state of the chain, so they neither break this check nor take part in it.
    With an earlier digest, the chain must still contain that event with that hash:
    this catches a tail cut off together with a rewritten head row.
    """
    async with read_snapshot():
        head = await AuditChain.get_or_none(key=key)
        if head is None:
            return VerifyResult(key, False, 0, 0, GENESIS_HASH, None, "chain does not exist")
        if earlier is not None:
            broken = await _check_digest(head, earlier)
            if broken is not None:
                return broken
        return await _walk(head)


async def _check_digest(head: AuditChain, earlier: Digest) -> VerifyResult | None:
    if earlier.sequence > head.last_sequence:
        return _broken(
            head,
            0,
            head.last_sequence + 1,
            f"chain ends at {head.last_sequence}, before the digest's event {earlier.sequence}",
        )
    if earlier.sequence > 0:
        found = await AuditEvent.get_or_none(chain_key=head.key, sequence=earlier.sequence)
        if found is None or found.hash != earlier.head_hash:
            return _broken(
                head, 0, earlier.sequence, "event does not match the digest (altered or cut)"
            )
    return None


async def _walk(head: AuditChain) -> VerifyResult:
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    while True:
        batch = (
            await AuditEvent.filter(chain_key=head.key, sequence__gte=expected_seq)
            .order_by("sequence")
            .limit(_BATCH)
            .values("prev_hash", "hash", *HASHED_FIELDS)
        )
        if not batch:
            break
        for row in batch:
            problem = _check(row, expected_seq, expected_prev)
            if problem:
                # For a gap the first broken link is the missing event itself.
                return _broken(head, checked, min(row["sequence"], expected_seq), problem)
            expected_prev = row["hash"]
            expected_seq += 1
            checked += 1
    # Events deleted from the end leave a consistent chain; the head row still remembers.
    # In one snapshot the head and the events agree, so a mismatch is never a write
    # that happened during the walk.
    if checked != head.last_sequence or expected_prev != head.last_hash:
        return _broken(
            head,
            checked,
            checked + 1,
            f"chain ends at {checked} but its head records {head.last_sequence}",
        )
    return VerifyResult(head.key, True, checked, head.last_sequence, head.last_hash)


def _check(row: dict[str, Any], expected_seq: int, expected_prev: str) -> str | None:
    if row["sequence"] != expected_seq:
        return f"gap: expected event {expected_seq}, found {row['sequence']}"
    if row["prev_hash"] != expected_prev:
        return "link broken: prev_hash does not match the previous event"
    if event_hash(row["prev_hash"], row) != row["hash"]:
        return "event modified: its content does not match its hash"
    return None


def _broken(head: AuditChain, checked: int, sequence: int, problem: str) -> VerifyResult:
    return VerifyResult(
        head.key, False, checked, head.last_sequence, head.last_hash, sequence, problem
    )


async def verify_all() -> list[VerifyResult]:
    keys = await AuditChain.all().order_by("key").values_list("key", flat=True)
    return [await verify_chain(str(k)) for k in keys]
