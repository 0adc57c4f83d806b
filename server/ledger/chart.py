"""The chart of accounts: the starting chart of a new organization and account changes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server import sql
from server.actor import Actor
from server.audit import log as audit
from server.editing import refuse_nulls
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.ledger.models import (
    Account,
    AccountStatus,
    AccountSubtype,
    AccountType,
    JournalLine,
    LedgerSettings,
)
from server.money import MoneyError, validate_currency
from server.validation import check_length, check_name

T, S = AccountType, AccountSubtype

SUBTYPES: dict[AccountType, frozenset[AccountSubtype]] = {
    T.ASSET: frozenset(
        {S.BANK, S.CASH, S.ACCOUNTS_RECEIVABLE, S.CURRENT_ASSET, S.INVENTORY, S.FIXED_ASSET}
        | {S.TAX_RECEIVABLE}
    ),
    T.LIABILITY: frozenset(
        {S.ACCOUNTS_PAYABLE, S.CURRENT_LIABILITY, S.TAX_PAYABLE, S.LONG_TERM_LIABILITY}
    ),
    T.EQUITY: frozenset({S.EQUITY, S.RETAINED_EARNINGS}),
    T.INCOME: frozenset({S.SALES, S.OTHER_INCOME, S.DISCOUNT}),
    T.EXPENSE: frozenset(
        {S.COST_OF_SALES, S.OPERATING_EXPENSE, S.BAD_DEBT, S.EXCHANGE_GAIN_LOSS, S.OTHER_EXPENSE}
        | {S.DISCOUNT}
    ),
}
CONTROL_SUBTYPES = frozenset({S.ACCOUNTS_RECEIVABLE, S.ACCOUNTS_PAYABLE})

# code, name, type, subtype, system account
STARTING_CHART: tuple[tuple[str, str, AccountType, AccountSubtype, bool], ...] = (
    ("1000", "Cash on hand", T.ASSET, S.CASH, False),
    ("1010", "Bank - operating account", T.ASSET, S.BANK, True),
    ("1100", "Accounts receivable", T.ASSET, S.ACCOUNTS_RECEIVABLE, True),
    ("1200", "Inventory", T.ASSET, S.INVENTORY, False),
    ("1300", "Prepaid expenses", T.ASSET, S.CURRENT_ASSET, False),
    ("1400", "Tax receivable (input tax)", T.ASSET, S.TAX_RECEIVABLE, True),
    ("1500", "Equipment", T.ASSET, S.FIXED_ASSET, False),
    ("1510", "Accumulated depreciation", T.ASSET, S.FIXED_ASSET, False),
    ("2000", "Accounts payable", T.LIABILITY, S.ACCOUNTS_PAYABLE, True),
    ("2100", "Sales tax payable", T.LIABILITY, S.TAX_PAYABLE, True),
    ("2200", "Accrued liabilities", T.LIABILITY, S.CURRENT_LIABILITY, False),
    ("2500", "Loans payable", T.LIABILITY, S.LONG_TERM_LIABILITY, False),
    ("3000", "Owner's equity", T.EQUITY, S.EQUITY, False),
    ("3100", "Retained earnings", T.EQUITY, S.RETAINED_EARNINGS, True),
    ("4000", "Sales", T.INCOME, S.SALES, True),
    ("4100", "Service revenue", T.INCOME, S.SALES, False),
    ("4800", "Purchase discounts", T.INCOME, S.DISCOUNT, True),
    ("4900", "Other income", T.INCOME, S.OTHER_INCOME, False),
    ("5000", "Cost of goods sold", T.EXPENSE, S.COST_OF_SALES, False),
    ("6000", "Advertising and marketing", T.EXPENSE, S.OPERATING_EXPENSE, False),
    ("6100", "Bank fees", T.EXPENSE, S.OPERATING_EXPENSE, False),
    ("6200", "Office supplies", T.EXPENSE, S.OPERATING_EXPENSE, False),
    ("6300", "Rent", T.EXPENSE, S.OPERATING_EXPENSE, False),
    ("6400", "Utilities", T.EXPENSE, S.OPERATING_EXPENSE, False),
    ("6500", "Salaries and wages", T.EXPENSE, S.OPERATING_EXPENSE, False),
    ("6600", "Professional fees", T.EXPENSE, S.OPERATING_EXPENSE, False),
    ("6700", "Software and subscriptions", T.EXPENSE, S.OPERATING_EXPENSE, False),
    ("6800", "Travel", T.EXPENSE, S.OPERATING_EXPENSE, False),
    ("6900", "Bad debts", T.EXPENSE, S.BAD_DEBT, True),
    ("7000", "Exchange gains and losses", T.EXPENSE, S.EXCHANGE_GAIN_LOSS, True),
    ("7100", "Depreciation", T.EXPENSE, S.OTHER_EXPENSE, False),
    ("7200", "Sales discounts", T.EXPENSE, S.DISCOUNT, True),
)


async def open_books(organization_id: UUID) -> None:
    """Give a new organization its starting chart and ledger settings (in its transaction)."""
    await LedgerSettings.create(organization_id=organization_id)
    await Account.bulk_create(
        [
            Account(
                organization_id=organization_id,
                code=code,
                name=name,
                type=type_,
                subtype=subtype,
                is_system=system,
                is_control=subtype in CONTROL_SUBTYPES,
            )
            for code, name, type_, subtype, system in STARTING_CHART
        ]
    )


async def system_account(organization_id: UUID, subtype: AccountSubtype) -> Account:
    """The account documents post to for a role (receivables, sales, bank, ...)."""
    account = (
        await Account.filter(organization_id=organization_id, subtype=subtype, is_system=True)
        .order_by("code")
        .first()
    )
    if account is None:
        raise NotFound(f"the organization has no {subtype.value.lower()} account")
    return account


async def accounts_and_system_account(
    organization_id: UUID, ids: Iterable[UUID], subtype: AccountSubtype
) -> tuple[dict[UUID, Account], Account]:
    """The accounts with these ids (those that exist) and `system_account`'s answer for
    `subtype`, read by one statement."""
    wanted = list(set(ids))
    holders = sql.placeholders(len(wanted), first=2) or "NULL"
    n = len(wanted) + 2
    # Read as records, not models: this runs on every payment, where building the query
    # through the ORM cost more than running it. Placeholders and fixed names only.
    found = sql.records(
        Account,
        await sql.fetch_rows(
            f"SELECT * FROM accounts WHERE organization_id = $1 AND (id IN ({holders})"  # noqa: S608
            f" OR (subtype = ${n} AND is_system = ${n + 1}))",
            organization_id,
            *wanted,
            subtype,
            True,
        ),
    )
    system = [a for a in found if a.is_system and a.subtype == subtype]
    if not system:
        raise NotFound(f"the organization has no {subtype.value.lower()} account")
    return {a.id: a for a in found if a.id in wanted}, min(system, key=lambda a: a.code)


@dataclass(slots=True)
class AccountChanges:
    code: str | None = None
    name: str | None = None
    type: AccountType | None = None
    subtype: AccountSubtype | None = None
    parent_id: UUID | None = None
    currency: str | None = None
    description: str | None = None


def _snapshot(a: Account) -> dict[str, Any]:
    return {
        "code": a.code,
        "name": a.name,
        "type": str(a.type),
        "subtype": str(a.subtype),
        "parentId": str(a.parent_id) if a.parent_id else None,
        "currency": a.currency,
        "description": a.description,
        "status": str(a.status),
    }


async def _check(actor: Actor, c: AccountChanges, own_id: UUID | None) -> list[DomainError]:
    problems: list[DomainError] = []
    if c.code is not None:
        code = c.code.strip()
        if not code or len(code) > 20 or not all(ch.isalnum() or ch in "-." for ch in code):
            problems.append(
                DomainError(
                    "code is 1 to 20 letters, digits, dots or hyphens",
                    code=ErrorCode.INVALID,
                    field=["code"],
                )
            )
    if c.name is not None:
        problems += check_name(c.name)
    if c.description is not None:
        problems += check_length(c.description, 500, "description")
    if c.type is not None and c.subtype is not None and c.subtype not in SUBTYPES[c.type]:
        problems.append(
            DomainError(
                f"{c.subtype.value} is not a subtype of {c.type.value}",
                code=ErrorCode.INVALID_ACCOUNT_TYPE,
                field=["subtype"],
            )
        )
    if c.currency is not None:
        try:
            validate_currency(c.currency)
        except MoneyError as exc:
            problems.append(DomainError(exc.message, code=ErrorCode(exc.code), field=["currency"]))
    if c.parent_id is not None:
        parent = await Account.get_or_none(id=c.parent_id, organization_id=actor.org)
        if parent is None or parent.id == own_id:
            problems.append(NotFound("parent account not found", field=["parentId"]))
        elif c.type is not None and parent.type != c.type:
            problems.append(
                DomainError(
                    "a parent account must be of the same type",
                    code=ErrorCode.INVALID_ACCOUNT_TYPE,
                    field=["parentId"],
                )
            )
    return problems


async def create_account(actor: Actor, c: AccountChanges) -> Account:
    problems = await _check(actor, c, None)
    for name in ("code", "name", "type", "subtype"):
        if getattr(c, name) is None:
            problems.append(
                DomainError(f"{name} is required", code=ErrorCode.REQUIRED, field=[name])
            )
    if problems:
        raise ValidationFailed(problems)
    assert c.code and c.name and c.type and c.subtype
    try:
        async with in_transaction():
            account = await Account.create(
                organization_id=actor.org,
                code=c.code.strip(),
                name=c.name.strip(),
                type=c.type,
                subtype=c.subtype,
                parent_id=c.parent_id,
                currency=c.currency,
                description=c.description,
                is_control=c.subtype in CONTROL_SUBTYPES,
            )
            await audit.record(
                actor,
                "account.create",
                object_type="Account",
                object_id=account.id,
                after=_snapshot(account),
            )
    except IntegrityError as exc:
        raise DomainError(
            "another account has this code", code=ErrorCode.DUPLICATE_CODE, field=["code"]
        ) from exc
    return account


# Fields an update cannot clear, with their API names; the others may be set to null.
REQUIRED = {"code": "code", "name": "name", "type": "type", "subtype": "subtype"}


async def update_account(
    actor: Actor, account_id: UUID, c: AccountChanges, cleared: frozenset[str] = frozenset()
) -> Account:
    """Change the fields given in `c`; clear those named in `cleared` (an explicit null),
    which must be optional ones."""
    refuse_nulls(cleared, REQUIRED)
    try:
        async with in_transaction():
            account = await _locked(actor, account_id)
            type_ = c.type or account.type
            subtype = c.subtype or account.subtype
            check = replace(c, type=type_, subtype=subtype)
            problems = await _check(actor, check, account.id)
            used = await JournalLine.exists(account_id=account.id)
            currency = None if "currency" in cleared else (c.currency or account.currency)
            if used and (type_ != account.type or currency != account.currency):
                problems.append(
                    DomainError(
                        "an account with postings keeps its type and currency",
                        code=ErrorCode.ACCOUNT_IN_USE,
                        field=["type" if type_ != account.type else "currency"],
                    )
                )
            if account.is_system and subtype != account.subtype:
                problems.append(
                    DomainError(
                        "a system account keeps its subtype",
                        code=ErrorCode.SYSTEM_ACCOUNT,
                        field=["subtype"],
                    )
                )
            if problems:
                raise ValidationFailed(problems)
            before = _snapshot(account)
            account.update_from_dict(
                {
                    k: (v.strip() if isinstance(v, str) and k in ("code", "name") else v)
                    for k, v in ((f.name, getattr(check, f.name)) for f in fields(check))
                    if v is not None
                }
                | dict.fromkeys(cleared)
            )
            account.is_control = account.subtype in CONTROL_SUBTYPES
            await account.save()
            after = _snapshot(account)
            await audit.record(
                actor,
                "account.update",
                object_type="Account",
                object_id=account.id,
                before={k: v for k, v in before.items() if after[k] != v},
                after={k: v for k, v in after.items() if before[k] != v},
            )
    except IntegrityError as exc:
        raise DomainError(
            "another account has this code", code=ErrorCode.DUPLICATE_CODE, field=["code"]
        ) from exc
    return account


async def archive_account(actor: Actor, account_id: UUID) -> Account:
    """Archived accounts keep their history but take no new postings."""
    async with in_transaction():
        account = await _locked(actor, account_id)
        if account.is_system:
            raise DomainError(
                "system accounts cannot be archived", code=ErrorCode.SYSTEM_ACCOUNT, field=["id"]
            )
        if account.status == AccountStatus.ARCHIVED:
            raise DomainError(
                "the account is already archived", code=ErrorCode.ALREADY_ARCHIVED, field=["id"]
            )
        account.status = AccountStatus.ARCHIVED
        await account.save(update_fields=["status"])
        await audit.record(
            actor,
            "account.archive",
            object_type="Account",
            object_id=account.id,
            before={"status": "ACTIVE"},
            after={"status": "ARCHIVED"},
        )
    return account


async def _locked(actor: Actor, account_id: UUID) -> Account:
    account = (
        await Account.filter(id=account_id, organization_id=actor.org).select_for_update().first()
    )
    if account is None:
        raise NotFound("account not found", field=["id"])
    return account


def accounts(actor: Actor) -> QuerySet[Account]:
    return Account.filter(organization_id=actor.org)
