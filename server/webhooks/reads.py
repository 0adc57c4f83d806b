"""Webhook endpoints and deliveries as the database writes them (server.reads), and which
ones a list shows."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from server.keyset import SortKey, orders
from server.reads.shape import (
    Related,
    Shape,
    boolean_column,
    column,
    enum_column,
    instant_column,
    json_column,
    node_id,
)
from server.sql import Bounds, Where
from server.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint

ENDPOINT = Shape(
    "WebhookEndpoint",
    {
        "id": node_id("WebhookEndpoint"),
        "url": column("url"),
        "description": column("description"),
        "eventTypes": json_column("event_types"),
        "enabled": boolean_column("enabled"),
        "disabledReason": column("disabled_reason"),
        "disabledAt": instant_column("disabled_at"),
        "previousSecretExpiresAt": instant_column("previous_secret_expires_at"),
        "consecutiveFailures": column("consecutive_failures"),
        "failingSince": instant_column("failing_since"),
        "createdAt": instant_column("created_at"),
        "updatedAt": instant_column("updated_at"),
    },
    WebhookEndpoint._meta.db_table,
)

DELIVERY = Shape(
    "WebhookDelivery",
    {
        "id": node_id("WebhookDelivery"),
        "endpoint": Related(
            ENDPOINT, lambda t, a: f'FROM "{ENDPOINT.table}" {a} WHERE {a}."id" = {t}."endpoint_id"'
        ),
        "eventType": column("event_type"),
        "messageId": column("message_id"),
        "status": enum_column("status", DeliveryStatus),
        "attempts": column("attempts"),
        "nextAttemptAt": instant_column("next_attempt_at"),
        "lastAttemptAt": instant_column("last_attempt_at"),
        "responseStatusCode": column("response_status"),
        "responseBody": column("response_body"),
        "durationMs": column("duration_ms"),
        "error": column("error"),
        "createdAt": instant_column("created_at"),
    },
    WebhookDelivery._meta.db_table,
)


ENDPOINT_ORDERS = orders(SortKey("url"), SortKey("created_at"))
DELIVERY_ORDERS = orders(SortKey("created_at"), SortKey("next_attempt_at"))


def endpoint_conditions(
    organization_id: UUID, *, enabled: bool | None = None, search: str | None = None
) -> Where:
    """The organization's endpoints, enabled or disabled ones only if asked; `search` looks
    in the URL and the description."""
    where = Where().add('"organization_id" = {}', organization_id)
    if enabled is not None:
        where.add('"enabled" = {}', enabled)
    if search and search.strip():
        where.search(search, '"url"', '"description"')
    return where


def delivery_conditions(
    organization_id: UUID,
    endpoint_id: UUID | None,
    status: Sequence[DeliveryStatus] = (),
    created_at: Bounds | None = None,
) -> Where:
    """The organization's deliveries, of one endpoint or all, of some statuses or all."""
    where = Where().add('"organization_id" = {}', organization_id)
    if endpoint_id is not None:
        where.add('"endpoint_id" = {}', endpoint_id)
    where.one_of('"status"', status)
    return where.within('"created_at"', created_at, end_inclusive=False)
