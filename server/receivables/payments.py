"""Payments received: recording (Dr bank / Cr receivables), allocating, voiding.

A payment's open item is its unallocated amount: the customer's credit, usable later. The
allocation rules themselves (never more than is open on either side, in the database) live
in server.documents.allocation, shared with payables; refunds in server.receivables.refunds.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import sql
from server.actor import Actor
from server.audit import log as audit
from server.batch import Batch
from server.crm.models import Customer
from server.documents import allocation, entries
from server.documents.models import Allocation, AllocationKind, Ledger, OpenItem, OpenItemKind
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.identity.base_currency import base_currency
from server.ledger import entry_lines, idempotency, reversals
from server.money import Money
from server.receivables import early_payment, invoice_status
from server.receivables.dry_run import DryRunDone, PostingPreview, entry_preview
from server.receivables.models import Payment, PaymentStatus
from server.receivables.payment_allocation import allocations_json, apply, settled_json
from server.receivables.payment_input import (
    AllocationRequest,
    PaymentInput,
    checked_cash_account,
    parse_amount,
    parse_requests,
)


def snapshot(payment: Payment, item: OpenItem | None = None) -> dict[str, Any]:
    return {
        "customer": str(payment.customer_id),
        "date": payment.date.isoformat(),
        "amount": str(Money.from_minor(payment.amount_minor, payment.currency)),
        "method": payment.method.value,
        "reference": payment.reference,
        "status": payment.status.value,
        "unallocated": (
            str(Money.from_minor(item.open_minor, payment.currency)) if item is not None else None
        ),
    }


async def record(
    actor: Actor,
    data: PaymentInput,
    *,
    idempotency_key: str | None = None,
    dry_run: bool = False,
) -> Payment | PostingPreview:
    """Record money received and allocate it; what is left over is the customer's credit."""
    payload = data.as_json()
    if not dry_run:
        earlier = await idempotency.replay(actor, idempotency_key, "payment.record", payload)
        if earlier is not None:
            return await get(actor, earlier.result_id)
    # A record, not a model: the payment only reads it, and building the query through the
    # ORM cost more than running it.
    found = sql.records(
        Customer,
        await sql.fetch_rows(
            "SELECT * FROM customers WHERE id = $1 AND organization_id = $2",
            data.customer_id,
            actor.org,
        ),
    )
    if not found:
        raise NotFound("customer not found", field=["customerId"])
    customer = found[0]
    currency = data.currency or customer.currency
    problems: list[DomainError] = []
    if currency != customer.currency:
        problems.append(
            DomainError(
                f"{customer.name} pays in {customer.currency}",
                code=ErrorCode.CURRENCY_MISMATCH,
                field=["currency"],
            )
        )
    amount = 0
    try:
        amount = parse_amount(data.amount, customer.currency, ["amount"])
    except DomainError as exc:
        problems.append(exc)
    requests: list[tuple[UUID, int]] = []
    try:
        requests = parse_requests(data.allocations, customer.currency)
    except ValidationFailed as exc:
        problems.extend(exc.errors)
    for text, limit in (("reference", 100), ("memo", 500)):
        value = getattr(data, text)
        if value is not None and len(value) > limit:
            problems.append(
                DomainError(f"at most {limit} characters", code=ErrorCode.TOO_LONG, field=[text])
            )
    accounts, control = await entries.accounts_and_control(
        actor.org, Ledger.RECEIVABLE, [data.deposit_account_id]
    )
    try:
        deposit = checked_cash_account(accounts.get(data.deposit_account_id), ["depositAccountId"])
    except DomainError as exc:
        problems.append(exc)
    if problems:
        raise ValidationFailed(problems)
    if sum(a for _, a in requests) > amount:
        raise DomainError(
            "the allocations add up to more than the payment",
            code=ErrorCode.EXCEEDS_UNALLOCATED,
            field=["allocations"],
        )
    label = f"Payment from {customer.name}" + (f" ({data.reference})" if data.reference else "")
    lines = [
        entry_lines.LineInput(
            account_id=control.id,
            side=entry_lines.Side.CREDIT,
            amount=entries.text(amount, currency),
            currency=currency,
            description=label,
            customer_id=customer.id,
        ),
        entry_lines.LineInput(
            account_id=deposit.id,
            side=entry_lines.Side.DEBIT,
            amount=entries.text(amount, currency),
            currency=currency,
            description=label,
        ),
    ]
    base_amount = await entries.control_base(
        actor,
        on=data.date,
        lines=lines,
        currency=currency,
        base=await base_currency(actor.org),
    )
    try:
        async with in_transaction():
            payment = Payment(
                organization_id=actor.org,
                customer_id=customer.id,
                date=data.date,
                currency=currency,
                amount_minor=amount,
                method=data.method,
                reference=data.reference,
                memo=data.memo,
                deposit_account_id=deposit.id,
                created_by_id=actor.user_id,
                # Chosen now and given to the posting below, so the payment is not updated
                # while the ledger row is locked.
                entry_id=uuid4(),
            )
            item = OpenItem(
                id=payment.id,
                organization_id=actor.org,
                ledger=Ledger.RECEIVABLE,
                kind=OpenItemKind.PAYMENT,
                is_charge=False,
                party_id=customer.id,
                number=data.reference,
                currency=currency,
                date=data.date,
                due_date=data.date,
                amount_minor=amount,
                base_amount_minor=base_amount,
                open_minor=amount,
                open_base_minor=base_amount,
            )
            # The payment, its open item (net of the allocations) and the allocations with
            # the invoices' balances and statuses: one statement on PostgreSQL, sent once
            # the invoices are locked. The posting dated the payment's date checks the lock
            # date for the allocations too, under the ledger row lock.
            written = Batch()
            written.insert(payment)
            written.insert(item)
            made, charged = await apply(
                actor, item, requests, data.date, period_checked=True, inserting=written
            )
            await written.run()
            discounted = await early_payment.earn(actor, charged, data.date)
            if not dry_run:
                await idempotency.remember(
                    actor, idempotency_key, "payment.record", payload, payment.id
                )
            # The ledger's numbering row and the audit chain head are the organization's
            # busiest locks: the posting is the last write and appends the payment's audit
            # event in its own statement, so both are held only until the commit.
            entry = await entries.post_entry(
                actor,
                on=data.date,
                lines=lines,
                memo=label,
                source_type="payment",
                source_id=payment.id,
                entry_id=payment.entry_id,
                known=entry_lines.Known(
                    accounts=(control, deposit), customer_ids=frozenset({customer.id})
                ),
                event=audit.event_fields(
                    actor,
                    "payment.record",
                    object_type="Payment",
                    object_id=payment.id,
                    after={
                        **snapshot(payment, item),
                        "entry": audit.Later("number"),
                        "allocations": settled_json(made, currency, charged),
                        "discounts": allocations_json(discounted, currency),
                    },
                    idempotency_key=idempotency_key,
                ),
            )
            if dry_run:
                preview = PostingPreview(
                    number=None, on=data.date, due_date=None, lines=await entry_preview(entry.id)
                )
                for a in [*made, *discounted]:
                    if a.entry_id:
                        preview.lines.extend(await entry_preview(a.entry_id))
                preview.allocations = [
                    {
                        "invoice_id": a.charge_id,
                        "amount_minor": a.amount_minor,
                        "currency": currency,
                        "date": a.date,
                    }
                    for a in made
                ]
                raise DryRunDone(preview)
    except DryRunDone as done:
        return done.preview
    except IntegrityError:
        # A concurrent request with the same idempotency key won; answer as it did.
        earlier = await idempotency.replay(actor, idempotency_key, "payment.record", payload)
        if earlier is None:
            raise
        return await get(actor, earlier.result_id)
    return payment


