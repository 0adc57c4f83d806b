"""GraphQL types of webhook endpoints and their deliveries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from uuid import UUID

import strawberry
from strawberry import relay

from schema.context import Info
from schema.enums import described_enum
from schema.filters import DateTimeRange, OrderDirection
from schema.permissions import authorize
from schema.reads import lookup
from server.webhooks import models
from server.webhooks.models import DeliveryStatus
from server.webhooks.reads import DELIVERY, ENDPOINT

described_enum(
    DeliveryStatus,
    name="WebhookDeliveryStatus",
    description="Where a webhook delivery stands.",
    values={
        DeliveryStatus.PENDING: "Not delivered yet; the next attempt is due at nextAttemptAt.",
        DeliveryStatus.SUCCEEDED: "The endpoint answered with a 2xx status.",
        DeliveryStatus.FAILED: "Every scheduled attempt failed (or a manual one did).",
        DeliveryStatus.CANCELLED: "The endpoint was disabled before the delivery succeeded.",
    },
)


def _uuids(node_ids: Iterable[str]) -> dict[str, UUID]:
    valid: dict[str, UUID] = {}
    for raw in node_ids:
        try:
            valid[raw] = UUID(raw)
        except ValueError:
            continue
    return valid


@strawberry.type(
    description="A URL the organization's domain events are posted to, signed per Standard "
    "Webhooks (docs/api/webhooks.md)."
)
class WebhookEndpoint(relay.Node):
    id: relay.NodeID[str]
    url: str = strawberry.field(description="Where messages are posted (http or https).")
    description: str | None = strawberry.field(description="What the endpoint is for.")
    event_types: list[str] = strawberry.field(
        description="The event types it receives; empty: every type."
    )
    enabled: bool = strawberry.field(description="Whether messages are sent to it.")
    disabled_reason: str | None = strawberry.field(
        description="Why it was disabled automatically; null when enabled or disabled by hand."
    )
    disabled_at: datetime | None = strawberry.field(description="When it was disabled.")
    previous_secret_expires_at: datetime | None = strawberry.field(
        description="After a secret rotation: until when the previous secret signs too."
    )
    consecutive_failures: int = strawberry.field(
        description="Delivery attempts in a row that failed; 0 after any success."
    )
    failing_since: datetime | None = strawberry.field(
        description="The first of those failed attempts."
    )
    created_at: datetime = strawberry.field(description="When it was added.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @classmethod
    def from_model(cls, e: models.WebhookEndpoint) -> WebhookEndpoint:
        return cls(
            id=str(e.id),
            url=e.url,
            description=e.description,
            event_types=list(e.event_types),
            enabled=e.enabled,
            disabled_reason=e.disabled_reason,
            disabled_at=e.disabled_at,
            previous_secret_expires_at=e.previous_secret_expires_at,
            consecutive_failures=e.consecutive_failures,
            failing_since=e.failing_since,
            created_at=e.created_at,
            updated_at=e.updated_at,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[WebhookEndpoint | None]:
        ids = list(node_ids)
        await authorize(info.context, "webhook", "read")
        embedded = await lookup(info, ENDPOINT, ids)
        if embedded is not None:
            return embedded
        valid = _uuids(ids)
        rows = await models.WebhookEndpoint.filter(
            id__in=list(valid.values()), organization_id=info.context.signed_in().org
        )
        found = {str(r.id): cls.from_model(r) for r in rows}
        return [found.get(str(valid[i])) if i in valid else None for i in ids]


@strawberry.type(
    description="One event, or one test message, sent to one endpoint, with the outcome of "
    "its last attempt."
)
class WebhookDelivery(relay.Node):
    id: relay.NodeID[str]
    endpoint: WebhookEndpoint = strawberry.field(description="Where it is sent.")
    event_type: str = strawberry.field(
        description="The event's type, or webhook.test for a test message."
    )
    message_id: str = strawberry.field(
        description="The webhook-id header: the event's global id (as the events feed shows "
        "it), the same on every attempt, for the receiver to drop duplicates."
    )
    status: DeliveryStatus = strawberry.field(description="Where it stands.")
    attempts: int = strawberry.field(description="Attempts made so far.")
    next_attempt_at: datetime | None = strawberry.field(
        description="When the next scheduled attempt is due; null when none is."
    )
    last_attempt_at: datetime | None = strawberry.field(description="When the last attempt began.")
    response_status_code: int | None = strawberry.field(
        description="The HTTP status of the last answer; null when there was none."
    )
    response_body: str | None = strawberry.field(
        description="The start of the last answer's body, at most 2 KB."
    )
    duration_ms: int | None = strawberry.field(
        description="How long the last attempt took, in milliseconds."
    )
    error: str | None = strawberry.field(
        description="Why the last attempt got no answer: refused by the address rules, timed "
        "out, connection failed. Null when it got one."
    )
    created_at: datetime = strawberry.field(description="When the delivery was made.")

    @classmethod
    def from_model(
        cls, d: models.WebhookDelivery, endpoint: models.WebhookEndpoint | None = None
    ) -> WebhookDelivery:
        """The delivery with its endpoint: `endpoint` if given (a page reads it with the
        rows), else the delivery's own, fetched."""
        return cls(
            id=str(d.id),
            endpoint=WebhookEndpoint.from_model(endpoint or d.endpoint),
            event_type=d.event_type,
            message_id=d.message_id,
            status=DeliveryStatus(d.status),
            attempts=d.attempts,
            next_attempt_at=d.next_attempt_at,
            last_attempt_at=d.last_attempt_at,
            response_status_code=d.response_status,
            response_body=d.response_body,
            duration_ms=d.duration_ms,
            error=d.error,
            created_at=d.created_at,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[WebhookDelivery | None]:
        ids = list(node_ids)
        await authorize(info.context, "webhook", "read")
        embedded = await lookup(info, DELIVERY, ids)
        if embedded is not None:
            return embedded
        valid = _uuids(ids)
        rows = await models.WebhookDelivery.filter(
            id__in=list(valid.values()), organization_id=info.context.signed_in().org
        ).prefetch_related("endpoint")
        found = {str(r.id): cls.from_model(r) for r in rows}
        return [found.get(str(valid[i])) if i in valid else None for i in ids]


@strawberry.input(description="Narrow the delivery log; conditions combine with AND.")
class WebhookDeliveryFilter:
    endpoint_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only deliveries to this endpoint."
    )
    status: list[DeliveryStatus] | None = strawberry.field(
        default=None, description="Only deliveries in one of these statuses."
    )
    created_at: DateTimeRange | None = strawberry.field(
        default=None, description="Created within this range."
    )


