"""Issuing an invoice: the credit limit, the number, the posting and the open item."""

from __future__ import annotations

from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.crm import terms as terms_rules
from server.crm.models import PartyStatus
from server.documents import entries, numbering
from server.documents.lines import priced_lines
from server.documents.models import Ledger, OpenItem, OpenItemKind
from server.errors import DomainError, ErrorCode
from server.ledger import entry_lines, idempotency
from server.money import Money
from server.receivables.dry_run import DryRunDone, PostingPreview, entry_preview
from server.receivables.invoices import _customer, _terms, get, locked, snapshot
from server.receivables.models import Invoice, InvoiceLine, InvoiceStatus


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
                    "the customer is archived", code=ErrorCode.RECORD_ARCHIVED, field=["id"]
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
