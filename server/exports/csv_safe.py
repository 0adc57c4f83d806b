"""The one CSV writer of the code base: cells cannot run as spreadsheet formulas.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and a
leading tab or carriage return can hide one), so a user agent such as
`=HYPERLINK(...)` in an audit export would run on the auditor's machine (OWASP "CSV
injection"). Every such text cell is written with a leading single quote, which
spreadsheets show as text and do not keep. Plain numbers (`-12.50`) are left as they are:
a spreadsheet reads them as numbers, not formulas, and amounts stay usable.

Every CSV export goes through `writer()`; a test fails on any other use of `csv.writer`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

# The characters OWASP lists, and their full-width forms, which some spreadsheets also
# take as the start of a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def neutralise(value: Any) -> Any:
    """A cell value that a spreadsheet shows as written instead of running it."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        if _PLAIN_NUMBER.fullmatch(value):
            return value
        return "'" + value
    return value


class _Destination(Protocol):
    def write(self, text: str, /) -> Any: ...


class SafeWriter:
    """`csv.writer` with every cell neutralised."""

    def __init__(self, destination: _Destination, **options: Any) -> None:
        self._writer = csv.writer(destination, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(destination: _Destination, **options: Any) -> SafeWriter:
    """Use instead of `csv.writer`; takes the same options."""
    return SafeWriter(destination, **options)
