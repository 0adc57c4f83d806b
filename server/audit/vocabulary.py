"""The closed vocabularies of an audit event: its actions, object types, outcomes and actor
types, each stored as text and offered to clients as an enum.

Actions derive from the event catalogue (server/events/catalogue): every audited action is
there, with its domain event or in NOT_EVENTS with the reason it writes none. Object types
are those of the catalogue's events plus the few that only actions without an event touch.
Writing an event with a value outside these is a programming error (`check`), so the enums
the API offers always cover what the log holds.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from server.events.catalogue import BY_ACTION, CATALOGUE, NOT_EVENTS


def member_name(stored: str) -> str:
    """The enum member name of a stored value: `invoice.write_off` -> INVOICE_WRITE_OFF,
    `JournalEntry` -> JOURNAL_ENTRY."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", stored)
    return re.sub(r"[^A-Za-z0-9]+", "_", spaced).upper()


def _enum(name: str, stored: list[str]) -> Any:
    members = {member_name(value): value for value in stored}
    if len(members) != len(stored):
        raise RuntimeError(f"{name}: two stored values share a member name")
    return Enum(name, members)


ACTIONS: tuple[str, ...] = tuple(sorted(BY_ACTION.keys() | NOT_EVENTS.keys()))

# Object types acted on only by actions that write no domain event.
WITHOUT_EVENTS: tuple[str, ...] = ("AuditLog", "Job", "Session", "WebhookDelivery")
OBJECT_TYPES: tuple[str, ...] = tuple(
    sorted({t.object_type for t in CATALOGUE} | set(WITHOUT_EVENTS))
)

OUTCOMES: tuple[str, ...] = ("SUCCESS", "FAILURE", "DENIED")
ACTOR_TYPES: tuple[str, ...] = ("user", "api_key", "system", "anonymous")

AuditAction = _enum("AuditAction", list(ACTIONS))
AuditObjectType = _enum("AuditObjectType", list(OBJECT_TYPES))
AuditOutcome = _enum("AuditOutcome", list(OUTCOMES))


def known_object_type(stored: str | None) -> Any:
    """The member for a stored object type; None for none, and for a value written before
    the types were a closed list (a denial's permission object, such as `invoice`): the
    enum cannot name it, and the log cannot be rewritten."""
    members = {m.value: m for m in AuditObjectType}
    return members.get(stored) if stored else None


class UnknownAuditValue(ValueError):
    """An audit event written with a value outside its vocabulary."""


def check(action: str, object_type: str | None, outcome: str, actor_type: str) -> None:
    """Refuse an event whose values the vocabularies do not hold."""
    for kind, value, allowed in (
        ("action", action, ACTIONS),
        ("object type", object_type, OBJECT_TYPES),
        ("outcome", outcome, OUTCOMES),
        ("actor type", actor_type, ACTOR_TYPES),
    ):
        if value is not None and value not in allowed:
            raise UnknownAuditValue(f"audit {kind} {value!r} is not in server/audit/vocabulary")
