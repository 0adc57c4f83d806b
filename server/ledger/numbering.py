"""Gapless entry numbers and the lock date that guards them."""

from __future__ import annotations

from datetime import date

from tortoise.transactions import in_transaction

from server import sql as run_sql
from server.actor import Actor
from server.audit import log as audit
from server.errors import NotFound
from server.ledger.errors import PeriodLocked
from server.ledger.models import LedgerSettings


async def take_number(actor: Actor, on: date) -> int:
    """Take the next number and check the lock date in one UPDATE, which locks the
    organization's ledger row.

    The row stays locked until the caller's transaction ends, so numbers are gapless and
    no posting can slip in on or before a lock date being set at the same time. A refusal
    raises, and the caller's rollback gives the number back.
    """
    rows = await run_sql.fetch(
        "UPDATE ledger_settings SET next_entry_number = next_entry_number + 1 "
        "WHERE organization_id = $1 RETURNING next_entry_number - 1 AS number, lock_date",
        actor.org,
    )
    if not rows:
        raise NotFound("the organization has no ledger")
    lock_date = rows[0]["lock_date"]
    if isinstance(lock_date, str):  # SQLite hands dates back as text
        lock_date = date.fromisoformat(lock_date)
    if lock_date is not None and on <= lock_date:
        raise PeriodLocked(f"the books are locked up to {lock_date.isoformat()}", field=["date"])
    return int(rows[0]["number"])


async def set_lock_date(actor: Actor, lock_date: date | None) -> LedgerSettings:
    async with in_transaction():
        settings = await LedgerSettings.select_for_update().get(organization_id=actor.org)
        before = settings.lock_date.isoformat() if settings.lock_date else None
        settings.lock_date = lock_date
        await LedgerSettings.filter(organization_id=actor.org).update(lock_date=lock_date)
        await audit.record(
            actor,
            "ledger.lock_date_set",
            object_type="Organization",
            object_id=actor.org,
            before={"lockDate": before},
            after={"lockDate": lock_date.isoformat() if lock_date else None},
        )
    return settings
