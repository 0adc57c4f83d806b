"""GraphQL documents and shortcuts for the webhook tests."""

from __future__ import annotations

import base64
from typing import Any
from uuid import UUID

from server.events.models import DomainEvent
from server.webhooks.models import WebhookDelivery
from tests.support import Api, Org

ENDPOINT_FIELDS = """id url description eventTypes enabled disabledReason disabledAt
  previousSecretExpiresAt consecutiveFailures failingSince"""
DELIVERY_FIELDS = """id eventType messageId status attempts nextAttemptAt lastAttemptAt
  responseStatusCode responseBody durationMs error endpoint { id }"""

CREATE = f"""mutation($i: WebhookEndpointCreateInput!) {{ webhookEndpointCreate(input: $i) {{
  webhookEndpoint {{ {ENDPOINT_FIELDS} }} secret userErrors {{ field message code }} }} }}"""
UPDATE = f"""mutation($i: WebhookEndpointUpdateInput!) {{ webhookEndpointUpdate(input: $i) {{
  webhookEndpoint {{ {ENDPOINT_FIELDS} }} userErrors {{ field message code }} }} }}"""
DELETE = """mutation($i: WebhookEndpointInput!) { webhookEndpointDelete(input: $i) {
  deletedId userErrors { field message code } } }"""
ROTATE = f"""mutation($i: WebhookEndpointInput!) {{ webhookEndpointSecretRotate(input: $i) {{
  webhookEndpoint {{ {ENDPOINT_FIELDS} }} secret userErrors {{ field message code }} }} }}"""
TEST = f"""mutation($i: WebhookEndpointInput!) {{ webhookEndpointTest(input: $i) {{
  webhookDelivery {{ {DELIVERY_FIELDS} }} userErrors {{ field message code }} }} }}"""
RETRY = f"""mutation($i: WebhookDeliveryRetryInput!) {{ webhookDeliveryRetry(input: $i) {{
  webhookDelivery {{ {DELIVERY_FIELDS} }} userErrors {{ field message code }} }} }}"""
ENDPOINTS = f"""{{ webhookEndpoints(first: 50) {{ totalCount nodes {{ {ENDPOINT_FIELDS} }} }} }}"""
DELIVERIES = f"""query($f: WebhookDeliveryFilter) {{ webhookDeliveries(first: 50, filter: $f) {{
  totalCount nodes {{ {DELIVERY_FIELDS} }} }} }}"""
CUSTOMER = """mutation($name: String!) { customerCreate(input: {name: $name}) {
  customer { id } userErrors { code } } }"""


async def create(api: Api, org: Org, url: str, role: str = "owner", **more: Any) -> dict[str, Any]:
    """The payload of webhookEndpointCreate."""
    data = await api.data(CREATE, {"i": {"url": url, **more}}, token=org.token(role))
    payload: dict[str, Any] = data["webhookEndpointCreate"]
    return payload


async def made(api: Api, org: Org, url: str, **more: Any) -> tuple[dict[str, Any], str]:
    """A new endpoint and its secret; the creation must succeed."""
    payload = await create(api, org, url, **more)
    assert payload["userErrors"] == [], payload
    return payload["webhookEndpoint"], payload["secret"]


async def customer_event(api: Api, org: Org, name: str = "Acme") -> DomainEvent:
    """Create a customer through the API; its customer.created event."""
    data = await api.data(CUSTOMER, {"name": name}, token=org.token())
    assert data["customerCreate"]["userErrors"] == []
    return (
        await DomainEvent.filter(organization_id=org.id, type="customer.created")
        .order_by("-sequence")
        .first()
    )  # type: ignore[return-value]


async def deliveries_of(event: DomainEvent) -> list[WebhookDelivery]:
    return await WebhookDelivery.filter(event_id=event.id)


class Queue:
    """Stands in for the job queue: keeps what fan-out enqueues."""

    def __init__(self) -> None:
        self.enqueued: list[WebhookDelivery] = []

    async def __call__(self, delivery: WebhookDelivery) -> None:
        self.enqueued.append(delivery)


def uuid_of(global_id: str) -> UUID:
    """The uuid inside a global id."""
    return UUID(base64.b64decode(global_id).decode().split(":", 1)[1])
