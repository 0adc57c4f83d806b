"""Reading the audit log of the actor's organization: its filter as SQL conditions for a
keyset page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from server.actor import Actor
from server.audit.log import chain_key
from server.sql import Where


@dataclass(frozen=True, slots=True)
class AuditFilter:
    actor: str | None = None  # user id or label (email)
    action: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    outcome: str | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None


def _utc(moment: datetime) -> datetime:
    # SQLite compares the stored text, which is written in UTC; a bound given with another
    # offset is brought to UTC first (PostgreSQL compares instants either way).
    return moment.astimezone(UTC)


def audit_conditions(actor: Actor, flt: AuditFilter) -> Where:
    """The events of the actor's organization's chain matching every condition given."""
    where = Where().add('"chain_key" = {}', chain_key(actor.org))
    if flt.actor:
        if "@" in flt.actor:
            where.add('"actor_label" = {}', flt.actor.lower())
        else:
            where.add('"actor_id" = {}', flt.actor)
    for column, value in (
        ("action", flt.action),
        ("object_type", flt.object_type),
        ("object_id", flt.object_id),
        ("outcome", flt.outcome),
    ):
        if value:
            where.add(f'"{column}" = {{}}', value)
    if flt.occurred_from:
        where.add('"occurred_at" >= {}', _utc(flt.occurred_from))
    if flt.occurred_to:
        where.add('"occurred_at" < {}', _utc(flt.occurred_to))
    return where
