"""Money: Decimal amounts with a currency, strict parsing, explicit rounding, allocation.

Amounts are stored as integer minor units; in Python they are Decimal inside Money.
Currency precision comes from babel (JPY 0, USD 2, BHD 3).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from babel.core import get_global
from babel.numbers import get_currency_precision

# ASCII digits only: \d would also accept Arabic-Indic or full-width digits.
_AMOUNT_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?")
# Fourteen integer digits plus at most four decimals stay inside a signed 64-bit
# count of minor units, the database representation.
_MAX_INTEGER_DIGITS = 14


class MoneyError(ValueError):
    """An amount or currency that cannot be accepted; `code` is stable for clients."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@cache
def active_currencies() -> frozenset[str]:
    """ISO 4217 codes that are legal tender somewhere today."""
    codes = set()
    for entries in get_global("territory_currencies").values():
        for code, _start, end, tender in entries:
            if end is None and tender:
                codes.add(code)
    return frozenset(codes)


def validate_currency(code: str) -> str:
    if not isinstance(code, str) or code not in active_currencies():
        raise MoneyError("UNKNOWN_CURRENCY", f"{code!r} is not a known ISO 4217 currency code")
    return code


@cache
def precision(currency: str) -> int:
    """Number of decimal places of the currency's minor unit.

    Cached: every amount read asks for it, and only valid codes are kept (an invalid one
    raises, which the cache does not remember).
    """
    return int(get_currency_precision(validate_currency(currency)))


def amount_from_minor(minor: int, currency: str) -> Decimal:
    """A stored whole number of minor units as a Decimal at the currency's precision.

    Scaling an integer gives exactly the currency's exponent and never a negative zero, so
    this is exact without the checks every other way into Money runs.
    """
    return Decimal(int(minor)).scaleb(-precision(currency))


@cache
def _quantum(currency: str) -> Decimal:
    # Every amount read or written asks for this; Decimal values are immutable, so one
    # per currency serves them all.
    return Decimal(1).scaleb(-precision(currency))


def parse_amount(text: object, currency: str | None = None) -> Decimal:
    """Parse a decimal string strictly: digits, an optional sign and point, nothing else.

    With a currency, more decimals than it allows are refused rather than rounded.
    """
    if not isinstance(text, str):
        raise MoneyError(
            "INVALID_AMOUNT", 'amounts are decimal strings such as "12.50", not numbers'
        )
    if not _AMOUNT_RE.fullmatch(text):
        raise MoneyError("INVALID_AMOUNT", f'{text!r} is not a decimal amount such as "12.50"')
    integer_part = text.lstrip("-").split(".")[0]
    if len(integer_part.lstrip("0")) > _MAX_INTEGER_DIGITS:
        raise MoneyError("AMOUNT_TOO_LARGE", f"{text!r} is too large")
    value = Decimal(text)
    if currency is not None:
        places = precision(currency)
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        if -exponent > places:
            raise MoneyError(
                "TOO_PRECISE",
                f"{text!r} has more than {places} decimal places allowed for {currency}",
            )
    return value


def round_amount(value: Decimal, currency: str, rounding: str = ROUND_HALF_UP) -> Decimal:
    """Round to the currency's minor unit; half-up unless told otherwise."""
    try:
        return value.quantize(_quantum(currency), rounding=rounding)
    except InvalidOperation as exc:  # only for absurd magnitudes
        raise MoneyError("AMOUNT_TOO_LARGE", f"{value} cannot be represented") from exc


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount in one currency, always at the currency's precision."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        validate_currency(self.currency)
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money.amount must be a Decimal")
        if self.amount != round_amount(self.amount, self.currency, ROUND_DOWN):
            raise MoneyError(
                "TOO_PRECISE", f"{self.amount} is more precise than {self.currency} allows"
            )
        # Normalise the exponent so equal amounts print the same ("1.5" -> "1.50"), and
        # drop the sign of a negative zero ("-0" -> "0.00").
        normal = self.amount.quantize(_quantum(self.currency))
        if normal.is_zero():
            normal = abs(normal)
        object.__setattr__(self, "amount", normal)

    @classmethod
    def parse(cls, text: object, currency: str) -> Money:
        return cls(parse_amount(text, validate_currency(currency)), currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        # A whole number of minor units is exact at the currency's precision by construction,
        # so the checks of __post_init__ (run for every other way in) are skipped: this is
        # how every stored amount is read, many times per page.
        money = object.__new__(cls)
        object.__setattr__(money, "amount", amount_from_minor(minor, currency))
        object.__setattr__(money, "currency", currency)
        return money

    @classmethod
    def rounded(cls, value: Decimal, currency: str) -> Money:
        """Money from an arbitrary Decimal (for example quantity x price), rounded half-up."""
        return cls(round_amount(value, currency), currency)

    @property
    def minor(self) -> int:
        """The amount as an integer count of minor units, as stored."""
        return int(self.amount.scaleb(precision(self.currency)))

    def _check(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError("Money only combines with Money")
        if other.currency != self.currency:
            raise MoneyError(
                "CURRENCY_MISMATCH", f"cannot combine {self.currency} with {other.currency}"
            )

    def __add__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._check(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._check(other)
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        self._check(other)
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        self._check(other)
        return self.amount >= other.amount

    def is_negative(self) -> bool:
        return self.amount < 0

    def is_zero(self) -> bool:
        return self.amount == 0

    def allocate(self, weights: Sequence[Decimal | int]) -> list[Money]:
        """Split into parts proportional to weights; the parts always sum to the total.

        Largest remainder: each part is rounded toward zero in minor units, then the
        units left over go one by one to the parts with the largest remainders
        (earlier parts first on ties), so the split is deterministic.
        """
        if not weights:
            raise ValueError("allocate needs at least one weight")
        ws = [Decimal(w) for w in weights]
        if any(w < 0 for w in ws):
            raise ValueError("weights must not be negative")
        total_weight = sum(ws, Decimal(0))
        if total_weight == 0:
            raise ValueError("weights must not all be zero")
        total = self.minor
        sign = -1 if total < 0 else 1
        units = abs(total)
        exact = [units * w / total_weight for w in ws]
        parts = [int(e) for e in exact]  # floor, since all are non-negative
        leftover = units - sum(parts)
        order = sorted(range(len(ws)), key=lambda i: (-(exact[i] - parts[i]), i))
        for i in order[:leftover]:
            parts[i] += 1
        return [Money.from_minor(sign * p, self.currency) for p in parts]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"
