"""Refunds of a customer's unapplied credit, from a payment or a credit note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.documents import allocation, closing
from server.documents.models import AllocationKind, OpenItem
from server.errors import DomainError, ErrorCode
from server.ledger import idempotency
from server.money import Money
from server.receivables.models import Payment, PaymentStatus
from server.receivables.payment_input import cash_account, parse_amount
from server.receivables.payments import get, snapshot


@dataclass(frozen=True, slots=True)
class RefundRequest:
    """Paying a customer's unapplied credit back: Dr receivables / Cr bank."""

    amount: str
    on: date
    account_id: UUID
    idempotency_key: str | None = None

    def payload(self, credit_id: UUID) -> dict[str, str]:
        return {
            "id": str(credit_id),
            "amount": self.amount,
            "date": self.on.isoformat(),
            "account": str(self.account_id),
        }


async def refund_credit(
    actor: Actor,
    credit_id: UUID,
    currency: str,
    request: RefundRequest,
    *,
    operation: str,
    object_type: str,
    memo: str,
    describe: Callable[[OpenItem], dict[str, Any]],
) -> None:
    """Refund part of a credit (a payment or a credit note) in one transaction.

    The caller has checked the document and replayed an earlier result of the key.
    """
    minor = parse_amount(request.amount, currency, ["amount"])
    bank = await cash_account(actor, request.account_id, ["accountId"])
    async with in_transaction():
        item = (await allocation.lock(actor.org, [credit_id]))[credit_id]
        await closing.close(
            actor,
            item=item,
            kind=AllocationKind.REFUND,
            amount=minor,
            on=request.on,
            account=bank,
            field=["amount"],
            memo=memo,
        )
        key = request.idempotency_key
        await idempotency.remember(actor, key, operation, request.payload(credit_id), credit_id)
        await audit.record(
            actor,
            operation,
            object_type=object_type,
            object_id=credit_id,
            after={**describe(item), "refunded": str(Money.from_minor(minor, currency))},
            idempotency_key=key,
        )


async def refund(actor: Actor, payment_id: UUID, request: RefundRequest) -> Payment:
    """Pay a payment's unallocated credit back to the customer."""
    payload = request.payload(payment_id)
    earlier = await idempotency.replay(actor, request.idempotency_key, "payment.refund", payload)
    if earlier is not None:
        return await get(actor, earlier.result_id)
    payment = await get(actor, payment_id)
    if payment.status == PaymentStatus.VOID:
        raise DomainError("the payment is void", code=ErrorCode.INVALID_STATUS, field=["id"])
    await refund_credit(
        actor,
        payment.id,
        payment.currency,
        request,
        operation="payment.refund",
        object_type="Payment",
        memo=(
            f"Refund of payment {payment.reference}"
            if payment.reference
            else f"Refund of payment of {payment.date.isoformat()}"
        ),
        describe=lambda item: snapshot(payment, item),
    )
    return payment
