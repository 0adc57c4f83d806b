"""Which accounts and journal entries a list shows, and the orders it can show them in:
filters as SQL conditions and keyset orders for a page."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from server.keyset import SortKey, orders
from server.ledger.models import AccountStatus, AccountType, EntryStatus
from server.sql import Bounds, Where

ACCOUNT_ORDERS = orders(SortKey("code"), SortKey("name"), SortKey("created_at"))
JOURNAL_ENTRY_ORDERS = orders(SortKey("date"), SortKey("number"), SortKey("created_at"))


def account_conditions(
    organization_id: UUID,
    *,
    type: Sequence[AccountType] = (),
    status: Sequence[AccountStatus] = (),
    search: str | None = None,
) -> Where:
    """The organization's accounts matching every condition given; `search` looks for the
    text in the code or the name."""
    where = Where().add('"organization_id" = {}', organization_id)
    where.one_of('"type"', type).one_of('"status"', status)
    if search and search.strip():
        where.search(search, '"code"', '"name"')
    return where


def journal_entry_conditions(
    organization_id: UUID,
    *,
    status: Sequence[EntryStatus] = (),
    entry_date: Bounds | None = None,
) -> Where:
    """The organization's journal entries matching every condition given."""
    where = Where().add('"organization_id" = {}', organization_id)
    return where.one_of('"status"', status).within('"date"', entry_date)
