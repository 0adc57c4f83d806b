"""Tax rates: a percentage charged on sales or reclaimed on purchases, into one tax account."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.documents.checks import check_account
from server.documents.models import TaxRate
from server.editing import UNSET, RecordStatus, diff, given
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.fixed_point import check_percent, percent_text
from server.ledger.models import AccountSubtype, AccountType
from server.validation import check_length, check_name

TAX_ACCOUNT_TYPES = frozenset({AccountType.LIABILITY, AccountType.ASSET})
TAX_ACCOUNT_SUBTYPES = frozenset({AccountSubtype.TAX_PAYABLE, AccountSubtype.TAX_RECEIVABLE})


@dataclass(slots=True)
class TaxRateChanges:
    """Fields to set; UNSET leaves a field as it is."""

    name: Any = UNSET
    rate: Any = UNSET  # a decimal string such as "20" or "8.875"
    inclusive: Any = UNSET  # prices already include the tax
    account_id: Any = UNSET  # the tax payable or receivable account


def snapshot(rate: TaxRate) -> dict[str, Any]:
    """The audit view of a tax rate."""
    return {
        "name": rate.name,
        "rate": percent_text(rate.rate),
        "inclusive": rate.inclusive,
        "accountId": str(rate.account_id),
        "status": str(rate.status),
    }


async def _check(actor: Actor, changes: dict[str, Any]) -> dict[str, Any]:
    """Validate the given changes; return the column values to write."""
    problems: list[DomainError] = []
    values: dict[str, Any] = {}
    if "name" in changes:
        name = (changes["name"] or "").strip()
        problems += check_name(changes["name"]) or check_length(name, 100, "name")
        values["name"] = name
    if "rate" in changes:
        if changes["rate"] is None:
            problems.append(
                DomainError("rate is required", code=ErrorCode.REQUIRED, field=["rate"])
            )
        else:
            values["rate"] = check_percent(changes["rate"], "rate", problems)
    if "inclusive" in changes:
        values["inclusive"] = bool(changes["inclusive"])
    if "account_id" in changes:
        if changes["account_id"] is None:
            problems.append(
                DomainError(
                    "a tax rate needs its tax account", code=ErrorCode.REQUIRED, field=["accountId"]
                )
            )
        else:
            await check_account(
                actor.org,
                changes["account_id"],
                "accountId",
                problems,
                types=TAX_ACCOUNT_TYPES,
                subtypes=TAX_ACCOUNT_SUBTYPES,
                purpose="a tax account (tax payable or tax receivable)",
            )
            values["account_id"] = changes["account_id"]
    if problems:
        raise ValidationFailed(problems)
    return values


def _duplicate() -> DomainError:
    return DomainError(
        "another tax rate of this organization has this name",
        code=ErrorCode.CONFLICT,
        field=["name"],
    )


async def _unique_name(organization_id: UUID, name: str, own_id: UUID | None) -> None:
    query = TaxRate.filter(organization_id=organization_id, name=name)
    if own_id is not None:
        query = query.exclude(id=own_id)
    if await query.exists():
        raise _duplicate()


async def create_tax_rate(actor: Actor, changes: TaxRateChanges) -> TaxRate:
    """A new tax rate; name, rate and account are required."""
    values = given(changes)
    for name in ("name", "rate", "account_id"):
        values.setdefault(name, None)  # reported as required
    columns = await _check(actor, values)
    try:
        async with in_transaction():
            await _unique_name(actor.org, columns["name"], None)
            rate = await TaxRate.create(organization_id=actor.org, **columns)
            await audit.record(
                actor,
                "tax_rate.create",
                object_type="TaxRate",
                object_id=rate.id,
                after=snapshot(rate),
            )
    except IntegrityError as exc:  # a concurrent insert won the race for the name
        raise _duplicate() from exc
    return rate


async def update_tax_rate(actor: Actor, tax_rate_id: UUID, changes: TaxRateChanges) -> TaxRate:
    """Change a tax rate; lines already on documents keep the tax they were charged."""
    try:
        async with in_transaction():
            rate = await _locked(actor, tax_rate_id)
            columns = await _check(actor, given(changes))
            if "name" in columns:
                await _unique_name(actor.org, columns["name"], rate.id)
            before = snapshot(rate)
            rate.update_from_dict(columns)
            await rate.save()
            before, after = diff(before, snapshot(rate))
            await audit.record(
                actor,
                "tax_rate.update",
                object_type="TaxRate",
                object_id=rate.id,
                before=before,
                after=after,
            )
    except IntegrityError as exc:
        raise _duplicate() from exc
    return rate


async def archive_tax_rate(actor: Actor, tax_rate_id: UUID) -> TaxRate:
    """Archived rates stay on the items and lines that have them; new uses are refused."""
    async with in_transaction():
        rate = await _locked(actor, tax_rate_id)
        if rate.status == RecordStatus.ARCHIVED:
            raise DomainError(
                "this tax rate is already archived", code=ErrorCode.ALREADY_ARCHIVED, field=["id"]
            )
        rate.status = RecordStatus.ARCHIVED
        await rate.save(update_fields=["status"])
        await audit.record(
            actor,
            "tax_rate.archive",
            object_type="TaxRate",
            object_id=rate.id,
            before={"status": RecordStatus.ACTIVE.value},
            after={"status": RecordStatus.ARCHIVED.value},
        )
    return rate


async def _locked(actor: Actor, tax_rate_id: UUID) -> TaxRate:
    rate = (
        await TaxRate.filter(id=tax_rate_id, organization_id=actor.org).select_for_update().first()
    )
    if rate is None:
        raise NotFound("tax rate not found", field=["id"])
    return rate


async def get_tax_rate(actor: Actor, tax_rate_id: UUID) -> TaxRate | None:
    return await TaxRate.filter(id=tax_rate_id, organization_id=actor.org).first()


async def get_many_tax_rates(actor: Actor, ids: list[UUID]) -> list[TaxRate]:
    return await TaxRate.filter(id__in=ids, organization_id=actor.org)
