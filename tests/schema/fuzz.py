"""Requests made from the schema itself: for a root field, a document that asks for it with
every argument as a variable, and hypothesis strategies for those variables, type by type.

Values come in two kinds: `benign` ones that a careful client would send (so the request
reaches the resolver and its service) and hostile ones (control characters, lone surrogates,
huge strings, dates at the ends of the calendar, malformed ids and cursors, odd amounts)."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLUnionType,
    get_named_type,
    get_nullable_type,
)
from hypothesis import strategies as st

from schema.ids import encode

MISSING_UUID = "00000000-0000-4000-8000-000000000000"

HOSTILE_STRINGS = (
    "a\x00b",
    "\ud800",
    "x\udfff",
    "x" * 10_000,
    "\u202eevil\u202c",
    "a\u2066b",
    "\x1b[31mred",
    "line\nbreak\ttab",
    "a\u0085b",
    "=HYPERLINK(1)",
    "",
    "   ",
    "e" * 65,
    "l" * 290 + "@example.com",
    "\u0661\u0662\u0663\u0664\u0665\u0666",
    "ünïcödé ✓ 名前",
    "%_\\'\"",
)
HOSTILE_DATES = (
    "0001-01-01",
    "9999-12-31",
    "1899-12-31",
    "3000-01-01",
    "2026-02-30",
    "2026-13-01",
    "",
    "26-1-1",
)
HOSTILE_DATETIMES = (
    "2030-01-01T00:00:00",
    "2030-01-01T00:00:00Z",
    "2030-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59+00:00",
    "0001-01-01T00:00:00-12:00",
    "9999-12-31T23:59:59",
    "2030-01-01",
    "nonsense",
)
HOSTILE_INTS = (0, -1, -(2**31), 2**31 - 1, 1, 101, 1_000_000)
HOSTILE_AMOUNTS = ("0", "1.00", "-1", "9" * 30, "1e5", "0.001", "12.5", "NaN", " 1", "")
CURRENCIES = ("USD", "EUR", "JPY", "BHD", "XXX", "usd", "", "ZZZ")
PERCENTS = ("0", "100", "101", "-5", "7.5", "0.00001", "1e2")
QUANTITIES = ("0", "1", "2.5", "-1", "0.00001", "1e2", "9" * 30, "NaN", "")
RATES = ("1", "1.0825", "0", "-1", "0.00000000001", "1e2", "9" * 13, "NaN", " 1", "")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


HOSTILE_CURSORS = (
    _b64(b'["x", 5]'),
    _b64(b"[1, 2, 3]"),
    _b64(b'{"t": "x"}'),
    _b64(b'[{"t": "not a time"}, "1"]'),
    _b64(b'[null, "' + MISSING_UUID.encode() + b'"]'),
    _b64(b'["2026-01-01", "not-a-uuid"]'),
    _b64(b'[99999999999999999999999, "' + MISSING_UUID.encode() + b'"]'),
    _b64(b"\xff\xfe"),
    "!!!",
    "",
)
HOSTILE_IDS = (
    "",
    "x",
    "\x00",
    encode("Customer", "not-a-uuid"),
    encode("Nope", MISSING_UUID),
    encode("Customer", MISSING_UUID),
    _b64(b"Customer"),
    "x" * 5_000,
)


@dataclass
class Values:
    """What to draw ids from: real ids of the organization under test, any type."""

    ids: list[str] = field(default_factory=list)
    by_type: dict[str, str] = field(default_factory=dict)  # node type -> one real id

    def id_for(self, name: str, owner: str = "") -> str:
        """A real id of the type an argument's name suggests (`customerId`, or `id` of
        `AccountUpdateInput`), else the first one."""
        wanted = name[:-2] if name.endswith("Id") else owner
        for type_name, node_id in self.by_type.items():
            if wanted.lower().startswith(type_name.lower()):
                return node_id
        return self.ids[0] if self.ids else MISSING_UUID

    def benign(self, kind: GraphQLInputType, name: str = "", owner: str = "") -> Any:
        """One plausible value of `kind` (non-null unwrapped), for sweeps that vary another."""
        kind = get_nullable_type(kind)  # type: ignore[assignment]
        if isinstance(kind, GraphQLList):
            return [self.benign(kind.of_type, name, owner)]
        if isinstance(kind, GraphQLEnumType):
            return next(iter(kind.values))
        if isinstance(kind, GraphQLInputObjectType):
            return {
                n: self.benign(f.type, n, kind.name)
                for n, f in kind.fields.items()
                if isinstance(f.type, GraphQLNonNull)
            }
        return self.benign_scalar(kind.name, name, owner)

    def benign_scalar(self, scalar: str, name: str, owner: str = "") -> Any:
        return {
            "String": "Fuzz " + name,
            "ID": self.id_for(name, owner),
            "Date": "2026-03-01",
            "DateTime": "2030-01-01T00:00:00Z",
            "Int": 1,
            "Boolean": False,
            "Amount": "1.00",
            "CurrencyCode": "USD",
            "Percent": "5",
            "Quantity": "1",
            "Rate": "1.0825",
            "Decimal": "1",
        }.get(scalar, "x")

    def strategy(self, kind: GraphQLInputType, name: str = "", depth: int = 0) -> Any:
        """Any value of `kind`: plausible ones and hostile ones, mixed."""
        nullable = not isinstance(kind, GraphQLNonNull)
        inner = get_nullable_type(kind)
        drawn = self._of(inner, name, depth)
        return st.one_of(st.none(), drawn) if nullable else drawn

    def _of(self, kind: Any, name: str, depth: int) -> Any:
        if isinstance(kind, GraphQLList):
            return st.lists(self.strategy(kind.of_type, name, depth + 1), max_size=3)
        if isinstance(kind, GraphQLEnumType):
            return st.sampled_from(list(kind.values))
        if isinstance(kind, GraphQLInputObjectType):
            required = {
                n: self.strategy(f.type, n, depth + 1)
                for n, f in kind.fields.items()
                if isinstance(f.type, GraphQLNonNull)
            }
            optional = {
                n: self.strategy(f.type, n, depth + 1)
                for n, f in kind.fields.items()
                if not isinstance(f.type, GraphQLNonNull) and depth < 3
            }
            return st.fixed_dictionaries(required, optional=optional)
        return self._scalar(kind.name, name)

    def _scalar(self, scalar: str, name: str) -> Any:
        benign = st.just(self.benign_scalar(scalar, name))
        if scalar == "String":
            cursors = (
                st.sampled_from(HOSTILE_CURSORS) if name in ("after", "before") else st.nothing()
            )
            return st.one_of(
                benign,
                st.sampled_from(HOSTILE_STRINGS),
                st.text(max_size=12),
                cursors,
            )
        if scalar == "ID":
            real = st.sampled_from(self.ids) if self.ids else st.nothing()
            return st.one_of(real, st.sampled_from(HOSTILE_IDS))
        table: dict[str, Any] = {
            "Date": st.one_of(
                st.sampled_from(HOSTILE_DATES), st.dates().map(lambda d: d.isoformat())
            ),
            "DateTime": st.sampled_from(HOSTILE_DATETIMES),
            "Int": st.one_of(st.sampled_from(HOSTILE_INTS), st.integers(-(2**31), 2**31 - 1)),
            "Boolean": st.booleans(),
            "Amount": st.sampled_from(HOSTILE_AMOUNTS),
            "CurrencyCode": st.sampled_from(CURRENCIES),
            "Percent": st.sampled_from(PERCENTS),
            "Quantity": st.sampled_from(QUANTITIES),
            "Rate": st.sampled_from(RATES),
        }
        return st.one_of(benign, table.get(scalar, st.text(max_size=8)))


# ------------------------------------------------------------------ documents


def type_ref(kind: Any) -> str:
    """A type as written in a variable definition."""
    if isinstance(kind, GraphQLNonNull):
        return f"{type_ref(kind.of_type)}!"
    if isinstance(kind, GraphQLList):
        return f"[{type_ref(kind.of_type)}]"
    return str(kind.name)


@dataclass
class Request:
    """A document for one root field, with the arguments each variable stands for."""

    document: str
    variables: dict[str, tuple[GraphQLArgument, str]]  # variable -> (argument, argument name)


class _Builder:
    def __init__(self) -> None:
        self.variables: dict[str, tuple[GraphQLArgument, str]] = {}

    def arguments(self, field_def: GraphQLField) -> str:
        parts = []
        for arg_name, arg in field_def.args.items():
            var = f"v{len(self.variables)}"
            self.variables[var] = (arg, arg_name)
            parts.append(f"{arg_name}: ${var}")
        return f"({', '.join(parts)})" if parts else ""

    def selection(self, kind: GraphQLOutputType, depth: int) -> str:
        named = get_named_type(kind)
        if isinstance(named, GraphQLScalarType | GraphQLEnumType):
            return ""
        if isinstance(named, GraphQLUnionType | GraphQLInterfaceType):
            return "{ __typename }"
        assert isinstance(named, GraphQLObjectType)
        parts = ["__typename"]
        for name, sub in named.fields.items():
            leaf = isinstance(get_named_type(sub.type), GraphQLScalarType | GraphQLEnumType)
            if not leaf and depth >= 3:
                continue
            if sub.args and depth >= 3:
                continue
            args = self.arguments(sub)
            parts.append(f"{name}{args} {self.selection(sub.type, depth + 1)}")
        return "{ " + " ".join(parts) + " }"


def request_for(operation: str, name: str, field_def: GraphQLField) -> Request:
    builder = _Builder()
    args = builder.arguments(field_def)
    selection = builder.selection(field_def.type, 1)
    defs = ", ".join(f"${v}: {type_ref(a.type)}" for v, (a, _) in builder.variables.items())
    header = f"{operation} Fuzz({defs})" if defs else f"{operation} Fuzz"
    return Request(f"{header} {{ {name}{args} {selection} }}", builder.variables)


# ------------------------------------------------------------------ leaves


@dataclass(frozen=True)
class Leaf:
    """A scalar position inside one argument: its path from the variable, its scalar and
    its schema coordinate (`Type.field` or `Type.field(argument)`)."""

    variable: str
    path: tuple[str | int, ...]
    scalar: str
    coordinate: str


def leaves(request: Request, parent: str, field: str, count: int) -> list[Leaf]:
    """The scalar leaves of the root field's `count` arguments (the first variables of its
    request), each input object once per path, one item of each list."""
    out: list[Leaf] = []
    for var, (arg, name) in list(request.variables.items())[:count]:
        _leaves(out, var, arg.type, (name,), f"{parent}.{field}({name})", frozenset())
    return out


def _leaves(
    out: list[Leaf],
    var: str,
    kind: Any,
    path: tuple[str | int, ...],
    coordinate: str,
    seen: frozenset[str],
) -> None:
    inner = get_nullable_type(kind)
    if isinstance(inner, GraphQLList):
        _leaves(out, var, inner.of_type, (*path, 0), coordinate, seen)
    elif isinstance(inner, GraphQLInputObjectType):
        if inner.name in seen:
            return
        for name, f in inner.fields.items():
            _leaves(out, var, f.type, (*path, name), f"{inner.name}.{name}", seen | {inner.name})
    elif isinstance(inner, GraphQLScalarType):
        out.append(Leaf(var, path, inner.name, coordinate))


def with_leaf(values: Values, request: Request, leaf: Leaf, value: Any) -> dict[str, Any]:
    """Plausible variables for the whole request, with `value` at `leaf`."""
    variables = {
        var: values.benign(arg.type, name) for var, (arg, name) in request.variables.items()
    }
    arg, _ = request.variables[leaf.variable]
    variables[leaf.variable] = _put(variables[leaf.variable], arg.type, leaf.path[1:], value)
    return variables


def _put(current: Any, kind: Any, path: tuple[str | int, ...], value: Any) -> Any:
    if not path:
        return value
    inner = get_nullable_type(kind)
    head, rest = path[0], path[1:]
    if isinstance(inner, GraphQLList):
        items = list(current) if isinstance(current, list) and current else [None]
        items[0] = _put(items[0], inner.of_type, rest, value)
        return items
    assert isinstance(inner, GraphQLInputObjectType) and isinstance(head, str)
    fields = dict(current) if isinstance(current, dict) else {}
    sub = inner.fields[head]
    benign = fields.get(head)
    if benign is None and rest:
        benign = Values().benign(sub.type)  # an optional input object, made to hold `value`
    fields[head] = _put(benign, sub.type, rest, value)
    return fields
