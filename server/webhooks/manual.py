"""Sending on request: a test message to an endpoint, and a delivery again.

Both are audited, then attempted at once, in the request, so the admin who asked sees the
answer; neither joins the retry schedule. Neither writes a domain event: they change no
record of the organization, and an event about them would itself go to every endpoint
(`NOT_EVENTS` in server/events/catalogue says so).
"""

from __future__ import annotations

from uuid import UUID

from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound
from server.settings import Settings
from server.webhooks import deliveries, endpoints
from server.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint


def _refuse_disabled(endpoint: WebhookEndpoint, field: str) -> None:
    if not endpoint.enabled:
        raise DomainError(
            "the endpoint is disabled; enable it first",
            code=ErrorCode.INVALID_STATUS,
            field=[field],
        )


async def send_test(settings: Settings, actor: Actor, endpoint_id: UUID) -> WebhookDelivery:
    """A `webhook.test` message to the endpoint now, recorded as a delivery."""
    async with in_transaction():
        endpoint = await endpoints.get(actor, endpoint_id)
        _refuse_disabled(endpoint, "id")
        delivery = await deliveries.create_test(endpoint)
        await audit.record(
            actor,
            "webhook_endpoint.test",
            object_type=endpoints.OBJECT_TYPE,
            object_id=endpoint.id,
            after={"delivery": str(delivery.id)},
        )
    await deliveries.attempt(settings, delivery.id)
    return await WebhookDelivery.get(id=delivery.id)


async def retry(settings: Settings, actor: Actor, delivery_id: UUID) -> WebhookDelivery:
    """The delivery attempted again now, whatever its status: a receiver that lost a
    message it acknowledged can have it again."""
    async with in_transaction():
        delivery = await get(actor, delivery_id)
        endpoint = await WebhookEndpoint.get(id=delivery.endpoint_id)
        _refuse_disabled(endpoint, "id")
        if delivery.status == DeliveryStatus.SUCCEEDED:
            # Sent again on request; the outcome of this attempt is its status.
            await WebhookDelivery.filter(id=delivery.id).update(status=DeliveryStatus.FAILED)
        await audit.record(
            actor,
            "webhook_delivery.retry",
            object_type="WebhookDelivery",
            object_id=delivery.id,
            before={"status": delivery.status.value, "attempts": delivery.attempts},
        )
    await deliveries.attempt(settings, delivery.id)
    return await WebhookDelivery.get(id=delivery.id)


async def get(actor: Actor, delivery_id: UUID) -> WebhookDelivery:
    found = await WebhookDelivery.get_or_none(id=delivery_id, organization_id=actor.org)
    if found is None:
        raise NotFound("webhook delivery not found", field=["id"])
    return found
