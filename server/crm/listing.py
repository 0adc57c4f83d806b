"""Which customers or vendors a list shows: its filter as SQL conditions for a keyset page
(its orders, one of which is a balance, are server.documents.listing's)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from server.crm.models import PartyStatus
from server.sql import Bounds, Where, contains_pattern


@dataclass(frozen=True, slots=True)
class PartyFilter:
    search: str | None = None
    status: Sequence[PartyStatus] = ()
    tag: str | None = None
    created_at: Bounds | None = None


def party_conditions(organization_id: UUID, flt: PartyFilter) -> Where:
    """The organization's parties matching every condition given; `search` looks for the
    text in the name or the email."""
    where = Where().add('"organization_id" = {}', organization_id)
    if flt.search and flt.search.strip():
        where.search(flt.search, '"name"', '"email"')
    where.one_of('"status"', flt.status)
    if flt.tag:
        # Tags are kept as ",a,b," so that a whole tag matches, never part of one.
        where.add(
            "\"tags_text\" LIKE {} ESCAPE '\\'", contains_pattern(f",{flt.tag.strip().lower()},")
        )
    return where.within('"created_at"', flt.created_at, end_inclusive=False)
