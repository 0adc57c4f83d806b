"""Relay connections with keyset cursors over hand-written SQL.

A cursor holds the sort value and the id of an item; the next page is "rows after this
pair" in the sort order, so a page costs one indexed query however deep it is.

`paginate_sql` pages a table with conditions written in SQL (server.sql.Where), the one
keyset implementation of every connection. Its items are written as JSON by the page's
statement when the database can write every field asked (schema/reads.py); otherwise the
rows are read as records, which cost less than the ORM's queries and model instances.
"""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

import orjson
import strawberry
from graphql import GraphQLError
from tortoise.models import Model

from schema.embedding import Prebuilt
from server.keyset import SortKey
from server.sql import Joined, Where, count_rows, page_items, page_rows

N = TypeVar("N")


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(description="Items come before this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last item.")


@strawberry.type(description="An item of a page with its cursor.")
class Edge(Generic[N]):
    cursor: str = strawberry.field(description="Pass as `after` or `before` to page from here.")
    node: N = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list, with the total size of the filtered list.")
class Connection(Generic[N]):
    edges: list[Edge[N]] = strawberry.field(description="The items with their cursors.")
    page_info: PageInfo = strawberry.field(description="Paging information.")
    count_all: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="The items of this page.")
    def nodes(self) -> list[N]:
        return [edge.node for edge in self.edges]

    @strawberry.field(description="Number of items matching the filter, across all pages.")
    async def total_count(self) -> int:
        # Counted only when asked for: the page itself does not need it.
        return await self.count_all()