async def get(actor: Actor, payment_id: UUID) -> Payment:
    payment = await Payment.get_or_none(id=payment_id, organization_id=actor.org)
    if payment is None:
        raise NotFound("payment not found", field=["id"])
    return payment


async def _locked_credit(actor: Actor, payment: Payment) -> OpenItem:
    if payment.status == PaymentStatus.VOID:
        raise DomainError("the payment is void", code=ErrorCode.INVALID_STATUS, field=["id"])
    return (await allocation.lock(actor.org, [payment.id]))[payment.id]


async def allocate(
    actor: Actor, payment_id: UUID, requests: Sequence[AllocationRequest], on: date | None
) -> Payment:
    """Apply a payment's unallocated amount to invoices of the same customer."""
    payment = await get(actor, payment_id)
    parsed = parse_requests(requests, payment.currency)
    if not parsed:
        raise DomainError(
            "name at least one invoice", code=ErrorCode.REQUIRED, field=["allocations"]
        )
    async with in_transaction():
        item = await _locked_credit(actor, payment)
        when = on or payment.date
        made, charged = await apply(actor, item, parsed, when)
        discounted = await early_payment.earn(actor, charged, when)
        await audit.record(
            actor,
            "payment.allocate",
            object_type="Payment",
            object_id=payment.id,
            after={
                **snapshot(payment, item),
                "allocations": settled_json(made, payment.currency, charged),
                "discounts": allocations_json(discounted, payment.currency),
            },
        )
    return payment


