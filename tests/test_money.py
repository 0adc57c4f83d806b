"""Money: strict parsing, currency precision, half-up rounding, allocation (server/money.py)."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from server.money import Money, MoneyError, parse_amount, precision, validate_currency

CURRENCIES = ["USD", "JPY", "BHD", "EUR"]
INT64 = 2**63 - 1

currencies = st.sampled_from(CURRENCIES)
minor_units = st.integers(min_value=-INT64, max_value=INT64)
# Totals an organization could store: up to 14 integer digits plus the minor unit.
totals = st.integers(min_value=-(10**17), max_value=10**17)
weight_lists = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=10**12),
        st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False),
    ),
    min_size=1,
    max_size=12,
).filter(lambda ws: any(w != 0 for w in ws))


def _code(excinfo: pytest.ExceptionInfo[MoneyError]) -> str:
    return excinfo.value.code


# --- strict parsing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [12.5, 12, 0, None, True, Decimal("12.50"), b"12.50", ["12.50"]],
    ids=["float", "int", "zero-int", "none", "bool", "decimal", "bytes", "list"],
)
def test_parse_amount_refuses_non_strings(value: object) -> None:
    with pytest.raises(MoneyError) as excinfo:
        parse_amount(value)
    assert _code(excinfo) == "INVALID_AMOUNT"
    assert "string" in excinfo.value.message


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "-",
        "1e3",
        "1E3",
        "1.5e-2",
        "NaN",
        "nan",
        "-NaN",
        "sNaN",
        "Infinity",
        "-Infinity",
        "inf",
        " 1.00",
        "1.00 ",
        "1.00\n",
        "1.",
        ".5",
        "-.5",
        "+1",
        "--1",
        "1,000.00",
        "1_000",
        "1 000",
        "0x10",
        "1.2.3",
        "12.50 USD",
        "$12.50",
    ],
)
def test_parse_amount_refuses_malformed_strings(text: str) -> None:
    with pytest.raises(MoneyError) as excinfo:
        parse_amount(text)
    assert _code(excinfo) == "INVALID_AMOUNT"
    assert repr(text) in excinfo.value.message


@pytest.mark.parametrize("text", ["\u0661\u0662", "\uff11\uff12.50", "1\u0660.00"])
def test_parse_amount_refuses_non_ascii_digits(text: str) -> None:
    with pytest.raises(MoneyError) as excinfo:
        parse_amount(text, "USD")
    assert _code(excinfo) == "INVALID_AMOUNT"


@pytest.mark.parametrize(
    ("text", "currency"),
    [("1.001", "USD"), ("0.005", "EUR"), ("1.5", "JPY"), ("100.0", "JPY"), ("1.2345", "BHD")],
)
def test_parse_amount_refuses_more_decimals_than_currency_allows(text: str, currency: str) -> None:
    with pytest.raises(MoneyError) as excinfo:
        parse_amount(text, currency)
    assert _code(excinfo) == "TOO_PRECISE"
    assert currency in excinfo.value.message
    with pytest.raises(MoneyError) as excinfo:
        Money.parse(text, currency)
    assert _code(excinfo) == "TOO_PRECISE"


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("0", "USD", "0.00"),
        ("-0.50", "USD", "-0.50"),
        ("12.5", "USD", "12.50"),
        ("1250", "JPY", "1250"),
        ("1.234", "BHD", "1.234"),
        ("1.2", "BHD", "1.200"),
        ("0007.10", "EUR", "7.10"),
        ("99999999999999.99", "USD", "99999999999999.99"),
        ("-99999999999999.999", "BHD", "-99999999999999.999"),
    ],
)
def test_parse_money_accepts_exact_amounts(text: str, currency: str, expected: str) -> None:
    money = Money.parse(text, currency)
    assert str(money.amount) == expected
    assert money.currency == currency
    assert money.amount == Decimal(text)  # never rounded


def test_parse_amount_without_currency_keeps_every_decimal() -> None:
    assert parse_amount("1.23456789") == Decimal("1.23456789")


@pytest.mark.parametrize(
    "text", ["100000000000000", "-100000000000000.00", "123456789012345678901234567890"]
)
def test_parse_amount_refuses_amounts_too_large(text: str) -> None:
    with pytest.raises(MoneyError) as excinfo:
        parse_amount(text, "USD")
    assert _code(excinfo) == "AMOUNT_TOO_LARGE"


def test_parse_amount_ignores_leading_zeros_when_checking_size() -> None:
    assert parse_amount("000000000000000012.00", "USD") == Decimal("12.00")


@given(
    whole=st.integers(min_value=0, max_value=10**14 - 1),
    negative=st.booleans(),
    currency=currencies,
    data=st.data(),
)
def test_parse_money_round_trips_its_own_output(
    whole: int, negative: bool, currency: str, data: st.DataObject
) -> None:
    places = precision(currency)
    fraction = data.draw(st.integers(min_value=0, max_value=10**places - 1))
    sign = "-" if negative and (whole or fraction) else ""  # "-0" is its own test
    text = f"{sign}{whole}" + (f".{fraction:0{places}d}" if places else "")
    money = Money.parse(text, currency)
    assert str(money.amount) == text
    assert Money.parse(str(money.amount), currency) == money


def test_parse_money_prints_negative_zero_as_zero() -> None:
    assert str(Money.parse("-0", "USD").amount) == "0.00"


# --- currencies -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["XYZ", "DEM", "FRF", "usd", "US", "", None, 840])
def test_validate_currency_refuses_unknown_and_retired_codes(code: object) -> None:
    with pytest.raises(MoneyError) as excinfo:
        validate_currency(code)  # type: ignore[arg-type]
    assert _code(excinfo) == "UNKNOWN_CURRENCY"


@pytest.mark.parametrize("code", ["XYZ", "DEM"])
def test_money_refuses_unknown_currency(code: str) -> None:
    for build in (
        lambda: Money.parse("1.00", code),
        lambda: Money(Decimal("1.00"), code),
        lambda: Money.zero(code),
        lambda: Money.from_minor(100, code),
    ):
        with pytest.raises(MoneyError) as excinfo:
            build()
        assert _code(excinfo) == "UNKNOWN_CURRENCY"


def test_precision_follows_the_currency_minor_unit() -> None:
    assert [precision(c) for c in ("JPY", "USD", "EUR", "BHD")] == [0, 2, 2, 3]


# --- construction and rounding ------------------------------------------------------------


def test_money_refuses_float_amounts() -> None:
    with pytest.raises(TypeError):
        Money(1.5, "USD")  # type: ignore[arg-type]


def test_money_refuses_amounts_more_precise_than_currency() -> None:
    with pytest.raises(MoneyError) as excinfo:
        Money(Decimal("1.005"), "USD")
    assert _code(excinfo) == "TOO_PRECISE"


def test_money_normalises_equal_amounts_to_one_representation() -> None:
    assert str(Money(Decimal("1.5"), "USD").amount) == "1.50"
    assert Money(Decimal("1.5"), "USD") == Money(Decimal("1.50"), "USD")
    assert str(Money(Decimal("7"), "BHD")) == "7.000 BHD"


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        ("1.005", "USD", "1.01"),
        ("1.004999", "USD", "1.00"),
        ("-1.005", "USD", "-1.01"),
        ("2.5", "JPY", "3"),
        ("-2.5", "JPY", "-3"),
        ("0.0005", "BHD", "0.001"),
        ("0.125", "EUR", "0.13"),
        ("0.135", "EUR", "0.14"),
    ],
)
def test_rounded_rounds_half_away_from_zero(value: str, currency: str, expected: str) -> None:
    assert str(Money.rounded(Decimal(value), currency).amount) == expected


def _half_up_minor(value: Decimal, currency: str) -> int:
    scaled = abs(Fraction(value)) * 10 ** precision(currency)
    magnitude = math.floor(scaled + Fraction(1, 2))
    return -magnitude if value < 0 else magnitude


@given(
    value=st.decimals(
        min_value=-(10**12), max_value=10**12, places=6, allow_nan=False, allow_infinity=False
    ),
    currency=currencies,
)
@example(value=Decimal("0.5"), currency="JPY")
@example(value=Decimal("-0.005"), currency="USD")
def test_rounded_matches_exact_half_up(value: Decimal, currency: str) -> None:
    money = Money.rounded(value, currency)
    assert money.minor == _half_up_minor(value, currency)
    assert abs(Fraction(money.amount) - Fraction(value)) <= Fraction(1, 2) / 10 ** precision(
        currency
    )
    assert Money.rounded(-value, currency).minor == -money.minor


def test_rounded_refuses_absurd_magnitudes() -> None:
    with pytest.raises(MoneyError) as excinfo:
        Money.rounded(Decimal("1e40"), "USD")
    assert _code(excinfo) == "AMOUNT_TOO_LARGE"


# --- minor units ---------------------------------------------------------------------------


@given(minor=minor_units, currency=currencies)
@example(minor=0, currency="JPY")
@example(minor=-1, currency="BHD")
@example(minor=INT64, currency="USD")
def test_from_minor_round_trips_through_minor(minor: int, currency: str) -> None:
    money = Money.from_minor(minor, currency)
    assert money.minor == minor
    assert money.amount == Decimal(minor) / 10 ** precision(currency)
    assert Money.from_minor(money.minor, currency) == money
    if abs(minor) < 10**14:  # within what parsing accepts
        assert Money.parse(str(money.amount), currency) == money


def test_minor_counts_units_of_the_currency() -> None:
    assert Money.parse("12.34", "USD").minor == 1234
    assert Money.parse("1234", "JPY").minor == 1234
    assert Money.parse("1.234", "BHD").minor == 1234
    assert Money.parse("-0.05", "EUR").minor == -5


# --- arithmetic ----------------------------------------------------------------------------


@given(
    a=minor_units.map(lambda m: m // 4), b=minor_units.map(lambda m: m // 4), currency=currencies
)
def test_arithmetic_is_exact_in_minor_units(a: int, b: int, currency: str) -> None:
    x, y = Money.from_minor(a, currency), Money.from_minor(b, currency)
    assert (x + y).minor == a + b
    assert (x - y).minor == a - b
    assert (-x).minor == -a
    assert (x < y) == (a < b)
    assert (x <= y) == (a <= b)
    assert (x > y) == (a > b)
    assert (x >= y) == (a >= b)
    assert x.is_zero() == (a == 0)
    assert x.is_negative() == (a < 0)


def test_arithmetic_sums_decimal_fractions_exactly() -> None:
    ten_cents = Money.parse("0.10", "USD")
    total = Money.zero("USD")
    for _ in range(10):
        total = total + ten_cents
    assert total == Money.parse("1.00", "USD")
    assert str(total + Money.parse("12345678901234.56", "USD")) == "12345678901235.56 USD"


@pytest.mark.parametrize(
    "operation",
    [
        lambda a, b: a + b,
        lambda a, b: a - b,
        lambda a, b: a < b,
        lambda a, b: a <= b,
        lambda a, b: a > b,
        lambda a, b: a >= b,
    ],
    ids=["add", "sub", "lt", "le", "gt", "ge"],
)
def test_arithmetic_refuses_currency_mismatch(operation: object) -> None:
    usd, eur = Money.parse("1.00", "USD"), Money.parse("1.00", "EUR")
    with pytest.raises(MoneyError) as excinfo:
        operation(usd, eur)  # type: ignore[operator]
    assert _code(excinfo) == "CURRENCY_MISMATCH"
    assert "USD" in excinfo.value.message
    assert "EUR" in excinfo.value.message


@pytest.mark.parametrize("other", [1, Decimal("1.00"), "1.00"])
def test_arithmetic_refuses_non_money(other: object) -> None:
    with pytest.raises(TypeError):
        Money.parse("1.00", "USD") + other  # type: ignore[operator]


# --- allocation ----------------------------------------------------------------------------


@given(total=totals, weights=weight_lists, currency=currencies)
@example(total=1, weights=[1, 1, 1], currency="USD")
@example(total=-1, weights=[1, 1], currency="USD")
@example(total=100, weights=[1, 1, 1], currency="JPY")
@example(total=-100, weights=[0, 1, 0, 2], currency="BHD")
@example(total=10**17, weights=[10**12 - 1, 1, 10**12], currency="BHD")
def test_allocate_parts_sum_to_total_within_one_unit_of_share(
    total: int, weights: list[Decimal | int], currency: str
) -> None:
    money = Money.from_minor(total, currency)
    parts = money.allocate(weights)

    assert len(parts) == len(weights)
    assert all(p.currency == currency for p in parts)
    assert sum(p.minor for p in parts) == total
    weight_sum = sum(Fraction(w) for w in weights)
    for part, weight in zip(parts, weights, strict=True):
        share = Fraction(total) * Fraction(weight) / weight_sum
        assert abs(Fraction(part.minor) - share) < 1
        if weight == 0:
            assert part.is_zero()
        # A part never takes the opposite sign of the total.
        assert part.minor * total >= 0
    assert money.allocate(weights) == parts
    assert money.allocate(list(weights)) == parts


@given(total=totals, weights=weight_lists)
def test_allocate_negative_total_mirrors_positive(total: int, weights: list[Decimal | int]) -> None:
    positive = Money.from_minor(abs(total), "USD").allocate(weights)
    negative = Money.from_minor(-abs(total), "USD").allocate(weights)
    assert [p.minor for p in negative] == [-p.minor for p in positive]


def test_allocate_gives_leftover_units_to_earlier_parts_on_ties() -> None:
    parts = Money.parse("1.00", "USD").allocate([1, 1, 1])
    assert [str(p.amount) for p in parts] == ["0.34", "0.33", "0.33"]
    parts = Money.parse("1.00", "USD").allocate([1, 3])
    assert [str(p.amount) for p in parts] == ["0.25", "0.75"]
    parts = Money.parse("10", "JPY").allocate([Decimal("0.3"), Decimal("0.3"), Decimal("0.4")])
    assert [p.minor for p in parts] == [3, 3, 4]


def test_allocate_gives_leftover_units_to_largest_remainders() -> None:
    # Shares of 100 units by 1:2:4 are 14.28.., 28.57.., 57.14..: the leftover unit goes to
    # the second part, whose remainder is the largest.
    parts = Money.from_minor(100, "USD").allocate([1, 2, 4])
    assert [p.minor for p in parts] == [14, 29, 57]


@pytest.mark.parametrize(
    ("weights", "message"),
    [([], "at least one"), ([1, -1], "negative"), ([0, 0], "zero"), ([Decimal(0)], "zero")],
)
def test_allocate_refuses_unusable_weights(weights: list[int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Money.parse("1.00", "USD").allocate(weights)
