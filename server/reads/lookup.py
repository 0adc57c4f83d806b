"""Items read by id, as the JSON an item expression (server.reads.compile) writes."""

from __future__ import annotations

from uuid import UUID

from server.reads.compile import ROW
from server.reads.shape import Shape
from server.sql import fetch_rows, placeholders


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
