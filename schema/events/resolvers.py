"""The `events` root field: the organization's domain-event feed."""

from __future__ import annotations

from typing import Annotated

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.events.types import Event, EventFilter, EventOrder
from schema.filters import bounds, order_key
from schema.page_args import After, Before, First, Last
from schema.pagination import Connection, paginate_sql
from schema.permissions import requires
from schema.reads import page_item_sql
from server.errors import DomainError
from server.events import feed
from server.events.models import DomainEvent
from server.events.reads import EVENT


@strawberry.type
class EventsQuery:
    @requires(
        "event",
        "read",
        description="The organization's domain events in sequence order (oldest first "
        "unless ordered): a feed to page and replay from any sequence.",
    )
    async def events(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            EventFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            EventOrder | None,
            strawberry.argument(description="Sort order; oldest first if omitted."),
        ] = None,
    ) -> Connection[Event]:
        f = filter or EventFilter()
        order = order_by or EventOrder()
        try:
            where = feed.event_conditions(
                info.context.signed_in(),
                feed.EventFilter(
                    types=f.types,
                    sequence_from=f.sequence_from,
                    sequence_to=f.sequence_to,
                    occurred_at=bounds(f.occurred_at),
                ),
            )
        except DomainError as error:
            raise GraphQLError(error.message, extensions={"code": "BAD_USER_INPUT"}) from error
        return await paginate_sql(
            DomainEvent,
            where,
            order_key(feed.EVENT_ORDERS, order.field, order.direction),
            Event.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked.
            item_sql=page_item_sql(info, EVENT),
        )
