"""Which items a list shows, and the orders it can show them in: its filter as SQL
conditions and keyset orders for a page."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from server.editing import RecordStatus
from server.keyset import SortKey, orders
from server.sql import Where

ITEM_ORDERS = orders(SortKey("name"), SortKey("code"), SortKey("created_at"))


def item_conditions(
    organization_id: UUID, *, search: str | None = None, status: Sequence[RecordStatus] = ()
) -> Where:
    """The organization's items matching every condition given; `search` looks for the text
    in the name or the code."""
    where = Where().add('"organization_id" = {}', organization_id)
    if search and search.strip():
        where.search(search, '"name"', '"code"')
    return where.one_of('"status"', status)
