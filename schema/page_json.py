"""A page of a connection written as one JSON text around the items the database wrote.

With its items written by the database (schema/reads.py), what is left of a page of
fifty invoices is its edges, their cursors and `pageInfo`; completed field by field by
graphql-core, that is an object and two fields per edge, a large part of what the request
costs in Python. So when every field asked of the connection is one written here (`edges` asking
for `cursor` and `node`, `nodes`, `pageInfo`'s fields, `totalCount`), asked without
directives, fragments or `__typename`, the resolver returns the whole connection as JSON
(schema.embedding.Prebuilt); otherwise the page is completed as usual.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

import orjson
from strawberry.types.nodes import SelectedField, Selection

from schema.context import Info
from schema.embedding import Prebuilt
from schema.pagination import Connection

N = TypeVar("N")

# pageInfo's fields and the attributes of PageInfo holding them.
PAGE_INFO = {
    "hasNextPage": "has_next_page",
    "hasPreviousPage": "has_previous_page",
    "startCursor": "start_cursor",
    "endCursor": "end_cursor",
}
# The fields of a connection written here, and what each may ask of its own fields (None:
# anything; the items' fields are the database's).
ASKABLE: dict[str, Iterable[str] | None] = {
    "edges": ("cursor", "node"),
    "nodes": None,
    "pageInfo": PAGE_INFO,
    "totalCount": None,
}

# (response key, field name, and for edges and pageInfo their own (key, name) pairs).
Asked = list[tuple[str, str, list[tuple[str, str]]]]


def _plain(selections: Iterable[Selection]) -> dict[str, list[SelectedField]] | None:
    """Fields by response key in the order first asked; None unless each is a plain field."""
    out: dict[str, list[SelectedField]] = {}
    for selection in selections:
        if not isinstance(selection, SelectedField) or selection.directives:
            return None
        out.setdefault(selection.alias or selection.name, []).append(selection)
    return out


def asked_of_connection(info: Info) -> Asked | None:
    """What the connection `info`'s field returns is asked for, when all of it can be written
    here; None otherwise. Read from the field's selection, which strawberry converts once
    per field (schema/reads.py reads the same)."""
    asked: Asked = []
    fields = _plain(info.selected_fields)
    if fields is None or len(fields) != 1:
        return None
    (connection,) = fields.values()
    grouped = _plain(s for field in connection for s in field.selections)
    if grouped is None:
        return None
    for key, group in grouped.items():
        name = group[0].name
        if name not in ASKABLE:
            return None
        allowed = ASKABLE[name]
        if allowed is None:
            asked.append((key, name, []))
            continue
        inner = _plain(s for field in group for s in field.selections)
        if inner is None or any(f[0].name not in allowed for f in inner.values()):
            return None
        asked.append((key, name, [(k, f[0].name) for k, f in inner.items()]))
    return asked


async def written_page(info: Info, page: Connection[N]) -> Connection[N]:
    """The page as JSON, when its items are JSON the database wrote and all that is asked of
    it can be written here; otherwise the page itself."""
    edges: list[Any] = page.edges  # their nodes are Prebuilt, not N
    if not edges or type(edges[0].node) is not Prebuilt:  # all of them or none
        return page
    asked = asked_of_connection(info)
    if asked is None:
        return page
    out: dict[str, Any] = {}
    for key, name, inner in asked:
        if name == "edges":
            out[key] = _edges(edges, inner)
        elif name == "nodes":
            out[key] = [edge.node.fragment for edge in edges]
        elif name == "pageInfo":
            out[key] = {k: getattr(page.page_info, PAGE_INFO[n]) for k, n in inner}
        else:
            out[key] = await page.count_all()
    written: Any = Prebuilt(orjson.dumps(out))
    return written


def _edges(edges: list[Any], asked: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Each edge as what is asked of it. The usual selections are dict displays: a
    comprehension per edge is a function call per edge."""
    if asked == [("cursor", "cursor"), ("node", "node")]:
        return [{"cursor": edge.cursor, "node": edge.node.fragment} for edge in edges]
    if asked == [("node", "node"), ("cursor", "cursor")]:
        return [{"node": edge.node.fragment, "cursor": edge.cursor} for edge in edges]
    if asked == [("node", "node")]:
        return [{"node": edge.node.fragment} for edge in edges]
    return [
        {k: edge.node.fragment if n == "node" else edge.cursor for k, n in asked} for edge in edges
    ]
