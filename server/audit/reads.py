"""Audit events as the database writes them (server.reads)."""

from __future__ import annotations

from server.audit.models import AuditEvent
from server.reads.shape import Shape, column, instant_column, json_column

AUDIT_EVENT = Shape(
    "AuditEvent",
    {
        "sequence": column("sequence"),
        "occurredAt": instant_column("occurred_at"),
        "actorType": column("actor_type"),
        "actorId": column("actor_id"),
        "actorLabel": column("actor_label"),
        # Never null: the column is NOT NULL with a default of [].
        "actorRoles": json_column("actor_roles"),
        "action": column("action"),
        "objectType": column("object_type"),
        "objectId": column("object_id"),
        "outcome": column("outcome"),
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
