"""Raw SQL for reports and the hottest writes, written once for SQLite and PostgreSQL.

Queries are written with PostgreSQL's numbered placeholders ($1, $2, ...), each used once
and in order; on SQLite they become `?`. Values are adapted to what each driver expects.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from operator import itemgetter
from typing import Any
from uuid import UUID

import asyncpg
from tortoise import connections
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.exceptions import IntegrityError, OperationalError, TransactionManagementError
from tortoise.fields import DatetimeField, UUIDField
from tortoise.models import Model
from tortoise.timezone import get_default_timezone, get_use_tz

from server.keyset import KEY, SortKey
from server.observability import count_statement

_PLACEHOLDER = re.compile(r"\$\d+")


def placeholders(count: int, first: int = 1) -> str:
    """`$first, ..., $(first + count - 1)`, for an IN list of `count` values."""
    return ", ".join(f"${i}" for i in range(first, first + count))


def contains_pattern(text: str) -> str:
    """`%text%` for LIKE ... ESCAPE '\\', with LIKE's wildcards in `text` taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def dialect() -> str:
    return str(connections.get("default").schema_generator.DIALECT)


async def fetch(sql: str, *params: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in await fetch_rows(sql, *params)]


async def fetch_rows(sql: str, *params: Any) -> Sequence[Mapping[str, Any]]:
    """`fetch`, with the rows as the driver returns them (read-only, read by column name)
    rather than copied into dictionaries: what `records` reads."""
    conn = connections.get("default")
    if isinstance(conn, AsyncpgDBClient):
        return await _on_asyncpg(conn, sql, params)
    sql, values = _for_driver(sql, params)
    _count, rows = await conn.execute_query(sql, values)
    return rows


async def execute(sql: str, *params: Any) -> int:
    """Run an UPDATE, INSERT or DELETE; the number of rows it changed.

    For the hottest writes, where building the statement through the ORM would cost more
    than the database does to run it.
    """
    conn = connections.get("default")
    if isinstance(conn, AsyncpgDBClient):
        return _changed(await _on_asyncpg(conn, sql, params, write=True))
    sql, values = _for_driver(sql, params)
    changed, _rows = await conn.execute_query(sql, values)
    return int(changed)


async def _on_asyncpg(
    client: AsyncpgDBClient, sql: str, params: Sequence[Any], *, write: bool = False
) -> Any:
    """One statement on PostgreSQL, on the connection the ORM would use (the transaction's,
    or one from the pool), with its errors raised as the ORM raises them.

    The ORM's own `execute_query` does the same with more around it (a debug log call, a
    wrapper coroutine per call, the statement upper-cased to tell writes from reads):
    about 45 µs of CPU a statement, a fifth of a one-row read's cost on the client side.
    A write gives its command status (`UPDATE 3`), anything else its rows."""
    async with client.acquire_connection() as connection:
        count_statement()
        try:
            if write:
                return await connection.execute(sql, *params)
            return await connection.fetch(sql, *params)
        except (asyncpg.SyntaxOrAccessError, asyncpg.exceptions.DataError) as exc:
            raise OperationalError(exc) from exc
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(exc) from exc
        except asyncpg.InvalidTransactionStateError as exc:
            raise TransactionManagementError(exc) from exc


def _changed(status: str) -> int:
    """The row count of a command status such as `UPDATE 3` or `INSERT 0 1`."""
    return int(status.rsplit(" ", 1)[1])


def _for_driver(sql: str, params: tuple[Any, ...]) -> tuple[str, list[Any]]:
    if dialect() == "sqlite":
        native = _SQLITE_NATIVE
        return _question_marks(sql), [p if type(p) in native else _sqlite_value(p) for p in params]
    return sql, list(params)


# Values the SQLite driver stores as they are: most of an insert's, as the fields convert
# them, which are then not handed one by one to `_sqlite_value`.
_SQLITE_NATIVE = frozenset({str, int, float, bytes, bool, type(None)})


@lru_cache(maxsize=1024)
def _question_marks(sql: str) -> str:
    """The statement with SQLite's placeholders; kept, as most texts recur."""
    return _PLACEHOLDER.sub("?", sql)


def days_between(later: str, earlier: str) -> str:
    """SQL for the whole days from one date expression to another, on either database."""
    if dialect() == "sqlite":
        return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"
    return f"({later} - {earlier})"


def _sqlite_value(value: Any) -> Any:
    # As the ORM stores them on SQLite: uuids as text, datetimes with a space.
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


