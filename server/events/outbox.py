"""The domain event an audit event calls for, made ready to be written beside it.

The audit log calls `outgoing` with the fields of each event it appends and writes what it
returns in the same transaction (on PostgreSQL, in the same statement), numbering it from
the organization's chain head: see server/audit/log.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from server.events.catalogue import BY_ACTION, NOT_EVENTS
from server.events.payload import EventType, PayloadError

SUCCESS = "SUCCESS"


class UnknownAction(LookupError):
    """An audited action that is neither in the catalogue nor listed as writing no event."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A domain event to write; the audit log gives it its sequence numbers."""

    type: EventType
    organization_id: str
    payload: dict[str, Any]

    def columns(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Its row, but for `id` (the database's), `sequence` and `audit_sequence`."""
        return {
            "organization_id": self.organization_id,
            "type": self.type.name,
            "version": self.type.version,
            "occurred_at": fields["occurred_at"],
            "actor_type": fields["actor_type"],
            "actor_id": fields["actor_id"],
            "object_type": fields["object_type"],
            "object_id": fields["object_id"],
            "payload": self.payload,
        }


def outgoing(fields: Mapping[str, Any]) -> Outgoing | None:
    """The domain event for an audit event's fields (from audit.event_fields), or None."""
    action = fields["action"]
    event_type = BY_ACTION.get(action)
    if event_type is None:
        if action in NOT_EVENTS:
            return None
        raise UnknownAction(f"{action!r} is neither in the event catalogue nor in NOT_EVENTS")
    if fields["outcome"] != SUCCESS or fields["organization_id"] is None:
        return None  # a failure changed nothing; without an organization there is no feed
    if fields["object_type"] != event_type.object_type or fields["object_id"] is None:
        raise PayloadError(
            f"{action}: the catalogue's {event_type.name} is about a {event_type.object_type}, "
            f"the audit event about {fields['object_type']} {fields['object_id']}"
        )
    try:
        payload = event_type.payload(fields["after"], fields["before"])
    except PayloadError as exc:
        raise PayloadError(f"{action} -> {event_type.name}: {exc}") from exc
    return Outgoing(event_type, str(fields["organization_id"]), payload)
