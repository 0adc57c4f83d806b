"""Deliveries: one per event and endpoint, made when the event is relayed, then attempted
until the endpoint answers 2xx or the schedule runs out (server/webhooks/schedule.py).

At least once: an attempt whose answer is lost is made again, with the same `webhook-id`
(the event's global id), so a receiver drops what it has already handled. `attempt` is
idempotent: a delivery that has succeeded is not sent again by a job that runs twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.events.models import DomainEvent
from server.global_ids import encode
from server.settings import Settings
from server.webhooks import health, message, sender, signing
from server.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from server.webhooks.schedule import delay_after

# Puts a delivery's first attempt in the job queue, in the caller's transaction.
Enqueue = Callable[[WebhookDelivery], Awaitable[None]]


def matches(endpoint: WebhookEndpoint, event_type: str) -> bool:
    return not endpoint.event_types or event_type in endpoint.event_types


async def fan_out(event: DomainEvent, enqueue: Enqueue) -> list[WebhookDelivery]:
    """A delivery of a committed event to each enabled endpoint of its organization whose
    filter takes its type, each enqueued. Relaying the same event again adds none."""
    endpoints = [
        e
        for e in await WebhookEndpoint.filter(organization_id=event.organization_id, enabled=True)
        if matches(e, event.type)
    ]
    if not endpoints:
        return []
    done = set(
        await WebhookDelivery.filter(
            event_id=event.id, endpoint_id__in=[e.id for e in endpoints]
        ).values_list("endpoint_id", flat=True)
    )
    made: list[WebhookDelivery] = []
    for endpoint in endpoints:
        if endpoint.id in done:
            continue
        delivery = await WebhookDelivery.create(
            organization_id=event.organization_id,
            endpoint_id=endpoint.id,
            event_id=event.id,
            message_id=message.message_id(event),
            event_type=event.type,
            next_attempt_at=clock.now(),
        )
        await enqueue(delivery)
        made.append(delivery)
    return made


async def create_test(endpoint: WebhookEndpoint) -> WebhookDelivery:
    delivery = WebhookDelivery(
        organization_id=endpoint.organization_id,
        endpoint_id=endpoint.id,
        event_type=message.TEST_TYPE,
    )
    delivery.message_id = f"test_{delivery.id}"
    await delivery.save()
    return delivery


async def body(delivery: WebhookDelivery) -> bytes | None:
    """The bytes every attempt of the delivery posts; None if its event is gone."""
    if delivery.event_id is None:
        endpoint_id = encode("WebhookEndpoint", delivery.endpoint_id)
        return message.body_of_test(str(delivery.id), endpoint_id, delivery.created_at)
    event = await DomainEvent.get_or_none(id=delivery.event_id)
    return message.event_body(event) if event is not None else None


async def attempt(
    settings: Settings, delivery_id: UUID, number: int | None = None
) -> sender.Attempt | None:
    """One attempt, recorded on the delivery; None if there was nothing to send (gone,
    already delivered, or its endpoint disabled, which cancels it).

    `number` is the attempt's place in the delivery's schedule: after a failed one the
    delivery waits for the next (the job queue holds that delay), after the last it has
    FAILED. Without a number (a test message, a manual retry) a failure leaves a delivery
    that has a scheduled attempt to come pending, and any other failed."""
    delivery = await WebhookDelivery.get_or_none(id=delivery_id)
    if delivery is None or delivery.status == DeliveryStatus.SUCCEEDED:
        return None
    endpoint = await WebhookEndpoint.get_or_none(id=delivery.endpoint_id)
    if endpoint is None:
        return None
    if not endpoint.enabled:
        await WebhookDelivery.filter(id=delivery.id, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.CANCELLED, next_attempt_at=None
        )
        return None
    payload = await body(delivery)
    if payload is None:
        return None
    now = clock.now()
    headers = signing.headers(
        delivery.message_id, now, payload, signing.signing_secrets(settings, endpoint, now)
    )
    result = await sender.post(
        endpoint.url, headers, payload, allow_private=settings.webhooks_allow_private
    )
    await _record(delivery, result, now, number)
    await health.after_attempt(endpoint.id, result.succeeded, _failure(result))
    return result


def _failure(result: sender.Attempt) -> str | None:
    if result.succeeded:
        return None
    return result.error or f"HTTP {result.status_code}"


async def _record(
    delivery: WebhookDelivery, result: sender.Attempt, at: datetime, number: int | None
) -> None:
    values: dict[str, object] = {
        "last_attempt_at": at,
        "response_status": result.status_code,
        "response_body": result.body,
        "duration_ms": result.duration_ms,
        "error": result.error,
    }
    if result.succeeded:
        values.update(status=DeliveryStatus.SUCCEEDED, next_attempt_at=None)
    elif number is not None:
        wait = delay_after(number)
        if wait is None:
            values.update(status=DeliveryStatus.FAILED, next_attempt_at=None)
        else:
            values.update(status=DeliveryStatus.PENDING, next_attempt_at=clock.now() + wait)
    elif delivery.status != DeliveryStatus.PENDING or delivery.next_attempt_at is None:
        values.update(status=DeliveryStatus.FAILED)
    async with in_transaction():
        fresh = await WebhookDelivery.filter(id=delivery.id).select_for_update().first()
        if fresh is None:
            return
        if fresh.status == DeliveryStatus.SUCCEEDED:
            # Another attempt (a manual retry beside the job) got through first.
            values.pop("status", None)
            values.pop("next_attempt_at", None)
        await WebhookDelivery.filter(id=delivery.id).update(attempts=fresh.attempts + 1, **values)
