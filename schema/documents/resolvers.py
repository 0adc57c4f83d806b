"""Root fields of items, tax rates and payment terms: lists, lookups and mutations."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated
from uuid import UUID

import strawberry

from schema.context import Info
from schema.documents.inputs import (
    ItemArchiveInput,
    ItemCreateInput,
    ItemUpdateInput,
    PaymentTermsArchiveInput,
    PaymentTermsCreateInput,
    PaymentTermsUpdateInput,
    TaxRateArchiveInput,
    TaxRateCreateInput,
    TaxRateUpdateInput,
)
from schema.documents.named_lists import (
    PaymentTermsFilter,
    PaymentTermsOrder,
    TaxRateFilter,
    TaxRateOrder,
)
from schema.documents.types import (
    Item,
    ItemFilter,
    ItemOrder,
    ItemPayload,
    PaymentTerms,
    PaymentTermsPayload,
    TaxRate,
    TaxRatePayload,
)
from schema.errors import user_errors
from schema.filters import OrderDirection, order_key
from schema.ids import decode
from schema.page_args import After, Before, First, Last
from schema.page_json import written_page
from schema.pagination import Connection, SortKey, paginate_sql
from schema.permissions import requires
from schema.reads import by_id, page_item_sql
from server.crm import models as crm_models
from server.crm import terms
from server.crm.reads import PAYMENT_TERMS
from server.documents import items, models, taxes
from server.documents.listing import ITEM_ORDERS, item_conditions
from server.documents.reads import ITEM, TAX_RATE
from server.editing import named_records
from server.errors import DomainError, NotFound


def _target(id: str, type_name: str, what: str) -> UUID:
    decoded = decode(id, type_name)
    if decoded is None:
        raise NotFound(f"{what} not found", field=["id"])
    return decoded


async def _item_result(run: Callable[[], Awaitable[models.Item]]) -> ItemPayload:
    try:
        item = await run()
    except DomainError as error:
        return ItemPayload(item=None, user_errors=user_errors(error))
    return ItemPayload(item=Item.from_model(item), user_errors=[])


async def _tax_rate_result(run: Callable[[], Awaitable[models.TaxRate]]) -> TaxRatePayload:
    try:
        rate = await run()
    except DomainError as error:
        return TaxRatePayload(tax_rate=None, user_errors=user_errors(error))
    return TaxRatePayload(tax_rate=TaxRate.from_model(rate), user_errors=[])


async def _terms_result(
    run: Callable[[], Awaitable[crm_models.PaymentTerms]],
) -> PaymentTermsPayload:
    try:
        found = await run()
    except DomainError as error:
        return PaymentTermsPayload(payment_terms=None, user_errors=user_errors(error))
    return PaymentTermsPayload(payment_terms=PaymentTerms.from_model(found), user_errors=[])


@strawberry.type
class DocumentsQuery:
    @requires("item", "read", description="The organization's items, a page at a time.")
    async def items(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[ItemFilter | None, strawberry.argument(description="Conditions.")] = None,
        order_by: Annotated[
            ItemOrder | None,
            strawberry.argument(description="Sort order; by name ascending if omitted."),
        ] = None,
    ) -> Connection[Item]:
        flt = filter or ItemFilter()
        order = order_by or ItemOrder()
        where = item_conditions(
            info.context.signed_in().org, search=flt.search, status=flt.status or ()
        )
        key = order_key(ITEM_ORDERS, order.field, order.direction)
        page = await paginate_sql(
            models.Item,
            where,
            key,
            Item.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked of them.
            item_sql=page_item_sql(info, ITEM),
        )
        return await written_page(info, page)

    @requires("item", "read", description="One item; null if there is none with this id.")
    async def item(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> Item | None:
        actor = info.context.signed_in()

        async def stock(item_id: UUID) -> Item | None:
            found = await items.get_item(actor, item_id)
            return Item.from_model(found) if found else None

        return await by_id(info, ITEM, id, stock)

    @requires("item", "read", description="The organization's tax rates, by name unless ordered.")
    async def tax_rates(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            TaxRateFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            TaxRateOrder | None,
            strawberry.argument(description="Sort order; by name ascending if omitted."),
        ] = None,
    ) -> Connection[TaxRate]:
        flt, order = filter or TaxRateFilter(), order_by or TaxRateOrder()
        page = await paginate_sql(
            models.TaxRate,
            named_records(info.context.signed_in().org, flt.status, flt.search),
            SortKey(order.field.value, descending=order.direction == OrderDirection.DESC),
            TaxRate.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked of them.
            item_sql=page_item_sql(info, TAX_RATE),
        )
        return await written_page(info, page)

    @requires(
        "item", "read", description="The organization's payment terms, by name unless ordered."
    )
    async def payment_terms(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            PaymentTermsFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            PaymentTermsOrder | None,
            strawberry.argument(description="Sort order; by name ascending if omitted."),
        ] = None,
    ) -> Connection[PaymentTerms]:
        flt, order = filter or PaymentTermsFilter(), order_by or PaymentTermsOrder()
        page = await paginate_sql(
            crm_models.PaymentTerms,
            named_records(info.context.signed_in().org, flt.status, flt.search),
            SortKey(order.field.value, descending=order.direction == OrderDirection.DESC),
            PaymentTerms.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked of them.
            item_sql=page_item_sql(info, PAYMENT_TERMS),
        )
        return await written_page(info, page)


@strawberry.type
class DocumentsMutation:
    @requires("item", "manage", mutation=True, description="Create an item.")
    async def item_create(
        self,
        info: Info,
        input: Annotated[
            ItemCreateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> ItemPayload:
        actor = info.context.signed_in()

        async def run() -> models.Item:
            return await items.create_item(actor, input.to_changes())

        return await _item_result(run)

    @requires("item", "manage", mutation=True, description="Change an item's details.")
    async def item_update(
        self,
        info: Info,
        input: Annotated[
            ItemUpdateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> ItemPayload:
        actor = info.context.signed_in()

        async def run() -> models.Item:
            target = _target(input.id, "Item", "item")
            return await items.update_item(actor, target, input.to_changes())

        return await _item_result(run)

    @requires("item", "manage", mutation=True, description="Archive an item, keeping its history.")
    async def item_archive(
        self,
        info: Info,
        input: Annotated[
            ItemArchiveInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> ItemPayload:
        actor = info.context.signed_in()

        async def run() -> models.Item:
            return await items.archive_item(actor, _target(input.id, "Item", "item"))

        return await _item_result(run)

    @requires("tax_rate", "manage", mutation=True, description="Create a tax rate.")
    async def tax_rate_create(
        self,
        info: Info,
        input: Annotated[
            TaxRateCreateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> TaxRatePayload:
        actor = info.context.signed_in()

        async def run() -> models.TaxRate:
            return await taxes.create_tax_rate(actor, input.to_changes())

        return await _tax_rate_result(run)

    @requires("tax_rate", "manage", mutation=True, description="Change a tax rate.")
    async def tax_rate_update(
        self,
        info: Info,
        input: Annotated[
            TaxRateUpdateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> TaxRatePayload:
        actor = info.context.signed_in()

        async def run() -> models.TaxRate:
            target = _target(input.id, "TaxRate", "tax rate")
            return await taxes.update_tax_rate(actor, target, input.to_changes())

        return await _tax_rate_result(run)

    @requires(
        "tax_rate", "manage", mutation=True, description="Archive a tax rate, keeping its history."
    )
    async def tax_rate_archive(
        self,
        info: Info,
        input: Annotated[
            TaxRateArchiveInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> TaxRatePayload:
        actor = info.context.signed_in()

        async def run() -> models.TaxRate:
            return await taxes.archive_tax_rate(actor, _target(input.id, "TaxRate", "tax rate"))

        return await _tax_rate_result(run)

    @requires("tax_rate", "manage", mutation=True, description="Create payment terms.")
    async def payment_terms_create(
        self,
        info: Info,
        input: Annotated[
            PaymentTermsCreateInput,
            strawberry.argument(description="The details of the request."),
        ],
    ) -> PaymentTermsPayload:
        actor = info.context.signed_in()

        async def run() -> crm_models.PaymentTerms:
            return await terms.create_terms(actor, input.to_changes())

        return await _terms_result(run)

    @requires("tax_rate", "manage", mutation=True, description="Change payment terms.")
    async def payment_terms_update(
        self,
        info: Info,
        input: Annotated[
            PaymentTermsUpdateInput,
            strawberry.argument(description="The details of the request."),
        ],
    ) -> PaymentTermsPayload:
        actor = info.context.signed_in()

        async def run() -> crm_models.PaymentTerms:
            target = _target(input.id, "PaymentTerms", "payment terms")
            return await terms.update_terms(actor, target, input.to_changes())

        return await _terms_result(run)

    @requires(
        "tax_rate",
        "manage",
        mutation=True,
        description="Archive payment terms; customers and documents that have them keep them.",
    )
    async def payment_terms_archive(
        self,
        info: Info,
        input: Annotated[
            PaymentTermsArchiveInput,
            strawberry.argument(description="The details of the request."),
        ],
    ) -> PaymentTermsPayload:
        actor = info.context.signed_in()

        async def run() -> crm_models.PaymentTerms:
            target = _target(input.id, "PaymentTerms", "payment terms")
            return await terms.archive_terms(actor, target)

        return await _terms_result(run)
