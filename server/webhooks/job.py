"""Webhooks as background work: the `webhook.deliver` job, and the consumer of domain
events that makes deliveries (server/background.py imports this module to register both).

One run of the job is one attempt of one delivery. The job queue holds the schedule: it
runs the handler again after each delay of RETRY_DELAYS while the handler raises, and the
handler raises after a failed attempt that is not the last. A failed last attempt leaves
the delivery FAILED in its log and the job done: the delivery log, not the job list, is
where admins look for what reached an endpoint.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from server.events.models import DomainEvent
from server.jobs import JobContext, enqueue, event_consumer, handler
from server.settings import get_settings
from server.webhooks import deliveries
from server.webhooks.models import WebhookDelivery
from server.webhooks.schedule import MAX_ATTEMPTS, RETRY_DELAYS

KIND = "webhook.deliver"
CONSUMER = "webhooks"


class DeliveryFailed(Exception):
    """The attempt failed and another is scheduled."""


def payload(delivery: WebhookDelivery) -> dict[str, Any]:
    return {"delivery_id": str(delivery.id)}


def key(delivery: WebhookDelivery) -> str:
    """One job per delivery, however often its event is relayed."""
    return f"{KIND}:{delivery.id}"


@handler(KIND, max_attempts=MAX_ATTEMPTS, delays=RETRY_DELAYS)
async def deliver(ctx: JobContext) -> None:
    number = ctx.attempt
    result = await deliveries.attempt(get_settings(), UUID(ctx.payload["delivery_id"]), number)
    if result is None or result.succeeded or number >= MAX_ATTEMPTS:
        return
    raise DeliveryFailed(result.error or f"HTTP {result.status_code}")


async def enqueue_delivery(delivery: WebhookDelivery) -> None:
    await enqueue(
        KIND, payload(delivery), organization_id=delivery.organization_id, key=key(delivery)
    )


@event_consumer(CONSUMER)
async def on_event(event: DomainEvent) -> None:
    """Each committed event: a delivery to each matching endpoint, each with its job, in
    the relay's transaction."""
    await deliveries.fan_out(event, enqueue_delivery)
