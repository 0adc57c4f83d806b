"""Invoices: drafts, issuing (which posts), voiding and writing off.

Issuing posts Dr receivables (the total) / Cr income per line / Cr tax per tax account,
gives the next gapless number and opens the invoice's open item, all in one transaction with
its audit event. A dry run does the same work and rolls it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import clock, sql
from server.actor import Actor
from server.audit import log as audit
from server.batch import RowChange, RowUpdate, change_statement
from server.crm import terms as terms_rules
from server.crm.models import Customer, PartyStatus, PaymentTerms
from server.documents import allocation, entries, numbering
from server.documents.lines import LineDraft, PricedLine, Purpose, price_lines, priced_lines, totals
from server.documents.models import (
    AllocationKind,
    Ledger,
    OpenItem,
    OpenItemKind,
)
from server.editing import RecordStatus
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.identity.base_currency import base_currency
from server.ledger import entry_lines, idempotency, reversals
from server.ledger.models import AccountSubtype, AccountType, JournalLine
from server.money import Money
from server.receivables.models import Invoice, InvoiceLine, InvoiceStatus

OPEN_STATUSES = (InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID)


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


@dataclass(slots=True)
class PostingPreview:
    """What an operation would write, for dry runs."""

    number: str | None
    on: date
    due_date: date | None
    lines: list[dict[str, Any]] = field(default_factory=list)
    allocations: list[dict[str, Any]] = field(default_factory=list)


class DryRunDone(Exception):
    """Raised inside the transaction of a dry run so that nothing it did is kept."""

    def __init__(self, preview: PostingPreview) -> None:
        super().__init__("dry run")
        self.preview = preview


async def entry_preview(entry_id: UUID) -> list[dict[str, Any]]:
    """The posted lines of an entry, as a dry run reports them."""
    rows = await JournalLine.filter(entry_id=entry_id).order_by("line_no").select_related("account")
    return [
        {
            "account_id": ln.account_id,
            "account_code": ln.account.code,
            "account_name": ln.account.name,
            "currency": ln.currency,
            "debit_minor": ln.debit_minor,
            "credit_minor": ln.credit_minor,
            "base_debit_minor": ln.base_debit_minor,
            "base_credit_minor": ln.base_credit_minor,
            "description": ln.description,
        }
        for ln in rows
    ]


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
        raise NotFound("payment terms not found", field=["termsId"])
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
                "the customer is archived", code=ErrorCode.ALREADY_ARCHIVED, field=["customerId"]
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


async def update(actor: Actor, invoice_id: UUID, draft: InvoiceDraft) -> Invoice:
    """Replace a draft's details and lines; issued invoices never change."""
    existing = await get(actor, invoice_id)
    if existing.status != InvoiceStatus.DRAFT:
        raise _not_draft(existing)
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


async def exposure(organization_id: UUID, customer_id: UUID) -> int:
    """What the customer owes now, net of unapplied credit, in the customer's currency."""
    items = await OpenItem.filter(
        organization_id=organization_id,
        ledger=Ledger.RECEIVABLE,
        party_id=customer_id,
        voided_on__isnull=True,
    ).values_list("is_charge", "open_minor")
    return sum(amount if charge else -amount for charge, amount in items)


