"""Writes sent to the database together: inserts of new rows and guarded updates of one row.

A batch's writes are one statement on PostgreSQL, each a data-modifying CTE of one WITH (one
round trip instead of one per write), and one statement each on SQLite, which has no
data-modifying CTEs. The SQL of each write is the same on both; only how it travels differs.

On PostgreSQL every write of the statement sees the database as it was before the batch; on
SQLite each would see the ones before it. So that a batch means the same on both, its writes
must be independent, and a batch whose writes could see each other is refused with
`DependentWrites` on both databases, before anything is sent:

- an insert is of a new model instance with its id set, every value given;
- an update (`RowUpdate`) changes the one row its id names, and its assignments and
  condition read that row's columns and the parameters only (no SELECT, no FROM): checked
  where the update is declared;
- no two writes of a batch name the same row of the same table, an insert included:
  checked by `Batch.run`.

What each write changed is counted first and checked once all have run, so a write that
changed other rows than it must is refused alike on both, whatever comes after it.
docs/decisions/hot-writes.md has the reasons and the limits of the rule.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, TypeAlias

from tortoise import connections
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.models import Model

from server import sql

# A subquery or a joined table would let a write read rows another write changes.
_READS_OTHER_ROWS = re.compile(r"\b(SELECT|FROM)\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\$(\d+)")

Statement: TypeAlias = tuple[str, tuple[Any, ...]]


class DependentWrites(RuntimeError):
    """Writes of one batch that could see each other: refused before anything is sent."""


class RowUpdate:
    """An UPDATE of one row of `model`, named by its id: `assignments` (the SET list) where
    `condition` holds, both over the row's own columns and parameters $1, $2, ... (each
    once, in order through the assignments then the condition).

    Declared once, as a module constant: the texts are checked and the statement built
    then, and each use gives only the row and the values (`row`)."""

    __slots__ = ("count", "table", "text")

    def __init__(self, model: type[Model], assignments: str, condition: str = "TRUE") -> None:
        if _READS_OTHER_ROWS.search(assignments) or _READS_OTHER_ROWS.search(condition):
            raise DependentWrites(f"an update reads other rows: {assignments} / {condition}")
        numbers = [int(n) for n in _PLACEHOLDER.findall(f"{assignments} {condition}")]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"placeholders {numbers}: each once and in order, from $1")
        meta = model._meta
        self.count = len(numbers)
        self.table: str = meta.db_table
        # The row's id is the last parameter. Fixed names and placeholders only.
        self.text = (
            f'UPDATE "{self.table}" SET {assignments}'  # noqa: S608
            f' WHERE ({condition}) AND "{meta.db_pk_column}" = ${self.count + 1}'
        )

    def row(self, row_id: Any, *params: Any) -> RowChange:
        """This update of the row `row_id`, with the values of its parameters."""
        if len(params) != self.count:
            raise ValueError(f"{self.count} parameters expected, {len(params)} given")
        return self, row_id, params


# An update of one row: the update, the row's id, the values of its parameters.
RowChange: TypeAlias = tuple[RowUpdate, Any, tuple[Any, ...]]


def change_statement(change: RowChange) -> Statement:
    """The SQL and values of a row's update, for `sql.execute` when sent on its own."""
    update, row_id, params = change
    return update.text, (*params, row_id)


