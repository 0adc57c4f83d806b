"""A request's selection as server.reads `Pick`s: the one walker of strawberry's
`info.selected_fields` for the read path.

It applies fragments as GraphQL does for an object of a known type: a fragment on that type,
on an interface it implements or on a union holding it applies, a fragment on another type
does not (below `node(id:)` an `... on Bill` is skipped for an invoice). Keys asked several
times are merged into one pick, their selections together, in the order they first appear;
aliases become the picks' keys. What the read path does not take is answered None, so that
the caller resolves the field the stock way: any directive, an argument other than a scalar,
a fragment on a type it cannot place. Arguments go with their picks: whether a field takes
them is the read model's to say (server.reads.shape.Argued).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

from strawberry.types.base import StrawberryContainer, StrawberryObjectDefinition
from strawberry.types.lazy_type import LazyType
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection
from strawberry.types.union import StrawberryUnion

from server.reads.compile import TYPENAME, Pick


class _NotEmbeddable(Exception):
    """The selection holds something the read path does not take."""


def picks(selections: Sequence[Selection], type_name: str, schema: Any) -> tuple[Pick, ...] | None:
    """The selection of an object of type `type_name` as picks; None if it cannot be.
    `schema` (strawberry's) places typed fragments; without one, they are refused."""
    try:
        return _picks(selections, type_name, schema)
    except _NotEmbeddable:
        return None


def field_picks(roots: Sequence[Selection], type_name: str, schema: Any) -> tuple[Pick, ...] | None:
    """The selection below a field (strawberry's `info.selected_fields`, one field) whose
    value is an object of type `type_name`."""
    if len(roots) != 1 or not isinstance(roots[0], SelectedField) or roots[0].directives:
        return None
    return picks(roots[0].selections, type_name, schema)


def path_picks(
    roots: Sequence[Selection], path: Sequence[str], type_name: str, schema: Any
) -> tuple[Pick, ...] | None:
    """The selection of the objects (of type `type_name`) at `path` below a field: each
    field on the path asked under one key only, without arguments or directives, so that
    the objects there are asked for one way (an object shared by two keys would be written
    for one selection and read by the other). Fragments on the path must be untyped."""
    if len(roots) != 1 or not isinstance(roots[0], SelectedField) or roots[0].directives:
        return None
    try:
        selections: list[Selection] = list(roots[0].selections)
        for name in path:
            found = [g for n, g in _untyped_groups(selections) if n == name]
            if len(found) != 1 or any(f.arguments for f in found[0]):
                return None
            selections = _merged(found[0])
        return _picks(selections, type_name, schema)
    except _NotEmbeddable:
        return None


def connection_items(
    roots: Sequence[Selection], type_name: str, schema: Any
) -> tuple[Pick, ...] | None:
    """The selection of a connection's items, of type `type_name`: `edges { node }` or
    `nodes`, asked once (both could differ). The connection's other fields (pageInfo,
    totalCount, cursors) are not the items'; fragments at these levels must be untyped."""
    if len(roots) != 1 or not isinstance(roots[0], SelectedField) or roots[0].directives:
        return None
    try:
        found: list[list[Selection]] = []
        for name, group in _untyped_groups(roots[0].selections):
            if name == "edges":
                for edge_name, edge_group in _untyped_groups(_merged(group)):
                    if edge_name == "node":
                        found.append(_merged(edge_group))
            elif name == "nodes":
                found.append(_merged(group))
        if len(found) != 1:
            return None
        return _picks(found[0], type_name, schema)
    except _NotEmbeddable:
        return None


def _untyped_groups(selections: Iterable[Selection]) -> list[tuple[str, list[SelectedField]]]:
    """(field name, the fields of one key) with untyped fragments flattened."""
    grouped: dict[str, list[SelectedField]] = {}
    for selection in selections:
        if selection.directives:
            raise _NotEmbeddable
        if isinstance(selection, SelectedField):
            grouped.setdefault(selection.alias or selection.name, []).append(selection)
        elif isinstance(selection, (FragmentSpread, InlineFragment)):
            if selection.type_condition is not None:
                raise _NotEmbeddable
            for key, more in _untyped_groups(selection.selections):
                grouped.setdefault(key, []).extend(more)
        else:
            raise _NotEmbeddable
    return [(group[0].name, group) for group in grouped.values()]


def _merged(group: list[SelectedField]) -> list[Selection]:
    """The subselections of one response key asked several times, as GraphQL merges them."""
    return [s for f in group for s in f.selections]


def _picks(selections: Sequence[Selection], type_name: str | None, schema: Any) -> tuple[Pick, ...]:
    grouped: dict[str, list[SelectedField]] = {}
    _collect(selections, type_name, schema, grouped)
    out = []
    for key, group in grouped.items():
        name = group[0].name
        if any(f.name != name for f in group):
            raise _NotEmbeddable  # validation refuses this; never guess
        arguments = _arguments(group)
        children = _merged(group)
        if not children:
            out.append(Pick(key, name, (), arguments))
            continue
        if name == TYPENAME:
            raise _NotEmbeddable
        child_type = None if type_name is None else _field_type(schema, type_name, name)
        out.append(Pick(key, name, _picks(children, child_type, schema), arguments))
    return tuple(out)


# Argument values a pick may hold: those that compare and hash by value.
_SCALARS = (str, int, float, bool, date, type(None))


def _arguments(group: list[SelectedField]) -> tuple[tuple[str, Any], ...]:
    """The arguments of one response key, by name; validation makes them the same in every
    field of the key. A list or an input object is refused."""
    given = group[0].arguments
    if any(f.arguments != given for f in group) or not all(
        isinstance(v, _SCALARS) for v in given.values()
    ):
        raise _NotEmbeddable
    return tuple(sorted(given.items()))


def _collect(
    selections: Iterable[Selection],
    type_name: str | None,
    schema: Any,
    out: dict[str, list[SelectedField]],
) -> None:
    for selection in selections:
        if selection.directives:
            raise _NotEmbeddable
        if isinstance(selection, SelectedField):
            out.setdefault(selection.alias or selection.name, []).append(selection)
        elif isinstance(selection, (FragmentSpread, InlineFragment)):
            if _applies(selection.type_condition, type_name, schema):
                _collect(selection.selections, type_name, schema, out)
        else:
            raise _NotEmbeddable


def _applies(condition: str | None, type_name: str | None, schema: Any) -> bool:
    """Whether a fragment on `condition` applies to an object of type `type_name`."""
    if condition is None or condition == type_name:
        return True
    if type_name is None or schema is None:
        raise _NotEmbeddable
    known = _APPLIES.setdefault(schema, {})
    key = (condition, type_name)
    if key not in known:
        known[key] = _decide(condition, type_name, schema)
    found = known[key]
    if found is None:
        raise _NotEmbeddable
    return found


def _decide(condition: str, type_name: str, schema: Any) -> bool | None:
    """`_applies` from the schema; None where the schema does not say."""
    fragment_type = schema.get_type_by_name(condition)
    own = schema.get_type_by_name(type_name)
    if not isinstance(own, StrawberryObjectDefinition):
        return None
    if isinstance(fragment_type, StrawberryUnion):
        return any(_named(t) == type_name for t in fragment_type.types)
    if not isinstance(fragment_type, StrawberryObjectDefinition):
        return None
    if fragment_type.is_interface:
        return any(i.name == condition for i in own.interfaces)
    return False


def _field_type(schema: Any, type_name: str, field_name: str) -> str | None:
    """The name of the object type a field of `type_name` gives (through lists and
    nullability); None where it is not one the walker can name, or without a schema."""
    if schema is None:
        return None
    known = _FIELD_TYPES.setdefault(schema, {})
    key = (type_name, field_name)
    if key not in known:
        field = schema.get_field_for_type(field_name, type_name)
        if field is None:
            raise _NotEmbeddable
        known[key] = _named(field.type)
    return known[key]


def _named(type_: Any) -> str | None:
    while isinstance(type_, StrawberryContainer):
        type_ = type_.of_type
    if isinstance(type_, LazyType):
        type_ = type_.resolve_type()
    definition = getattr(type_, "__strawberry_definition__", None)
    if isinstance(definition, StrawberryObjectDefinition) and not definition.type_params:
        return definition.name
    return None


# Kept per schema: the walker asks the same questions of every request.
_APPLIES: WeakKeyDictionary[Any, dict[tuple[str, str], bool | None]] = WeakKeyDictionary()
_FIELD_TYPES: WeakKeyDictionary[Any, dict[tuple[str, str], str | None]] = WeakKeyDictionary()
