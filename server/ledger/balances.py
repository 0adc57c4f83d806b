"""An account's balance as of a day, defined once, in SQL: the read model writes it
(server.ledger.reads, Account.balance) and the stock resolver reads it (`balances_as_of`)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from uuid import UUID

from server.ledger.models import Account, AccountType, JournalLine
from server.sql import fetch_rows, placeholders

# Accounts whose normal balance is a debit; the others' balance is their credits less debits.
DEBIT_NORMAL = (AccountType.ASSET, AccountType.EXPENSE)

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def balance_minor(t: str, as_of: str) -> str:
    """The balance of the account row `t` in base minor units, over its lines dated up to
    `as_of` (SQL for a day), natural sign: debits less credits for DEBIT_NORMAL accounts."""
    normal = ", ".join(f"'{kind.value}'" for kind in DEBIT_NORMAL)
    lines = JournalLine._meta.db_table
    net = (
        f"(SELECT COALESCE(SUM(l.base_debit_minor - l.base_credit_minor), 0) FROM {lines} l"  # noqa: S608
        f' WHERE l.organization_id = {t}."organization_id" AND l.account_id = {t}."id"'
        f" AND l.date <= {as_of})"
    )
    return f'(CASE WHEN {t}."type" IN ({normal}) THEN 1 ELSE -1 END) * {net}'


def day_literal(value: Any) -> str | None:
    """A day given as an argument (a date, or its YYYY-MM-DD text) as a SQL literal both
    databases compare with a date column; None for anything else."""
    if isinstance(value, date):
        return f"'{value.isoformat()}'"
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            return f"'{date.fromisoformat(value).isoformat()}'"
        except ValueError:
            return None
    return None


async def balances_as_of(
    organization_id: UUID, account_ids: list[UUID], as_of: date
) -> dict[UUID, int]:
    """The balance (`balance_minor`) of each of the organization's accounts among these."""
    if not account_ids:
        return {}
    table = Account._meta.db_table
    sql = (
        f'SELECT a."id" AS id, {balance_minor("a", "$1")} AS minor FROM "{table}" a'  # noqa: S608
        f' WHERE a."organization_id" = $2 AND a."id" IN ({placeholders(len(account_ids), 3)})'
    )
    # Numbered in the order they appear: SQLite binds its placeholders in that order.
    rows = await fetch_rows(sql, as_of, organization_id, *account_ids)
    return {UUID(str(r["id"])): int(r["minor"]) for r in rows}
