"""Bill payments: money paid to a vendor, applied to one or many of its bills.

A payment posts Dr accounts payable / Cr bank and opens a credit (its open item, same id as
the payment); each allocation applies part of it to an approved bill through the shared
allocation service, which refuses in the database to take more than is open. What is not
allocated stays open as a credit with the vendor. A bill paid in full within its
early-payment discount period has the discount taken into the purchase discounts account.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.documents import allocation, discounts, entries
from server.documents.models import Allocation, AllocationKind, Ledger, OpenItem, OpenItemKind
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.ledger import entry_lines, idempotency, reversals
from server.ledger.models import Account, AccountStatus, AccountSubtype, AccountType
from server.money import Money, MoneyError, validate_currency
from server.payables import bills as bill_service
from server.payables import common
from server.payables.models import Bill, BillLine, BillPayment, BillPaymentStatus, BillStatus
from server.receivables.models import PaymentMethod

OPERATION = "bill_payment.record"
VOID_OPERATION = "bill_payment.void"
MAX_ALLOCATIONS = 200
PAYABLE_STATUSES = (BillStatus.APPROVED, BillStatus.PARTIALLY_PAID)


@dataclass(frozen=True, slots=True)
class AllocationDraft:
    bill_id: UUID
    amount: str


@dataclass(frozen=True, slots=True)
class PaymentDraft:
    vendor_id: UUID
    date: date
    amount: str
    currency: str
    method: PaymentMethod
    bank_account_id: UUID
    allocations: Sequence[AllocationDraft] = ()
    reference: str | None = None
    memo: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "vendorId": str(self.vendor_id),
            "date": self.date.isoformat(),
            "amount": self.amount,
            "currency": self.currency,
            "method": self.method.value,
            "bankAccountId": str(self.bank_account_id),
            "allocations": [
                {"billId": str(a.bill_id), "amount": a.amount} for a in self.allocations
            ],
            "reference": self.reference,
            "memo": self.memo,
        }


def _parse(text: str, currency: str, where: list[str]) -> int:
    try:
        value = Money.parse(text, currency)
    except MoneyError as exc:
        raise DomainError(exc.message, code=ErrorCode(exc.code), field=where) from exc
    if value.amount <= 0:
        raise DomainError(
            "give a positive amount",
            code=ErrorCode.ZERO_AMOUNT if value.is_zero() else ErrorCode.NEGATIVE_AMOUNT,
            field=where,
        )
    return value.minor


def _amounts(draft: PaymentDraft) -> tuple[int, list[int]]:
    try:
        validate_currency(draft.currency)
    except MoneyError as exc:
        raise DomainError(exc.message, code=ErrorCode(exc.code), field=["currency"]) from exc
    total = _parse(draft.amount, draft.currency, ["amount"])
    if len(draft.allocations) > MAX_ALLOCATIONS:
        raise DomainError(
            f"at most {MAX_ALLOCATIONS} allocations", code=ErrorCode.INVALID, field=["allocations"]
        )
    problems: list[DomainError] = []
    parts: list[int] = []
    seen: set[UUID] = set()
    for i, a in enumerate(draft.allocations):
        try:
            parts.append(_parse(a.amount, draft.currency, ["allocations", str(i), "amount"]))
        except DomainError as exc:
            problems.append(exc)
        if a.bill_id in seen:
            problems.append(
                DomainError(
                    "each bill once per payment",
                    code=ErrorCode.INVALID,
                    field=["allocations", str(i), "billId"],
                )
            )
        seen.add(a.bill_id)
    if problems:
        raise ValidationFailed(problems)
    if sum(parts) > total:
        raise DomainError(
            "the allocations add up to more than the payment of "
            + common.money(total, draft.currency),
            code=ErrorCode.EXCEEDS_UNALLOCATED,
            field=["allocations"],
        )
    return total, parts


async def _bank(actor: Actor, account_id: UUID) -> Account:
    account = await Account.get_or_none(id=account_id, organization_id=actor.org)
    if account is None:
        raise NotFound("account not found", field=["bankAccountId"])
    if account.status == AccountStatus.ARCHIVED:
        raise DomainError(
            "the account is archived", code=ErrorCode.ACCOUNT_ARCHIVED, field=["bankAccountId"]
        )
    if (
        account.type != AccountType.ASSET
        or account.subtype not in (AccountSubtype.BANK, AccountSubtype.CASH)
        or account.is_control
    ):
        raise DomainError(
            f"{account.code} {account.name} is not a bank or cash account",
            code=ErrorCode.INVALID_ACCOUNT_TYPE,
            field=["bankAccountId"],
        )
    return account


async def record(
    actor: Actor, draft: PaymentDraft, *, idempotency_key: str | None = None
) -> BillPayment:
    payload = draft.as_json()
    earlier = await idempotency.replay(actor, idempotency_key, OPERATION, payload)
    if earlier is not None:
        return await BillPayment.get(id=earlier.result_id)
    total, parts = _amounts(draft)
    reference = common.text(draft.reference, "reference", 100)
    memo = common.text(draft.memo, "memo", 500)
    party = await common.vendor(actor, draft.vendor_id)
    bank = await _bank(actor, draft.bank_account_id)
    try:
        return await _record(
            actor, draft, total, parts, reference, memo, party.id, bank, idempotency_key, payload
        )
    except IntegrityError:
        earlier = await idempotency.replay(actor, idempotency_key, OPERATION, payload)
        if earlier is None:
            raise
        return await BillPayment.get(id=earlier.result_id)


async def _record(
    actor: Actor,
    draft: PaymentDraft,
    total: int,
    parts: list[int],
    reference: str | None,
    memo: str | None,
    vendor_id: UUID,
    bank: Account,
    idempotency_key: str | None,
    payload: dict[str, Any],
) -> BillPayment:
    bill_ids = [a.bill_id for a in draft.allocations]
    async with in_transaction():
        # Bills, then their open items, then the ledger: the order every payables
        # action takes its locks in, so none waits on another in a circle.
        locked: dict[UUID, Bill] = {}
        for bill_id in sorted(set(bill_ids), key=str):
            found = (
                await Bill.select_for_update().filter(id=bill_id, organization_id=actor.org).first()
            )
            if found is not None:
                locked[found.id] = found
        items = await allocation.lock(actor.org, bill_ids)
        problems: list[DomainError] = []
        for i, (a, part) in enumerate(zip(draft.allocations, parts, strict=True)):
            where = ["allocations", str(i)]
            bill = locked.get(a.bill_id)
            if bill is None:
                problems.append(NotFound("bill not found", field=[*where, "billId"]))
            elif bill.vendor_id != vendor_id:
                problems.append(
                    DomainError(
                        "the bill is another vendor's",
                        code=ErrorCode.PARTY_MISMATCH,
                        field=[*where, "billId"],
                    )
                )
            elif bill.status not in PAYABLE_STATUSES or a.bill_id not in items:
                problems.append(
                    DomainError(
                        f"a {bill.status.value.lower()} bill cannot be paid",
                        code=ErrorCode.INVALID_STATUS,
                        field=[*where, "billId"],
                    )
                )
            elif bill.currency != draft.currency:
                problems.append(
                    DomainError(
                        f"the bill is in {bill.currency}",
                        code=ErrorCode.CURRENCY_MISMATCH,
                        field=[*where, "billId"],
                    )
                )
            elif part > items[a.bill_id].open_minor:
                problems.append(
                    DomainError(
                        f"only {common.money(items[a.bill_id].open_minor, bill.currency)} "
                        f"is open on {bill.vendor_reference}",
                        code=ErrorCode.EXCEEDS_OPEN_BALANCE,
                        field=[*where, "amount"],
                    )
                )
            elif draft.date < bill.bill_date:
                problems.append(
                    DomainError(
                        "a payment cannot be applied to a bill dated after it",
                        code=ErrorCode.DATE_BEFORE_DOCUMENT,
                        field=["date"],
                    )
                )
        if problems:
            raise ValidationFailed(problems)
        payment = await BillPayment.create(
            organization_id=actor.org,
            vendor_id=vendor_id,
            date=draft.date,
            currency=draft.currency,
            amount_minor=total,
            method=draft.method,
            reference=reference,
            memo=memo,
            bank_account_id=bank.id,
            created_by_id=actor.user_id,
        )
        control = await entries.control_account(actor.org, Ledger.PAYABLE)
        amount = common.amount_text(total, draft.currency)
        label = f"Payment {reference}" if reference else "Bill payment"
        entry, base_amount = await entries.post_document(
            actor,
            on=draft.date,
            lines=[
                entry_lines.LineInput(
                    account_id=control.id,
                    side=entry_lines.Side.DEBIT,
                    amount=amount,
                    currency=draft.currency,
                    description=label,
                    vendor_id=vendor_id,
                ),
                entry_lines.LineInput(
                    account_id=bank.id,
                    side=entry_lines.Side.CREDIT,
                    amount=amount,
                    currency=draft.currency,
                    description=label,
                ),
            ],
            memo=label,
            source_type="bill_payment",
            source_id=payment.id,
        )
        payment.entry_id = entry.id
        await BillPayment.filter(id=payment.id).update(entry_id=entry.id)
        credit = await OpenItem.create(
            id=payment.id,
            organization_id=actor.org,
            ledger=Ledger.PAYABLE,
            kind=OpenItemKind.BILL_PAYMENT,
            is_charge=False,
            party_id=vendor_id,
            number=reference,
            currency=draft.currency,
            date=draft.date,
            due_date=draft.date,
            amount_minor=total,
            base_amount_minor=base_amount,
            open_minor=total,
            open_base_minor=base_amount,
        )
        applied: list[dict[str, Any]] = []
        for i, (a, part) in enumerate(zip(draft.allocations, parts, strict=True)):
            bill, item = locked[a.bill_id], items[a.bill_id]
            where = ["allocations", str(i), "amount"]
            await allocation.settle(
                actor, charge=item, credit=credit, amount=part, on=draft.date, field=where
            )
            done: dict[str, Any] = {
                "bill": str(bill.id),
                "amount": common.amount_text(part, bill.currency),
            }
            discount = discounts.due(
                total_minor=bill.total_minor,
                percent=bill.discount_percent,
                until=bill.discount_until,
                open_minor=item.open_minor,
                on=draft.date,
            )
            if discount and item.open_minor == discount:
                await discounts.take(
                    actor,
                    item=item,
                    amount=discount,
                    on=draft.date,
                    lines=await BillLine.filter(bill_id=bill.id),
                    field=where,
                    memo=f"Early-payment discount on bill {bill.vendor_reference}"[:500],
                )
                done["discount"] = common.amount_text(discount, bill.currency)
            applied.append(done)
        await bill_service.refresh_statuses(list(locked.values()), items)
        for done, a in zip(applied, draft.allocations, strict=True):
            done["billStatus"] = locked[a.bill_id].status.value
        await idempotency.remember(actor, idempotency_key, OPERATION, payload, payment.id)
        await audit.record(
            actor,
            OPERATION,
            object_type="BillPayment",
            object_id=payment.id,
            after={
                "vendor": str(vendor_id),
                "date": draft.date.isoformat(),
                "amount": amount,
                "currency": draft.currency,
                "method": draft.method.value,
                "reference": reference,
                "bankAccount": bank.code,
                "entry": entry.number,
                "allocations": applied,
                "unapplied": common.amount_text(credit.open_minor, draft.currency),
            },
            idempotency_key=idempotency_key,
        )
    return payment


async def get(actor: Actor, payment_id: UUID) -> BillPayment | None:
    """The organization's bill payment with this id, if there is one."""
    return await BillPayment.filter(id=payment_id, organization_id=actor.org).first()


