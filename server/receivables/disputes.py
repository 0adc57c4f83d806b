"""Invoice disputes: a customer's challenge, held apart in aging and skipped by reminders.

A dispute is resolved as upheld with a credit note (applied to the invoice), upheld with a
write-off of what is open, or rejected; the invoice stays as it was in the last case.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.documents import allocation
from server.errors import DomainError, ErrorCode, NotFound
from server.receivables import invoice_status, invoices, payment_allocation
from server.receivables.models import (
    CreditNote,
    CreditNoteStatus,
    Dispute,
    DisputeReason,
    DisputeResolution,
    DisputeStatus,
    Invoice,
)


def snapshot(d: Dispute) -> dict[str, Any]:
    return {
        "invoice": str(d.invoice_id),
        "status": d.status.value,
        "reason": d.reason.value,
        "openedOn": d.opened_on.isoformat(),
        "resolution": d.resolution.value if d.resolution else None,
        "resolvedOn": d.resolved_on.isoformat() if d.resolved_on else None,
    }


async def open_dispute(
    actor: Actor, invoice_id: UUID, reason: DisputeReason, note: str | None, on: date
) -> Dispute:
    """Record the customer's challenge; one open dispute per invoice."""
    if note is not None and len(note) > 1000:
        raise DomainError("at most 1000 characters", code=ErrorCode.TOO_LONG, field=["note"])
    async with in_transaction():
        invoice = await invoices.locked(actor, invoice_id, "invoiceId")
        if invoice.status not in invoice_status.OPEN_STATUSES:
            raise DomainError(
                "only issued, unpaid invoices can be disputed",
                code=ErrorCode.INVALID_STATUS,
                field=["invoiceId"],
            )
        if on < invoice.issue_date:
            raise DomainError(
                "a dispute cannot start before the invoice",
                code=ErrorCode.DATE_BEFORE_DOCUMENT,
                field=["date"],
            )
        if await Dispute.exists(invoice_id=invoice.id, status=DisputeStatus.OPEN):
            raise DomainError(
                "the invoice is already disputed", code=ErrorCode.CONFLICT, field=["invoiceId"]
            )
        dispute = await Dispute.create(
            organization_id=actor.org,
            invoice_id=invoice.id,
            reason=reason,
            note=note,
            opened_on=on,
            opened_by_id=actor.user_id,
        )
        await audit.record(
            actor,
            "invoice.dispute_open",
            object_type="Dispute",
            object_id=dispute.id,
            after=snapshot(dispute),
        )
    return dispute


async def resolve(
    actor: Actor,
    dispute_id: UUID,
    resolution: DisputeResolution,
    on: date,
    note: str | None = None,
    credit_note_id: UUID | None = None,
) -> Dispute:
    """Close a dispute; upheld ones settle the invoice by credit note or write-off."""
    if note is not None and len(note) > 1000:
        raise DomainError("at most 1000 characters", code=ErrorCode.TOO_LONG, field=["note"])
    async with in_transaction():
        dispute = (
            await Dispute.select_for_update()
            .filter(id=dispute_id, organization_id=actor.org)
            .first()
        )
        if dispute is None:
            raise NotFound("dispute not found", field=["id"])
        if dispute.status != DisputeStatus.OPEN:
            raise DomainError(
                "the dispute is already resolved", code=ErrorCode.INVALID_STATUS, field=["id"]
            )
        if on < dispute.opened_on:
            raise DomainError(
                "cannot be resolved before it was opened",
                code=ErrorCode.DATE_BEFORE_DOCUMENT,
                field=["date"],
            )
        before = snapshot(dispute)
        if resolution == DisputeResolution.CREDIT_NOTE:
            if credit_note_id is None:
                raise DomainError(
                    "name the credit note that settles it",
                    code=ErrorCode.REQUIRED,
                    field=["creditNoteId"],
                )
            await _apply_credit_note(actor, dispute, credit_note_id, on)
            dispute.credit_note_id = credit_note_id
        elif resolution == DisputeResolution.WRITE_OFF:
            await invoices.write_off(actor, dispute.invoice_id, on, note or "Dispute upheld")
        dispute.status = (
            DisputeStatus.REJECTED
            if resolution == DisputeResolution.REJECTED
            else DisputeStatus.UPHELD
        )
        dispute.resolution = resolution
        dispute.resolution_note = note
        dispute.resolved_on = on
        dispute.resolved_by_id = actor.user_id
        await dispute.save()
        await audit.record(
            actor,
            "invoice.dispute_resolve",
            object_type="Dispute",
            object_id=dispute.id,
            before=before,
            after=snapshot(dispute),
        )
    return dispute


async def _apply_credit_note(actor: Actor, dispute: Dispute, note_id: UUID, on: date) -> None:
    note = await CreditNote.get_or_none(id=note_id, organization_id=actor.org)
    invoice = await Invoice.get(id=dispute.invoice_id)
    if note is None:
        raise NotFound("credit note not found", field=["creditNoteId"])
    if note.status != CreditNoteStatus.ISSUED:
        raise DomainError(
            "issue the credit note first", code=ErrorCode.INVALID_STATUS, field=["creditNoteId"]
        )
    if note.customer_id != invoice.customer_id:
        raise DomainError(
            "the credit note is another customer's",
            code=ErrorCode.PARTY_MISMATCH,
            field=["creditNoteId"],
        )
    items = await allocation.lock(actor.org, [note.id, invoice.id])
    amount = min(items[note.id].open_minor, items[invoice.id].open_minor)
    if amount <= 0:
        raise DomainError(
            "nothing left to apply", code=ErrorCode.EXCEEDS_UNALLOCATED, field=["creditNoteId"]
        )
    await payment_allocation.apply(
        actor, items[note.id], [(invoice.id, amount)], max(on, note.issue_date), "creditNoteId"
    )
