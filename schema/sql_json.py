"""A list page's items written as JSON by PostgreSQL, for selections it can write alone.

Completing a page in Python costs far more than reading it: each of fifty invoices becomes
a record, an object, amounts as Decimals, then the response's dictionaries, then JSON, and
the driver decodes forty columns a row on the way. When every field asked of a list's items
is one declared here (a column, a Relay id, an amount, a related row, the lines), the page
statement itself returns each item's JSON, with the field names and nesting of the
selection, and the response embeds that text unchanged (`orjson.Fragment`).

A declaration gives, per GraphQL field of a type, the SQL of its value from a source (a
table alias, or for Money the minor units and currency expressions). Values are written as
the Python path writes them: amounts at the currency's precision ("1250.00", "5" in JPY),
quantities without trailing zeros, global ids in strawberry's base64, dates in ISO form,
enums by name. tests/schema/test_sql_json.py holds both paths to the same answers.

Anything else in the selection (a field not declared, arguments, directives, a fragment on
another type, the items asked twice under different names) leaves the page to the Python
path. So does SQLite, the embedded database, where speed is not the point.

A field the authorization gate guards (schema.permissions `requires`, such as an invoice's
customer) is asked of the gate before the SQL is built: allowed, the database writes it;
denied, the page goes to the Python path, where the gate makes it null with FORBIDDEN.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

import orjson
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from schema.context import Info
from server.money import active_currencies, precision
from server.sql import dialect

# A source: what a declaration's SQL is written from (a table alias, or a tuple of
# expressions for values that are not rows).
Source = Any


class Prebuilt:
    """An item of a page as JSON text written by the database; completed as it is."""

    __slots__ = ("fragment",)

    def __init__(self, text: str) -> None:
        self.fragment = orjson.Fragment(text)


@dataclass(frozen=True)
class Value:
    """A scalar field: `sql(source)` is its JSON value (text, number, boolean or null)."""

    sql: Callable[[Source], str]


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


Field = Value | Nested | Related | Rows


@dataclass(frozen=True)
class Shape:
    """The fields of one GraphQL object type that SQL can write."""

    type_name: str
    fields: dict[str, Field]


def column(name: str) -> Value:
    """A column whose stored value is its GraphQL value (text, integer, boolean, date)."""
    return Value(lambda t: f'{t}."{name}"')


def enum_column(name: str, enum: type[Enum]) -> Value:
    """An enum column; GraphQL gives enum values by name, so stored values must be names."""
    if any(member.name != member.value for member in enum):
        raise ValueError(f"{enum.__name__} stores values other than its names")
    return column(name)


def node_id(type_name: str, id_column: str = "id") -> Value:
    """A Relay global id, base64 of "Type:id" as strawberry encodes it (PostgreSQL breaks
    base64 lines at 76 characters; the ids here are shorter, and any break is removed)."""
    return Value(
        lambda t: (
            f"translate(encode(convert_to('{type_name}:' || {t}.\"{id_column}\", 'UTF8'),"
            " 'base64'), E'\\n', '')"
        )
    )


def fixed_point(name: str) -> Value:
    """A server.fixed_point column as its Decimal's text: 1.5 and 10, never 1.5000."""
    return Value(
        lambda t: (
            f'CASE WHEN {t}."{name}" IS NULL THEN NULL'
            f' ELSE trim_scale({t}."{name}"::numeric / 10000)::text END'
        )
    )


def amount_text(minor: str, currency: str) -> str:
    """Minor units as the decimal text Money.amount gives: the currency's places, exactly."""
    places = _places(currency)
    # Dividing by a power of ten is exact in numeric; rounding to the places sets the scale.
    return f"round(({minor})::numeric / 10::numeric ^ ({places}), {places})::text"


@cache
def _places(currency: str) -> str:
    """The number of places of the currency `currency` names, in SQL. Precision comes from
    the same table as Python's (babel); most currencies have two places, so only the
    others are listed. Kept per expression: every amount of every page asks."""
    others: dict[int, list[str]] = {}
    for code in sorted(active_currencies()):
        places = precision(code)
        if places != 2:
            others.setdefault(places, []).append(code)
    cases = "".join(
        f" WHEN {currency} IN ({', '.join(repr(c) for c in codes)}) THEN {places}"
        for places, codes in sorted(others.items())
    )
    return f"CASE{cases} ELSE 2 END"


MONEY = Shape(
    "Money",
    {
        "amount": Value(lambda s: amount_text(s[0], s[1])),
        "currency": Value(lambda s: s[1]),
    },
)


def money(minor: Callable[[Source], str], currency: str = "currency") -> Nested:
    """A Money field of a row: `minor(alias)` its minor units, `currency` the row's column."""
    return Nested(MONEY, lambda t: (minor(t), f'{t}."{currency}"'))


def money_column(name: str, currency: str = "currency") -> Nested:
    return money(lambda t: f'{t}."{name}"', currency)


# ------------------------------------------------------------------ compiling a selection


class _Unsupported(Exception):
    """The selection asks for something only the Python path can answer."""


# The alias of the page's row in the statement the item's SQL goes into (server.sql.items_sql).
ROW = "p"


# Whether the request may read a field (type name, field name) the gate may guard.
Allowed = Callable[[str, str], bool]


