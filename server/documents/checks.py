"""Checks shared by tax rates and items (and the documents that use them)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from uuid import UUID

from server.documents.models import TaxRate
from server.editing import RecordStatus
from server.errors import DomainError, ErrorCode, NotFound
from server.ledger.models import Account, AccountStatus, AccountType


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
