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

from typing import Any
from weakref import WeakKeyDictionary

from schema.context import Info
from schema.permissions import declared_requirement
from schema.selection import connection_items
from server.reads import dialect
from server.reads.compile import Allowed, item_sql
from server.reads.shape import Shape


def page_item_sql(info: Info, shape: Shape) -> str | None:
    """For the connection this field returns: the SQL of one item's JSON over the page's row
    (server.reads.compile.ROW); None when its items take the stock resolvers."""
    picks = connection_items(info.selected_fields, shape.type_name, info.schema)
    if picks is None:
        return None
    return item_sql(shape, picks, gate_allows(info), dialect.current())


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
