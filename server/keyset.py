"""The orders a list can be read in, declared beside its read model, for keyset pages.

A list is ordered by one value then by id, both in the same direction. The value is a
column of the list's table, or a value the database computes from the row (what an
invoice still owes, its customer's name): `expression` writes that value's SQL over the
row's table alias. The same SQL orders the page, bounds it at a cursor and, selected
beside the row, gives the next cursor, so a computed order pages as a column does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from tortoise.models import Model

KEY = "item__key"
"""The name the sort value is selected under, beside the row's own columns."""


@dataclass(frozen=True, slots=True)
class SortKey:
    """Sort by `field` then by id, both in the same direction.

    `field` is a column of the table, or with `expression` the name of a computed value;
    either way it is written into cursors, so that a cursor of one order is refused by
    another. `kind` is the Python type of a computed value (int or str): what a cursor
    must hold for it."""

    field: str
    descending: bool = False
    expression: Callable[[str], str] | None = None
    kind: type = str

    def toward(self, descending: bool) -> SortKey:
        """This order in the direction asked."""
        return replace(self, descending=descending)

    def sql(self, model: type[Model], alias: str | None = None) -> str:
        """The sort value over the row of `model` named `alias` (the table's own name
        if not given)."""
        table = alias or f'"{model._meta.db_table}"'
        if self.expression is not None:
            return self.expression(table)
        return f'{table}."{self.field}"'

    def nullable(self, model: type[Model]) -> bool:
        """Whether the sort value may be null; a computed value never is."""
        return self.expression is None and bool(model._meta.fields_map[self.field].null)


def orders(*keys: SortKey) -> dict[str, SortKey]:
    """Orders by the name of their value, as a read model declares them."""
    return {key.field: key for key in keys}