async def void(actor: Actor, payment_id: UUID, on: date | None = None) -> BillPayment:
    """Void a bill payment (entered in error, a stopped check) on `on`, its own date if
    omitted: what it applied to bills is undone, with any early-payment discount a bill had
    taken (a bill no longer paid in full has not earned it), and its entry is reversed.

    Nothing is deleted: the allocations stay, marked with the day they ended, so reports
    as of an earlier date still show the payment.
    """
    async with in_transaction():
        # The payment first: two voids of one payment wait on each other here.
        payment = (
            await BillPayment.select_for_update()
            .filter(id=payment_id, organization_id=actor.org)
            .first()
        )
        if payment is None:
            raise NotFound("bill payment not found", field=["id"])
        if payment.status == BillPaymentStatus.VOID:
            raise DomainError(
                "the payment is already void", code=ErrorCode.INVALID_STATUS, field=["id"]
            )
        when = on or payment.date
        if when < payment.date:
            raise DomainError(
                "cannot be voided before it was paid",
                code=ErrorCode.DATE_BEFORE_DOCUMENT,
                field=["date"],
            )
        await allocation.check_after_history(payment.id, when, ["date"])
        live = await allocation.live_allocations(payment.id)
        bill_ids = sorted({a.charge_id for a in live if a.charge_id}, key=str)
        # Bills, then open items, then the ledger: the order every payables action locks in,
        # and bills by id (uuid order is the order of their text), as payments lock them.
        bills = list(
            await Bill.select_for_update()
            .filter(id__in=bill_ids, organization_id=actor.org)
            .order_by("id")
        )
        await allocation.lock(actor.org, [payment.id, *bill_ids])
        discounts = await Allocation.filter(
            organization_id=actor.org,
            charge_id__in=bill_ids,
            kind=AllocationKind.DISCOUNT,
            reversed_on__isnull=True,
        )
        for made in live:
            await allocation.undo(actor, made, when, ["date"])
        for discount in discounts:
            await allocation.undo(actor, discount, when, ["date"], kinds=(AllocationKind.DISCOUNT,))
        assert payment.entry_id is not None
        reversal = await reversals.reverse(
            actor,
            payment.entry_id,
            when,
            f"Void of bill payment {payment.reference or ''}".strip()[:500],
            audit_event=False,
        )
        await OpenItem.filter(id=payment.id).update(voided_on=when, open_minor=0, open_base_minor=0)
        items = {i.id: i for i in await OpenItem.filter(id__in=bill_ids)}
        await bill_service.refresh_statuses(bills, items)
        payment.status = BillPaymentStatus.VOID
        payment.voided_on = when
        payment.void_entry_id = reversal.id
        await payment.save(update_fields=["status", "voided_on", "void_entry_id"])
        await audit.record(
            actor,
            VOID_OPERATION,
            object_type="BillPayment",
            object_id=payment.id,
            before={"status": BillPaymentStatus.RECORDED.value},
            after={
                "status": BillPaymentStatus.VOID.value,
                "voidedOn": when.isoformat(),
                "reversal": reversal.number,
                "bills": [str(b) for b in bill_ids],
                "undone": len(live),
                "discountsUndone": len(discounts),
            },
        )
    return payment
