"""Webhook endpoints of an organization and the delivery of each event to each of them."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.identity.models import Organization

URL_MAX = 2000
DESCRIPTION_MAX = 500
RESPONSE_BODY_MAX = 2048


class DeliveryStatus(StrEnum):
    """Where a delivery stands. PENDING: not yet delivered, an attempt is due; SUCCEEDED:
    the endpoint answered 2xx; FAILED: every scheduled attempt failed; CANCELLED: the
    endpoint was disabled before it succeeded."""

    PENDING = "PENDING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


class WebhookEndpoint(Model):
    """A URL the organization's events are posted to, signed with the endpoint's secret.

    Secrets are sealed at rest (server/identity/sealing.py): the server must read them back
    to sign. After a rotation the previous secret signs too until `previous_secret_expires_at`.
    `failing_since` is the first failed attempt since the last success; with
    `consecutive_failures` it decides when the endpoint is disabled (server/webhooks/health.py).
    """

    id = fields.UUIDField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.CASCADE
    )
    url = fields.CharField(max_length=URL_MAX)
    description = fields.CharField(max_length=DESCRIPTION_MAX, null=True)
    # Event type names; empty: every type.
    event_types: Any = fields.JSONField(default=list)
    enabled = fields.BooleanField(default=True)
    disabled_reason = fields.CharField(max_length=DESCRIPTION_MAX, null=True)
    disabled_at = fields.DatetimeField(null=True)
    secret_sealed = fields.TextField()
    previous_secret_sealed = fields.TextField(null=True)
    previous_secret_expires_at = fields.DatetimeField(null=True)
    failing_since = fields.DatetimeField(null=True)
    consecutive_failures = fields.IntField(default=0)
    created_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    organization_id: UUID

    class Meta:
        table = "webhook_endpoints"
        indexes = (("organization_id", "created_at"),)


class WebhookDelivery(Model):
    """One event (or one test message) to one endpoint, with the outcome of its last attempt.

    `message_id` is the `webhook-id` header: the domain event's global id, the same on every
    attempt, so a receiver can drop a message it has already handled.
    """

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    endpoint: fields.ForeignKeyRelation[WebhookEndpoint] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name=False, on_delete=fields.CASCADE
    )
    # The domain event delivered (domain_events.id); null for a test message.
    event_id = fields.BigIntField(null=True)
    message_id = fields.CharField(max_length=100)
    event_type = fields.CharField(max_length=64)
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    last_attempt_at = fields.DatetimeField(null=True)
    response_status = fields.IntField(null=True)
    response_body = fields.TextField(null=True)
    duration_ms = fields.IntField(null=True)
    error = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    endpoint_id: UUID

    class Meta:
        table = "webhook_deliveries"
        unique_together = (("endpoint_id", "event_id"),)
        indexes = (("organization_id", "created_at"), ("endpoint_id", "created_at"))