@dataclass(frozen=True, slots=True)
class Bounds:
    """The ends of a range a list filters by, either of them open (None)."""

    start: Any = None
    end: Any = None


@dataclass
class Where:
    """Conditions joined by AND, each with its values, for a hand-written list query.

    A condition marks each of its values with `{}`; they become numbered placeholders in
    the order added, which is the order `fetch` needs on SQLite.
    """

    conditions: list[str] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)

    def add(self, condition: str, *values: Any) -> Where:
        marks = []
        for value in values:
            self.values.append(value.value if isinstance(value, Enum) else value)
            marks.append(f"${len(self.values)}")
        self.conditions.append(condition.format(*marks))
        return self

    def search(self, text: str, *columns: str) -> Where:
        """Any of `columns` (SQL expressions) contains `text`, ignoring case, with LIKE's
        wildcards taken literally: the one text search of every list. Both sides are
        upper-cased, which both databases do alike for ASCII letters (PostgreSQL for
        every letter)."""
        pattern = contains_pattern(text.strip())
        either = " OR ".join(f"upper({c}) LIKE upper({{}}) ESCAPE '\\'" for c in columns)
        return self.add(f"({either})", *([pattern] * len(columns)))

    def within(self, column: str, bounds: Bounds | None, *, end_inclusive: bool = True) -> Where:
        """`column` within a date range (both ends inclusive) or, with `end_inclusive`
        false, an instant range (`to` exclusive); an end not given is open."""
        if bounds is None:
            return self
        if bounds.start is not None:
            self.add(f"{column} >= {{}}", bounds.start)
        if bounds.end is not None:
            self.add(f"{column} {'<=' if end_inclusive else '<'} {{}}", bounds.end)
        return self

    def one_of(self, column: str, values: Sequence[Any] | None) -> Where:
        """`column` is one of `values`; no condition when none are given."""
        if values:
            marks = ", ".join("{}" for _ in values)
            self.add(f"{column} IN ({marks})", *values)
        return self

    def after_key(
        self, key: str, value: Any, row_id: UUID, *, ascending: bool, nullable: bool = False
    ) -> Where:
        """Rows strictly after (value, id) in the order of the sort value `key` (its SQL)
        then id: a keyset page.

        A nullable column sorts its nulls after every value (`sort_order`), so walking up
        from a value still reaches the nulls, and walking down from a null reaches the
        values."""
        op = ">" if ascending else "<"
        if value is None:
            beyond = f'({key} IS NULL AND "id" {op} {{}})'
            if not ascending:
                beyond = f"({beyond} OR {key} IS NOT NULL)"
            return self.add(beyond, row_id)
        beyond = f'{key} {op} {{}} OR ({key} = {{}} AND "id" {op} {{}})'
        if nullable and ascending:
            beyond += f" OR {key} IS NULL"
        return self.add(f"({beyond})", value, value, row_id)

    def copy(self) -> Where:
        return Where(list(self.conditions), list(self.values))

    def sql(self) -> str:
        return " AND ".join(self.conditions) if self.conditions else "TRUE"


@dataclass(frozen=True, slots=True)
class Joined:
    """A row of another table read with each row of a page: `model`'s row whose id the page
    row holds in `link`, within the same organization."""

    model: type[Model]
    link: str


_JOINED = "joined__"
_ITEM = "item__"


def sort_order(key: str, direction: str, nullable: bool, alias: str = "") -> str:
    """ORDER BY the sort value `key` (its SQL) then id in `direction`, nulls after every
    value in both databases (PostgreSQL's default; SQLite's is the opposite), as
    `Where.after_key` expects."""
    nulls = ""
    if nullable:
        nulls = " NULLS LAST" if direction == "ASC" else " NULLS FIRST"
    return f'{key} {direction}{nulls}, {alias}"id" {direction}'


def _ordered(model: type[Model], where: Where, key: SortKey, direction: str, limit: int) -> str:
    """The page's rows with their sort value beside them, as `KEY`."""
    table = model._meta.db_table
    order = sort_order(key.sql(model), direction, key.nullable(model))
    return (
        f'SELECT "{table}".*, {key.sql(model)} AS "{KEY}" FROM "{table}"'  # noqa: S608
        f" WHERE {where.sql()} ORDER BY {order} LIMIT {int(limit)}"
    )


