"""Document lines: defaults from items, validation, and totals with explicit rounding.

A line's net amount is quantity x unit price less its discount, rounded half-up to the
currency once per line; tax is computed on that rounded net (exclusive rates) or taken out of
the rounded gross (inclusive rates), again rounded half-up per line. Document totals are the
sums of the rounded line figures, so a printed invoice always adds up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any
from uuid import UUID

from server.actor import Actor
from server.documents.models import DocumentLine, Item, TaxRate
from server.editing import RecordStatus
from server.errors import DomainError, ErrorCode, ValidationFailed
from server.ledger.models import Account, AccountStatus, AccountType, TrackingOption
from server.money import MoneyError, parse_amount, precision

MAX_LINES = 200
_ONE = Decimal(1)
_HUNDRED = Decimal(100)


class Purpose(StrEnum):
    SALES = "SALES"  # invoices and credit notes: income accounts
    PURCHASES = "PURCHASES"  # bills and purchase orders: expense or asset accounts


@dataclass(frozen=True, slots=True)
class LineDraft:
    """A line as the client states it; what it leaves out comes from the item."""

    item_id: UUID | None = None
    description: str | None = None
    quantity: str = "1"
    unit_price: str | None = None
    discount_percent: str | None = None
    tax_rate_id: UUID | None = None
    account_id: UUID | None = None
    dimension_option_ids: tuple[UUID, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "itemId": str(self.item_id) if self.item_id else None,
            "description": self.description,
            "quantity": self.quantity,
            "unitPrice": self.unit_price,
            "discountPercent": self.discount_percent,
            "taxRateId": str(self.tax_rate_id) if self.tax_rate_id else None,
            "accountId": str(self.account_id) if self.account_id else None,
            "dimensionOptionIds": [str(o) for o in self.dimension_option_ids],
        }


@dataclass(slots=True)
class PricedLine:
    """A checked line with its rounded figures, ready to store and to post."""

    line_no: int
    item_id: UUID | None
    description: str | None
    quantity: Decimal
    unit_price_minor: int
    discount_percent: Decimal
    tax_rate: TaxRate | None
    account: Account
    amount_minor: int
    tax_minor: int
    dimension_option_ids: list[UUID] = field(default_factory=list)

    def stored(self) -> dict[str, Any]:
        """The fields of a DocumentLine row."""
        return {
            "line_no": self.line_no,
            "item_id": self.item_id,
            "description": self.description,
            "quantity": self.quantity,
            "unit_price_minor": self.unit_price_minor,
            "discount_percent": self.discount_percent,
            "tax_rate_id": self.tax_rate.id if self.tax_rate else None,
            "account_id": self.account.id,
            "amount_minor": self.amount_minor,
            "tax_minor": self.tax_minor,
            "dimension_option_ids": [str(o) for o in self.dimension_option_ids],
        }


@dataclass(frozen=True, slots=True)
class Totals:
    subtotal_minor: int
    tax_minor: int
    total_minor: int


def _round(value: Decimal) -> int:
    return int(value.quantize(_ONE, rounding=ROUND_HALF_UP))


def line_figures(
    quantity: Decimal, unit_price_minor: int, discount: Decimal, tax_rate: TaxRate | None
) -> tuple[int, int]:
    """(net, tax) in minor units for one line, each rounded half-up once."""
    gross = quantity * unit_price_minor * (_ONE - discount / _HUNDRED)
    if tax_rate is None:
        return _round(gross), 0
    rate = Decimal(tax_rate.rate)
    if tax_rate.inclusive:
        total = _round(gross)
        tax = _round(total * rate / (_HUNDRED + rate))
        return total - tax, tax
    net = _round(gross)
    return net, _round(net * rate / _HUNDRED)


def totals(lines: Sequence[PricedLine]) -> Totals:
    subtotal = sum(ln.amount_minor for ln in lines)
    tax = sum(ln.tax_minor for ln in lines)
    return Totals(subtotal, tax, subtotal + tax)


def _decimal(text: str | None, name: str, index: int, places: int) -> Decimal | DomainError:
    where = ["lines", str(index), name]
    try:
        value = parse_amount(text)
    except MoneyError as exc:
        return DomainError(exc.message, code=ErrorCode(exc.code), field=where)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        return DomainError(
            f"at most {places} decimal places", code=ErrorCode.TOO_PRECISE, field=where
        )
    return value


def _account_fits(account: Account, purpose: Purpose) -> bool:
    if account.is_control:
        return False
    if purpose == Purpose.SALES:
        return account.type == AccountType.INCOME
    return account.type in (AccountType.EXPENSE, AccountType.ASSET)


async def price_lines(
    actor: Actor, drafts: Sequence[LineDraft], currency: str, purpose: Purpose, base: str
) -> list[PricedLine]:
    """Check each line against the organization's data and compute its figures.

    Every problem is reported at once, with the path of the field it concerns.
    """
    org = actor.org
    if not drafts:
        raise DomainError("add at least one line", code=ErrorCode.REQUIRED, field=["lines"])
    if len(drafts) > MAX_LINES:
        raise DomainError(f"at most {MAX_LINES} lines", code=ErrorCode.INVALID, field=["lines"])
    item_ids = {d.item_id for d in drafts if d.item_id}
    items = {i.id: i for i in await Item.filter(organization_id=org, id__in=item_ids)}
    rate_ids = {d.tax_rate_id for d in drafts if d.tax_rate_id}
    rate_ids |= {i.tax_rate_id for i in items.values() if i.tax_rate_id}
    rates = {r.id: r for r in await TaxRate.filter(organization_id=org, id__in=rate_ids)}
    account_ids = {d.account_id for d in drafts if d.account_id}
    for i in items.values():
        chosen = i.income_account_id if purpose == Purpose.SALES else i.expense_account_id
        if chosen:
            account_ids.add(chosen)
    accounts = {a.id: a for a in await Account.filter(organization_id=org, id__in=account_ids)}
    option_ids = {o for d in drafts for o in d.dimension_option_ids}
    options = (
        {o.id: o for o in await TrackingOption.filter(organization_id=org, id__in=option_ids)}
        if option_ids
        else {}
    )
    places = precision(currency)

    problems: list[DomainError] = []
    priced: list[PricedLine] = []

    def fail(index: int, name: str, message: str, code: ErrorCode) -> None:
        problems.append(DomainError(message, code=code, field=["lines", str(index), name]))

    for index, draft in enumerate(drafts):
        before = len(problems)
        item = items.get(draft.item_id) if draft.item_id else None
        if draft.item_id and item is None:
            fail(index, "itemId", "item not found", ErrorCode.NOT_FOUND)
        elif item is not None and item.status == RecordStatus.ARCHIVED:
            fail(index, "itemId", "the item is archived", ErrorCode.RECORD_ARCHIVED)
        description = draft.description if draft.description is not None else None
        if description is None and item is not None:
            description = item.name
        if description is not None and len(description) > 500:
            fail(index, "description", "at most 500 characters", ErrorCode.TOO_LONG)
        if item is None and not description:
            fail(
                index,
                "description",
                "a line without an item needs a description",
                ErrorCode.REQUIRED,
            )

        quantity = _decimal(draft.quantity, "quantity", index, 4)
        if isinstance(quantity, DomainError):
            problems.append(quantity)
        elif quantity <= 0:
            fail(index, "quantity", "quantities are positive", ErrorCode.NEGATIVE_AMOUNT)

        price_minor: int | None = None
        if draft.unit_price is not None:
            price = _decimal(draft.unit_price, "unitPrice", index, places)
            if isinstance(price, DomainError):
                problems.append(price)
            elif price < 0:
                fail(index, "unitPrice", "prices cannot be negative", ErrorCode.NEGATIVE_AMOUNT)
            else:
                price_minor = int(price.scaleb(places))
        elif item is not None and item.unit_price_minor is not None and currency == base:
            price_minor = item.unit_price_minor
        else:
            fail(index, "unitPrice", "give the unit price", ErrorCode.REQUIRED)

        discount = Decimal(0)
        if draft.discount_percent is not None:
            given = _decimal(draft.discount_percent, "discountPercent", index, 4)
            if isinstance(given, DomainError):
                problems.append(given)
            elif not 0 <= given <= 100:
                fail(index, "discountPercent", "between 0 and 100", ErrorCode.OUT_OF_RANGE)
            else:
                discount = given

        rate_id = draft.tax_rate_id or (item.tax_rate_id if item else None)
        tax_rate = rates.get(rate_id) if rate_id else None
        if rate_id and tax_rate is None:
            fail(index, "taxRateId", "tax rate not found", ErrorCode.NOT_FOUND)
        elif tax_rate is not None and tax_rate.status == RecordStatus.ARCHIVED:
            fail(index, "taxRateId", "the tax rate is archived", ErrorCode.RECORD_ARCHIVED)

        account_id = draft.account_id
        if account_id is None and item is not None:
            account_id = (
                item.income_account_id if purpose == Purpose.SALES else item.expense_account_id
            )
        account = accounts.get(account_id) if account_id else None
        if account_id is None:
            fail(index, "accountId", "give the account of the line", ErrorCode.REQUIRED)
        elif account is None:
            fail(index, "accountId", "account not found", ErrorCode.NOT_FOUND)
        elif account.status == AccountStatus.ARCHIVED:
            fail(index, "accountId", "the account is archived", ErrorCode.ACCOUNT_ARCHIVED)
        elif not _account_fits(account, purpose):
            wanted = "an income" if purpose == Purpose.SALES else "an expense or asset"
            fail(
                index,
                "accountId",
                f"{account.code} {account.name} is not {wanted} account",
                ErrorCode.INVALID_ACCOUNT_TYPE,
            )

        chosen_options = [options.get(o) for o in draft.dimension_option_ids]
        if None in chosen_options:
            fail(index, "dimensionOptionIds", "dimension option not found", ErrorCode.NOT_FOUND)
        picked = [o for o in chosen_options if o is not None]
        if len({o.category_id for o in picked}) != len(picked):
            fail(
                index,
                "dimensionOptionIds",
                "at most one option per dimension",
                ErrorCode.DUPLICATE_DIMENSION,
            )

        if len(problems) > before:
            continue
        assert isinstance(quantity, Decimal) and price_minor is not None and account is not None
        try:
            net, tax = line_figures(quantity, price_minor, discount, tax_rate)
        except InvalidOperation:
            fail(index, "quantity", "the line amount is too large", ErrorCode.AMOUNT_TOO_LARGE)
            continue
        if abs(net) + abs(tax) >= 10**15:
            fail(index, "quantity", "the line amount is too large", ErrorCode.AMOUNT_TOO_LARGE)
            continue
        priced.append(
            PricedLine(
                line_no=index + 1,
                item_id=item.id if item else None,
                description=description,
                quantity=quantity,
                unit_price_minor=price_minor,
                discount_percent=discount,
                tax_rate=tax_rate,
                account=account,
                amount_minor=net,
                tax_minor=tax,
                dimension_option_ids=list(draft.dimension_option_ids),
            )
        )
    if problems:
        raise ValidationFailed(problems)
    return priced


async def priced_lines(organization_id: UUID, rows: Sequence[DocumentLine]) -> list[PricedLine]:
    """Stored lines back as priced lines, to post them exactly as they were saved."""
    accounts = {
        a.id: a
        for a in await Account.filter(
            organization_id=organization_id, id__in={r.account_id for r in rows}
        )
    }
    rate_ids = {r.tax_rate_id for r in rows if r.tax_rate_id}
    rates = (
        {t.id: t for t in await TaxRate.filter(organization_id=organization_id, id__in=rate_ids)}
        if rate_ids
        else {}
    )
    return [
        PricedLine(
            line_no=r.line_no,
            item_id=r.item_id,
            description=r.description,
            quantity=Decimal(r.quantity),
            unit_price_minor=int(r.unit_price_minor),
            discount_percent=Decimal(r.discount_percent),
            tax_rate=rates.get(r.tax_rate_id) if r.tax_rate_id else None,
            account=accounts[r.account_id],
            amount_minor=int(r.amount_minor),
            tax_minor=int(r.tax_minor),
            dimension_option_ids=[UUID(str(o)) for o in r.dimension_option_ids or []],
        )
        for r in rows
    ]
