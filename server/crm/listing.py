"""Which customers or vendors a list shows: its filter as SQL conditions for a keyset page."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from server.crm.models import PartyStatus
from server.sql import Where, contains_pattern


@dataclass(frozen=True, slots=True)
class PartyFilter:
    search: str | None = None
    status: PartyStatus | None = None
    tag: str | None = None


def party_conditions(organization_id: UUID, flt: PartyFilter) -> Where:
    """The organization's parties matching every condition given. Texts are compared
    upper-cased, which both databases do alike for ASCII letters."""
    where = Where().add('"organization_id" = {}', organization_id)
    if flt.search:
        text = flt.search.strip()
        where.add(
            "(upper(\"name\") LIKE upper({}) ESCAPE '\\'"
            " OR upper(\"email\") LIKE upper({}) ESCAPE '\\')",
            contains_pattern(text),
            contains_pattern(text.lower()),
        )
    if flt.status is not None:
        where.add('"status" = {}', flt.status)
    if flt.tag:
        # Tags are kept as ",a,b," so that a whole tag matches, never part of one.
        where.add(
            "\"tags_text\" LIKE {} ESCAPE '\\'", contains_pattern(f",{flt.tag.strip().lower()},")
        )
    return where