def _reordered(model: type[Model], key: SortKey, direction: str) -> str:
    """`_ordered`'s order again, over its rows as `p`."""
    return sort_order(f'p."{KEY}"', direction, key.nullable(model), "p.")


def page_sql(
    model: type[Model],
    where: Where,
    key: SortKey,
    descending: bool,
    limit: int,
    joined: Joined | None = None,
) -> str:
    """The statement `page_rows` runs (its values are `where.values`). Column and table
    names come from code, never from input."""
    direction = "DESC" if descending else "ASC"
    page = _ordered(model, where, key, direction, limit)
    if joined is None:
        return page
    other = joined.model._meta
    columns = ", ".join(f'j."{c}" AS "{_JOINED}{c}"' for c in other.db_fields)
    return (
        f"SELECT p.*, {columns} FROM ({page}) p"  # noqa: S608
        f' LEFT JOIN "{other.db_table}" j ON j."id" = p."{joined.link}"'
        ' AND j."organization_id" = p."organization_id"'
        f" ORDER BY {_reordered(model, key, direction)}"
    )


async def page_rows(
    model: type[Model],
    where: Where,
    key: SortKey,
    descending: bool,
    limit: int,
    joined: Joined | None = None,
) -> tuple[list[Any], list[Any], list[Any]]:
    """The model's rows matching `where`, ordered by `key` then id, as records, with the
    sort value of each (as `page_items` gives it); with `joined`, also the joined row of
    each (a record, or None), read by the same statement."""
    rows = await fetch_rows(page_sql(model, where, key, descending, limit, joined), *where.values)
    found = records(model, rows)
    keys = _sort_values(model, key, rows)
    if joined is None:
        return found, keys, []
    marker = f"{_JOINED}id"
    others_found = iter(records(joined.model, [r for r in rows if r[marker] is not None], _JOINED))
    others = [next(others_found) if row[marker] is not None else None for row in rows]
    return found, keys, others


def items_sql(
    model: type[Model], where: Where, key: SortKey, descending: bool, limit: int, item: str
) -> str:
    """The statement `page_items` runs: the page as `page_sql` orders it, each row as its
    sort value, its id and `item`, an expression over the row's alias `p`
    (server.reads.compile.ROW)."""
    direction = "DESC" if descending else "ASC"
    page = _ordered(model, where, key, direction, limit)
    return (
        f'SELECT p."{KEY}" AS "{_ITEM}key", p."id" AS "{_ITEM}id", {item} AS "{_ITEM}item"'  # noqa: S608
        f" FROM ({page}) p ORDER BY {_reordered(model, key, direction)}"
    )


async def page_items(
    model: type[Model], where: Where, key: SortKey, descending: bool, limit: int, item: str
) -> list[tuple[Any, Any, Any]]:
    """(sort value, id, item) of the model's rows matching `where`, in `page_rows`' order;
    the sort value is converted as records convert that column, for the cursor."""
    rows = await fetch_rows(items_sql(model, where, key, descending, limit, item), *where.values)
    values = _sort_values(model, key, rows, f"{_ITEM}key")
    return [
        (value, row[f"{_ITEM}id"], row[f"{_ITEM}item"])
        for value, row in zip(values, rows, strict=True)
    ]


def _sort_values(
    model: type[Model], key: SortKey, rows: Sequence[Mapping[str, Any]], name: str = KEY
) -> list[Any]:
    """The sort value of each row as a cursor holds it: a column's as records convert
    it, a computed value as its `kind`."""
    if not rows:
        return []
    if key.expression is not None:
        kind = key.kind
        return [None if row[name] is None else kind(row[name]) for row in rows]
    record_type, names, _keys = _record_type(model, "", isinstance(rows[0], asyncpg.Record))
    read = _column_reader(model, key.field, record_type, names)
    return [read(row[name]) for row in rows]


def _column_reader(
    model: type[Model], name: str, record_type: type[Record], names: list[str]
) -> Callable[[Any], Any]:
    """How records convert one column's stored value: as is, or by its `_Converted`."""
    if name in names:
        return lambda value: value
    converted = record_type.__dict__.get(name)
    if not isinstance(converted, _Converted):
        raise ValueError(f"{model.__name__}.{name} is not a column")
    return converted.convert


async def count_rows(model: type[Model], where: Where) -> int:
    sql = f'SELECT count(*) AS n FROM "{model._meta.db_table}" WHERE {where.sql()}'  # noqa: S608
    rows = await fetch(sql, *where.values)
    return int(rows[0]["n"])


