"""Exact decimals that are not money (quantities, percentages, tax rates), stored as integers.

Amounts are integer minor units (server.money). Quantities and rates need a few decimals of
their own; they are kept as integer counts of 1/10,000 so that the database holds only
integers and no value is ever rounded by a driver or a column type.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, TypeVar, overload

from tortoise import fields

from server.errors import DomainError, ErrorCode
from server.money import MoneyError, parse_amount

T = TypeVar("T", Decimal, Decimal | None)

PLACES = 4


class FixedPointField(fields.Field[T], Decimal):  # type: ignore[misc]
    """A Decimal with at most four places, stored as a BIGINT of ten-thousandths.

    Python code always sees and gives Decimal. What the database hands back is an integer
    (or, on SQLite, its text), and is scaled down here.
    """

    SQL_TYPE = "BIGINT"

    @overload
    def __init__(
        self: FixedPointField[Decimal], *, null: Literal[False] = False, **kwargs: Any
    ) -> None: ...

    @overload
    def __init__(
        self: FixedPointField[Decimal | None], *, null: Literal[True], **kwargs: Any
    ) -> None: ...

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)

    def to_db_value(self, value: Any, instance: Any) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value).scaleb(PLACES)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {PLACES} decimal places")
        return int(scaled)

    def to_python_value(self, value: Any) -> Decimal | None:
        if value is None or isinstance(value, Decimal):
            return value
        # An int or a string of digits comes from the database: a count of ten-thousandths.
        return Decimal(int(value)).scaleb(-PLACES)


# A percentage is stored as a fixed-point value, so it has as many places.
PERCENT_PLACES = PLACES


def percent_text(value: Decimal | None) -> str | None:
    """A percentage as plain text without trailing zeros: 7.5, 20, 0.125."""
    return None if value is None else _plain_text(Decimal(value))


def plain_decimal(value: Decimal | int | str) -> Decimal:
    """A stored quantity or percentage as it reads back: 10, 1.5, never 1E+1 or 1.500."""
    return Decimal(_plain_text(Decimal(value)))


def _plain_text(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def check_percent(value: Any, field: str, problems: list[DomainError]) -> Decimal | None:
    """A percentage from 0 to 100 with at most four decimals, given as a decimal string."""
    try:
        percent = value if isinstance(value, Decimal) else parse_amount(value)
    except MoneyError as exc:
        problems.append(DomainError(exc.message, code=ErrorCode(exc.code), field=[field]))
        return None
    if not percent.is_finite():
        problems.append(DomainError("not a percentage", code=ErrorCode.INVALID, field=[field]))
        return None
    exponent = percent.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > PERCENT_PLACES:
        problems.append(
            DomainError(
                f"a percentage has at most {PERCENT_PLACES} decimal places",
                code=ErrorCode.TOO_PRECISE,
                field=[field],
            )
        )
        return None
    if not Decimal(0) <= percent <= Decimal(100):
        problems.append(
            DomainError(
                "a percentage is between 0 and 100", code=ErrorCode.OUT_OF_RANGE, field=[field]
            )
        )
        return None
    return percent
