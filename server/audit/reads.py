"""Audit events as the database writes them (server.reads)."""

from __future__ import annotations

from server.audit.models import AuditEvent
from server.audit.vocabulary import AuditAction, AuditObjectType, AuditOutcome
from server.events.reads import actor_id_sql
from server.reads.shape import Shape, Value, column, instant_column, json_column, named_enum_column

AUDIT_EVENT = Shape(
    "AuditEvent",
    {
        "sequence": column("sequence"),
        "occurredAt": instant_column("occurred_at"),
        # The enum's names are its stored values upper-cased (ASCII).
        "actorType": Value(lambda t, _d: f'upper({t}."actor_type")'),
        "actorId": Value(actor_id_sql),
        "actorLabel": column("actor_label"),
        # Never null: the column is NOT NULL with a default of [].
        "actorRoles": json_column("actor_roles"),
        "action": named_enum_column("action", AuditAction),
        "objectType": named_enum_column("object_type", AuditObjectType),
        # The global id of the object: its type is the row's own (null without one).
        "objectId": Value(lambda t, d: d.base64(f'{t}."object_type" || \':\' || {t}."object_id"')),
        "outcome": named_enum_column("outcome", AuditOutcome),
        "before": json_column("before"),
        "after": json_column("after"),
        "requestId": column("request_id"),
        "clientIp": column("client_ip"),
        "userAgent": column("user_agent"),
        "operationName": column("operation_name"),
        "idempotencyKey": column("idempotency_key"),
        "prevHash": column("prev_hash"),
        "hash": column("hash"),
    },
    AuditEvent._meta.db_table,
)
