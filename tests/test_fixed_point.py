"""Quantities and rates are Decimals in Python and whole ten-thousandths in the database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from server.documents.models import TaxRate
from server.fixed_point import FixedPointField


def test_values_are_stored_as_whole_ten_thousandths_and_read_back_exactly() -> None:
    field: FixedPointField[Decimal] = FixedPointField()
    for text, stored in (("1", 10_000), ("1.5", 15_000), ("0.0001", 1), ("20.0000", 200_000)):
        assert field.to_db_value(Decimal(text), None) == stored
        assert field.to_python_value(stored) == Decimal(text)
        assert field.to_python_value(str(stored)) == Decimal(text)  # SQLite hands back text
    assert field.to_db_value(None, None) is None and field.to_python_value(None) is None


def test_more_than_four_places_is_refused_rather_than_rounded() -> None:
    field: FixedPointField[Decimal] = FixedPointField()
    with pytest.raises(ValueError):
        field.to_db_value(Decimal("1.00005"), None)


def test_a_model_keeps_the_decimal_it_was_given() -> None:
    rate = TaxRate(name="VAT", rate=Decimal("20.5"), inclusive=False)
    assert rate.rate == Decimal("20.5")
