"""Scalars: strict decimal-string amounts, quantities, percentages and exchange rates,
currency codes, dates within the accepted calendar, instants with an offset (answered in UTC
at millisecond precision), and the Money output type.

The wire format of each is published in docs/api/scalars.md (with the client mappings);
`Decimal` (strawberry's) is left for statistics only: days and ratios."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, NewType

import strawberry
from graphql import GraphQLError, StringValueNode, print_ast
from strawberry.types.scalar import ScalarDefinition

from server.dates import MAX_DATE, MIN_DATE, in_range, instant_text
from server.money import MoneyError, amount_from_minor, parse_amount, validate_currency

Amount = NewType("Amount", str)
CurrencyCode = NewType("CurrencyCode", str)
Percent = NewType("Percent", str)
Quantity = NewType("Quantity", str)
Rate = NewType("Rate", str)

# Quantities are stored in ten-thousandths, like percentages.
QUANTITY_PLACES = 4
# An exchange rate: up to twelve integer digits and ten decimals, as the rates table keeps
# them (server.ledger.rates.parse_rate holds the same rule for callers other than the API).
RATE_INTEGER_DIGITS = 12
RATE_PLACES = 10
_RATE = re.compile(r"[0-9]+(\.[0-9]+)?", re.ASCII)


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


def _quantity(value: object) -> str:
    if not isinstance(value, str):
        raise _bad(f'Quantity must be a string such as "2.5", got {type(value).__name__}')
    try:
        parsed = parse_amount(value)
    except MoneyError as exc:
        raise _bad(f"Quantity: {exc.message}") from exc
    if value.startswith("-"):
        raise _bad(f"Quantity: {value!r} is negative; quantities are 0 or more")
    exponent = parsed.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > QUANTITY_PLACES:
        raise _bad(f"Quantity: {value!r} has more than {QUANTITY_PLACES} decimal places")
    return value


def _rate(value: object) -> str:
    if not isinstance(value, str):
        raise _bad(f'Rate must be a string such as "1.0825", got {type(value).__name__}')
    if not _RATE.fullmatch(value):
        raise _bad(f'Rate: {value!r} is not a positive decimal such as "1.0825"')
    integer, _, fraction = value.partition(".")
    if len(integer) > RATE_INTEGER_DIGITS:
        raise _bad(f"Rate: {value!r} has more than {RATE_INTEGER_DIGITS} integer digits")
    if len(fraction) > RATE_PLACES:
        raise _bad(f"Rate: {value!r} has more than {RATE_PLACES} decimal places")
    if Decimal(value) <= 0:
        raise _bad(f"Rate: {value!r} is not positive")
    return value


def _plain(value: object) -> str:
    """A decimal answer without an exponent: stored text such as "1E-10" is "0.0000000001"."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return format(number, "f")


def _string_literal(name: str, example: str, parse: Any) -> Any:
    """parse_literal for a scalar written as a string: the value check, with the node."""

    def literal(node: Any, _variables: Any = None) -> str:
        if not isinstance(node, StringValueNode):
            raise _bad(f'{name} must be a string such as "{example}", got {print_ast(node)}', node)
        try:
            return str(parse(node.value))
        except GraphQLError as exc:
            raise _bad(exc.message, node) from exc

    return literal


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

QUANTITY = strawberry.scalar(
    name="Quantity",
    description=(
        'A quantity as an exact decimal JSON string, for example "1", "2.5" or "0.125": '
        "0 or more, at most four decimals. Numbers, exponents, signs, blanks and more "
        "decimals are refused, never rounded. Answers carry no trailing zeros."
    ),
    serialize=_plain,
    parse_value=_quantity,
    parse_literal=_string_literal("Quantity", "2.5", _quantity),
)

RATE = strawberry.scalar(
    name="Rate",
    description=(
        "An exchange rate (units of the base currency per unit of the other currency) as "
        'an exact decimal JSON string, for example "1.0825": greater than 0, at most '
        f"{RATE_INTEGER_DIGITS} integer digits and {RATE_PLACES} decimals. Numbers, exponents, "
        "signs, blanks and more decimals are refused, never rounded."
    ),
    serialize=_plain,
    parse_value=_rate,
    parse_literal=_string_literal("Rate", "1.0825", _rate),
)

CURRENCY_CODE = strawberry.scalar(
    name="CurrencyCode",
    description=(
        'An ISO 4217 alphabetic currency code in use today, as a JSON string: "EUR", "USD" '
        'or "JPY". Withdrawn and unknown codes are refused.'
    ),
    specified_by_url="https://www.iso.org/iso-4217-currency-codes.html",
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
        f"A calendar date as a JSON string in the RFC 3339 full-date form YYYY-MM-DD, for "
        f'example "2026-03-01", from {MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}.'
    ),
    specified_by_url="https://datatracker.ietf.org/doc/html/rfc3339#section-5.6",
    serialize=date.isoformat,
    parse_value=_date_value,
    parse_literal=_date_literal,
)


DATETIME = strawberry.scalar(
    name="DateTime",
    description=(
        "An instant as a JSON string in RFC 3339. Answers are always in UTC with exactly "
        'three fractional digits and Z, for example "2026-03-01T09:30:00.123Z". Inputs '
        'take any offset ("2026-03-01T10:30:00+01:00") and up to six fractional digits; '
        "a time without an offset is refused."
    ),
    specified_by_url="https://datatracker.ietf.org/doc/html/rfc3339",
    serialize=instant_text,
    parse_value=_datetime_value,
    parse_literal=_datetime_literal,
)


def _statistic_value(value: object) -> Decimal:
    if not isinstance(value, str):
        raise _bad(f'Decimal must be a string such as "12.5", got {type(value).__name__}')
    try:
        return parse_amount(value)
    except MoneyError as exc:
        raise _bad(f"Decimal: {exc.message}") from exc


# Replaces strawberry's Decimal to say what it is for: no input takes it today.
DECIMAL = strawberry.scalar(
    name="Decimal",
    description=(
        'A statistic (days, ratios) as a decimal JSON string, for example "42.5". Money is '
        "Amount, quantities Quantity, percentages Percent and exchange rates Rate; Decimal "
        "is used for nothing else."
    ),
    serialize=_plain,
    parse_value=_statistic_value,
    parse_literal=_string_literal("Decimal", "12.5", _statistic_value),
)

SCALAR_MAP: dict[object, ScalarDefinition] = {
    Decimal: DECIMAL,
    Amount: AMOUNT,
    CurrencyCode: CURRENCY_CODE,
    Percent: PERCENT,
    Quantity: QUANTITY,
    Rate: RATE,
    date: DATE,
    datetime: DATETIME,
}


@strawberry.type(description="An amount of money in one currency.")
class Money:
    amount: Amount = strawberry.field(
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
