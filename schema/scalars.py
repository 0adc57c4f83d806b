"""Scalars: strict decimal-string amounts, currency codes, and the Money output type."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NewType

import strawberry
from graphql import GraphQLError, StringValueNode, print_ast
from strawberry.types.scalar import ScalarDefinition

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

SCALAR_MAP: dict[object, ScalarDefinition] = {
    Amount: AMOUNT,
    CurrencyCode: CURRENCY_CODE,
    Percent: PERCENT,
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
