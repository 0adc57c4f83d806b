"""Checks shared by payment terms, tax rates and items (and the documents that use them)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import fields
from decimal import Decimal
from typing import Any
from uuid import UUID

from server.documents.models import PaymentTerms, RecordStatus, TaxRate
from server.errors import DomainError, ErrorCode, NotFound
from server.ledger.models import Account, AccountStatus, AccountType
from server.money import MoneyError, parse_amount

PERCENT_PLACES = 4


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def given(changes: Any) -> dict[str, Any]:
    """The fields of a changes dataclass that were set (None included: it clears)."""
    return {
        f.name: getattr(changes, f.name)
        for f in fields(changes)
        if getattr(changes, f.name) is not UNSET
    }


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The values that changed, as (before, after) for an audit event."""
    return (
        {k: v for k, v in before.items() if after[k] != v},
        {k: v for k, v in after.items() if before[k] != v},
    )


def percent_text(value: Decimal | None) -> str | None:
    """A percentage as plain text without trailing zeros: 7.5, 20, 0.125."""
    return None if value is None else _plain_text(Decimal(value))


def plain_decimal(value: Decimal | int | str) -> Decimal:
    """A stored quantity or percentage as it reads back: 10, 1.5, never 1E+1 or 1.500."""
    return Decimal(_plain_text(Decimal(value)))


def _plain_text(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def check_percent(value: Any, field: str, problems: list[DomainError]) -> Decimal | None:
    """A percentage from 0 to 100 with at most four decimals, given as a decimal string."""
    try:
        percent = value if isinstance(value, Decimal) else parse_amount(value)
    except MoneyError as exc:
        problems.append(DomainError(exc.message, code=ErrorCode(exc.code), field=[field]))
        return None
    if not percent.is_finite():
        problems.append(DomainError("not a percentage", code=ErrorCode.INVALID, field=[field]))
        return None
    exponent = percent.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > PERCENT_PLACES:
        problems.append(
            DomainError(
                f"a percentage has at most {PERCENT_PLACES} decimal places",
                code=ErrorCode.TOO_PRECISE,
                field=[field],
            )
        )
        return None
    if not Decimal(0) <= percent <= Decimal(100):
        problems.append(
            DomainError(
                "a percentage is between 0 and 100", code=ErrorCode.OUT_OF_RANGE, field=[field]
            )
        )
        return None
    return percent


async def check_account(
    organization_id: UUID,
    account_id: UUID,
    field: str,
    problems: list[DomainError],
    *,
    types: Collection[AccountType],
    subtypes: Collection[Any] | None = None,
    purpose: str,
) -> Account | None:
    """An active account of the organization with one of the types (and subtypes) named."""
    account = await Account.get_or_none(id=account_id, organization_id=organization_id)
    if account is None:
        problems.append(NotFound("account not found", field=[field]))
        return None
    if account.type not in types or (subtypes is not None and account.subtype not in subtypes):
        problems.append(
            DomainError(
                f"{account.code} {account.name} cannot be {purpose}",
                code=ErrorCode.INVALID_ACCOUNT_TYPE,
                field=[field],
            )
        )
    elif account.is_control:
        problems.append(
            DomainError(
                f"{account.code} is a control account and takes postings only from its documents",
                code=ErrorCode.CONTROL_ACCOUNT,
                field=[field],
            )
        )
    elif account.status == AccountStatus.ARCHIVED:
        problems.append(
            DomainError("the account is archived", code=ErrorCode.ACCOUNT_ARCHIVED, field=[field])
        )
    return account


async def usable_terms(
    organization_id: UUID, terms_id: UUID, field: str, problems: list[DomainError]
) -> PaymentTerms | None:
    """Active payment terms of the organization, for a customer, vendor or document."""
    terms = await PaymentTerms.get_or_none(id=terms_id, organization_id=organization_id)
    if terms is None:
        problems.append(NotFound("payment terms not found", field=[field]))
    elif terms.status == RecordStatus.ARCHIVED:
        problems.append(
            DomainError(
                "these payment terms are archived", code=ErrorCode.RECORD_ARCHIVED, field=[field]
            )
        )
    return terms


async def usable_tax_rate(
    organization_id: UUID, tax_rate_id: UUID, field: str, problems: list[DomainError]
) -> TaxRate | None:
    """An active tax rate of the organization, for an item or a document line."""
    rate = await TaxRate.get_or_none(id=tax_rate_id, organization_id=organization_id)
    if rate is None:
        problems.append(NotFound("tax rate not found", field=[field]))
    elif rate.status == RecordStatus.ARCHIVED:
        problems.append(
            DomainError("this tax rate is archived", code=ErrorCode.RECORD_ARCHIVED, field=[field])
        )
    return rate
