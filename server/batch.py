"""Writes sent to the database together: inserts of new rows and guarded updates of one row.

A batch's writes are one statement on PostgreSQL, each a data-modifying CTE of one WITH (one
round trip instead of one per write), and one statement each on SQLite, which has no
data-modifying CTEs. The SQL of each write is the same on both; only how it travels differs.

On PostgreSQL every write of the statement sees the database as it was before the batch; on
SQLite each would see the ones before it. So that a batch means the same on both, its writes
must be independent, and `Batch.run` refuses a batch whose writes could see each other
(`DependentWrites`), on both databases, before anything is sent:

- an insert is of a new model instance with its id set, every value given;
- an update (`RowUpdate`) changes the one row its id names, and its assignments and
  condition read that row's columns and the parameters only (no SELECT, no FROM);
- no two writes name the same row of the same table, an insert included.

What each write changed is counted first and checked after all have run, so a write that
changed other than the rows it must is refused alike on both, whatever comes after it.
docs/decisions/hot-writes.md has the reasons and the limits of the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeAlias

from tortoise import connections
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.models import Model

from server import sql

# A subquery or a joined table would let a write read rows another write changes.
_READS_OTHER_ROWS = re.compile(r"\b(SELECT|FROM)\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\$(\d+)")

Statement: TypeAlias = tuple[str, tuple[Any, ...]]


class DependentWrites(RuntimeError):
    """A batch whose writes could see each other: refused before anything is sent."""


@dataclass(frozen=True, slots=True)
class RowUpdate:
    """An UPDATE of the row of `model` whose id is `row_id`: `assignments` (the SET list)
    where `condition` holds, both over the row's own columns and `params`, numbered $1, $2,
    ... once each, in order through the assignments then the condition.

    The row's id is the statement's last parameter, so `statement()` runs as it is through
    `sql.execute(text, *params)` too."""

    model: type[Model]
    row_id: Any
    assignments: str
    condition: str = "TRUE"
    params: tuple[Any, ...] = ()

    def statement(self) -> Statement:
        text = _update_text(self.model, self.assignments, self.condition, len(self.params))
        return text, (*self.params, self.row_id)

    def row(self) -> tuple[str, Any]:
        return self.model._meta.db_table, self.row_id


@lru_cache(maxsize=256)
def _update_text(model: type[Model], assignments: str, condition: str, count: int) -> str:
    """The UPDATE of one row by id, once the texts are checked; kept, since a write has one
    text request after request."""
    if _READS_OTHER_ROWS.search(assignments) or _READS_OTHER_ROWS.search(condition):
        raise DependentWrites(f"a batched update reads other rows: {assignments} / {condition}")
    numbers = [int(n) for n in _PLACEHOLDER.findall(f"{assignments} {condition}")]
    if numbers != list(range(1, count + 1)):
        raise ValueError(f"placeholders {numbers} for {count} parameters, each once and in order")
    meta = model._meta
    return (
        f'UPDATE "{meta.db_table}" SET {assignments}'  # noqa: S608 (fixed names and placeholders)
        f' WHERE ({condition}) AND "{meta.db_pk_column}" = ${count + 1}'
    )


@dataclass(frozen=True, slots=True)
class _Write:
    change: Model | RowUpdate
    rows: int | None
    refusal: Exception

    def statement(self) -> Statement:
        if isinstance(self.change, Model):
            return insert_sql(self.change)
        return self.change.statement()

    def row(self) -> tuple[str, Any]:
        if isinstance(self.change, RowUpdate):
            return self.change.row()
        if self.change.pk is None:
            raise DependentWrites(f"a batched {type(self.change).__name__} has no id yet")
        return self.change._meta.db_table, self.change.pk


class Batch:
    """Independent writes sent together, in the caller's transaction (see the module).

    A write may state how many rows it must change and what to raise otherwise; the
    caller's transaction then rolls back what the batch did."""

    def __init__(self) -> None:
        self._writes: list[_Write] = []

    def insert(self, instance: Model) -> None:
        """Insert a new model instance (every column, converted as the ORM converts it)."""
        refusal = RuntimeError(f"{type(instance).__name__} not saved")
        self._writes.append(_Write(instance, 1, refusal))

    def update(
        self, change: RowUpdate, *, rows: int | None = None, otherwise: Exception | None = None
    ) -> None:
        """Update one row; with `rows` (0 or 1), it must change that many or `otherwise`
        is raised."""
        refusal = otherwise or RuntimeError(f"a batched update changed other than {rows} rows")
        self._writes.append(_Write(change, rows, refusal))

    async def run(self) -> list[int]:
        """Send the writes; the rows each changed, in order."""
        if not self._writes:
            return []
        _check_independent(self._writes)
        connection = connections.get("default")
        if not isinstance(connection, TransactionalDBClient):
            raise RuntimeError("a batch runs in the caller's transaction")
        statements = [write.statement() for write in self._writes]
        if isinstance(connection, AsyncpgDBClient):
            counts = await self._sent_together(statements)
        else:
            counts = await self._sent_one_by_one(statements)
        for write in self._writes:
            if isinstance(write.change, Model):
                write.change._saved_in_db = True
        for write, count in zip(self._writes, counts, strict=True):
            if write.rows is not None and count != write.rows:
                raise write.refusal
        return counts

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


def _check_independent(writes: list[_Write]) -> None:
    """Refuse writes that name one row twice (the other parts of the rule are checked as
    each statement is built)."""
    seen: set[tuple[str, Any]] = set()
    for write in writes:
        row = write.row()
        if row in seen:
            raise DependentWrites(f"two writes of one batch change {row[0]} row {row[1]}")
        seen.add(row)


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