def page_item_sql(info: Info, shape: Shape) -> str | None:
    """For the connection this field returns: the SQL of one item's JSON over the page's row
    (alias ROW); None when the page must be completed in Python."""
    if dialect() != "postgres":
        return None
    return item_sql(info.selected_fields, shape, gate_allows(info))


def gate_allows(info: Info) -> Allowed:
    """The gate's answer for a field of the schema, for this request: a field that declares
    no requirement is allowed; one that does is decided (and the decision kept) by the
    request's context, as the field's own gate would decide it."""
    from schema.permissions import declared_requirement  # the gate imports this module's users

    schema, context = info.schema, info.context

    def allowed(type_name: str, field_name: str) -> bool:
        key = (schema, type_name, field_name)
        if key not in _REQUIREMENTS:
            field = schema.get_field_for_type(field_name, type_name)
            _REQUIREMENTS[key] = (field is not None, declared_requirement(field) if field else None)
        exists, need = _REQUIREMENTS[key]
        if need is None:
            return exists
        return bool(context.allows(context.signed_in(), *need))

    return allowed


# (schema, type name, field name) -> whether the field exists, and the gate's requirement.
_REQUIREMENTS: dict[tuple[Any, str, str], tuple[bool, tuple[str, str] | None]] = {}


def item_sql(roots: list[Selection], shape: Shape, allowed: Allowed) -> str | None:
    """`page_item_sql` for a connection field's selection (`roots`, as strawberry gives it)."""
    try:
        selections = _item_selections(roots)
        return None if selections is None else _object_sql(shape, selections, ROW, allowed)
    except _Unsupported:
        return None


def _item_selections(roots: list[Selection]) -> list[Selection] | None:
    """The selection of the connection's items: `edges { node }` or `nodes`, asked once."""
    if len(roots) != 1 or not isinstance(roots[0], SelectedField):
        return None
    # Other fields of the connection and of its edges (pageInfo, cursor) stay Python's.
    found: list[list[Selection]] = []
    for group in _grouped(roots[0].selections, None).values():
        if group[0].name == "edges":
            for edge_group in _grouped(_merged(group), None).values():
                if edge_group[0].name == "node":
                    found.append(_merged(edge_group))
        elif group[0].name == "nodes":
            found.append(_merged(group))
    if len(found) != 1:
        return None
    return found[0]


def _merged(group: list[SelectedField]) -> list[Selection]:
    """The subselections of one response key asked several times, as GraphQL merges them."""
    return [s for f in group for s in f.selections]


def _grouped(
    selections: Iterable[Selection], type_name: str | None
) -> dict[str, list[SelectedField]]:
    """Fields by response key in the order they first appear, fragments flattened; a
    fragment must apply to `type_name` (None: the caller accepts only plain fields)."""
    out: dict[str, list[SelectedField]] = {}
    for selection in selections:
        if selection.directives:
            raise _Unsupported
        if isinstance(selection, SelectedField):
            out.setdefault(selection.alias or selection.name, []).append(selection)
            continue
        if isinstance(selection, (FragmentSpread, InlineFragment)):
            condition = selection.type_condition
            if condition is not None and condition != type_name:
                raise _Unsupported
            for key, more in _grouped(selection.selections, type_name).items():
                out.setdefault(key, []).extend(more)
            continue
        raise _Unsupported
    return out


def _object_sql(shape: Shape, selections: list[Selection], source: Source, allowed: Allowed) -> str:
    pairs: list[str] = []
    for key, group in _grouped(selections, shape.type_name).items():
        selected = group[0]
        if selected.arguments:
            raise _Unsupported
        if selected.name == "__typename":
            pairs.append(f"'{_safe(key)}', '{shape.type_name}'")
            continue
        spec = shape.fields.get(selected.name)
        if spec is None or not allowed(shape.type_name, selected.name):
            raise _Unsupported
        pairs.append(f"'{_safe(key)}', {_field_sql(spec, _merged(group), source, allowed)}")
    if not pairs:
        raise _Unsupported
    # json_build_object takes at most 100 arguments.
    if len(pairs) > 50:
        raise _Unsupported
    return f"json_build_object({', '.join(pairs)})"


def _field_sql(spec: Field, selections: list[Selection], source: Source, allowed: Allowed) -> str:
    if isinstance(spec, Value):
        if selections:
            raise _Unsupported
        return spec.sql(source)
    if not selections:
        raise _Unsupported
    if isinstance(spec, Nested):
        inner = _object_sql(spec.shape, selections, spec.source(source), allowed)
        if spec.present is None:
            return inner
        return f"CASE WHEN {spec.present(source)} THEN {inner} END"
    # Related rows hang off a row; each level gets an alias of its own, longer than its
    # parent's.
    if not isinstance(source, str):
        raise _Unsupported
    alias = f"{source}_r"
    item = _object_sql(spec.shape, selections, alias, allowed)
    if isinstance(spec, Related):
        return f"(SELECT {item} {spec.rows(source, alias)})"
    order = spec.order.format(t=alias)
    return (
        f"(SELECT coalesce(json_agg({item} ORDER BY {order}), '[]'::json)"
        f" {spec.rows(source, alias)})"
    )


_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]*")


def _safe(key: str) -> str:
    # Response keys are GraphQL names, which the parser has checked; they are written into
    # the SQL as literals, so they are checked again here.
    if not _NAME.fullmatch(key):
        raise _Unsupported
    return key
