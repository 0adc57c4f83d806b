"""Which items a list shows: its filter as SQL conditions for a keyset page."""

from __future__ import annotations

from uuid import UUID

from server.editing import RecordStatus
from server.sql import Where, contains_pattern


def item_conditions(
    organization_id: UUID, *, search: str | None = None, status: RecordStatus | None = None
) -> Where:
    """The organization's items matching every condition given; `search` looks for the text,
    ignoring case (compared upper-cased, alike in both databases for ASCII letters), in the
    name or the code."""
    where = Where().add('"organization_id" = {}', organization_id)
    if search:
        text = contains_pattern(search.strip())
        where.add(
            "(upper(\"name\") LIKE upper({}) ESCAPE '\\'"
            " OR upper(\"code\") LIKE upper({}) ESCAPE '\\')",
            text,
            text,
        )
    if status is not None:
        where.add('"status" = {}', status)
    return where
