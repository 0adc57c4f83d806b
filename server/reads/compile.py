"""A selection of a shape's fields as one SQL expression that writes the item's JSON.

A selection is a tuple of `Pick(key, name, children)`: the response key (an alias, or the
field's name), the field's name (or `__typename`) and the selection below it, with
fragments already applied and repeated keys already merged by whoever built it. Anything the
shape does not declare, a field the gate refuses, a scalar asked with a selection or an
object without one makes the selection one SQL cannot write: `item_sql` answers None, and
the caller resolves the item another way.

A field the authorization gate guards is asked of `allowed(type name, field name)` before
any SQL is written for it; refused, nothing is written, so that the other path can answer
null with its error for that field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from server.reads.dialect import Dialect
from server.reads.shape import (
    Argued,
    Choice,
    Field,
    Listed,
    Nested,
    Related,
    Shape,
    Source,
    SpelledRows,
    Value,
)


class Pick(NamedTuple):
    """A field asked for: response key, field name, what is asked below it, and the
    arguments given, by name (scalar values only, so that a pick is hashable)."""

    key: str
    name: str
    children: tuple[Pick, ...] = ()
    arguments: tuple[tuple[str, Any], ...] = ()


# Whether the request may read a field (type name, field name) the gate may guard.
Allowed = Callable[[str, str], bool]

# The alias of the item's row in the statement the item's SQL goes into.
ROW = "p"

TYPENAME = "__typename"

# Both databases cap a function's arguments (PostgreSQL at 100): two per field.
_MOST_FIELDS = 50

_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]*")


class Unsupported(Exception):
    """The selection asks for something SQL does not write."""


def item_sql(
    shape: Shape, picks: tuple[Pick, ...], allowed: Allowed, dialect: Dialect, source: str = ROW
) -> str | None:
    """The SQL of one item's JSON over the row `source`; None if SQL cannot write it."""
    sql, asked = _compiled(shape, picks, dialect, source)
    if sql is None or not all(allowed(*field) for field in asked):
        return None
    return sql


@lru_cache(maxsize=512)
def _compiled(
    shape: Shape, picks: tuple[Pick, ...], dialect: Dialect, source: str
) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """The item's SQL as if the gate allowed every field, and the fields it would ask the
    gate about: the same selection is compiled once, and each request only asks."""
    asked: list[tuple[str, str]] = []

    def record(type_name: str, field_name: str) -> bool:
        asked.append((type_name, field_name))
        return True

    try:
        sql = _object_sql(shape, picks, source, record, dialect)
    except Unsupported:
        return None, ()
    if not dialect.parses(sql):
        return None, ()
    return sql, tuple(asked)


def _object_sql(
    shape: Shape, picks: tuple[Pick, ...], source: Source, allowed: Allowed, dialect: Dialect
) -> str:
    if not picks or len(picks) > _MOST_FIELDS:
        raise Unsupported
    pairs: list[tuple[str, str]] = []
    for pick in picks:
        key = _safe(pick.key)
        if pick.name == TYPENAME:
            if pick.children:
                raise Unsupported
            pairs.append((key, f"'{shape.type_name}'"))
            continue
        spec = _argued(shape.fields.get(pick.name), pick.arguments)
        if spec is None or not allowed(shape.type_name, pick.name):
            raise Unsupported
        pairs.append((key, _field_sql(spec, pick.children, source, allowed, dialect)))
    return dialect.object(pairs)


def _argued(spec: Field | Argued | None, arguments: tuple[tuple[str, Any], ...]) -> Field | None:
    """The field a declaration makes of the arguments given; a field declared without
    arguments takes none."""
    if isinstance(spec, Argued):
        return spec.field(dict(arguments))
    return None if arguments else spec


def _field_sql(
    spec: Field, picks: tuple[Pick, ...], source: Source, allowed: Allowed, dialect: Dialect
) -> str:
    if isinstance(spec, Value):
        if picks:
            raise Unsupported
        return spec.sql(source, dialect)
    if isinstance(spec, Nested):
        inner = _object_sql(spec.shape, picks, spec.source(source), allowed, dialect)
        if spec.present is None:
            return inner
        return f"CASE WHEN {spec.present(source)} THEN {inner} END"
    if isinstance(spec, Choice):
        then = _field_sql(spec.then, picks, source, allowed, dialect)
        otherwise = _field_sql(spec.otherwise, picks, source, allowed, dialect)
        return f"CASE WHEN {spec.when(source)} THEN {then} ELSE {otherwise} END"
    if isinstance(spec, Listed):
        return dialect.array(
            [
                _object_sql(spec.shape, picks, each, allowed, dialect)
                for each in spec.sources(source)
            ]
        )
    # Related rows hang off a row; each level gets an alias of its own, longer than its
    # parent's.
    if not isinstance(source, str):
        raise Unsupported
    alias = f"{source}_r"
    item = _object_sql(spec.shape, picks, alias, allowed, dialect)
    if isinstance(spec, Related):
        return dialect.related(item, spec.rows(source, alias))
    if isinstance(spec, SpelledRows):
        found = spec.rows(source, alias, dialect)
        return dialect.rows(item, found, spec.order(alias, dialect))
    return dialect.rows(item, spec.rows(source, alias), spec.order.format(t=alias))


def _safe(key: str) -> str:
    # Response keys are GraphQL names, which the parser has checked; they are written into
    # the SQL as literals, so they are checked again here.
    if not _NAME.fullmatch(key):
        raise Unsupported
    return key
