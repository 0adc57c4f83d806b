"""Payment terms: when a document falls due and until when an early-payment discount holds."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.crm.models import PaymentTerms, TermsKind
from server.dates import add_days
from server.editing import UNSET, RecordStatus, diff, given
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.fixed_point import check_percent, percent_text
from server.validation import check_length, check_name


def due_date(terms: PaymentTerms | None, on: date, default_days: int = 30) -> date:
    """The due date of a document dated `on`; without named terms, net `default_days`."""
    if terms is None:
        return add_days(on, default_days, "dueDate")
    if terms.kind == TermsKind.DUE_ON_RECEIPT:
        return on
    if terms.kind == TermsKind.END_OF_MONTH:
        month_end = on.replace(day=calendar.monthrange(on.year, on.month)[1])
        return add_days(month_end, terms.days, "dueDate")
    return add_days(on, terms.days, "dueDate")


def discount(terms: PaymentTerms | None, on: date) -> tuple[Decimal | None, date | None]:
    """The early-payment discount (percent, last day) a document dated `on` carries."""
    if terms is None or not terms.discount_percent or terms.discount_days is None:
        return None, None
    return Decimal(terms.discount_percent), add_days(on, terms.discount_days, "discountUntil")


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


# Services: create, change and archive an organization's named payment terms.

MAX_DAYS = 365


@dataclass(slots=True)
class TermsChanges:
    """Fields to set; UNSET leaves a field as it is, None clears it."""

    name: Any = UNSET
    kind: Any = UNSET  # TermsKind
    days: Any = UNSET
    discount_percent: Any = UNSET  # a decimal string such as "2" or "1.5"
    discount_days: Any = UNSET


def snapshot(terms: PaymentTerms) -> dict[str, Any]:
    """The audit view of payment terms."""
    return {
        "name": terms.name,
        "kind": str(terms.kind),
        "days": terms.days,
        "discountPercent": percent_text(terms.discount_percent),
        "discountDays": terms.discount_days,
        "status": str(terms.status),
    }


def _check(changes: dict[str, Any], current: PaymentTerms | None) -> dict[str, Any]:
    """Validate the given changes against the terms they apply to; return the columns."""
    problems: list[DomainError] = []
    values: dict[str, Any] = {}
    if "name" in changes:
        name = (changes["name"] or "").strip()
        problems += check_name(changes["name"]) or check_length(name, 100, "name")
        values["name"] = name
    if "kind" in changes:
        if changes["kind"] is None:
            problems.append(
                DomainError("kind is required", code=ErrorCode.REQUIRED, field=["kind"])
            )
        values["kind"] = changes["kind"]
    kind = values.get("kind") or (current.kind if current else TermsKind.NET)
    if "days" in changes:
        values["days"] = changes["days"]
    elif kind == TermsKind.DUE_ON_RECEIPT:
        values["days"] = 0
    days = values.get("days", current.days if current else 0)
    if days is None or not 0 <= days <= MAX_DAYS:
        problems.append(
            DomainError(
                f"days must be 0 to {MAX_DAYS}", code=ErrorCode.OUT_OF_RANGE, field=["days"]
            )
        )
    elif kind == TermsKind.DUE_ON_RECEIPT and days != 0:
        problems.append(
            DomainError(
                "terms due on receipt have no days", code=ErrorCode.OUT_OF_RANGE, field=["days"]
            )
        )
    if "discount_percent" in changes:
        text = changes["discount_percent"]
        percent = None if text is None else check_percent(text, "discountPercent", problems)
        if percent is not None and percent.is_zero():
            problems.append(
                DomainError(
                    "a discount is more than 0 percent; send null for none",
                    code=ErrorCode.OUT_OF_RANGE,
                    field=["discountPercent"],
                )
            )
            percent = None
        values["discount_percent"] = percent
    if "discount_days" in changes:
        values["discount_days"] = changes["discount_days"]
    percent = values.get("discount_percent", current.discount_percent if current else None)
    discount_days = values.get("discount_days", current.discount_days if current else None)
    percent_sent = "discount_percent" in changes and changes["discount_percent"] is not None
    if percent_sent and percent is None:
        pass  # already reported by check_percent
    elif (percent is None) != (discount_days is None):
        missing = "discountDays" if discount_days is None else "discountPercent"
        problems.append(
            DomainError(
                "an early-payment discount needs both a percentage and a number of days",
                code=ErrorCode.REQUIRED,
                field=[missing],
            )
        )
    elif discount_days is not None:
        if kind == TermsKind.DUE_ON_RECEIPT:
            problems.append(
                DomainError(
                    "terms due on receipt have no early-payment discount",
                    code=ErrorCode.INVALID,
                    field=["discountDays"],
                )
            )
        elif not 0 <= discount_days <= MAX_DAYS or (
            kind == TermsKind.NET and days is not None and discount_days > days
        ):
            problems.append(
                DomainError(
                    "the discount period must end on or before the due date",
                    code=ErrorCode.OUT_OF_RANGE,
                    field=["discountDays"],
                )
            )
    if problems:
        raise ValidationFailed(problems)
    return values


def _duplicate() -> DomainError:
    return DomainError(
        "other payment terms of this organization have this name",
        code=ErrorCode.CONFLICT,
        field=["name"],
    )


async def _unique_name(organization_id: UUID, name: str, own_id: UUID | None) -> None:
    query = PaymentTerms.filter(organization_id=organization_id, name=name)
    if own_id is not None:
        query = query.exclude(id=own_id)
    if await query.exists():
        raise _duplicate()


async def create_terms(actor: Actor, changes: TermsChanges) -> PaymentTerms:
    """New payment terms; name and kind are required, days default to 0."""
    values = given(changes)
    values.setdefault("name", None)  # reported as required
    values.setdefault("kind", None)
    columns = _check(values, None)
    try:
        async with in_transaction():
            await _unique_name(actor.org, columns["name"], None)
            terms = await PaymentTerms.create(organization_id=actor.org, **columns)
            await audit.record(
                actor,
                "payment_terms.create",
                object_type="PaymentTerms",
                object_id=terms.id,
                after=snapshot(terms),
            )
    except IntegrityError as exc:  # a concurrent insert won the race for the name
        raise _duplicate() from exc
    return terms


async def update_terms(actor: Actor, terms_id: UUID, changes: TermsChanges) -> PaymentTerms:
    """Change payment terms; documents already issued keep the due dates they got."""
    try:
        async with in_transaction():
            terms = await _locked(actor, terms_id)
            columns = _check(given(changes), terms)
            if "name" in columns:
                await _unique_name(actor.org, columns["name"], terms.id)
            before = snapshot(terms)
            terms.update_from_dict(columns)
            await terms.save()
            before, after = diff(before, snapshot(terms))
            await audit.record(
                actor,
                "payment_terms.update",
                object_type="PaymentTerms",
                object_id=terms.id,
                before=before,
                after=after,
            )
    except IntegrityError as exc:
        raise _duplicate() from exc
    return terms


async def archive_terms(actor: Actor, terms_id: UUID) -> PaymentTerms:
    """Archived terms stay on the documents and parties that have them; new uses are refused."""
    async with in_transaction():
        terms = await _locked(actor, terms_id)
        if terms.status == RecordStatus.ARCHIVED:
            raise DomainError(
                "these payment terms are already archived",
                code=ErrorCode.ALREADY_ARCHIVED,
                field=["id"],
            )
        terms.status = RecordStatus.ARCHIVED
        await terms.save(update_fields=["status"])
        await audit.record(
            actor,
            "payment_terms.archive",
            object_type="PaymentTerms",
            object_id=terms.id,
            before={"status": RecordStatus.ACTIVE.value},
            after={"status": RecordStatus.ARCHIVED.value},
        )
    return terms


async def _locked(actor: Actor, terms_id: UUID) -> PaymentTerms:
    terms = (
        await PaymentTerms.filter(id=terms_id, organization_id=actor.org)
        .select_for_update()
        .first()
    )
    if terms is None:
        raise NotFound("payment terms not found", field=["id"])
    return terms


async def get_terms(actor: Actor, terms_id: UUID) -> PaymentTerms | None:
    return await PaymentTerms.filter(id=terms_id, organization_id=actor.org).first()


async def get_many_terms(actor: Actor, ids: list[UUID]) -> list[PaymentTerms]:
    return await PaymentTerms.filter(id__in=ids, organization_id=actor.org)