async def issue(
    actor: Actor,
    invoice_id: UUID,
    *,
    override_credit_limit: bool = False,
    idempotency_key: str | None = None,
    dry_run: bool = False,
) -> Invoice | PostingPreview:
    """Number, post and open the invoice.

    Past the customer's credit limit it is refused (CREDIT_LIMIT_EXCEEDED) unless the caller
    says `override_credit_limit`, which the resolver allows only to roles holding
    invoice:override_credit_limit: holding the permission alone never overrides silently.
    """
    payload = {"id": str(invoice_id)}
    if not dry_run:
        earlier = await idempotency.replay(actor, idempotency_key, "invoice.issue", payload)
        if earlier is not None:
            return await get(actor, earlier.result_id)
    try:
        async with in_transaction():
            invoice = await locked(actor, invoice_id)
            if invoice.status != InvoiceStatus.DRAFT:
                raise DomainError(
                    f"invoice {invoice.number} is already issued"
                    if invoice.status != InvoiceStatus.VOID
                    else "the invoice is void",
                    code=ErrorCode.INVALID_STATUS,
                    field=["id"],
                )
            lines = await priced_lines(
                actor.org, await InvoiceLine.filter(invoice_id=invoice.id).order_by("line_no")
            )
            if not lines or invoice.total_minor <= 0:
                raise DomainError(
                    "an invoice needs lines with a positive total",
                    code=ErrorCode.EMPTY_DOCUMENT,
                    field=["id"],
                )
            customer = await _customer(actor, invoice.customer_id, lock=True)
            if customer.status == PartyStatus.ARCHIVED:
                raise DomainError(
                    "the customer is archived", code=ErrorCode.ALREADY_ARCHIVED, field=["id"]
                )
            overridden = False
            if customer.credit_limit_minor is not None:
                owed = await exposure(actor.org, customer.id)
                if owed + invoice.total_minor > customer.credit_limit_minor:
                    if not override_credit_limit:
                        limit = Money.from_minor(customer.credit_limit_minor, customer.currency)
                        raise DomainError(
                            f"issuing takes {customer.name} past its credit limit of {limit};"
                            " a role allowed to override it may pass overrideCreditLimit",
                            code=ErrorCode.CREDIT_LIMIT_EXCEEDED,
                            field=["id"],
                        )
                    overridden = True
            terms = await _terms(actor, invoice.terms_id or customer.payment_terms_id)
            due = invoice.due_date or terms_rules.due_date(
                terms, invoice.issue_date, customer.payment_terms_days
            )
            percent, until = terms_rules.discount(terms, invoice.issue_date)
            number = numbering.formatted("INV", await numbering.take(actor.org, "invoice"))
            control = await entries.control_account(actor.org, Ledger.RECEIVABLE)
            entry, base_total = await entries.post_document(
                actor,
                on=invoice.issue_date,
                lines=entries.document_lines(
                    ledger=Ledger.RECEIVABLE,
                    control=control,
                    control_side=entry_lines.Side.DEBIT,
                    party_id=customer.id,
                    lines=lines,
                    currency=invoice.currency,
                    description=f"Invoice {number}",
                ),
                memo=f"Invoice {number} to {customer.name}",
                source_type="invoice",
                source_id=invoice.id,
            )
            await OpenItem.create(
                id=invoice.id,
                organization_id=actor.org,
                ledger=Ledger.RECEIVABLE,
                kind=OpenItemKind.INVOICE,
                is_charge=True,
                party_id=customer.id,
                number=number,
                currency=invoice.currency,
                date=invoice.issue_date,
                due_date=due,
                amount_minor=invoice.total_minor,
                base_amount_minor=base_total,
                open_minor=invoice.total_minor,
                open_base_minor=base_total,
            )
            invoice.number = number
            invoice.status = InvoiceStatus.ISSUED
            invoice.due_date = due
            invoice.discount_percent = percent
            invoice.discount_until = until
            invoice.entry_id = entry.id
            invoice.credit_limit_overridden = overridden
            invoice.issued_by_id = actor.user_id
            invoice.issued_at = clock.now()
            await invoice.save()
            if dry_run:
                raise DryRunDone(
                    PostingPreview(
                        number=number,
                        on=invoice.issue_date,
                        due_date=due,
                        lines=await entry_preview(entry.id),
                    )
                )
            await idempotency.remember(actor, idempotency_key, "invoice.issue", payload, invoice.id)
            await audit.record(
                actor,
                "invoice.issue",
                object_type="Invoice",
                object_id=invoice.id,
                before={"status": InvoiceStatus.DRAFT.value},
                after={
                    **snapshot(invoice),
                    "entry": entry.number,
                    "creditLimitOverridden": overridden,
                    "overrideCreditLimitRequested": override_credit_limit,
                },
                idempotency_key=idempotency_key,
            )
    except DryRunDone as done:
        return done.preview
    except IntegrityError:
        # A concurrent request with the same idempotency key won; answer as it did.
        earlier = await idempotency.replay(actor, idempotency_key, "invoice.issue", payload)
        if earlier is None:
            raise
        return await get(actor, earlier.result_id)
    return invoice


def status_of(item: OpenItem, taking: int = 0) -> InvoiceStatus:
    """ISSUED, PARTIALLY_PAID or PAID from what is open on the invoice (once `taking` more
    is taken from it)."""
    open_minor = item.open_minor - taking
    if open_minor == 0:
        return InvoiceStatus.PAID
    if open_minor < item.amount_minor:
        return InvoiceStatus.PARTIALLY_PAID
    return InvoiceStatus.ISSUED


STATUS_UPDATE = RowUpdate(Invoice, "status = $1", "status IN ($2, $3, $4)")


def status_write(item: OpenItem, taking: int) -> RowChange:
    """`set_status` as a write for a `Batch`, for the item once `taking` is taken from it."""
    return STATUS_UPDATE.row(item.id, status_of(item, taking), *OPEN_STATUSES, InvoiceStatus.PAID)


async def set_status(item: OpenItem) -> None:
    """Bring an invoice's status in line with its (locked, current) open item."""
    text, params = change_statement(status_write(item, 0))
    await sql.execute(text, *params)


# Void invoices stay void. A written-off one owes something again once a payment that
# part-paid it is taken back (unallocated, or voided as a bounced cheque): it is open again
# for that amount, so that it can be paid or written off once more; the write-off stays.
REFRESH_SQL = "UPDATE invoices SET status = $1 WHERE id = $2 AND status IN ($3, $4, $5, $6)"


async def refresh_status(invoice_id: UUID) -> None:
    """As set_status, reading the open item first."""
    item = await OpenItem.get_or_none(id=invoice_id)
    if item is None:
        return
    reopens = InvoiceStatus.WRITTEN_OFF if item.open_minor != 0 else InvoiceStatus.PAID
    await sql.execute(
        REFRESH_SQL, status_of(item), item.id, *OPEN_STATUSES, InvoiceStatus.PAID, reopens
    )


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
        written = await allocation.close(
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
