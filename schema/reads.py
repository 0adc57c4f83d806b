"""The read path of the GraphQL layer: a request's selection mapped onto the read models
the domain declares (server.reads), and the JSON the database writes for it embedded in the
response unchanged (`Prebuilt`).

A list page's items and an object read by id take it when every field asked of them is one
the type's shape declares and the walker (schema/selection.py) takes the selection; anything
else (a field not declared, an argument, a directive) leaves the field to the stock
resolvers. A field the gate guards (schema.permissions `requires`, such as an invoice's
customer) is asked of the gate first: denied, the stock resolvers answer, where the gate
makes that field null with FORBIDDEN.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID
from weakref import WeakKeyDictionary

from schema.context import Info
from schema.embedding import Prebuilt
from schema.ids import decode
from schema.permissions import declared_requirement
from schema.selection import connection_items, field_picks, path_picks
from server.reads import dialect
from server.reads.compile import Allowed, item_sql
from server.reads.lookup import items_by_id
from server.reads.shape import Shape


def page_item_sql(info: Info, shape: Shape) -> str | None:
    """For the connection this field returns: the SQL of one item's JSON over the page's row
    (server.reads.compile.ROW); None when its items take the stock resolvers."""
    picks = connection_items(info.selected_fields, shape.type_name, info.schema)
    if picks is None:
        return None
    return item_sql(shape, picks, gate_allows(info), dialect.current())


async def lookup(info: Info, shape: Shape, ids: list[str]) -> list[Any] | None:
    """The caller's objects of `shape`'s type with these ids (the uuid part of global ids),
    each a `Prebuilt` of the JSON the database wrote for this field's selection, None where
    there is none; None instead of a list when the selection takes the stock resolvers.
    One statement."""
    picks = field_picks(info.selected_fields, shape.type_name, info.schema)
    if picks is None:
        return None
    item = item_sql(shape, picks, gate_allows(info), dialect.current())
    if item is None:
        return None
    wanted = [canonical(i) for i in ids]
    found = await items_by_id(
        shape, item, info.context.signed_in().org, [w for w in wanted if w is not None]
    )
    return [None if w is None or w not in found else Prebuilt(found[w]) for w in wanted]


async def by_id(
    info: Info, shape: Shape, global_id: str, stock: Callable[[UUID], Awaitable[Any]]
) -> Any:
    """A root field's object by global id: the database's JSON (`lookup`), or what the stock
    resolver `stock` makes of the uuid; None for an id of another type or none at all."""
    item_id = decode(global_id, shape.type_name)
    if item_id is None:
        return None
    found = await lookup(info, shape, [str(item_id)])
    if found is not None:
        return found[0]
    return await stock(item_id)


def canonical(raw: str) -> UUID | None:
    """The uuid a node id's text names, if written as uuids are written (as the stock
    resolvers match them: another spelling of the same uuid finds nothing)."""
    try:
        value = UUID(raw)
    except ValueError:
        return None
    return value if str(value) == raw else None


def embedded(text: str) -> Any:
    """JSON the database wrote for a field's selection, as the field's value (typed as any
    value, since it stands for whatever the field returns)."""
    return Prebuilt(text)


def path_item_sql(info: Info, path: tuple[str, ...]) -> Callable[[Shape], str | None]:
    """For the objects at `path` below this field (a report's rows): given their shape, the
    SQL of one object's JSON over its row; None when they take the stock resolvers."""

    def item(shape: Shape) -> str | None:
        picks = path_picks(info.selected_fields, path, shape.type_name, info.schema)
        if picks is None:
            return None
        return item_sql(shape, picks, gate_allows(info), dialect.current())

    return item


def gate_allows(info: Info) -> Allowed:
    """The gate's answer for a field of the schema, for this request: a field that declares
    no requirement is allowed; one that does is decided (and the decision kept) by the
    request's context, as the field's own gate would decide it."""
    schema, context = info.schema, info.context
    known = _REQUIREMENTS.setdefault(schema, {})

    def allowed(type_name: str, field_name: str) -> bool:
        key = (type_name, field_name)
        if key not in known:
            field = schema.get_field_for_type(field_name, type_name)
            known[key] = (field is not None, declared_requirement(field) if field else None)
        exists, need = known[key]
        if need is None:
            return exists
        return bool(context.allows(context.signed_in(), *need))

    return allowed


# Per schema, (type name, field name) -> whether the field exists, and the gate's requirement.
_REQUIREMENTS: WeakKeyDictionary[
    Any, dict[tuple[str, str], tuple[bool, tuple[str, str] | None]]
] = WeakKeyDictionary()
