"""Exact decimals that are not money (quantities, percentages, tax rates), stored as integers.

Amounts are integer minor units (server.money). Quantities and rates need a few decimals of
their own; they are kept as integer counts of 1/10,000 so that the database holds only
integers and no value is ever rounded by a driver or a column type.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, TypeVar, overload

from tortoise import fields

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
