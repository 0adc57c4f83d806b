"""The `webhook.deliver` job: one attempt of one delivery per run.

The job queue holds the schedule: it runs the handler again after each delay of
RETRY_DELAYS while the handler raises, and the handler raises after a failed attempt that
is not the last. A failed last attempt leaves the delivery FAILED in its log and the job
done: the delivery log, not the job list, is where admins look.

To be registered with the job queue (server/jobs) as:
    handler(KIND, max_attempts=MAX_ATTEMPTS, delays=RETRY_DELAYS)(deliver)
    event_consumer("webhooks")(lambda event: fan_out(event, enqueue_delivery))
where enqueue_delivery calls `enqueue(KIND, payload(d), organization_id=..., key=key(d))`.
"""

from __future__ import annotations

from typing import Any, Protocol
from uuid import UUID

from server.settings import Settings, get_settings
from server.webhooks import deliveries
from server.webhooks.models import WebhookDelivery
from server.webhooks.schedule import MAX_ATTEMPTS

KIND = "webhook.deliver"


class DeliveryFailed(Exception):
    """The attempt failed and another is scheduled."""


class Run(Protocol):
    """What the handler reads of the job queue's context."""

    @property
    def payload(self) -> dict[str, Any]: ...

    @property
    def attempt(self) -> int: ...


def payload(delivery: WebhookDelivery) -> dict[str, Any]:
    return {"delivery_id": str(delivery.id)}


def key(delivery: WebhookDelivery) -> str:
    """One job per delivery, however often its event is relayed."""
    return f"{KIND}:{delivery.id}"


async def deliver(run: Run, settings: Settings | None = None) -> None:
    number = run.attempt
    result = await deliveries.attempt(
        settings or get_settings(), UUID(run.payload["delivery_id"]), number
    )
    if result is None or result.succeeded or number >= MAX_ATTEMPTS:
        return
    raise DeliveryFailed(result.error or f"HTTP {result.status_code}")
