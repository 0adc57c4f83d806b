"""Credit notes: money owed back to a customer, applied to invoices.

Issuing posts the mirror of an invoice: Dr income per line and Dr tax / Cr receivables. The
credit note's open item is a credit, applied to invoices by the same allocation rules as
payments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.crm.models import Customer, PartyStatus
from server.documents import entries, numbering
from server.documents.lines import LineDraft, PricedLine, Purpose, price_lines, priced_lines, totals
from server.documents.models import Ledger, OpenItem, OpenItemKind
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.identity.base_currency import base_currency
from server.ledger import entry_lines, idempotency
from server.money import Money
from server.receivables import payment_allocation, payment_input, payments, refunds
from server.receivables.models import CreditNote, CreditNoteLine, CreditNoteStatus, Invoice


@dataclass(frozen=True, slots=True)
class CreditNoteDraft:
    customer_id: UUID
    issue_date: date
    lines: tuple[LineDraft, ...]
    invoice_id: UUID | None = None
    reason: str | None = None


def snapshot(note: CreditNote) -> dict[str, Any]:
    return {
        "number": note.number,
        "status": note.status.value,
        "customer": str(note.customer_id),
        "invoice": str(note.invoice_id) if note.invoice_id else None,
        "issueDate": note.issue_date.isoformat(),
        "total": str(Money.from_minor(note.total_minor, note.currency)),
    }


async def create(actor: Actor, draft: CreditNoteDraft) -> CreditNote:
    """Save a draft credit note, optionally against the invoice it corrects."""
    customer = await Customer.get_or_none(id=draft.customer_id, organization_id=actor.org)
    if customer is None:
        raise NotFound("customer not found", field=["customerId"])
    problems: list[DomainError] = []
    if customer.status == PartyStatus.ARCHIVED:
        problems.append(
            DomainError(
                "the customer is archived", code=ErrorCode.RECORD_ARCHIVED, field=["customerId"]
            )
        )
    if draft.invoice_id is not None:
        invoice = await Invoice.get_or_none(id=draft.invoice_id, organization_id=actor.org)
        if invoice is None:
            problems.append(NotFound("invoice not found", field=["invoiceId"]))
        elif invoice.customer_id != customer.id:
            problems.append(
                DomainError(
                    "the invoice is another customer's",
                    code=ErrorCode.PARTY_MISMATCH,
                    field=["invoiceId"],
                )
            )
    if draft.reason is not None and len(draft.reason) > 500:
        problems.append(
            DomainError("at most 500 characters", code=ErrorCode.TOO_LONG, field=["reason"])
        )
    base = await base_currency(actor.org)
    priced: list[PricedLine] = []
    try:
        priced = await price_lines(actor, draft.lines, customer.currency, Purpose.SALES, base)
    except ValidationFailed as exc:
        problems.extend(exc.errors)
    except DomainError as exc:
        problems.append(exc)
    if problems:
        raise ValidationFailed(problems)
    figures = totals(priced)
    async with in_transaction():
        note = await CreditNote.create(
            organization_id=actor.org,
            customer_id=customer.id,
            invoice_id=draft.invoice_id,
            currency=customer.currency,
            issue_date=draft.issue_date,
            reason=draft.reason,
            subtotal_minor=figures.subtotal_minor,
            tax_minor=figures.tax_minor,
            total_minor=figures.total_minor,
            created_by_id=actor.user_id,
        )
        await CreditNoteLine.bulk_create(
            [CreditNoteLine(credit_note_id=note.id, **ln.stored()) for ln in priced]
        )
        await audit.record(
            actor,
            "credit_note.create",
            object_type="CreditNote",
            object_id=note.id,
            after=snapshot(note),
        )
    return note


async def get(actor: Actor, note_id: UUID) -> CreditNote:
    note = await CreditNote.get_or_none(id=note_id, organization_id=actor.org)
    if note is None:
        raise NotFound("credit note not found", field=["id"])
    return note


async def issue(actor: Actor, note_id: UUID, *, idempotency_key: str | None = None) -> CreditNote:
    """Number and post the credit note; its amount becomes the customer's credit."""
    payload = {"id": str(note_id)}
    earlier = await idempotency.replay(actor, idempotency_key, "credit_note.issue", payload)
    if earlier is not None:
        return await get(actor, earlier.result_id)
    async with in_transaction():
        note = (
            await CreditNote.select_for_update()
            .filter(id=note_id, organization_id=actor.org)
            .first()
        )
        if note is None:
            raise NotFound("credit note not found", field=["id"])
        if note.status != CreditNoteStatus.DRAFT:
            raise DomainError(
                "the credit note is already issued", code=ErrorCode.INVALID_STATUS, field=["id"]
            )
        rows = await CreditNoteLine.filter(credit_note_id=note.id).order_by("line_no")
        if not rows or note.total_minor <= 0:
            raise DomainError(
                "a credit note needs lines with a positive total",
                code=ErrorCode.EMPTY_DOCUMENT,
                field=["id"],
            )
        lines = await priced_lines(actor.org, rows)
        number = numbering.formatted("CN", await numbering.take(actor.org, "credit_note"))
        entry, base_total = await entries.post_document(
            actor,
            on=note.issue_date,
            lines=entries.document_lines(
                ledger=Ledger.RECEIVABLE,
                control=await entries.control_account(actor.org, Ledger.RECEIVABLE),
                control_side=entry_lines.Side.CREDIT,
                party_id=note.customer_id,
                lines=lines,
                currency=note.currency,
                description=f"Credit note {number}",
            ),
            memo=f"Credit note {number}",
            source_type="credit_note",
            source_id=note.id,
        )
        await OpenItem.create(
            id=note.id,
            organization_id=actor.org,
            ledger=Ledger.RECEIVABLE,
            kind=OpenItemKind.CREDIT_NOTE,
            is_charge=False,
            party_id=note.customer_id,
            number=number,
            currency=note.currency,
            date=note.issue_date,
            due_date=note.issue_date,
            amount_minor=note.total_minor,
            base_amount_minor=base_total,
            open_minor=note.total_minor,
            open_base_minor=base_total,
        )
        note.number = number
        note.status = CreditNoteStatus.ISSUED
        note.entry_id = entry.id
        note.issued_by_id = actor.user_id
        note.updated_at = clock.now()
        await note.save()
        await idempotency.remember(actor, idempotency_key, "credit_note.issue", payload, note.id)
        await audit.record(
            actor,
            "credit_note.issue",
            object_type="CreditNote",
            object_id=note.id,
            before={"status": CreditNoteStatus.DRAFT.value},
            after={**snapshot(note), "entry": entry.number},
            idempotency_key=idempotency_key,
        )
    return note


