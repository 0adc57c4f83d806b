"""Hash chaining of audit events: hash = SHA-256(prev_hash + canonical JSON of the event)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

import orjson

GENESIS_HASH = "0" * 64

# Fields covered by the hash, in a fixed set; adding one needs a new chain version.
HASHED_FIELDS = (
    "chain_key",
    "organization_id",
    "sequence",
    "occurred_at",
    "actor_type",
    "actor_id",
    "actor_label",
    "actor_roles",
    "action",
    "object_type",
    "object_id",
    "outcome",
    "before",
    "after",
    "request_id",
    "client_ip",
    "user_agent",
    "operation_name",
    "idempotency_key",
)


def _normalise(value: Any) -> Any:
    if isinstance(value, datetime):
        # The database may hand the time back in another zone; hash the UTC instant.
        return _utc_iso(value)
    if value is not None and not isinstance(value, str | int | bool | list | dict):
        return str(value)
    return value


def _utc_iso(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(fields: dict[str, Any]) -> bytes:
    return orjson.dumps(
        {name: _normalise(fields.get(name)) for name in HASHED_FIELDS},
        option=orjson.OPT_SORT_KEYS,
    )


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical(fields)).hexdigest()
