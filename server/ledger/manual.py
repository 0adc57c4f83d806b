"""Manual journal entries: what a person writes by hand, as a draft or posted at once.

Drafts keep their lines on the entry (they need not balance) and can be changed or
deleted until they are posted; posting validates them through the posting service.
Business documents never come here: they post through `posting.post`, and their entries
are corrected through the documents' own operations, never reversed by hand.

Segregation of duties: whoever wrote a draft's content may not post it while the rule
journal:post is on. A draft's `created_by_id` names that author: an edit by someone else
makes the editor its author (the audit log keeps who created and who edited it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.access import duties
from server.access.control import AccessControl
from server.actor import Actor
from server.audit import log as audit
from server.editing import UNSET, refuse_nulls
from server.errors import DomainError, ErrorCode, NotFound
from server.ledger import idempotency, numbering, posting, resolution, reversals
from server.ledger.entry_lines import EntryInput, LineInput
from server.ledger.models import Account, EntryStatus, JournalEntry, JournalLine


def _draft_payload(draft: JournalEntry) -> dict[str, Any]:
    return {
        "date": draft.date.isoformat(),
        "memo": draft.memo,
        "lines": draft.draft_lines or [],
    }


async def _locked_draft(actor: Actor, entry_id: UUID) -> JournalEntry:
    """The organization's draft with this id, locked; posted entries are never changed."""
    found = (
        await JournalEntry.filter(id=entry_id, organization_id=actor.org)
        .select_for_update()
        .first()
    )
    if found is None:
        raise NotFound("journal entry not found", field=["id"])
    if found.status != EntryStatus.DRAFT:
        raise DomainError(
            "the entry is posted; posted entries are corrected by reversing them",
            code=ErrorCode.ALREADY_POSTED,
            field=["id"],
        )
    return found


async def save_draft(actor: Actor, entry: EntryInput) -> JournalEntry:
    """Keep an entry unposted; its lines are checked but it need not balance yet."""
    await resolution.resolve(actor, entry, allow_control=False, require_balance=False)
    async with in_transaction():
        draft = await JournalEntry.create(
            organization_id=actor.org,
            status=EntryStatus.DRAFT,
            date=entry.date,
            memo=entry.memo,
            draft_lines=[ln.as_json() for ln in entry.lines],
            created_by_id=actor.author_id,
        )
        await audit.record(
            actor,
            "journal_entry.create",
            object_type="JournalEntry",
            object_id=draft.id,
            after=posting.entry_payload(entry),
        )
    return draft


@dataclass(frozen=True, slots=True)
class EntryChanges:
    """A partial change of a draft (docs/api/conventions.md): UNSET where the client sent
    nothing, None where it sent null (which clears the memo and is refused for the rest)."""

    date: Any = UNSET
    memo: Any = UNSET
    lines: Any = UNSET  # LineInputs replacing every line


def _merged(draft: JournalEntry, changes: EntryChanges) -> EntryInput:
    refuse_nulls({n for n in ("date", "lines") if getattr(changes, n) is None}, _REQUIRED)
    return EntryInput(
        date=draft.date if changes.date is UNSET else changes.date,
        memo=draft.memo if changes.memo is UNSET else changes.memo,
        lines=[LineInput.from_json(d) for d in draft.draft_lines or []]
        if changes.lines is UNSET
        else list(changes.lines),
    )


_REQUIRED = {"date": "date", "lines": "lines"}


async def update_draft(actor: Actor, entry_id: UUID, changes: EntryChanges) -> JournalEntry:
    """Change a draft's date, memo or lines (what `changes` leaves out stays); the editor
    becomes its author."""
    async with in_transaction():
        draft = await _locked_draft(actor, entry_id)
        entry = _merged(draft, changes)
        await resolution.resolve(actor, entry, allow_control=False, require_balance=False)
        before = {**_draft_payload(draft), "author": str(draft.created_by_id)}
        draft.date = entry.date
        draft.memo = entry.memo
        draft.draft_lines = [ln.as_json() for ln in entry.lines]
        draft.created_by_id = actor.author_id
        await draft.save(update_fields=["date", "memo", "draft_lines", "created_by_id"])
        await audit.record(
            actor,
            "journal_entry.update",
            object_type="JournalEntry",
            object_id=draft.id,
            before=before,
            after={**posting.entry_payload(entry), "author": str(actor.author_id)},
        )
    return draft


