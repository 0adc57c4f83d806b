"""Root fields of tracking categories (dimensions) and their options."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import user_errors
from schema.ledger.inputs import _id
from schema.ledger.payloads import TrackingCategoryPayload
from schema.ledger.types import TrackingCategory, build_categories
from schema.permissions import requires
from server.errors import DomainError
from server.ledger import dimensions
from server.ledger import models as m


@strawberry.type
class TrackingQuery:
    @requires("account", "read", description="Tracking categories and their options.")
    async def tracking_categories(self, info: Info) -> list[TrackingCategory]:
        cats = await m.TrackingCategory.filter(
            organization_id=info.context.signed_in().org
        ).order_by("name")
        return await build_categories(cats)


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
