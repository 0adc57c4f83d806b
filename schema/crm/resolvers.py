"""Root fields of CRM: customer and vendor lists, lookups and mutations."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from schema.context import Info
from schema.crm.inputs import (
    ArchiveInput,
    CustomerCreateInput,
    CustomerNoteAddInput,
    CustomerUpdateInput,
    VendorCreateInput,
    VendorUpdateInput,
)
from schema.crm.types import (
    Customer,
    CustomerNote,
    CustomerNoteAddPayload,
    CustomerPayload,
    PartyFilter,
    PartyOrder,
    Vendor,
    VendorPayload,
)
from schema.errors import user_errors
from schema.filters import bounds, order_key
from schema.ids import decode
from schema.page_args import After, Before, First, Last
from schema.page_json import written_page
from schema.pagination import Connection, paginate_sql
from schema.permissions import requires
from schema.reads import by_id, page_item_sql
from server.crm import listing, models, notes, parties
from server.crm.listing import party_conditions
from server.crm.reads import CUSTOMER, VENDOR
from server.documents.listing import CUSTOMER_ORDERS, VENDOR_ORDERS
from server.errors import DomainError, NotFound


async def _list(
    info: Info,
    model: type[models.Party],
    node: Any,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    filter: PartyFilter | None,
    order_by: PartyOrder | None,
) -> Connection[Any]:
    actor = info.context.signed_in()
    flt = filter or PartyFilter()
    order = order_by or PartyOrder()
    where = party_conditions(
        actor.org,
        listing.PartyFilter(
            search=flt.search,
            status=flt.status or (),
            tag=flt.tag,
            created_at=bounds(flt.created_at),
        ),
    )
    declared = CUSTOMER_ORDERS if model is models.Customer else VENDOR_ORDERS
    key = order_key(declared, order.field, order.direction)
    page = await paginate_sql(
        model,
        where,
        key,
        node.from_model,
        first=first,
        after=after,
        last=last,
        before=before,
        max_page=info.context.settings.max_page_size,
        # The database writes the items itself when it can write every field asked of them.
        item_sql=page_item_sql(info, CUSTOMER if model is models.Customer else VENDOR),
    )
    return await written_page(info, page)


async def _one(info: Info, model: type[models.Party], node: Any, id: str) -> Any:
    async def stock(party_id: UUID) -> Any:
        party = await parties.get(info.context.signed_in(), model, party_id)
        return node.from_model(party) if party else None

    return await by_id(info, CUSTOMER if model is models.Customer else VENDOR, id, stock)


def _target(id: str, model: type[models.Party]) -> Any:
    party_id = decode(id, model.__name__)
    if party_id is None:
        raise NotFound(f"{parties.kind_of(model)} not found", field=["id"])
    return party_id


@strawberry.type
class CrmQuery:
    @requires("customer", "read", description="The organization's customers, a page at a time.")
    async def customers(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            PartyFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            PartyOrder | None,
            strawberry.argument(description="Sort order; by name ascending if omitted."),
        ] = None,
    ) -> Connection[Customer]:
        return await _list(
            info, models.Customer, Customer, first, after, last, before, filter, order_by
        )

    @requires("customer", "read", description="One customer; null if there is none with this id.")
    async def customer(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> Customer | None:
        return await _one(info, models.Customer, Customer, id)

    @requires("vendor", "read", description="The organization's vendors, a page at a time.")
    async def vendors(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            PartyFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            PartyOrder | None,
            strawberry.argument(description="Sort order; by name ascending if omitted."),
        ] = None,
    ) -> Connection[Vendor]:
        return await _list(
            info, models.Vendor, Vendor, first, after, last, before, filter, order_by
        )

    @requires("vendor", "read", description="One vendor; null if there is none with this id.")
    async def vendor(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> Vendor | None:
        return await _one(info, models.Vendor, Vendor, id)


def _customer_result(run: Any) -> Any:
    async def wrapped(*args: Any) -> CustomerPayload:
        try:
            customer = await run(*args)
        except DomainError as error:
            return CustomerPayload(customer=None, user_errors=user_errors(error))
        return CustomerPayload(customer=Customer.from_model(customer), user_errors=[])

    return wrapped


def _vendor_result(run: Any) -> Any:
    async def wrapped(*args: Any) -> VendorPayload:
        try:
            vendor = await run(*args)
        except DomainError as error:
            return VendorPayload(vendor=None, user_errors=user_errors(error))
        return VendorPayload(vendor=Vendor.from_model(vendor), user_errors=[])

    return wrapped


@strawberry.type
class CrmMutation:
    @requires("customer", "create", mutation=True, description="Create a customer.")
    async def customer_create(
        self,
        info: Info,
        input: Annotated[
            CustomerCreateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> CustomerPayload:
        actor = info.context.signed_in()

        async def run() -> models.Customer:
            return await parties.create(actor, models.Customer, input.to_changes())

        return await _customer_result(run)()

    @requires("customer", "update", mutation=True, description="Change a customer's details.")
    async def customer_update(
        self,
        info: Info,
        input: Annotated[
            CustomerUpdateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> CustomerPayload:
        actor = info.context.signed_in()

        async def run() -> models.Customer:
            target = _target(input.id, models.Customer)
            return await parties.update(actor, models.Customer, target, input.to_changes())

        return await _customer_result(run)()

    @requires(
        "customer", "archive", mutation=True, description="Archive a customer, keeping its history."
    )
    async def customer_archive(
        self,
        info: Info,
        input: Annotated[
            ArchiveInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> CustomerPayload:
        actor = info.context.signed_in()

        async def run() -> models.Customer:
            return await parties.archive(actor, models.Customer, _target(input.id, models.Customer))

        return await _customer_result(run)()

    @requires("customer", "update", mutation=True, description="Add a note to a customer.")
    async def customer_note_add(
        self,
        info: Info,
        input: Annotated[
            CustomerNoteAddInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> CustomerNoteAddPayload:
        actor = info.context.signed_in()
        try:
            customer_id = decode(input.customer_id, "Customer")
            if customer_id is None:
                raise NotFound("customer not found", field=["customerId"])
            note = await notes.add_note(actor, customer_id, input.body)
            customer = await parties.get(actor, models.Customer, customer_id)
        except DomainError as error:
            return CustomerNoteAddPayload(note=None, customer=None, user_errors=user_errors(error))
        return CustomerNoteAddPayload(
            note=CustomerNote.from_model(note),
            customer=Customer.from_model(customer) if customer else None,
            user_errors=[],
        )

    @requires("vendor", "create", mutation=True, description="Create a vendor.")
    async def vendor_create(
        self,
        info: Info,
        input: Annotated[
            VendorCreateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> VendorPayload:
        actor = info.context.signed_in()

        async def run() -> models.Vendor:
            return await parties.create(actor, models.Vendor, input.to_changes())

        return await _vendor_result(run)()

    @requires("vendor", "update", mutation=True, description="Change a vendor's details.")
    async def vendor_update(
        self,
        info: Info,
        input: Annotated[
            VendorUpdateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> VendorPayload:
        actor = info.context.signed_in()

        async def run() -> models.Vendor:
            target = _target(input.id, models.Vendor)
            return await parties.update(actor, models.Vendor, target, input.to_changes())

        return await _vendor_result(run)()

    @requires(
        "vendor", "archive", mutation=True, description="Archive a vendor, keeping its history."
    )
    async def vendor_archive(
        self,
        info: Info,
        input: Annotated[
            ArchiveInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> VendorPayload:
        actor = info.context.signed_in()

        async def run() -> models.Vendor:
            return await parties.archive(actor, models.Vendor, _target(input.id, models.Vendor))

        return await _vendor_result(run)()
