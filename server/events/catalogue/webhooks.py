"""Event types of the organization's webhook endpoints (never their secrets)."""

from __future__ import annotations

from server.events.payload import BOOLEAN, DATE_TIME, INTEGER, TEXT, TEXTS, EventType, Field

ENDPOINT = (
    Field("url", TEXT, "Where messages are posted."),
    Field("description", TEXT, "What the endpoint is for."),
    Field("eventTypes", TEXTS, "The event types it receives; empty: every type."),
    Field("enabled", BOOLEAN, "Whether messages are sent to it."),
)

TYPES = (
    EventType(
        "webhook_endpoint.created",
        1,
        "webhook_endpoint.create",
        "WebhookEndpoint",
        "A webhook endpoint was added.",
        ENDPOINT,
    ),
    EventType(
        "webhook_endpoint.updated",
        1,
        "webhook_endpoint.update",
        "WebhookEndpoint",
        "A webhook endpoint was changed, enabled or disabled by a person.",
        ENDPOINT,
        changes=True,
    ),
    EventType(
        "webhook_endpoint.deleted",
        1,
        "webhook_endpoint.delete",
        "WebhookEndpoint",
        "A webhook endpoint was deleted, with its delivery log.",
        (Field("url", TEXT, "Where messages were posted.", before=True),),
    ),
    EventType(
        "webhook_endpoint.secret_rotated",
        1,
        "webhook_endpoint.secret_rotate",
        "WebhookEndpoint",
        "A webhook endpoint's signing secret was replaced; the previous one signs too until "
        "the overlap ends.",
        (Field("overlapEndsAt", DATE_TIME, "When the previous secret stops signing."),),
    ),
    EventType(
        "webhook_endpoint.disabled",
        1,
        "webhook_endpoint.disable",
        "WebhookEndpoint",
        "A webhook endpoint was disabled automatically: every delivery attempt failed for "
        "three days. The owner re-enables it.",
        (
            Field("reason", TEXT, "Why, as the endpoint's disabledReason shows it."),
            Field("failedAttempts", INTEGER, "Attempts in a row that failed."),
        ),
    ),
)