class Record:
    """A row read for display: the model's field values as attributes, converted as the ORM
    converts them, without a model instance's bookkeeping (which costs more than the row's
    SQL on a page of fifty). Read-only by convention: nothing saves it.

    Values the driver gives as they are stored are set at once; the others (enums, fixed
    points, JSON, times in a zone) are converted the first time they are read, by a
    `_Converted` of the record's class: a page shows a few of a row's columns."""

    _row: Mapping[str, Any]


class _Converted:
    """A column converted when first read, then kept; a non-data descriptor, so the kept
    value (in the record's __dict__) is what later reads find."""

    __slots__ = ("convert", "key", "name")

    def __init__(self, name: str, key: str, convert: Callable[[Any], Any]) -> None:
        self.name = name
        self.key = key
        self.convert = convert

    def __get__(self, record: Any, owner: type | None = None) -> Any:
        if record is None:
            return self
        value = record.__dict__[self.name] = self.convert(record._row[self.key])
        return value


_RECORD_TYPES: dict[tuple[Any, ...], tuple[type[Record], list[str], list[str]]] = {}


def _record_type(
    model: type[Model], prefix: str, postgres: bool
) -> tuple[type[Record], list[str], list[str]]:
    """A Record class for the model's rows as read with `prefix`: the model's properties
    (they read fields only) and a `_Converted` per column the driver does not give as is;
    with the names of the others and their keys in a row.

    Kept per database kind and per whether times are kept aware, which decide the
    conversions. (The ORM reads its time zone once per process.)"""
    use_tz = get_use_tz()
    cache_key = (model, prefix, postgres, use_tz)
    found = _RECORD_TYPES.get(cache_key)
    if found is not None:
        return found
    zone = get_default_timezone() if use_tz else None
    meta = model._meta
    attributes: dict[str, Any] = {
        name: value
        for klass in reversed(model.__mro__)
        if issubclass(klass, Model) and klass is not Model
        for name, value in vars(klass).items()
        if isinstance(value, property)
    }
    names = [name for _key, name, _field in meta.db_native_fields]
    keys = [prefix + key for key, _name, _field in meta.db_native_fields]
    for key, name, column in meta.db_default_fields:
        attributes[name] = _Converted(name, prefix + key, _plain(column.field_type))
    for key, name, column in meta.db_complex_fields:
        if postgres and isinstance(column, UUIDField):
            # The driver returns uuid.UUID itself, which the field's converter hands back.
            names.append(name)
            keys.append(prefix + key)
        else:
            attributes[name] = _Converted(name, prefix + key, _converter(column, zone))
    record_type = type(f"{model.__name__}Record", (Record,), {**attributes, "_meta": meta})
    found = _RECORD_TYPES[cache_key] = (record_type, names, keys)
    return found


def records(model: type[Model], rows: Iterable[Mapping[str, Any]], prefix: str = "") -> list[Any]:
    """The rows (every column of the model's table, as `SELECT *` gives them, each name
    after `prefix`) as Records.

    Each column is converted exactly as the ORM's own loading does: the same per-database
    split into values the driver already converted, plain type conversions and the fields'
    own converters. Typed Any: callers read them where they would read the model.
    """
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return []
    # The rows themselves tell which driver read them, without asking the connection.
    record_type, names, keys = _record_type(model, prefix, isinstance(rows[0], asyncpg.Record))
    read_native = _getter(keys)
    out = []
    for row in rows:
        values = dict(zip(names, read_native(row), strict=True))
        values["_row"] = row
        record = record_type.__new__(record_type)
        record.__dict__ = values
        out.append(record)
    return out


def _getter(keys: list[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """The values of these columns of a row, as a tuple, read in one call."""
    if len(keys) == 1:
        only = keys[0]
        return lambda row: (row[only],)
    if not keys:
        return lambda _row: ()
    return itemgetter(*keys)


def _plain(kind: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else kind(value)


def _converter(field: Any, zone: Any) -> Callable[[Any], Any]:
    convert: Callable[[Any], Any] = field.to_python_value
    if not isinstance(field, DatetimeField) or zone is None:
        return convert
    # The ORM's conversion of a time the driver already made aware (PostgreSQL's always
    # are), with the time zone looked up once rather than once per value.

    def aware(value: Any) -> Any:
        if type(value) is datetime and value.tzinfo is not None:
            return value.astimezone(zone)
        return convert(value)

    return aware
