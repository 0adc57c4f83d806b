"""Create, update, archive and list customers and vendors: the rules they share."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypeVar
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.crm.errors import AlreadyArchived, DuplicateEmail
from server.crm.models import Customer, Party, PartyStatus
from server.crm.terms import usable_terms
from server.editing import refuse_nulls
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.identity.base_currency import base_currency
from server.money import Money, MoneyError, validate_currency
from server.sql import fetch_rows, placeholders, records
from server.validation import check_email, check_length, check_name, check_phone, normalise_tags


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()
ADDRESS_KEYS = ("line1", "line2", "city", "region", "postalCode", "country")


@dataclass(slots=True)
class PartyChanges:
    """Fields to set; UNSET leaves a field as it is, None clears it."""

    name: Any = UNSET
    email: Any = UNSET
    phone: Any = UNSET
    billing_address: Any = UNSET
    tax_id: Any = UNSET
    currency: Any = UNSET
    payment_terms_days: Any = UNSET
    payment_terms_id: Any = UNSET  # named payment terms; they win over payment_terms_days
    tags: Any = UNSET
    credit_limit: Any = UNSET  # customers only: a decimal string in the customer's currency

    def given(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) is not UNSET
        }


P = TypeVar("P", bound=Party)


def kind_of(model: type[Party]) -> str:
    return "customer" if model is Customer else "vendor"


def snapshot(party: Party) -> dict[str, Any]:
    """The audit view of a party: business fields, money as strings."""
    data: dict[str, Any] = {
        "name": party.name,
        "email": party.email,
        "phone": party.phone,
        "billingAddress": party.billing_address,
        "taxId": party.tax_id,
        "currency": party.currency,
        "paymentTermsDays": party.payment_terms_days,
        "paymentTermsId": str(party.payment_terms_id) if party.payment_terms_id else None,
        "status": str(party.status),
        "tags": party.tags,
    }
    if isinstance(party, Customer):
        limit = party.credit_limit_minor
        # With its currency: a change of currency keeps the amount and changes the limit.
        data["creditLimit"] = (
            None if limit is None else str(Money.from_minor(limit, party.currency))
        )
    return data


def _check(
    model: type[Party],
    changes: dict[str, Any],
    currency: str,
    problems: list[DomainError] | None = None,
) -> dict[str, Any]:
    """Validate the given changes (after earlier `problems`); return the columns to write."""
    problems = list(problems or [])
    values: dict[str, Any] = {}
    if "name" in changes:
        problems += check_name(changes["name"])
        values["name"] = (changes["name"] or "").strip()
    if "email" in changes:
        email = (changes["email"] or "").strip() or None
        problems += check_email(email)
        values["email"] = email.lower() if email else None
    if "phone" in changes:
        problems += check_phone(changes["phone"])
        values["phone"] = changes["phone"] or None
    if "tax_id" in changes:
        problems += check_length(changes["tax_id"], 64, "taxId")
        values["tax_id"] = changes["tax_id"] or None
    if "billing_address" in changes:
        address, address_problems = _address(changes["billing_address"])
        problems += address_problems
        values["billing_address"] = address
    if "currency" in changes:
        currency = changes["currency"]
        try:
            validate_currency(currency)
            values["currency"] = currency
        except MoneyError as exc:
            problems.append(DomainError(exc.message, code=ErrorCode(exc.code), field=["currency"]))
    if "payment_terms_days" in changes:
        days = changes["payment_terms_days"]
        if days is None or not 0 <= days <= 365:
            problems.append(
                DomainError(
                    "payment terms must be 0 to 365 days",
                    code=ErrorCode.OUT_OF_RANGE,
                    field=["paymentTermsDays"],
                )
            )
        values["payment_terms_days"] = days
    if "payment_terms_id" in changes:
        values["payment_terms_id"] = changes["payment_terms_id"]
    if "tags" in changes:
        tags, tag_problems = normalise_tags(changes["tags"])
        problems += tag_problems
        values["tags_text"] = "," + "".join(f"{t}," for t in tags)
    if "credit_limit" in changes:
        if model is not Customer:
            problems.append(DomainError("vendors have no credit limit", field=["creditLimit"]))
        else:
            values["credit_limit_minor"] = _credit_limit(
                changes["credit_limit"], currency, problems
            )
    if problems:
        raise ValidationFailed(problems)
    return values


def _credit_limit(text: str | None, currency: str, problems: list[DomainError]) -> int | None:
    if text is None:
        return None
    try:
        limit = Money.parse(text, currency)
    except MoneyError as exc:
        problems.append(DomainError(exc.message, code=ErrorCode(exc.code), field=["creditLimit"]))
        return None
    if limit.is_negative():
        problems.append(
            DomainError(
                "credit limit cannot be negative",
                code=ErrorCode.NEGATIVE_AMOUNT,
                field=["creditLimit"],
            )
        )
    return limit.minor


def _address(address: dict[str, Any] | None) -> tuple[dict[str, str] | None, list[DomainError]]:
    if not address:
        return None, []
    problems: list[DomainError] = []
    clean = {}
    for key in ADDRESS_KEYS:
        value = address.get(key)
        if value is None or value == "":
            continue
        if len(value) > 200:
            problems.append(
                DomainError(
                    f"{key} is too long", code=ErrorCode.TOO_LONG, field=["billingAddress", key]
                )
            )
        clean[key] = value.strip()
    country = clean.get("country")
    if country is not None:
        clean["country"] = country.upper()
        if len(country) != 2 or not country.isalpha():
            problems.append(
                DomainError(
                    "country is a two-letter ISO 3166 code",
                    code=ErrorCode.INVALID_COUNTRY,
                    field=["billingAddress", "country"],
                )
            )
    return (clean or None), problems


async def _check_terms(actor: Actor, changes: dict[str, Any]) -> list[DomainError]:
    """Named payment terms must be active terms of the same organization."""
    problems: list[DomainError] = []
    if changes.get("payment_terms_id") is not None:
        await usable_terms(actor.org, changes["payment_terms_id"], "paymentTermsId", problems)
    return problems


async def create(actor: Actor, model: type[P], changes: PartyChanges) -> P:
    given = changes.given()
    if "name" not in given:
        given["name"] = None  # reported as required
    currency = given.get("currency") or await base_currency(actor.org)
    given["currency"] = currency
    values = _check(model, given, currency, await _check_terms(actor, given))
    kind = kind_of(model)
    try:
        async with in_transaction():
            await _unique_email(model, actor.org, values.get("email"), None, kind)
            party = await model.create(organization_id=actor.org, **values)
            await audit.record(
                actor,
                f"{kind}.create",
                object_type=model.__name__,
                object_id=party.id,
                after=snapshot(party),
            )
    except IntegrityError as exc:  # a concurrent insert won the race for the same email
        raise DuplicateEmail(kind) from exc
    return party


# Fields an update cannot clear, with their API names (name has its own check, as on create).
REQUIRED = {"currency": "currency", "payment_terms_days": "paymentTermsDays"}


async def update(actor: Actor, model: type[P], party_id: UUID, changes: PartyChanges) -> P:
    kind = kind_of(model)
    try:
        async with in_transaction():
            party = await _locked(model, actor, party_id)
            given = changes.given()
            refuse_nulls({k for k, v in given.items() if v is None}, REQUIRED)
            currency = given.get("currency") or party.currency
            if "currency" in given and "credit_limit" not in given and isinstance(party, Customer):
                # Keep the limit's amount, now read in the new currency.
                limit = party.credit_limit_minor
                given["credit_limit"] = (
                    None if limit is None else str(Money.from_minor(limit, party.currency).amount)
                )
            values = _check(model, given, currency, await _check_terms(actor, given))
            before = snapshot(party)
            if "email" in values:
                await _unique_email(model, actor.org, values["email"], party.id, kind)
            party.update_from_dict(values)
            await party.save()
            after = snapshot(party)
            await audit.record(
                actor,
                f"{kind}.update",
                object_type=model.__name__,
                object_id=party.id,
                before={k: v for k, v in before.items() if after[k] != v},
                after={k: v for k, v in after.items() if before[k] != v},
            )
    except IntegrityError as exc:
        raise DuplicateEmail(kind) from exc
    return party


async def archive(actor: Actor, model: type[P], party_id: UUID) -> P:
    kind = kind_of(model)
    async with in_transaction():
        party = await _locked(model, actor, party_id)
        if party.status == PartyStatus.ARCHIVED:
            raise AlreadyArchived(f"this {kind} is already archived", field=["id"])
        party.status = PartyStatus.ARCHIVED
        await party.save(update_fields=["status", "updated_at"])
        await audit.record(
            actor,
            f"{kind}.archive",
            object_type=model.__name__,
            object_id=party.id,
            before={"status": PartyStatus.ACTIVE.value},
            after={"status": PartyStatus.ARCHIVED.value},
        )
    return party


async def _locked(model: type[P], actor: Actor, party_id: UUID) -> P:
    party = await model.filter(id=party_id, organization_id=actor.org).select_for_update().first()
    if party is None:
        raise NotFound(f"{kind_of(model)} not found", field=["id"])
    return party


async def _unique_email(
    model: type[Party], organization_id: UUID, email: str | None, own_id: UUID | None, kind: str
) -> None:
    if email is None:
        return
    query = model.filter(organization_id=organization_id, email=email)
    if own_id is not None:
        query = query.exclude(id=own_id)
    if await query.exists():
        raise DuplicateEmail(kind)


async def get(actor: Actor, model: type[P], party_id: UUID) -> P | None:
    return await model.filter(id=party_id, organization_id=actor.org).first()


async def get_many(actor: Actor, model: type[P], ids: list[UUID]) -> list[P]:
    """The organization's parties with these ids, in no particular order, as read-only
    records (server.sql.records) for display.

    One plain statement: a report of a thousand vendors would otherwise spend more time
    building the query's IN list than running it.
    """
    if not ids:
        return []
    rows = await fetch_rows(parties_by_id_sql(model, len(ids)), actor.org, *ids)
    return records(model, rows)


def parties_by_id_sql(model: type[Party], count: int) -> str:
    """$1 the organization, $2.. the ids; the table name comes from the model."""
    marks = placeholders(count, first=2)
    table = model._meta.db_table
    return f'SELECT * FROM "{table}" WHERE "organization_id" = $1 AND "id" IN ({marks})'  # noqa: S608