class Batch:
    """Independent writes sent together, in the caller's transaction (see the module).

    An update may state how many rows it must change and what to raise otherwise; the
    caller's transaction then rolls back what the batch did."""

    def __init__(self) -> None:
        # Each write: the new instance or the row change, the rows it must change, the refusal.
        self._writes: list[tuple[Model | RowChange, int | None, Exception | None]] = []

    def insert(self, instance: Model) -> None:
        """Insert a new model instance (every column, converted as the ORM converts it)."""
        self._writes.append((instance, None, None))

    def update(
        self, change: RowChange, *, rows: int | None = None, otherwise: Exception | None = None
    ) -> None:
        """Update one row (`RowUpdate.row`); with `rows` (0 or 1), it must change that many
        or `otherwise` is raised."""
        self._writes.append((change, rows, otherwise))

    async def run(self) -> list[int]:
        """Send the writes; the rows each changed, in order."""
        if not self._writes:
            return []
        client: type[BaseDBAsyncClient] = type(connections.get("default"))
        together = _sends_together(client)
        if together is None:
            raise RuntimeError("a batch runs in the caller's transaction")
        statements = self._statements()
        if together:
            counts = await self._sent_together(statements)
        else:
            counts = await self._sent_one_by_one(statements)
        for (change, rows, refusal), count in zip(self._writes, counts, strict=True):
            if isinstance(change, Model):
                change._saved_in_db = True
            elif rows is not None and count != rows:
                raise refusal or RuntimeError(f"a batched update changed {count} rows, not {rows}")
        return counts

    def _statements(self) -> list[Statement]:
        """Each write's statement, once no row is found named by an update and by another
        write. Ids are compared only within a table that has an update and several writes:
        most ids are UUIDs, whose hash is computed in Python."""
        statements = []
        named: dict[str, list[Any]] = {}
        inserted = []
        for change, _rows, _refusal in self._writes:
            if isinstance(change, Model):
                inserted.append(change)
                statements.append(insert_sql(change))
            else:
                update, row_id, params = change
                named.setdefault(update.table, []).append(row_id)
                statements.append((update.text, (*params, row_id)))
        for instance in inserted:
            if (ids := named.get(instance._meta.db_table)) is not None:
                ids.append(instance.pk)
        for table, ids in named.items():
            if len(ids) > 1 and len(set(ids)) != len(ids):
                row_id = next(row_id for row_id in ids if ids.count(row_id) > 1)
                raise DependentWrites(f"two writes of one batch name {table} row {row_id}")
        return statements

    @staticmethod
    async def _sent_together(statements: list[Statement]) -> list[int]:
        """One PostgreSQL statement: each write a CTE, and the rows each changed."""
        params: list[Any] = []
        parts = []
        for i, (text, values) in enumerate(statements):
            parts.append(f"w{i} AS ({_shifted(text, len(params))} RETURNING 1)")
            params.extend(values)
        # Fixed names and the writes' own text only.
        counts = ", ".join(f"(SELECT count(*) FROM w{i}) AS c{i}" for i in range(len(parts)))  # noqa: S608
        found = await sql.fetch_rows(f"WITH {', '.join(parts)} SELECT {counts}", *params)
        return [int(c) for c in found[0].values()]

    @staticmethod
    async def _sent_one_by_one(statements: list[Statement]) -> list[int]:
        """The same statements one after another (SQLite has no data-modifying CTEs)."""
        return [await sql.execute(text, *values) for text, values in statements]


@cache
def _sends_together(client: type[BaseDBAsyncClient]) -> bool | None:
    """Whether a transaction on this kind of connection sends a batch as one statement
    (PostgreSQL) or one by one; None outside a transaction. Kept per class: the ORM's
    client classes are abstract base classes, whose isinstance runs Python code."""
    if not issubclass(client, TransactionalDBClient):
        return None
    return issubclass(client, AsyncpgDBClient)


@lru_cache(maxsize=512)
def _shifted(text: str, offset: int) -> str:
    """The statement with each placeholder $n as $(n + offset). Kept: a batch's writes have
    a few fixed texts, shifted by the same offsets request after request."""
    return _PLACEHOLDER.sub(lambda m: f"${int(m.group(1)) + offset}", text)


def insert_sql(instance: Model) -> Statement:
    """An INSERT of every column of a new instance, with the values the ORM's own insert
    sends (each field's `to_db_value`, which also validates and fills `auto_now_add`); on
    SQLite, `sql.execute` adapts them as the ORM's driver does."""
    text, names = _insert_text(type(instance))
    fields = instance._meta.fields_map
    return text, tuple(fields[n].to_db_value(getattr(instance, n), instance) for n in names)


@cache
def _insert_text(model: type[Model]) -> tuple[str, tuple[str, ...]]:
    """The INSERT statement of a model's rows and the fields it takes, in order."""
    meta = model._meta
    names = tuple(n for n in meta.fields_db_projection if n not in meta.generated_db_fields)
    columns = ", ".join(f'"{meta.fields_db_projection[n]}"' for n in names)
    holders = sql.placeholders(len(names))
    return f'INSERT INTO "{meta.db_table}" ({columns}) VALUES ({holders})', names  # noqa: S608