class WebhookDeliveryOrderField(Enum):
    CREATED_AT = "created_at"
    NEXT_ATTEMPT_AT = "next_attempt_at"


described_enum(
    WebhookDeliveryOrderField,
    name="WebhookDeliveryOrderField",
    description="What webhook deliveries are sorted by.",
    values={
        WebhookDeliveryOrderField.CREATED_AT: "When the delivery was created.",
        WebhookDeliveryOrderField.NEXT_ATTEMPT_AT: "When the next attempt is due; deliveries "
        "with none due come last ascending, first descending.",
    },
)


@strawberry.input(description="Sort order of webhook deliveries; ties are broken by id.")
class WebhookDeliveryOrder:
    field: WebhookDeliveryOrderField = strawberry.field(
        default=WebhookDeliveryOrderField.CREATED_AT, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )


@strawberry.input(description="Conditions on webhook endpoints; every condition given must hold.")
class WebhookEndpointFilter:
    enabled: bool | None = strawberry.field(
        default=None, description="True: only enabled endpoints; false: only disabled ones."
    )
    search: str | None = strawberry.field(
        default=None, description="Text in the URL or the description, ignoring case."
    )


class WebhookEndpointOrderField(Enum):
    URL = "url"
    CREATED_AT = "created_at"


described_enum(
    WebhookEndpointOrderField,
    name="WebhookEndpointOrderField",
    description="What webhook endpoints are sorted by.",
    values={
        WebhookEndpointOrderField.URL: "The endpoint's URL, as text.",
        WebhookEndpointOrderField.CREATED_AT: "When the endpoint was added.",
    },
)


@strawberry.input(description="Sort order of webhook endpoints; ties are broken by id.")
class WebhookEndpointOrder:
    field: WebhookEndpointOrderField = strawberry.field(
        default=WebhookEndpointOrderField.CREATED_AT, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )
