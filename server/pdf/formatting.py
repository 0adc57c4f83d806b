"""Numbers, dates and money as the organization's locale writes them, with each currency's
own precision (JPY none, USD two, BHD three). Documents show text made here; the templates
never format a value themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval
from babel.numbers import format_currency, format_decimal

from server.money import amount_from_minor

DEFAULT_LOCALE = "en_US"


def valid_locale(tag: str) -> bool:
    """Whether babel knows the locale (`en_US`, `de_DE`, `ja_JP`)."""
    try:
        Locale.parse(tag)
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True, slots=True)
class Formatter:
    """Writes values in one locale."""

    locale: str = DEFAULT_LOCALE

    def money(self, minor: int, currency: str) -> str:
        """An amount of minor units with the currency's symbol and exactly its decimals."""
        return self.amount(amount_from_minor(minor, currency), currency)

    def amount(self, value: Decimal, currency: str) -> str:
        # The locale's pattern with the currency's own decimals (babel's currency digits,
        # the same source as server.money), so 1234 JPY never shows as 1,234.00.
        return format_currency(value, currency, locale=self.locale, currency_digits=True)

    def number(self, value: Decimal) -> str:
        """A quantity or percentage as written in the locale, without trailing zeros."""
        return format_decimal(value.normalize(), locale=self.locale, decimal_quantization=False)

    def day(self, value: date | None) -> str:
        return "" if value is None else format_date(value, format="medium", locale=self.locale)

    def period(self, start: date, end: date) -> str:
        """A range of days as the locale writes one (Mar 1 - 31, 2026)."""
        return format_interval(start, end, "yMMMd", locale=self.locale)
