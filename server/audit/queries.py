"""Reading the audit log of the actor's organization: its filter as SQL conditions for a
keyset page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from server.actor import Actor
from server.audit.log import chain_key
from server.sql import Where

# A condition no row meets: for an id that names nothing the log can hold.
NOTHING = "1 = 0"


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Conditions on stored values; an empty sequence or None means no condition."""

    actor: tuple[str, str] | None = None  # (actor type, actor id)
    actions: Sequence[str] = ()
    object_types: Sequence[str] = ()
    object: tuple[str, str] | None = None  # (object type, object id)
    outcomes: Sequence[str] = ()
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None
    matches_nothing: bool = False  # an id was given that names nothing


def _utc(moment: datetime) -> datetime:
    # SQLite compares the stored text, which is written in UTC; a bound given with another
    # offset is brought to UTC first (PostgreSQL compares instants either way).
    return moment.astimezone(UTC)


def _one_of(where: Where, column: str, values: Sequence[str]) -> None:
    if values:
        marks = ", ".join("{}" for _ in values)
        where.add(f'"{column}" IN ({marks})', *values)


def audit_conditions(actor: Actor, flt: AuditFilter) -> Where:
    """The events of the actor's organization's chain matching every condition given."""
    where = Where().add('"chain_key" = {}', chain_key(actor.org))
    if flt.matches_nothing:
        return where.add(NOTHING)
    if flt.actor:
        where.add('"actor_type" = {}', flt.actor[0]).add('"actor_id" = {}', flt.actor[1])
    if flt.object:
        where.add('"object_type" = {}', flt.object[0]).add('"object_id" = {}', flt.object[1])
    _one_of(where, "action", flt.actions)
    _one_of(where, "object_type", flt.object_types)
    _one_of(where, "outcome", flt.outcomes)
    if flt.occurred_from:
        where.add('"occurred_at" >= {}', _utc(flt.occurred_from))
    if flt.occurred_to:
        where.add('"occurred_at" < {}', _utc(flt.occurred_to))
    return where
