"""Reads that serve document lists: lines and amounts due of many documents at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from server.documents.models import DocumentLine
from server.sql import fetch_rows, placeholders, records

L = TypeVar("L", bound=DocumentLine)


def lines_and_amounts_due_sql(
    document_table: str,
    line_model: type[DocumentLine],
    link: str,
    amount_due: Callable[[str], str],
    count: int,
) -> str:
    """The statement of `lines_and_amounts_due` for `count` documents ($1 the organization)."""
    table = line_model._meta.db_table
    marks = placeholders(count, first=2)
    return (
        f"SELECT d.id AS document_id__, {amount_due('d')} AS amount_due__, l.*"  # noqa: S608
        f" FROM {document_table} d"
        f" LEFT JOIN {table} l ON l.{link} = d.id"
        f" WHERE d.organization_id = $1 AND d.id IN ({marks})"
        " ORDER BY d.id, l.line_no, l.id"
    )


async def lines_and_amounts_due(
    organization_id: UUID,
    document_table: str,
    line_model: type[L],
    link: str,
    amount_due: Callable[[str], str],
    ids: list[UUID],
) -> dict[UUID, tuple[int | None, list[L]]]:
    """For each document: what it still owes in minor units, by the rule `amount_due` (SQL
    over the document's row, as its read model declares it; None where it owes nothing yet)
    and its lines, as records of the line model.

    One statement for a whole page, where loading lines and amounts apart takes two. The
    table names come from the models, never from input.
    """
    if not ids:
        return {}
    sql = lines_and_amounts_due_sql(document_table, line_model, link, amount_due, len(ids))
    rows = await fetch_rows(sql, organization_id, *ids)
    found: dict[UUID, tuple[int | None, list[L]]] = {}
    lines: dict[UUID, list[L]] = defaultdict(list)
    line_rows: list[tuple[UUID, Mapping[str, Any]]] = []
    for row in rows:
        raw_id = row["document_id__"]
        # PostgreSQL's driver hands back UUIDs already; SQLite, text.
        document_id = raw_id if isinstance(raw_id, UUID) else UUID(raw_id)
        due = row["amount_due__"]
        if row["id"] is not None:
            line_rows.append((document_id, row))
        found[document_id] = (None if due is None else int(due), lines[document_id])
    # The rest of each row is the line's own columns, read as the ORM reads them.
    for (document_id, _row), line in zip(
        line_rows, records(line_model, (row for _id, row in line_rows)), strict=True
    ):
        lines[document_id].append(line)
    return found
