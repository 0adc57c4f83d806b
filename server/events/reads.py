"""Domain events as the database writes them (server.reads)."""

from __future__ import annotations

from server.events.models import DomainEvent
from server.reads.dialect import Dialect
from server.reads.shape import Nested, Shape, Value, column, instant_column, json_column, node_id

# The type of the global id of an event's actor, by stored actor type; the others (the
# system, an anonymous caller) have no id.
ACTOR_ID_TYPES = {"user": "User", "api_key": "ApiKey"}


def actor_id_sql(t: str, d: Dialect) -> str:
    """The global id of the row's actor (columns actor_type, actor_id); null for none."""
    cases = "".join(
        f""" WHEN '{stored}' THEN {d.global_id(type_name, f'{t}."actor_id"')}"""
        for stored, type_name in ACTOR_ID_TYPES.items()
    )
    # An empty id is no id, as for the stock resolver.
    return f"""CASE WHEN {t}."actor_id" <> '' THEN CASE {t}."actor_type"{cases} END END"""


def _object_name(t: str) -> str:
    return f'{t}."object_type" || \':\' || {t}."object_id"'


EVENT_ACTOR = Shape(
    "EventActor",
    {
        # The enum's names are its stored values upper-cased (ASCII).
        "kind": Value(lambda t, _d: f'upper({t}."actor_type")'),
        "id": Value(actor_id_sql),
    },
)

EVENT = Shape(
    "Event",
    {
        "id": node_id("Event"),
        "sequence": column("sequence"),
        "type": column("type"),
        "version": column("version"),
        "occurredAt": instant_column("occurred_at"),
        "actor": Nested(EVENT_ACTOR, lambda t: t),
        "objectType": column("object_type"),
        # The global id of the object changed: its type is the row's own.
        "objectId": Value(lambda t, d: d.base64(f'{t}."object_type" || \':\' || {t}."object_id"')),
        "payload": json_column("payload"),
        "auditSequence": column("audit_sequence"),
    },
    DomainEvent._meta.db_table,
)
