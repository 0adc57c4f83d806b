"""Declarations of what SQL can write of a type: a `Shape` of fields, each one of

- `Value`: a scalar, `sql(source, dialect)` its JSON value (text, number, boolean or null);
- `Nested`: an object read from the same row (a Money of a row's minor units and currency);
- `Related`: an object read from one related row (an invoice's customer);
- `Rows`: a list of related rows in order (an invoice's lines);
- `SpelledRows`: `Rows` whose source each dialect spells its own way (a JSON array's items);
- `Choice`: one of two of these, by a condition on the row (a draft's lines or a posted
  entry's);
- `Listed`: a list of objects read from the same row (a report row's amounts per column);
- `Argued`: a field taking arguments, one of the above for each set of them (a balance as of
  a date).

A source is what a declaration's SQL is written from: the alias of a table's row, or for
values that are not rows (Money) a tuple of expressions. Values come out as the Python path
gives them: amounts at the currency's precision, quantities without trailing zeros, global
ids as strawberry encodes them, dates in ISO form, enums by name, booleans as true/false.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from server.reads.dialect import Dialect

Source = Any


@dataclass(frozen=True)
class Value:
    """A scalar field: `sql(source, dialect)` is its JSON value."""

    sql: Callable[[Source, Dialect], str]


@dataclass(frozen=True)
class Nested:
    """An object field: the object `shape` describes, read from `source(parent)`; JSON null
    where `present(parent)`, a SQL condition, is not true."""

    shape: Shape
    source: Callable[[Source], Source]
    present: Callable[[Source], str] | None = None


@dataclass(frozen=True)
class Related:
    """An object field read from one related row: `rows(parent, alias)` is the FROM ...
    WHERE ... clause naming it `alias`; JSON null where there is none."""

    shape: Shape
    rows: Callable[[str, str], str]


@dataclass(frozen=True)
class Rows:
    """A list field of related rows: `rows(parent, alias)` is the FROM ... WHERE ... clause
    naming the rows `alias`, `order` their ORDER BY (with `{t}` for the alias)."""

    shape: Shape
    rows: Callable[[str, str], str]
    order: str


@dataclass(frozen=True)
class SpelledRows:
    """`Rows` whose FROM ... WHERE ... clause and order each dialect spells its own way
    (the elements of a JSON array column, text sorted by code point): `rows(parent, alias,
    dialect)`, `order(alias, dialect)`."""

    shape: Shape
    rows: Callable[[str, str, Dialect], str]
    order: Callable[[str, Dialect], str]


@dataclass(frozen=True)
class Choice:
    """A field read one of two ways, by row: `then` where `when(parent)`, a SQL condition,
    holds, `otherwise` elsewhere (a draft's lines as entered, a posted entry's as posted).
    Both answer the same selection."""

    when: Callable[[str], str]
    then: Field
    otherwise: Field


@dataclass(frozen=True)
class Listed:
    """A list field of objects `shape` describes, each read from one of the sources
    `sources(parent)` gives, in that order (a fixed number, known when the SQL is written)."""

    shape: Shape
    sources: Callable[[Source], list[Source]]


Field = Value | Nested | Related | Rows | SpelledRows | Choice | Listed


@dataclass(frozen=True)
class Argued:
    """A field that takes arguments: `field(arguments)` is the field they make, by name
    (values as the request gives them: a variable's coerced value, a literal's text, which
    validation has checked); None where SQL does not write it for these."""

    field: Callable[[dict[str, Any]], Field | None]


@dataclass(frozen=True, eq=False)
class Shape:
    """The fields of one GraphQL object type that SQL can write; `table` is where its rows
    are, for types read by id (a Money has none). Each shape is its own identity (compiled
    selections are kept per shape)."""

    type_name: str
    fields: Mapping[str, Field | Argued]
    table: str | None = None


def column(name: str) -> Value:
    """A column whose stored value is its JSON value (text, integer, date as ISO text)."""
    return Value(lambda t, _d: f'{t}."{name}"')


def boolean_column(name: str) -> Value:
    """A boolean column (SQLite stores 0 and 1; JSON wants false and true)."""
    return Value(lambda t, d: d.boolean(f'{t}."{name}"'))


def enum_column(name: str, enum: type[Enum]) -> Value:
    """An enum column; GraphQL gives enum values by name, so stored values must be names."""
    if any(member.name != member.value for member in enum):
        raise ValueError(f"{enum.__name__} stores values other than its names")
    return column(name)


def named_enum_column(name: str, enum: type[Enum]) -> Value:
    """An enum column storing its members' values, written as their names (GraphQL's)."""
    cases = "".join(
        f" WHEN {_text(str(member.value))} THEN {_text(member.name)}" for member in enum
    )
    return Value(lambda t, _d: f'CASE {t}."{name}"{cases} END')


def _text(value: str) -> str:
    """A SQL text literal of a value fixed in code."""
    return "'" + value.replace("'", "''") + "'"


def node_id(type_name: str, id_column: str = "id") -> Value:
    """A Relay global id of the row (or of the row another column names; null if none)."""
    return Value(lambda t, d: d.global_id(type_name, f'{t}."{id_column}"'))


def fixed_point(name: str) -> Value:
    """A server.fixed_point column as its Decimal's text: 1.5 and 10, never 1.5000."""
    return Value(lambda t, d: d.fixed_point(f'{t}."{name}"'))


MONEY = Shape(
    "Money",
    {
        "amount": Value(lambda s, d: d.amount(s[0], s[1])),
        "currency": Value(lambda s, _d: s[1]),
    },
)


def money(
    minor: Callable[[str], str],
    currency: str = "currency",
    present: Callable[[str], str] | None = None,
) -> Nested:
    """A Money field of a row: `minor(alias)` its minor units, `currency` the row's column;
    with `present`, null where that condition does not hold."""
    return Nested(MONEY, lambda t: (minor(t), f'{t}."{currency}"'), present)


def money_column(name: str, currency: str = "currency") -> Nested:
    return money(lambda t: f'{t}."{name}"', currency)


def nullable_money_column(name: str, currency: str = "currency") -> Nested:
    """A Money field whose minor units may be null (null Money)."""
    return money(lambda t: f'{t}."{name}"', currency, lambda t: f'{t}."{name}" IS NOT NULL')


def instant_column(name: str) -> Value:
    """A datetime column as the DateTime scalar writes it (ISO 8601 in UTC)."""
    return Value(lambda t, d: d.instant(f'{t}."{name}"'))


def json_column(name: str) -> Value:
    """A JSON column whose stored value is the field's value (the JSON scalar)."""
    return Value(lambda t, d: d.json_column(f'{t}."{name}"'))
