"""What a payment is recorded with, and the checks of its amounts, cash account and allocations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from server.actor import Actor
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.ledger.models import Account, AccountStatus, AccountSubtype, AccountType
from server.money import Money, MoneyError
from server.receivables.models import PaymentMethod

CASH_SUBTYPES = (AccountSubtype.BANK, AccountSubtype.CASH, AccountSubtype.CURRENT_ASSET)


@dataclass(frozen=True, slots=True)
class AllocationRequest:
    invoice_id: UUID
    amount: str

    def as_json(self) -> dict[str, str]:
        return {"invoiceId": str(self.invoice_id), "amount": self.amount}


@dataclass(frozen=True, slots=True)
class PaymentInput:
    customer_id: UUID
    date: date
    amount: str
    deposit_account_id: UUID
    method: PaymentMethod = PaymentMethod.BANK_TRANSFER
    currency: str | None = None
    reference: str | None = None
    memo: str | None = None
    allocations: tuple[AllocationRequest, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "customerId": str(self.customer_id),
            "date": self.date.isoformat(),
            "amount": self.amount,
            "currency": self.currency,
            "depositAccountId": str(self.deposit_account_id),
            "method": self.method.value,
            "reference": self.reference,
            "memo": self.memo,
            "allocations": [a.as_json() for a in self.allocations],
        }


def parse_amount(text: str, currency: str, where: list[str]) -> int:
    try:
        money = Money.parse(text, currency)
    except MoneyError as exc:
        raise DomainError(exc.message, code=ErrorCode(exc.code), field=where) from exc
    if money.amount <= 0:
        raise DomainError(
            "amounts are positive",
            code=ErrorCode.ZERO_AMOUNT if money.is_zero() else ErrorCode.NEGATIVE_AMOUNT,
            field=where,
        )
    return money.minor


async def cash_account(actor: Actor, account_id: UUID, where: list[str]) -> Account:
    account = await Account.get_or_none(id=account_id, organization_id=actor.org)
    return checked_cash_account(account, where)


def checked_cash_account(account: Account | None, where: list[str]) -> Account:
    """The account money is received into or paid from, if it can be."""
    if account is None:
        raise NotFound("account not found", field=where)
    if account.status == AccountStatus.ARCHIVED:
        raise DomainError("the account is archived", code=ErrorCode.ACCOUNT_ARCHIVED, field=where)
    if account.type != AccountType.ASSET or account.subtype not in CASH_SUBTYPES:
        raise DomainError(
            "money is received into a bank, cash or current asset account",
            code=ErrorCode.INVALID_ACCOUNT_TYPE,
            field=where,
        )
    return account


def parse_requests(
    requests: Sequence[AllocationRequest], currency: str, prefix: str = "allocations"
) -> list[tuple[UUID, int]]:
    problems: list[DomainError] = []
    parsed: list[tuple[UUID, int]] = []
    seen: set[UUID] = set()
    for i, request in enumerate(requests):
        if request.invoice_id in seen:
            problems.append(
                DomainError(
                    "the invoice is listed twice",
                    code=ErrorCode.INVALID,
                    field=[prefix, str(i), "invoiceId"],
                )
            )
            continue
        seen.add(request.invoice_id)
        try:
            parsed.append(
                (
                    request.invoice_id,
                    parse_amount(request.amount, currency, [prefix, str(i), "amount"]),
                )
            )
        except DomainError as exc:
            problems.append(exc)
    if problems:
        raise ValidationFailed(problems)
    return parsed