def _bad(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


__all__ = ["Connection", "Edge", "PageInfo", "SortKey", "paginate_sql"]


def _encode(value: Any, item_id: Any, order: str) -> str:
    if isinstance(value, datetime):
        value = {"t": value.isoformat()}
    raw = orjson.dumps([value, str(item_id), order])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


_BIGINT = 2**63


def _decode(cursor: str, order: str) -> tuple[Any, Any]:
    """The (sort value, id) pair a cursor holds, checked for shape only, and that it was
    made by the list in the order `order`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        triple = orjson.loads(raw)
    except (ValueError, TypeError) as exc:
        raise _bad("invalid cursor") from exc
    if (
        not isinstance(triple, list)
        or len(triple) != 3
        or not isinstance(triple[1], str)
        or not isinstance(triple[2], str)
    ):
        raise _bad("invalid cursor")
    value, item_id, made_for = triple
    if made_for != order:
        raise _bad(
            "invalid cursor: it was made for another orderBy; "
            "page from the start again with the new order"
        )
    if isinstance(value, dict):
        if set(value) != {"t"} or not isinstance(value["t"], str):
            raise _bad("invalid cursor")
        try:
            value = datetime.fromisoformat(value["t"])
        except ValueError as exc:
            raise _bad("invalid cursor") from exc
    elif isinstance(value, list):
        raise _bad("invalid cursor")
    return value, item_id


def _position(model: type[Model], key: SortKey, cursor: str) -> tuple[Any, Any]:
    """A cursor's (sort value, id) as values of the model's own fields.

    A cursor is client input: whatever it decodes to must convert to the column's type
    (and fit it) here, or the database would be the one to refuse it."""
    raw, raw_id = _decode(cursor, key.field)
    id_field = model._meta.fields_map["id"]
    try:
        item_id = id_field.to_python_value(raw_id)
    except (ValueError, TypeError, ArithmeticError) as exc:
        raise _bad("invalid cursor") from exc
    if not _fits(item_id, id_field.field_type):
        raise _bad("invalid cursor")
    if key.expression is not None:
        # A computed value is never null, and the cursor holds it as its kind.
        if not _written_as(raw, key.kind) or not _fits(raw, key.kind):
            raise _bad("invalid cursor")
        return raw, item_id
    column = model._meta.fields_map[key.field]
    if raw is not None and not _written_as(raw, column.field_type):
        raise _bad("invalid cursor")
    try:
        value = None if raw is None else column.to_python_value(raw)
    except (ValueError, TypeError, ArithmeticError) as exc:
        raise _bad("invalid cursor") from exc
    if value is None:
        if not column.null:
            raise _bad("invalid cursor")
    elif not _fits(value, column.field_type):
        raise _bad("invalid cursor")
    return value, item_id


def _written_as(raw: Any, field_type: Any) -> bool:
    """Whether `raw` has the JSON type `_encode` writes for a column of `field_type`:
    numbers for integer columns, {"t": ...} for instants, strings for everything else."""
    if field_type is datetime:
        return isinstance(raw, datetime)
    if field_type is int:
        return isinstance(raw, int) and not isinstance(raw, bool)
    return isinstance(raw, str)


def _fits(value: Any, field_type: Any) -> bool:
    """Whether a converted value is of the column's type and within its range."""
    if isinstance(field_type, type) and not isinstance(value, field_type):
        return False
    if isinstance(value, int) and not isinstance(value, bool):
        return -_BIGINT <= value < _BIGINT
    return True


def _window(
    first: int | None, last: int | None, max_page: int, default_page: int
) -> tuple[int, bool]:
    """(page size, whether paging backwards), with the arguments checked."""
    if first is not None and last is not None:
        raise _bad("pass either first or last, not both")
    for name, size in (("first", first), ("last", last)):
        if size is not None and not 0 <= size <= max_page:
            raise _bad(f"{name} must be between 0 and {max_page}")
    backwards = last is not None
    size = last if backwards else (first if first is not None else default_page)
    assert size is not None
    return size, backwards


class _Item:
    """A row of a page written by the database: its id and JSON."""

    def __init__(self, item_id: Any, text: str) -> None:
        self.id = item_id
        self.text = text


def _prebuilt(item: _Item) -> Prebuilt:
    return Prebuilt(item.text)


def _connection(
    rows: Sequence[Any],
    values: Sequence[Any],
    key: SortKey,
    convert: Callable[[Any], N],
    size: int,
    backwards: bool,
    after: str | None,
    before: str | None,
    count: Callable[[], Awaitable[int]],
) -> Connection[N]:
    more = len(rows) > size
    page = list(zip(rows[:size], values[:size], strict=True))
    if backwards:
        page.reverse()
    edges = [Edge(cursor=_encode(v, r.id, key.field), node=convert(r)) for r, v in page]
    info = PageInfo(
        has_next_page=more if not backwards else before is not None,
        has_previous_page=more if backwards else after is not None,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, count_all=count)


def _beyond_sql(where: Where, model: type[Model], key: SortKey, cursor: str, forward: bool) -> None:
    """`_beyond` as a condition: rows strictly after the cursor walking in `forward` direction."""
    value, item_id = _position(model, key, cursor)
    where.after_key(
        key.sql(model),
        value,
        item_id,
        ascending=forward != key.descending,
        nullable=key.nullable(model),
    )


async def paginate_sql(
    model: type[Model],
    where: Where,
    key: SortKey,
    convert: Callable[[Any], N],
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    max_page: int,
    default_page: int = 20,
    joined: Joined | None = None,
    with_joined: Callable[[list[Any]], None] | None = None,
    item_sql: str | None = None,
) -> Connection[N]:
    """A page of the model's table with `where` (its own table's columns only); the
    rows reach `convert` as server.sql records. With `joined`, the same statement reads each
    row's joined record too, and `with_joined` receives them (None where there is none).

    With `item_sql` (schema.reads.page_item_sql), the statement writes each item's JSON
    instead, and the nodes are that JSON (`Prebuilt`): `convert` and `joined` are unused."""
    size, backwards = _window(first, last, max_page, default_page)

    async def count() -> int:
        return await count_rows(model, where)

    if not size:
        return _connection([], [], key, convert, size, backwards, after, before, count)
    page = where.copy()
    if after:
        _beyond_sql(page, model, key, after, forward=True)
    if before:
        _beyond_sql(page, model, key, before, forward=False)
    if item_sql is not None:
        items = await page_items(model, page, key, key.descending != backwards, size + 1, item_sql)
        return _connection(
            [_Item(item_id, text) for _value, item_id, text in items],
            [value for value, _id, _text in items],
            key,
            _prebuilt,  # type: ignore[arg-type]
            size,
            backwards,
            after,
            before,
            count,
        )
    rows, values, others = await page_rows(
        model, page, key, key.descending != backwards, size + 1, joined
    )
    if joined is not None and with_joined is not None:
        with_joined(others)
    return _connection(rows, values, key, convert, size, backwards, after, before, count)


class _Held:
    """An item of a list the code holds whole, read by `_connection` as it reads a record."""

    def __init__(self, item_id: str, node: Any) -> None:
        self.id = item_id
        self.node = node


def _held_node(item: _Held) -> Any:
    return item.node


def paginate_held(
    items: Sequence[N],
    key: SortKey,
    position: Callable[[N], tuple[Any, str]],
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    max_page: int,
    default_page: int = 20,
    every: Sequence[N] | None = None,
) -> Connection[N]:
    """A page of a list the code holds whole (built-in roles, the policy's duty rules, the
    kinds of document template): nothing to page in the database, but the same keyset
    cursors as `paginate_sql`, the (sort value, id) `position` gives each item, in the
    order of `key` (`key.field` names the sort value in cursors only). The list being the
    release's, a cursor must be the position of one of `every` (the list before its filter,
    `items` if not given): anything else is not a cursor the API wrote."""
    size, backwards = _window(first, last, max_page, default_page)
    known = {position(i) for i in (items if every is None else every)}
    ordered = sorted(items, key=position, reverse=key.descending)
    total = len(ordered)

    async def count() -> int:
        return total

    def beyond(cursor: str, forward: bool) -> Callable[[N], bool]:
        mark = _decode(cursor, key.field)
        if tuple(mark) not in known:
            raise _bad("invalid cursor")
        ahead = forward != key.descending

        def test(item: N) -> bool:
            return position(item) > mark if ahead else position(item) < mark

        return test

    for cursor, forward in ((after, True), (before, False)):
        if cursor:
            test = beyond(cursor, forward)
            ordered = [i for i in ordered if test(i)]
    walk = list(reversed(ordered)) if backwards else ordered
    page = walk[: size + 1] if size else []
    held = [_Held(position(i)[1], node=i) for i in page]
    values = [position(i)[0] for i in page]
    return _connection(held, values, key, _held_node, size, backwards, after, before, count)


def cursor_of(value: Any, item_id: Any, order: str) -> str:
    """The cursor of the item at (sort value, id) in the order named `order`, as every
    connection writes it."""
    return _encode(value, item_id, order)


def page_window(
    first: int | None, last: int | None, max_page: int, default_page: int = 20
) -> tuple[int, bool]:
    """(page size, whether paging backwards) of a connection's arguments, checked as every
    connection checks them: for connections that page with a keyset of their own."""
    return _window(first, last, max_page, default_page)