async def allocate(
    actor: Actor,
    note_id: UUID,
    requests: Sequence[payment_input.AllocationRequest],
    on: date | None = None,
) -> CreditNote:
    """Apply an issued credit note to invoices of the same customer."""
    note = await get(actor, note_id)
    if note.status != CreditNoteStatus.ISSUED:
        raise DomainError(
            "only issued credit notes can be applied", code=ErrorCode.INVALID_STATUS, field=["id"]
        )
    parsed = payment_input.parse_requests(requests, note.currency)
    if not parsed:
        raise DomainError(
            "name at least one invoice", code=ErrorCode.REQUIRED, field=["allocations"]
        )
    async with in_transaction():
        item = (await payments.allocation.lock(actor.org, [note.id]))[note.id]
        made, charged = await payment_allocation.apply(actor, item, parsed, on or note.issue_date)
        await audit.record(
            actor,
            "credit_note.allocate",
            object_type="CreditNote",
            object_id=note.id,
            after={
                **snapshot(note),
                "allocations": payment_allocation.settled_json(made, note.currency, charged),
            },
        )
    return note


async def refund(actor: Actor, note_id: UUID, request: refunds.RefundRequest) -> CreditNote:
    """Pay a credit note's unapplied amount back to the customer: Dr receivables / Cr bank."""
    payload = request.payload(note_id)
    earlier = await idempotency.replay(
        actor, request.idempotency_key, "credit_note.refund", payload
    )
    if earlier is not None:
        return await get(actor, earlier.result_id)
    note = await get(actor, note_id)
    if note.status != CreditNoteStatus.ISSUED:
        raise DomainError(
            "only issued credit notes can be refunded", code=ErrorCode.INVALID_STATUS, field=["id"]
        )
    await refunds.refund_credit(
        actor,
        note.id,
        note.currency,
        request,
        operation="credit_note.refund",
        object_type="CreditNote",
        memo=f"Refund of credit note {note.number}",
        describe=lambda _item: snapshot(note),
    )
    return note
