"""What a webhook posts: `{type, timestamp, data}` as Standard Webhooks shapes it, with
the domain event as the `events` feed shows it in `data`.

The body is made from the stored event, so every attempt posts the same bytes; only the
`webhook-timestamp` header and the signatures change between attempts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson

from server.dates import instant_text
from server.events.models import DomainEvent
from server.global_ids import encode

TEST_TYPE = "webhook.test"
# Global ids of the actor, by kind, as the feed writes them; the system has none.
_ACTOR_TYPES = {"user": "User", "api_key": "ApiKey"}


def message_id(event: DomainEvent) -> str:
    """The `webhook-id`: the event's global id, as the `events` feed shows it."""
    return encode("Event", str(event.id))


def _timestamp(moment: datetime) -> str:
    # As the feed's DateTime answers it, so that `data` is the event as the feed shows it.
    return instant_text(moment)


def event_body(event: DomainEvent) -> bytes:
    actor_type = _ACTOR_TYPES.get(event.actor_type)
    data: dict[str, Any] = {
        "id": message_id(event),
        "sequence": event.sequence,
        "version": event.version,
        "occurredAt": _timestamp(event.occurred_at),
        "actor": {
            "kind": event.actor_type.upper(),
            "id": encode(actor_type, event.actor_id) if actor_type and event.actor_id else None,
        },
        "objectType": event.object_type,
        "objectId": encode(event.object_type, event.object_id),
        "payload": event.payload,
    }
    body = {"type": event.type, "timestamp": _timestamp(event.occurred_at), "data": data}
    return orjson.dumps(body)


def body_of_test(delivery_id: str, endpoint_global_id: str, created_at: datetime) -> bytes:
    body = {
        "type": TEST_TYPE,
        "timestamp": _timestamp(created_at),
        "data": {
            "id": f"test_{delivery_id}",
            "endpointId": endpoint_global_id,
            "message": "A test message sent from Ledgerline on request.",
        },
    }
    return orjson.dumps(body)