async def unallocate(actor: Actor, allocation_id: UUID, on: date | None) -> Payment:
    """Take an allocation back; the invoice is open again and the row keeps the history."""
    found = await Allocation.get_or_none(id=allocation_id, organization_id=actor.org)
    if found is None or found.credit_id is None or found.ledger != Ledger.RECEIVABLE:
        raise NotFound("allocation not found", field=["allocationId"])
    payment = await Payment.get_or_none(id=found.credit_id, organization_id=actor.org)
    if payment is None:
        raise NotFound("allocation not found", field=["allocationId"])
    async with in_transaction():
        when = on or found.date
        await allocation.undo(actor, found, when, ["allocationId"])
        undone = 0
        if found.charge_id:
            # The invoice is no longer paid in full: a discount it had earned goes too.
            undone = await early_payment.undo(actor, [found.charge_id], when, ["date"])
            await invoice_status.refresh_status(found.charge_id)
        item = await OpenItem.get(id=payment.id)
        await audit.record(
            actor,
            "payment.unallocate",
            object_type="Payment",
            object_id=payment.id,
            before={"allocation": str(found.id), "invoice": str(found.charge_id)},
            after={**snapshot(payment, item), "discountsUndone": undone},
        )
    return payment


async def void(actor: Actor, payment_id: UUID, on: date | None = None) -> Payment:
    """Void a payment (a bounced cheque): its allocations are undone and its entry reversed."""
    payment = await get(actor, payment_id)
    async with in_transaction():
        item = await _locked_credit(actor, payment)
        when = on or payment.date
        if when < payment.date:
            raise DomainError(
                "cannot be voided before it was received",
                code=ErrorCode.DATE_BEFORE_DOCUMENT,
                field=["date"],
            )
        await allocation.check_after_history(payment.id, when, ["date"])
        live = await allocation.live_allocations(payment.id)
        if any(a.kind == AllocationKind.REFUND for a in live):
            raise DomainError(
                "part of this payment was refunded; it cannot be voided",
                code=ErrorCode.HAS_ALLOCATIONS,
                field=["id"],
            )
        for a in live:
            await allocation.undo(actor, a, when, ["id"])
        charged = [a.charge_id for a in live if a.charge_id]
        # Invoices this payment paid are no longer paid in full: their discounts go too.
        undone = await early_payment.undo(actor, charged, when, ["date"])
        for invoice_id in charged:
            await invoice_status.refresh_status(invoice_id)
        assert payment.entry_id is not None
        reversal = await reversals.reverse(
            actor, payment.entry_id, when, "Void of payment", audit_event=False
        )
        await OpenItem.filter(id=item.id).update(voided_on=when, open_minor=0, open_base_minor=0)
        payment.status = PaymentStatus.VOID
        payment.voided_on = when
        payment.void_entry_id = reversal.id
        await payment.save()
        await audit.record(
            actor,
            "payment.void",
            object_type="Payment",
            object_id=payment.id,
            after={**snapshot(payment), "undone": len(live), "discountsUndone": undone},
        )
    return payment
