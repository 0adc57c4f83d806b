"""Scalars: strict decimal-string amounts, currency codes, dates within the accepted
calendar, instants with an offset, and the Money output type."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, NewType

import strawberry
from graphql import GraphQLError, StringValueNode, print_ast
from strawberry.types.scalar import ScalarDefinition

from server.dates import MAX_DATE, MIN_DATE, in_range
from server.money import MoneyError, amount_from_minor, parse_amount, validate_currency

Amount = NewType("Amount", str)
CurrencyCode = NewType("CurrencyCode", str)
Percent = NewType("Percent", str)


def _bad(message: str, node: Any = None) -> GraphQLError:
    return GraphQLError(message, nodes=node, extensions={"code": "BAD_USER_INPUT"})


def _amount_value(value: object) -> str:
    # Currency precision is checked where the currency is known (the service).
    try:
        parse_amount(value)
    except MoneyError as exc:
        raise _bad(f"Amount: {exc.message}") from exc
    assert isinstance(value, str)
    return value


def _amount_literal(node: Any, _variables: Any = None) -> str:
    if not isinstance(node, StringValueNode):
        raise _bad(f'Amount must be a string such as "12.50", got {print_ast(node)}', node)
    try:
        parse_amount(node.value)
    except MoneyError as exc:
        raise _bad(f"Amount: {exc.message}", node) from exc
    return node.value


def _percent_value(value: object) -> str:
    # Range and precision are checked by the service, which reports them as userErrors.
    try:
        parse_amount(value)
    except MoneyError as exc:
        raise _bad(f"Percent: {exc.message}") from exc
    assert isinstance(value, str)
    return value


def _percent_literal(node: Any, _variables: Any = None) -> str:
    if not isinstance(node, StringValueNode):
        raise _bad(f'Percent must be a string such as "7.5", got {print_ast(node)}', node)
    try:
        parse_amount(node.value)
    except MoneyError as exc:
        raise _bad(f"Percent: {exc.message}", node) from exc
    return node.value


def _currency_value(value: object) -> str:
    try:
        return validate_currency(value)  # type: ignore[arg-type]
    except MoneyError as exc:
        raise _bad(f"CurrencyCode: {exc.message}") from exc


def _currency_literal(node: Any, _variables: Any = None) -> str:
    if not isinstance(node, StringValueNode):
        raise _bad(f'CurrencyCode must be a string such as "EUR", got {print_ast(node)}', node)
    try:
        return validate_currency(node.value)
    except MoneyError as exc:
        raise _bad(f"CurrencyCode: {exc.message}", node) from exc


AMOUNT = strawberry.scalar(
    name="Amount",
    description=(
        'An exact decimal amount as a JSON string, for example "1250.00". Numbers, exponents '
        "and more decimals than the currency allows are refused, never rounded."
    ),
    serialize=str,
    parse_value=_amount_value,
    parse_literal=_amount_literal,
)

CURRENCY_CODE = strawberry.scalar(
    name="CurrencyCode",
    description="An ISO 4217 currency code in use today, for example EUR, USD or JPY.",
    serialize=str,
    parse_value=_currency_value,
    parse_literal=_currency_literal,
)

PERCENT = strawberry.scalar(
    name="Percent",
    description=(
        'A percentage as an exact decimal JSON string, for example "20" or "8.875" (at most '
        "four decimals, from 0 to 100). Numbers and exponents are refused, never rounded."
    ),
    serialize=str,
    parse_value=_percent_value,
    parse_literal=_percent_literal,
)


def _date_value(value: object) -> date:
    if not isinstance(value, str):
        raise _bad(f'Date must be a string such as "2026-03-01", got {type(value).__name__}')
    try:
        day = date.fromisoformat(value) if _DATE.fullmatch(value) else None
    except ValueError:
        day = None
    if day is None:
        raise _bad("Date must be a calendar date written YYYY-MM-DD")
    if not in_range(day):
        raise _bad(f"Date must lie between {MIN_DATE.isoformat()} and {MAX_DATE.isoformat()}")
    return day


def _date_literal(node: Any, _variables: Any = None) -> date:
    if not isinstance(node, StringValueNode):
        raise _bad(f'Date must be a string such as "2026-03-01", got {print_ast(node)}', node)
    try:
        return _date_value(node.value)
    except GraphQLError as exc:
        raise _bad(exc.message, node) from exc


def _datetime_value(value: object) -> datetime:
    if not isinstance(value, str):
        raise _bad('DateTime must be a string such as "2026-03-01T09:30:00Z"')
    try:
        moment = datetime.fromisoformat(value) if _DATETIME.fullmatch(value) else None
    except ValueError:
        moment = None
    if moment is None:
        raise _bad("DateTime must be written YYYY-MM-DDTHH:MM[:SS[.ffffff]] with an offset")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise _bad("DateTime must carry a time-zone offset, such as Z or +02:00")
    try:
        # The range holds for the stored UTC instant, not the local date the client wrote.
        utc = moment.astimezone(UTC)
    except OverflowError:
        utc = None
    if utc is None or not in_range(utc.date()):
        raise _bad(
            f"DateTime must lie between {MIN_DATE.isoformat()}T00:00:00Z and "
            f"{MAX_DATE.isoformat()}T23:59:59.999999Z"
        )
    return utc


def _datetime_literal(node: Any, _variables: Any = None) -> datetime:
    if not isinstance(node, StringValueNode):
        raise _bad(f"DateTime must be a string, got {print_ast(node)}", node)
    try:
        return _datetime_value(node.value)
    except GraphQLError as exc:
        raise _bad(exc.message, node) from exc


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?", re.ASCII
)

DATE = strawberry.scalar(
    name="Date",
    description=(
        f'A calendar date written YYYY-MM-DD, for example "2026-03-01", from '
        f"{MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}."
    ),
    serialize=date.isoformat,
    parse_value=_date_value,
    parse_literal=_date_literal,
)

DATETIME = strawberry.scalar(
    name="DateTime",
    description=(
        'An instant written in ISO 8601 with its offset, for example "2026-03-01T09:30:00Z" '
        'or "2026-03-01T10:30:00+01:00"; a time without an offset is refused. Answers are '
        "in UTC."
    ),
    serialize=datetime.isoformat,
    parse_value=_datetime_value,
    parse_literal=_datetime_literal,
)

SCALAR_MAP: dict[object, ScalarDefinition] = {
    Amount: AMOUNT,
    CurrencyCode: CURRENCY_CODE,
    Percent: PERCENT,
    date: DATE,
    datetime: DATETIME,
}


@strawberry.type(description="An amount of money in one currency.")
class Money:
    amount: Decimal = strawberry.field(
        description="The amount as a decimal string at the currency's precision."
    )
    currency: CurrencyCode = strawberry.field(description="ISO 4217 currency code.")

    @classmethod
    def from_minor(cls, minor: int | None, currency: str) -> Money | None:
        if minor is None:
            return None
        return cls.of(minor, currency)

    @classmethod
    def of(cls, minor: int, currency: str) -> Money:
        """Money from a stored whole number of minor units.

        Made without the dataclass constructor: a page makes hundreds, and the constructor's
        call cost about as much as the amount itself."""
        money = cls.__new__(cls)
        money.__dict__.update(amount=amount_from_minor(minor, currency), currency=currency)
        return money
