"""Items read by id, and lists of items read by their conditions, as the JSON an item
expression (server.reads.compile) writes."""

from __future__ import annotations

from uuid import UUID

from server.reads.compile import ROW
from server.reads.dialect import Dialect
from server.reads.shape import Shape
from server.sql import Where, fetch_rows, placeholders


def lookup_sql(shape: Shape, item: str, count: int) -> str:
    """The statement `items_by_id` runs: $1 the organization, $2.. the ids."""
    if shape.table is None:
        raise ValueError(f"{shape.type_name} is not read by id")
    marks = placeholders(count, first=2)
    return (
        f'SELECT {ROW}."id" AS "id__", {item} AS "item__" FROM "{shape.table}" {ROW}'  # noqa: S608
        f' WHERE {ROW}."organization_id" = $1 AND {ROW}."id" IN ({marks})'
    )


async def items_by_id(
    shape: Shape, item: str, organization_id: UUID, ids: list[UUID]
) -> dict[UUID, str]:
    """The JSON of each of the organization's rows with these ids; others are left out."""
    if not ids:
        return {}
    rows = await fetch_rows(lookup_sql(shape, item, len(ids)), organization_id, *ids)
    # PostgreSQL's driver hands back UUIDs; SQLite, their text.
    return {
        r["id__"] if isinstance(r["id__"], UUID) else UUID(r["id__"]): r["item__"] for r in rows
    }


def list_sql(shape: Shape, item: str, where: Where, order: str, dialect: Dialect) -> str:
    """The statement `items_listed` runs: the JSON array of the rows `where` finds (its
    values are `where.values`), in `order` (an ORDER BY, `{t}` for the row's alias)."""
    if shape.table is None:
        raise ValueError(f"{shape.type_name} is not read from a table")
    rows = dialect.rows(
        item, f'FROM "{shape.table}" {ROW} WHERE {where.sql()}', order.format(t=ROW)
    )
    return f'SELECT {rows} AS "items__"'


async def items_listed(shape: Shape, item: str, where: Where, order: str, dialect: Dialect) -> str:
    """The JSON array of the items `where` finds, in `order`, as one text."""
    rows = await fetch_rows(list_sql(shape, item, where, order, dialect), *where.values)
    text: str = rows[0]["items__"]
    return text


async def items_each(shape: Shape, item: str, where: Where, order: str) -> list[str]:
    """The JSON of each row `where` finds, in `order` (`{t}` for the row's alias): items to
    stand in a list beside others made another way."""
    table = shape.table
    if table is None:
        raise ValueError(f"{shape.type_name} is not read from a table")
    sql = (
        f'SELECT {item} AS "item__" FROM "{table}" {ROW} WHERE {where.sql()}'  # noqa: S608
        f" ORDER BY {order.format(t=ROW)}"
    )
    return [str(r["item__"]) for r in await fetch_rows(sql, *where.values)]
