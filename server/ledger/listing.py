"""Which accounts and journal entries a list shows: filters as SQL conditions for a keyset
page."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from server.ledger.models import AccountStatus, AccountType, EntryStatus
from server.sql import Where


def _pattern(text: str) -> str:
    """`%text%` with LIKE's wildcards in `text` taken literally (escaped by a backslash)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def account_conditions(
    organization_id: UUID,
    *,
    type: AccountType | None = None,
    status: AccountStatus | None = None,
    search: str | None = None,
) -> Where:
    """The organization's accounts matching every condition given; `search` looks for the
    text in the code or the name, compared upper-cased as the database upper-cases."""
    where = Where().add('"organization_id" = {}', organization_id)
    if type is not None:
        where.add('"type" = {}', type)
    if status is not None:
        where.add('"status" = {}', status)
    if search:
        pattern = _pattern(search)
        where.add(
            "(upper(\"code\") LIKE upper({}) ESCAPE '\\'"
            " OR upper(\"name\") LIKE upper({}) ESCAPE '\\')",
            pattern,
            pattern,
        )
    return where


def journal_entry_conditions(
    organization_id: UUID,
    *,
    status: EntryStatus | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Where:
    """The organization's journal entries matching every condition given."""
    where = Where().add('"organization_id" = {}', organization_id)
    if status is not None:
        where.add('"status" = {}', status)
    if date_from is not None:
        where.add('"date" >= {}', date_from)
    if date_to is not None:
        where.add('"date" <= {}', date_to)
    return where