async def delete_draft(actor: Actor, entry_id: UUID) -> JournalEntry:
    """Delete a draft; it has no number and no lines in the ledger, so nothing else changes."""
    async with in_transaction():
        draft = await _locked_draft(actor, entry_id)
        before = _draft_payload(draft)
        await JournalEntry.filter(id=draft.id, status=EntryStatus.DRAFT).delete()
        await audit.record(
            actor,
            "journal_entry.delete",
            object_type="JournalEntry",
            object_id=draft.id,
            before=before,
        )
    return draft


async def create_posted(
    access: AccessControl, actor: Actor, entry: EntryInput, idempotency_key: str | None
) -> JournalEntry:
    """Post a new entry at once; its author posts it, allowed only where the duty rule is off.

    The entry is validated before the duty check, so a faulty entry reports what is wrong
    with it rather than who may post it.
    """
    payload = posting.entry_payload(entry)
    if await idempotency.replay(actor, idempotency_key, "journal_entry.post", payload) is None:
        await resolution.resolve(actor, entry, allow_control=False)
    await duties.ensure_not_creator(
        access,
        actor,
        obj="journal",
        act="post",
        created_by_id=actor.author_id,
        object_type="JournalEntry",
        field=["post"],
    )
    return await posting.post(actor, entry, idempotency_key=idempotency_key)


async def post_draft(access: AccessControl, actor: Actor, entry_id: UUID) -> JournalEntry:
    """Validate and post a draft. The duty check comes after validation, inside the
    transaction; a refusal is audited once the transaction has rolled back."""
    try:
        async with in_transaction():
            return await _post_locked_draft(access, actor, entry_id)
    except duties.SegregationOfDuties as refusal:
        await duties.record_refusal(actor, refusal)
        raise


async def _post_locked_draft(access: AccessControl, actor: Actor, entry_id: UUID) -> JournalEntry:
    draft = await _locked_draft(actor, entry_id)
    entry = EntryInput(
        date=draft.date,
        memo=draft.memo,
        lines=[LineInput.from_json(d) for d in draft.draft_lines or []],
    )
    lines = await resolution.resolve(actor, entry, allow_control=False)
    duties.refuse_creator(
        access,
        actor,
        obj="journal",
        act="post",
        created_by_id=draft.created_by_id,
        object_type="JournalEntry",
        object_id=entry_id,
    )
    draft.status = EntryStatus.POSTED
    draft.number = await numbering.take_number(actor, draft.date)
    draft.posted_at = clock.now()
    draft.posted_by_id = actor.user_id
    draft.draft_lines = None
    await draft.save()
    await posting.write_lines(actor, draft, lines)
    await audit.record(
        actor,
        "journal_entry.post",
        object_type="JournalEntry",
        object_id=draft.id,
        before={"status": "DRAFT"},
        after=posting.summary(draft, lines),
    )
    return draft


async def reverse_entry(
    actor: Actor, entry_id: UUID, on: date, memo: str | None = None
) -> JournalEntry:
    """Reverse a manual entry by hand.

    An entry a document posted (an invoice, a payment, a bill, an allocation, ...) or one
    that touches a control account is refused: reversing it alone would part the control
    account from the documents' open balances for good, and the document could no longer
    be voided. Documents are corrected through their own operations.
    """
    original = await JournalEntry.get_or_none(id=entry_id, organization_id=actor.org)
    if original is None:
        raise NotFound("journal entry not found", field=["id"])
    control_ids = await Account.filter(organization_id=actor.org, is_control=True).values_list(
        "id", flat=True
    )
    control_lines = await JournalLine.filter(
        entry_id=original.id, account_id__in=list(control_ids)
    ).exists()
    if original.source_type is not None or control_lines:
        raise DomainError(
            "this entry belongs to a document; correct it through the document "
            "(void, unallocate, credit note) instead of reversing its entry",
            code=ErrorCode.DOCUMENT_ENTRY,
            field=["id"],
        )
    return await reversals.reverse(actor, entry_id, on, memo)
