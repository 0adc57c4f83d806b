"""Items: products and services sold or bought, with the defaults their document lines take."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.documents.checks import check_account, usable_tax_rate
from server.documents.models import Item
from server.editing import UNSET, RecordStatus, diff, given
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.identity.base_currency import base_currency
from server.ledger.models import AccountType
from server.money import Money, MoneyError
from server.validation import check_length, check_name

_CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}")
INCOME_TYPES = frozenset({AccountType.INCOME})
EXPENSE_TYPES = frozenset({AccountType.EXPENSE, AccountType.ASSET})


@dataclass(slots=True)
class ItemChanges:
    """Fields to set; UNSET leaves a field as it is, None clears it."""

    code: Any = UNSET
    name: Any = UNSET
    description: Any = UNSET
    unit_price: Any = UNSET  # a decimal string in the organization's base currency
    income_account_id: Any = UNSET
    expense_account_id: Any = UNSET
    tax_rate_id: Any = UNSET


def snapshot(item: Item, currency: str) -> dict[str, Any]:
    """The audit view of an item, the price as a decimal string with its currency."""
    price = item.unit_price_minor
    return {
        "code": item.code,
        "name": item.name,
        "description": item.description,
        "unitPrice": None if price is None else str(Money.from_minor(price, currency)),
        "incomeAccountId": str(item.income_account_id) if item.income_account_id else None,
        "expenseAccountId": str(item.expense_account_id) if item.expense_account_id else None,
        "taxRateId": str(item.tax_rate_id) if item.tax_rate_id else None,
        "status": str(item.status),
    }


async def _check(actor: Actor, changes: dict[str, Any], currency: str) -> dict[str, Any]:
    """Validate the given changes; return the column values to write."""
    problems: list[DomainError] = []
    values: dict[str, Any] = {}
    if "code" in changes:
        code = (changes["code"] or "").strip() or None
        if code is not None and not _CODE_RE.fullmatch(code):
            problems.append(
                DomainError(
                    "code is 1 to 40 letters, digits, dots, slashes, hyphens or underscores",
                    code=ErrorCode.INVALID,
                    field=["code"],
                )
            )
        values["code"] = code
    if "name" in changes:
        problems += check_name(changes["name"])
        values["name"] = (changes["name"] or "").strip()
    if "description" in changes:
        problems += check_length(changes["description"], 500, "description")
        values["description"] = changes["description"] or None
    if "unit_price" in changes:
        values["unit_price_minor"] = _price(changes["unit_price"], currency, problems)
    for name, field, types, purpose in (
        ("income_account_id", "incomeAccountId", INCOME_TYPES, "an income account"),
        ("expense_account_id", "expenseAccountId", EXPENSE_TYPES, "an expense or asset account"),
    ):
        if name in changes:
            if changes[name] is not None:
                await check_account(
                    actor.org, changes[name], field, problems, types=types, purpose=purpose
                )
            values[name] = changes[name]
    if "tax_rate_id" in changes:
        if changes["tax_rate_id"] is not None:
            await usable_tax_rate(actor.org, changes["tax_rate_id"], "taxRateId", problems)
        values["tax_rate_id"] = changes["tax_rate_id"]
    if problems:
        raise ValidationFailed(problems)
    return values


def _price(text: str | None, currency: str, problems: list[DomainError]) -> int | None:
    if text is None:
        return None
    try:
        price = Money.parse(text, currency)
    except MoneyError as exc:
        problems.append(DomainError(exc.message, code=ErrorCode(exc.code), field=["unitPrice"]))
        return None
    if price.is_negative():
        problems.append(
            DomainError(
                "a unit price cannot be negative",
                code=ErrorCode.NEGATIVE_AMOUNT,
                field=["unitPrice"],
            )
        )
        return None
    return price.minor


def _duplicate() -> DomainError:
    return DomainError(
        "another item of this organization has this code",
        code=ErrorCode.DUPLICATE_CODE,
        field=["code"],
    )


async def _unique_code(organization_id: UUID, code: str | None, own_id: UUID | None) -> None:
    if code is None:
        return
    query = Item.filter(organization_id=organization_id, code=code)
    if own_id is not None:
        query = query.exclude(id=own_id)
    if await query.exists():
        raise _duplicate()


async def create_item(actor: Actor, changes: ItemChanges) -> Item:
    """A new item; only the name is required."""
    values = given(changes)
    values.setdefault("name", None)  # reported as required
    currency = await base_currency(actor.org)  # item prices are in it
    columns = await _check(actor, values, currency)
    try:
        async with in_transaction():
            await _unique_code(actor.org, columns.get("code"), None)
            item = await Item.create(organization_id=actor.org, **columns)
            await audit.record(
                actor,
                "item.create",
                object_type="Item",
                object_id=item.id,
                after=snapshot(item, currency),
            )
    except IntegrityError as exc:  # a concurrent insert won the race for the code
        raise _duplicate() from exc
    return item


async def update_item(actor: Actor, item_id: UUID, changes: ItemChanges) -> Item:
    """Change an item; lines already on documents keep what they were given."""
    currency = await base_currency(actor.org)  # item prices are in it
    try:
        async with in_transaction():
            item = await _locked(actor, item_id)
            columns = await _check(actor, given(changes), currency)
            if "code" in columns:
                await _unique_code(actor.org, columns["code"], item.id)
            before = snapshot(item, currency)
            item.update_from_dict(columns)
            await item.save()
            before, after = diff(before, snapshot(item, currency))
            await audit.record(
                actor,
                "item.update",
                object_type="Item",
                object_id=item.id,
                before=before,
                after=after,
            )
    except IntegrityError as exc:
        raise _duplicate() from exc
    return item


async def archive_item(actor: Actor, item_id: UUID) -> Item:
    """Archived items stay on the lines that have them; new uses are refused."""
    async with in_transaction():
        item = await _locked(actor, item_id)
        if item.status == RecordStatus.ARCHIVED:
            raise DomainError(
                "this item is already archived", code=ErrorCode.ALREADY_ARCHIVED, field=["id"]
            )
        item.status = RecordStatus.ARCHIVED
        await item.save(update_fields=["status"])
        await audit.record(
            actor,
            "item.archive",
            object_type="Item",
            object_id=item.id,
            before={"status": RecordStatus.ACTIVE.value},
            after={"status": RecordStatus.ARCHIVED.value},
        )
    return item


async def _locked(actor: Actor, item_id: UUID) -> Item:
    item = await Item.filter(id=item_id, organization_id=actor.org).select_for_update().first()
    if item is None:
        raise NotFound("item not found", field=["id"])
    return item


async def get_item(actor: Actor, item_id: UUID) -> Item | None:
    return await Item.filter(id=item_id, organization_id=actor.org).first()


async def get_many_items(actor: Actor, ids: list[UUID]) -> list[Item]:
    return await Item.filter(id__in=ids, organization_id=actor.org)
