"""Root fields of webhooks: endpoints, their delivery log, and the actions on them."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from schema.context import Info
from schema.errors import user_errors
from schema.filters import bounds, order_key
from schema.ids import decode, encode
from schema.page_args import After, Before, First, Last
from schema.pagination import Connection, paginate_sql
from schema.permissions import authorize, requires
from schema.reads import page_item_sql
from schema.webhooks.inputs import (
    WebhookDeliveryPayload,
    WebhookDeliveryRetryInput,
    WebhookEndpointCreateInput,
    WebhookEndpointDeletePayload,
    WebhookEndpointInput,
    WebhookEndpointPayload,
    WebhookEndpointSecretPayload,
    WebhookEndpointUpdateInput,
    endpoint_change,
)
from schema.webhooks.types import (
    WebhookDelivery,
    WebhookDeliveryFilter,
    WebhookDeliveryOrder,
    WebhookEndpoint,
    WebhookEndpointFilter,
    WebhookEndpointOrder,
)
from server.errors import DomainError, NotFound
from server.sql import Joined
from server.webhooks import endpoints, manual
from server.webhooks.models import WebhookDelivery as DeliveryModel
from server.webhooks.models import WebhookEndpoint as EndpointModel
from server.webhooks.reads import DELIVERY as DELIVERY_SHAPE
from server.webhooks.reads import (
    DELIVERY_ORDERS,
    ENDPOINT_ORDERS,
    delivery_conditions,
    endpoint_conditions,
)
from server.webhooks.reads import ENDPOINT as ENDPOINT_SHAPE

ENDPOINT = "WebhookEndpoint"
# An endpoint receives the organization's events with their document data: whoever points
# one at a URL must be allowed to read that feed themselves, or the webhook would read it
# for them.
FEED = ("event", "read")
DELIVERY = "WebhookDelivery"


def _id(global_id: str, type_name: str, what: str) -> UUID:
    found = decode(global_id, type_name)
    if found is None:
        raise NotFound(f"{what} not found", field=["id"])
    return found


@strawberry.type
class WebhooksQuery:
    @requires("webhook", "read", description="The organization's webhook endpoints.")
    async def webhook_endpoints(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            WebhookEndpointFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            WebhookEndpointOrder | None,
            strawberry.argument(description="Sort order; newest first if omitted."),
        ] = None,
    ) -> Connection[WebhookEndpoint]:
        f = filter or WebhookEndpointFilter()
        order = order_by or WebhookEndpointOrder()
        return await paginate_sql(
            EndpointModel,
            endpoint_conditions(info.context.signed_in().org, enabled=f.enabled, search=f.search),
            order_key(ENDPOINT_ORDERS, order.field, order.direction),
            WebhookEndpoint.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            item_sql=page_item_sql(info, ENDPOINT_SHAPE),
        )

    @requires(
        "webhook",
        "read",
        description="The delivery log: each event or test message sent to each endpoint, "
        "newest first unless ordered.",
    )
    async def webhook_deliveries(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            WebhookDeliveryFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            WebhookDeliveryOrder | None,
            strawberry.argument(description="Sort order; newest first if omitted."),
        ] = None,
    ) -> Connection[WebhookDelivery]:
        f = filter or WebhookDeliveryFilter()
        order = order_by or WebhookDeliveryOrder()
        actor = info.context.signed_in()
        endpoint_id: UUID | None = None
        if f.endpoint_id is not None:
            # An id that names no endpoint of this organization matches nothing.
            endpoint_id = decode(f.endpoint_id, ENDPOINT) or UUID(int=0)
        endpoints: dict[UUID, Any] = {}

        def keep(found: list[Any]) -> None:
            endpoints.update({e.id: e for e in found if e is not None})

        return await paginate_sql(
            DeliveryModel,
            delivery_conditions(actor.org, endpoint_id, f.status or (), bounds(f.created_at)),
            order_key(DELIVERY_ORDERS, order.field, order.direction),
            lambda d: WebhookDelivery.from_model(d, endpoints[d.endpoint_id]),
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            joined=Joined(EndpointModel, "endpoint_id"),
            with_joined=keep,
            item_sql=page_item_sql(info, DELIVERY_SHAPE),
        )


@strawberry.type
class WebhooksMutation:
    @requires(
        "webhook",
        "manage",
        mutation=True,
        description="Add a webhook endpoint; its signing secret is returned this once.",
    )
    async def webhook_endpoint_create(
        self,
        info: Info,
        input: Annotated[WebhookEndpointCreateInput, strawberry.argument(description="It.")],
    ) -> WebhookEndpointSecretPayload:
        ctx = info.context
        await authorize(ctx, *FEED)
        try:
            endpoint, secret = await endpoints.create(
                ctx.settings, ctx.signed_in(), input.url, input.description, input.event_types
            )
        except DomainError as error:
            return WebhookEndpointSecretPayload(
                webhook_endpoint=None, secret=None, user_errors=user_errors(error)
            )
        return WebhookEndpointSecretPayload(
            webhook_endpoint=WebhookEndpoint.from_model(endpoint), secret=secret, user_errors=[]
        )

    @requires(
        "webhook",
        "manage",
        mutation=True,
        description="Change a webhook endpoint: its URL, description, event types, or "
        "whether it is enabled.",
    )
    async def webhook_endpoint_update(
        self,
        info: Info,
        input: Annotated[WebhookEndpointUpdateInput, strawberry.argument(description="Change.")],
    ) -> WebhookEndpointPayload:
        ctx = info.context
        await authorize(ctx, *FEED)
        try:
            endpoint = await endpoints.update(
                ctx.settings,
                ctx.signed_in(),
                _id(input.id, ENDPOINT, "webhook endpoint"),
                endpoint_change(input),
            )
        except DomainError as error:
            return WebhookEndpointPayload(webhook_endpoint=None, user_errors=user_errors(error))
        return WebhookEndpointPayload(
            webhook_endpoint=WebhookEndpoint.from_model(endpoint), user_errors=[]
        )

    @requires(
        "webhook",
        "manage",
        mutation=True,
        description="Delete a webhook endpoint and its delivery log.",
    )
    async def webhook_endpoint_delete(
        self,
        info: Info,
        input: Annotated[WebhookEndpointInput, strawberry.argument(description="The endpoint.")],
    ) -> WebhookEndpointDeletePayload:
        try:
            endpoint = await endpoints.delete(
                info.context.signed_in(), _id(input.id, ENDPOINT, "webhook endpoint")
            )
        except DomainError as error:
            return WebhookEndpointDeletePayload(deleted_id=None, user_errors=user_errors(error))
        return WebhookEndpointDeletePayload(
            deleted_id=strawberry.ID(encode(ENDPOINT, endpoint.id)), user_errors=[]
        )

    @requires(
        "webhook",
        "manage",
        mutation=True,
        description="Give a webhook endpoint a new signing secret, returned this once. The "
        "previous secret signs too for 24 hours, so receivers can switch without losing "
        "messages.",
    )
    async def webhook_endpoint_secret_rotate(
        self,
        info: Info,
        input: Annotated[WebhookEndpointInput, strawberry.argument(description="The endpoint.")],
    ) -> WebhookEndpointSecretPayload:
        ctx = info.context
        try:
            endpoint, secret = await endpoints.rotate_secret(
                ctx.settings, ctx.signed_in(), _id(input.id, ENDPOINT, "webhook endpoint")
            )
        except DomainError as error:
            return WebhookEndpointSecretPayload(
                webhook_endpoint=None, secret=None, user_errors=user_errors(error)
            )
        return WebhookEndpointSecretPayload(
            webhook_endpoint=WebhookEndpoint.from_model(endpoint), secret=secret, user_errors=[]
        )

    @requires(
        "webhook",
        "manage",
        mutation=True,
        description="Send a webhook.test message to an endpoint now; the delivery returned "
        "holds the answer.",
    )
    async def webhook_endpoint_test(
        self,
        info: Info,
        input: Annotated[WebhookEndpointInput, strawberry.argument(description="The endpoint.")],
    ) -> WebhookDeliveryPayload:
        ctx = info.context
        try:
            delivery = await manual.send_test(
                ctx.settings, ctx.signed_in(), _id(input.id, ENDPOINT, "webhook endpoint")
            )
        except DomainError as error:
            return WebhookDeliveryPayload(webhook_delivery=None, user_errors=user_errors(error))
        await delivery.fetch_related("endpoint")
        return WebhookDeliveryPayload(
            webhook_delivery=WebhookDelivery.from_model(delivery), user_errors=[]
        )

    @requires(
        "webhook",
        "manage",
        mutation=True,
        description="Send a delivery again now, whatever its status; the delivery returned "
        "holds the answer.",
    )
    async def webhook_delivery_retry(
        self,
        info: Info,
        input: Annotated[WebhookDeliveryRetryInput, strawberry.argument(description="It.")],
    ) -> WebhookDeliveryPayload:
        ctx = info.context
        try:
            delivery = await manual.retry(
                ctx.settings, ctx.signed_in(), _id(input.id, DELIVERY, "webhook delivery")
            )
        except DomainError as error:
            return WebhookDeliveryPayload(webhook_delivery=None, user_errors=user_errors(error))
        await delivery.fetch_related("endpoint")
        return WebhookDeliveryPayload(
            webhook_delivery=WebhookDelivery.from_model(delivery), user_errors=[]
        )
