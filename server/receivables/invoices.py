"""Invoices: drafts, voiding and writing off; issuing is in server.receivables.invoice_issue.

Issuing posts Dr receivables (the total) / Cr income per line / Cr tax per tax account,
gives the next gapless number and opens the invoice's open item, all in one transaction with
its audit event. A dry run does the same work and rolls it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.crm.models import Customer, PartyStatus, PaymentTerms
from server.documents import allocation, closing, entries
from server.documents.lines import LineDraft, PricedLine, Purpose, price_lines, totals
from server.documents.models import AllocationKind, OpenItem
from server.editing import RecordStatus
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.identity.base_currency import base_currency
from server.ledger import reversals
from server.ledger.models import AccountSubtype, AccountType
from server.money import Money
from server.receivables.invoice_status import OPEN_STATUSES
from server.receivables.models import Invoice, InvoiceLine, InvoiceStatus

if TYPE_CHECKING:
    from server.receivables.invoice_changes import InvoiceChanges


@dataclass(frozen=True, slots=True)
class InvoiceDraft:
    """What a client states for a draft invoice; the currency is the customer's."""

    customer_id: UUID
    issue_date: date
    lines: tuple[LineDraft, ...]
    due_date: date | None = None
    terms_id: UUID | None = None
    reference: str | None = None
    memo: str | None = None


async def _customer(actor: Actor, customer_id: UUID, lock: bool = False) -> Customer:
    query = Customer.filter(id=customer_id, organization_id=actor.org)
    if lock:
        query = query.select_for_update()
    customer = await query.first()
    if customer is None:
        raise NotFound("customer not found", field=["customerId"])
    return customer


async def _terms(actor: Actor, terms_id: UUID | None) -> PaymentTerms | None:
    if terms_id is None:
        return None
    found = await PaymentTerms.get_or_none(id=terms_id, organization_id=actor.org)
    if found is None or found.status == RecordStatus.ARCHIVED:
        raise NotFound("payment terms not found", field=["paymentTermsId"])
    return found


async def _base(actor: Actor) -> str:
    return await base_currency(actor.org)


def _check_header(draft: InvoiceDraft) -> list[DomainError]:
    problems = []
    if draft.reference is not None and len(draft.reference) > 100:
        problems.append(
            DomainError("at most 100 characters", code=ErrorCode.TOO_LONG, field=["reference"])
        )
    if draft.memo is not None and len(draft.memo) > 1000:
        problems.append(
            DomainError("at most 1000 characters", code=ErrorCode.TOO_LONG, field=["memo"])
        )
    if draft.due_date is not None and draft.due_date < draft.issue_date:
        problems.append(
            DomainError(
                "the due date is before the issue date",
                code=ErrorCode.DATE_BEFORE_DOCUMENT,
                field=["dueDate"],
            )
        )
    return problems


async def _priced(actor: Actor, draft: InvoiceDraft, customer: Customer) -> list[PricedLine]:
    problems = _check_header(draft)
    if customer.status == PartyStatus.ARCHIVED:
        problems.append(
            DomainError(
                "the customer is archived", code=ErrorCode.RECORD_ARCHIVED, field=["customerId"]
            )
        )
    try:
        await _terms(actor, draft.terms_id)
    except DomainError as exc:
        problems.append(exc)
    try:
        priced = await price_lines(
            actor, draft.lines, customer.currency, Purpose.SALES, await _base(actor)
        )
    except ValidationFailed as exc:
        problems.extend(exc.errors)
        priced = []
    except DomainError as exc:
        problems.append(exc)
        priced = []
    if problems:
        raise ValidationFailed(problems)
    return priced


def snapshot(invoice: Invoice) -> dict[str, Any]:
    return {
        "number": invoice.number,
        "status": invoice.status.value,
        "customer": str(invoice.customer_id),
        "currency": invoice.currency,
        "issueDate": invoice.issue_date.isoformat(),
        "dueDate": invoice.due_date.isoformat() if invoice.due_date else None,
        "total": str(Money.from_minor(invoice.total_minor, invoice.currency)),
    }


async def _store_lines(invoice: Invoice, priced: list[PricedLine]) -> None:
    await InvoiceLine.filter(invoice_id=invoice.id).delete()
    await InvoiceLine.bulk_create(
        [InvoiceLine(invoice_id=invoice.id, **ln.stored()) for ln in priced]
    )
    figures = totals(priced)
    invoice.subtotal_minor = figures.subtotal_minor
    invoice.tax_minor = figures.tax_minor
    invoice.total_minor = figures.total_minor


async def create(actor: Actor, draft: InvoiceDraft) -> Invoice:
    """Save a draft invoice; nothing is posted until it is issued."""
    customer = await _customer(actor, draft.customer_id)
    priced = await _priced(actor, draft, customer)
    async with in_transaction():
        invoice = Invoice(
            organization_id=actor.org,
            customer_id=customer.id,
            currency=customer.currency,
            issue_date=draft.issue_date,
            due_date=draft.due_date,
            terms_id=draft.terms_id,
            reference=draft.reference,
            memo=draft.memo,
            created_by_id=actor.user_id,
        )
        await invoice.save()
        await _store_lines(invoice, priced)
        await invoice.save()
        await audit.record(
            actor,
            "invoice.create",
            object_type="Invoice",
            object_id=invoice.id,
            after=snapshot(invoice),
        )
    return invoice


