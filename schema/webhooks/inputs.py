"""Inputs and payloads of the webhook mutations."""

from __future__ import annotations

from typing import Any

import strawberry

from schema.errors import UserError
from schema.webhooks.types import WebhookDelivery, WebhookEndpoint
from server.editing import refuse_nulls
from server.webhooks import endpoints


@strawberry.input(description="A new webhook endpoint.")
class WebhookEndpointCreateInput:
    url: str = strawberry.field(
        description="An http or https URL of at most 2,000 characters, without a user name "
        "or password, whose host resolves only to public addresses."
    )
    description: str | None = strawberry.field(
        default=None, description="What the endpoint is for."
    )
    event_types: list[str] = strawberry.field(
        default_factory=list,
        description="Event types to receive (docs/api/events.md); empty: every type.",
    )


@strawberry.input(description="A change to a webhook endpoint; omitted fields stay as they are.")
class WebhookEndpointUpdateInput:
    id: strawberry.ID = strawberry.field(description="The endpoint.")
    url: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="A new URL, checked as on create; omitted keeps it, null is refused.",
    )
    description: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="A new description; omitted keeps it, null or empty clears it.",
    )
    event_types: list[str] | None = strawberry.field(
        default=strawberry.UNSET,
        description="The event types to receive from now on; empty: every type. Omitted "
        "keeps them, null is refused.",
    )
    enabled: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="Switch sending on or off. Enabling clears disabledReason and the count "
        "of failures. Omitted keeps it, null is refused.",
    )


@strawberry.input(description="The webhook endpoint to act on.")
class WebhookEndpointInput:
    id: strawberry.ID = strawberry.field(description="The endpoint.")


@strawberry.input(description="The webhook delivery to send again.")
class WebhookDeliveryRetryInput:
    id: strawberry.ID = strawberry.field(description="The delivery.")


@strawberry.type(description="The endpoint and its secret, or why it was refused.")
class WebhookEndpointSecretPayload:
    webhook_endpoint: WebhookEndpoint | None = strawberry.field(description="The endpoint.")
    secret: str | None = strawberry.field(
        description="The signing secret, `whsec_` and base64, as Standard Webhooks libraries "
        "take it. Shown only now; store it safely."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The endpoint after the change, or why it was refused.")
class WebhookEndpointPayload:
    webhook_endpoint: WebhookEndpoint | None = strawberry.field(description="The endpoint.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The deleted endpoint's id, or why it was refused.")
class WebhookEndpointDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        description="Global id of the deleted endpoint."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The delivery after its attempt, or why it was refused.")
class WebhookDeliveryPayload:
    webhook_delivery: WebhookDelivery | None = strawberry.field(
        description="The delivery, with the outcome of the attempt just made."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


def endpoint_change(input: WebhookEndpointUpdateInput) -> endpoints.EndpointChange:
    """The change the client asked for: omitted fields unchanged, a null description
    cleared, a null for a required field refused."""

    def given(value: Any) -> Any:
        return None if value is strawberry.UNSET else value

    nulled = {name for name in ("url", "event_types", "enabled") if getattr(input, name) is None}
    refuse_nulls(nulled, {"url": "url", "event_types": "eventTypes", "enabled": "enabled"})
    return endpoints.EndpointChange(
        url=given(input.url),
        description="" if input.description is None else given(input.description),
        event_types=given(input.event_types),
        enabled=given(input.enabled),
    )
