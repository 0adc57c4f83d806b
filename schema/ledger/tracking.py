"""Root fields of tracking categories (dimensions) and their options."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import strawberry

from schema.context import Info
from schema.enums import described_enum
from schema.errors import user_errors
from schema.filters import OrderDirection
from schema.ledger.inputs import _id
from schema.ledger.payloads import TrackingCategoryPayload
from schema.ledger.types import TrackingCategory, build_categories
from schema.page_args import After, Before, First, Last
from schema.page_json import written_page
from schema.pagination import Connection, SortKey, paginate_sql
from schema.permissions import requires
from schema.reads import page_item_sql
from server.errors import DomainError
from server.ledger import dimensions
from server.ledger import models as m
from server.ledger.tracking_reads import TRACKING_CATEGORY, tracking_category_conditions


class TrackingCategoryOrderField(Enum):
    NAME = "name"
    CREATED_AT = "created_at"


described_enum(
    TrackingCategoryOrderField,
    name="TrackingCategoryOrderField",
    description="Field to sort tracking categories by.",
    values={
        TrackingCategoryOrderField.NAME: "The category's name, alphabetically.",
        TrackingCategoryOrderField.CREATED_AT: "When the category was created.",
    },
)


@strawberry.input(description="Sort order of the tracking category list.")
class TrackingCategoryOrder:
    field: TrackingCategoryOrderField = strawberry.field(
        default=TrackingCategoryOrderField.NAME,
        description="Field to sort by; ties are broken by id.",
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Ascending or descending."
    )


@strawberry.input(description="Narrow the tracking category list.")
class TrackingCategoryFilter:
    search: str | None = strawberry.field(
        default=None, description="Text found in the category's name (case-insensitive)."
    )


def _row(row: Any) -> Any:
    # The page's rows become categories with their options at once (build_categories).
    return row


@strawberry.type
class TrackingQuery:
    @requires(
        "account",
        "read",
        description="Tracking categories and their options, by name unless ordered.",
    )
    async def tracking_categories(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            TrackingCategoryFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            TrackingCategoryOrder | None,
            strawberry.argument(description="Sort order; by name ascending if omitted."),
        ] = None,
    ) -> Connection[TrackingCategory]:
        flt, order = filter or TrackingCategoryFilter(), order_by or TrackingCategoryOrder()
        item = page_item_sql(info, TRACKING_CATEGORY)
        page = await paginate_sql(
            m.TrackingCategory,
            tracking_category_conditions(info.context.signed_in().org, flt.search),
            SortKey(order.field.value, descending=order.direction == OrderDirection.DESC),
            _row,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked of them.
            item_sql=item,
        )
        if item is None:
            built = await build_categories([edge.node for edge in page.edges])
            for edge, category in zip(page.edges, built, strict=True):
                edge.node = category
        return await written_page(info, page)


@strawberry.type
class TrackingMutation:
    @requires(
        "dimension", "manage", mutation=True, description="Create a tracking category with options."
    )
    async def tracking_category_create(
        self,
        info: Info,
        name: Annotated[str, strawberry.argument(description="Name, e.g. Campaign.")],
        options: Annotated[
            list[str] | None, strawberry.argument(description="Initial options.")
        ] = None,
    ) -> TrackingCategoryPayload:
        actor = info.context.signed_in()
        try:
            category = await dimensions.create_category(actor, name, options or [])
        except DomainError as error:
            return TrackingCategoryPayload(tracking_category=None, user_errors=user_errors(error))
        built = await build_categories([category])
        return TrackingCategoryPayload(tracking_category=built[0], user_errors=[])

    @requires("dimension", "manage", mutation=True, description="Add an option to a category.")
    async def tracking_option_create(
        self,
        info: Info,
        category_id: Annotated[strawberry.ID, strawberry.argument(description="The category.")],
        name: Annotated[str, strawberry.argument(description="Name of the option.")],
    ) -> TrackingCategoryPayload:
        actor = info.context.signed_in()
        try:
            cat_id = _id(category_id, "TrackingCategory", "categoryId")
            await dimensions.create_option(actor, cat_id, name)
        except DomainError as error:
            return TrackingCategoryPayload(tracking_category=None, user_errors=user_errors(error))
        category = await m.TrackingCategory.get(id=cat_id)
        built = await build_categories([category])
        return TrackingCategoryPayload(tracking_category=built[0], user_errors=[])
