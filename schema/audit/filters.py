"""The audit log's filter and order inputs as the server's conditions."""

from __future__ import annotations

from strawberry.relay import from_base64

from schema.audit.types import AuditEventFilter, AuditEventOrderField
from server.audit.queries import AuditFilter
from server.events.reads import ACTOR_ID_TYPES

ORDER_COLUMNS = {
    AuditEventOrderField.OCCURRED_AT: "occurred_at",
    AuditEventOrderField.SEQUENCE: "sequence",
}

_ACTOR_TYPES = {type_name: stored for stored, type_name in ACTOR_ID_TYPES.items()}


def _pair(global_id: str | None) -> tuple[str, str] | None:
    """The (type, raw id) a global id holds; None for one that is not a global id."""
    try:
        type_name, raw = from_base64(global_id or "")
    except (ValueError, TypeError):
        return None
    return (type_name, raw) if type_name and raw else None


def server_filter(f: AuditEventFilter) -> AuditFilter:
    """The conditions of `f`; an id that is malformed or names no actor or object the log
    can hold matches nothing, as an unknown id does."""
    actor = _pair(f.actor_id) if f.actor_id is not None else None
    obj = _pair(f.object_id) if f.object_id is not None else None
    nothing = (f.actor_id is not None and (actor is None or actor[0] not in _ACTOR_TYPES)) or (
        f.object_id is not None and obj is None
    )
    span = f.occurred_at
    return AuditFilter(
        actor=(_ACTOR_TYPES[actor[0]], actor[1]) if actor and not nothing else None,
        actions=[a.value for a in f.action or ()],
        object_types=[t.value for t in f.object_type or ()],
        object=obj if not nothing else None,
        outcomes=[o.value for o in f.outcome or ()],
        occurred_from=span.from_ if span else None,
        occurred_to=span.to if span else None,
        matches_nothing=nothing,
    )
