"""The audit log's vocabularies as GraphQL enums; the values are server/audit/vocabulary's,
described from the event catalogue."""

from __future__ import annotations

from schema.enums import described_enum
from server.audit.vocabulary import AuditAction, AuditObjectType, AuditOutcome
from server.events.catalogue import BY_ACTION, CATALOGUE, NOT_EVENTS

__all__ = ["AuditAction", "AuditObjectType", "AuditOutcome"]


def _action(action: str) -> str:
    event = BY_ACTION.get(action)
    if event is not None:
        return f"`{action}`: {event.description} Writes the domain event `{event.name}`."
    return f"`{action}`: writes no domain event ({NOT_EVENTS[action]})."


def _object_type(stored: str) -> str:
    actions = sorted(t.action for t in CATALOGUE if t.object_type == stored)
    if actions:
        return f"A {stored}, the object of {', '.join(f'`{a}`' for a in actions)}."
    return f"A {stored}."


described_enum(
    AuditAction,
    name="AuditAction",
    description="What an audited request did: every action the audit log writes.",
    values={member: _action(member.value) for member in AuditAction},
)
described_enum(
    AuditObjectType,
    name="AuditObjectType",
    description="The kind of object an audited action was about.",
    values={member: _object_type(member.value) for member in AuditObjectType},
)
_OUTCOMES = {
    "SUCCESS": "It was done.",
    "FAILURE": "It was refused for a business reason or failed (a wrong password, a "
    "userError); nothing changed.",
    "DENIED": "The roles did not allow it; nothing was done.",
}
described_enum(
    AuditOutcome,
    name="AuditOutcome",
    description="How an audited action ended.",
    values={member: _OUTCOMES[member.value] for member in AuditOutcome},
)
