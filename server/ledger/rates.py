"""Exchange rates: units of the base currency per unit of a foreign currency, by date."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from uuid import UUID

from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode
from server.identity.base_currency import base_currency
from server.ledger.errors import NoExchangeRate
from server.ledger.models import ExchangeRate
from server.money import MoneyError, validate_currency

_RATE = re.compile(r"\d{1,12}(\.\d{1,10})?")


def parse_rate(text: str) -> Decimal:
    if not isinstance(text, str) or not _RATE.fullmatch(text) or Decimal(text) <= 0:
        raise DomainError(
            'a rate is a positive decimal string such as "1.0825" (up to 10 decimals)',
            code=ErrorCode.INVALID_RATE,
            field=["rate"],
        )
    return Decimal(text)


async def set_rate(actor: Actor, currency: str, on: date, rate: str) -> ExchangeRate:
    """Record (or correct) the rate of a date; postings already made keep their rate."""
    try:
        validate_currency(currency)
    except MoneyError as exc:
        raise DomainError(exc.message, code=ErrorCode(exc.code), field=["currency"]) from exc
    value = parse_rate(rate)
    base = await base_currency(actor.org)
    if currency == base:
        raise DomainError(
            "the base currency needs no rate", code=ErrorCode.INVALID, field=["currency"]
        )
    async with in_transaction():
        existing = (
            await ExchangeRate.filter(organization_id=actor.org, currency=currency, date=on)
            .select_for_update()
            .first()
        )
        before = {"rate": existing.rate} if existing else None
        if existing:
            existing.rate = str(value)
            await existing.save(update_fields=["rate"])
            record = existing
        else:
            record = await ExchangeRate.create(
                organization_id=actor.org, currency=currency, date=on, rate=str(value)
            )
        await audit.record(
            actor,
            "exchange_rate.set",
            object_type="ExchangeRate",
            object_id=record.id,
            before=before,
            after={"currency": currency, "date": on.isoformat(), "rate": str(value)},
        )
    return record


async def rate_on(organization_id: UUID, currency: str, on: date) -> Decimal:
    """The latest rate dated on or before `on`."""
    found = (
        await ExchangeRate.filter(organization_id=organization_id, currency=currency, date__lte=on)
        .order_by("-date")
        .first()
    )
    if found is None:
        raise NoExchangeRate(
            f"no {currency} exchange rate on or before {on.isoformat()}", field=["date"]
        )
    return Decimal(found.rate)
