"""Reversing a posted entry with its mirror image."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound
from server.ledger.entry_lines import ResolvedLine
from server.ledger.models import Account, EntryStatus, JournalEntry, JournalLine, LineTag
from server.ledger.numbering import take_number
from server.ledger.posting import summary, write_lines


async def reverse(
    actor: Actor,
    entry_id: UUID,
    on: date,
    memo: str | None = None,
    *,
    audit_event: bool = True,
) -> JournalEntry:
    """Post the mirror image of a posted entry on `on`; the original stays as it was.

    Documents that void themselves pass `audit_event=False` and record their own event.
    """
    original = await JournalEntry.get_or_none(id=entry_id, organization_id=actor.org)
    if original is None:
        raise NotFound("journal entry not found", field=["id"])
    if original.status != EntryStatus.POSTED:
        raise DomainError(
            "only posted entries can be reversed", code=ErrorCode.NOT_POSTED, field=["id"]
        )
    try:
        async with in_transaction():
            number = await take_number(actor, on)
            if await JournalEntry.exists(reversal_of_id=original.id):
                raise DomainError(
                    "the entry is already reversed", code=ErrorCode.ALREADY_REVERSED, field=["id"]
                )
            lines = await JournalLine.filter(entry_id=original.id).order_by("line_no")
            tags = await LineTag.filter(line_id__in=[ln.id for ln in lines]).select_related(
                "option"
            )
            created = await JournalEntry.create(
                organization_id=actor.org,
                number=number,
                status=EntryStatus.POSTED,
                date=on,
                memo=memo or f"Reversal of entry {original.number}",
                source_type=original.source_type,
                source_id=original.source_id,
                reversal_of_id=original.id,
                created_by_id=actor.user_id,
                posted_by_id=actor.user_id,
                posted_at=clock.now(),
            )
            accounts = {
                a.id: a for a in await Account.filter(id__in={ln.account_id for ln in lines})
            }
            mirrored = [
                ResolvedLine(
                    line_no=ln.line_no,
                    account=accounts[ln.account_id],
                    currency=ln.currency,
                    debit=ln.credit_minor,
                    credit=ln.debit_minor,
                    base_debit=ln.base_credit_minor,
                    base_credit=ln.base_debit_minor,
                    rate=Decimal(ln.exchange_rate),
                    description=ln.description,
                    customer_id=ln.customer_id,
                    vendor_id=ln.vendor_id,
                    options=[t.option for t in tags if t.line_id == ln.id],
                )
                for ln in lines
            ]
            await write_lines(actor, created, mirrored)
            if audit_event:
                await audit.record(
                    actor,
                    "journal_entry.reverse",
                    object_type="JournalEntry",
                    object_id=created.id,
                    before={"reverses": str(original.id), "number": original.number},
                    after=summary(created, mirrored),
                )
    except IntegrityError as exc:  # a concurrent reversal of the same entry won
        raise DomainError(
            "the entry is already reversed", code=ErrorCode.ALREADY_REVERSED, field=["id"]
        ) from exc
    return created