async def locked(actor: Actor, invoice_id: UUID, field: str = "id") -> Invoice:
    """The organization's invoice, locked for the rest of the transaction; NOT_FOUND at `field`
    for a missing one or another organization's."""
    invoice = (
        await Invoice.select_for_update().filter(id=invoice_id, organization_id=actor.org).first()
    )
    if invoice is None:
        raise NotFound("invoice not found", field=[field])
    return invoice


async def get(actor: Actor, invoice_id: UUID) -> Invoice:
    invoice = await Invoice.get_or_none(id=invoice_id, organization_id=actor.org)
    if invoice is None:
        raise NotFound("invoice not found", field=["id"])
    return invoice


def _not_draft(invoice: Invoice) -> DomainError:
    return DomainError(
        f"invoice {invoice.number} is {invoice.status.value.lower()}, not a draft",
        code=ErrorCode.INVALID_STATUS,
        field=["id"],
    )


async def update(actor: Actor, invoice_id: UUID, changes: InvoiceChanges) -> Invoice:
    """Change a draft's details and lines (an invoice_changes.InvoiceChanges: what it
    leaves out stays); issued invoices never change."""
    from server.receivables.invoice_changes import merged

    existing = await get(actor, invoice_id)
    if existing.status != InvoiceStatus.DRAFT:
        raise _not_draft(existing)
    draft = await merged(existing, changes)
    customer = await _customer(actor, draft.customer_id)
    priced = await _priced(actor, draft, customer)
    async with in_transaction():
        invoice = await locked(actor, invoice_id)
        if invoice.status != InvoiceStatus.DRAFT:
            raise _not_draft(invoice)
        before = snapshot(invoice)
        invoice.customer_id = customer.id
        invoice.currency = customer.currency
        invoice.issue_date = draft.issue_date
        invoice.due_date = draft.due_date
        invoice.terms_id = draft.terms_id
        invoice.reference = draft.reference
        invoice.memo = draft.memo
        await _store_lines(invoice, priced)
        await invoice.save()
        await audit.record(
            actor,
            "invoice.update",
            object_type="Invoice",
            object_id=invoice.id,
            before=before,
            after=snapshot(invoice),
        )
    return invoice


async def void(actor: Actor, invoice_id: UUID, on: date | None = None) -> Invoice:
    """Void a draft, or reverse an issued invoice on `on` (its issue date by default).

    Refused while payments or credits are allocated to it: unallocate them first.
    """
    async with in_transaction():
        invoice = await locked(actor, invoice_id)
        before = snapshot(invoice)
        if invoice.status in (InvoiceStatus.VOID, InvoiceStatus.WRITTEN_OFF, InvoiceStatus.PAID):
            raise DomainError(
                f"a {invoice.status.value.lower().replace('_', ' ')} invoice cannot be voided",
                code=ErrorCode.INVALID_STATUS,
                field=["id"],
            )
        if invoice.status == InvoiceStatus.DRAFT:
            invoice.status = InvoiceStatus.VOID
            await invoice.save()
        else:
            when = on or invoice.issue_date
            if when < invoice.issue_date:
                raise DomainError(
                    "cannot be voided before it was issued",
                    code=ErrorCode.DATE_BEFORE_DOCUMENT,
                    field=["date"],
                )
            items = await allocation.lock(actor.org, [invoice.id])
            if await allocation.live_allocations(invoice.id):
                raise DomainError(
                    "payments or credits are allocated to this invoice; unallocate them first",
                    code=ErrorCode.HAS_ALLOCATIONS,
                    field=["id"],
                )
            await allocation.check_after_history(invoice.id, when, ["date"])
            assert invoice.entry_id is not None
            reversal = await reversals.reverse(
                actor,
                invoice.entry_id,
                when,
                f"Void of invoice {invoice.number}",
                audit_event=False,
            )
            item = items[invoice.id]
            await OpenItem.filter(id=item.id).update(
                voided_on=when, open_minor=0, open_base_minor=0
            )
            invoice.status = InvoiceStatus.VOID
            invoice.voided_on = when
            invoice.void_entry_id = reversal.id
            await invoice.save()
        await audit.record(
            actor,
            "invoice.void",
            object_type="Invoice",
            object_id=invoice.id,
            before=before,
            after=snapshot(invoice),
        )
    return invoice


async def write_off(actor: Actor, invoice_id: UUID, on: date, memo: str | None = None) -> Invoice:
    """Close what is open as bad debt: Dr bad debts / Cr receivables."""
    async with in_transaction():
        invoice = await locked(actor, invoice_id)
        if invoice.status not in OPEN_STATUSES:
            raise DomainError(
                "only issued, unpaid invoices can be written off",
                code=ErrorCode.INVALID_STATUS,
                field=["id"],
            )
        before = snapshot(invoice)
        item = (await allocation.lock(actor.org, [invoice.id]))[invoice.id]
        bad_debt = await entries.account_of(actor.org, AccountSubtype.BAD_DEBT, AccountType.EXPENSE)
        written = await closing.close(
            actor,
            item=item,
            kind=AllocationKind.WRITE_OFF,
            amount=item.open_minor,
            on=on,
            account=bad_debt,
            field=["date"],
            memo=memo or f"Write-off of invoice {invoice.number}",
        )
        invoice.status = InvoiceStatus.WRITTEN_OFF
        invoice.written_off_on = on
        await invoice.save()
        await audit.record(
            actor,
            "invoice.write_off",
            object_type="Invoice",
            object_id=invoice.id,
            before=before,
            after={
                **snapshot(invoice),
                "writtenOff": str(Money.from_minor(written.amount_minor, invoice.currency)),
            },
        )
    return invoice
