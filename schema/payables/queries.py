"""Root queries of payables: bills, bill payments, purchase orders and the payment schedule."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.filters import bounds, filter_id, order_key
from schema.page_args import After, Before, First, Last
from schema.page_json import written_page
from schema.pagination import Connection, paginate_sql
from schema.payables.inputs import (
    BillFilter,
    BillOrder,
    BillPaymentFilter,
    BillPaymentOrder,
    PurchaseOrderFilter,
    PurchaseOrderOrder,
)
from schema.payables.order_types import PurchaseOrder
from schema.payables.schedule_types import PaymentSchedule
from schema.payables.types import Bill, BillPayment
from schema.permissions import requires
from schema.reads import by_id, page_item_sql
from server.errors import DomainError
from server.payables import listing
from server.payables import models as m
from server.payables import schedule as sched
from server.payables.listing import (
    bill_conditions,
    bill_payment_conditions,
    purchase_order_conditions,
)
from server.payables.reads import BILL, BILL_PAYMENT, PURCHASE_ORDER


def _bad(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


@strawberry.type
class PayablesQuery:
    @requires("bill", "read", description="Bills, newest bill date first unless ordered.")
    async def bills(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[BillFilter | None, strawberry.argument(description="Conditions.")] = None,
        order_by: Annotated[BillOrder | None, strawberry.argument(description="Order.")] = None,
    ) -> Connection[Bill]:
        f = filter or BillFilter()
        where = bill_conditions(
            info.context.signed_in().org,
            listing.BillFilter(
                status=f.status or (),
                vendor_id=filter_id(f.vendor_id, "Vendor"),
                bill_date=bounds(f.bill_date),
                due_date=bounds(f.due_date),
                search=f.search,
            ),
        )
        order = order_by or BillOrder()
        # The database writes the items itself when it can write every field asked of them.
        item_sql = page_item_sql(info, BILL)
        page = await paginate_sql(
            m.Bill,
            where,
            order_key(listing.BILL_ORDERS, order.field, order.direction),
            Bill.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            item_sql=item_sql,
            **({} if item_sql else Bill.vendors_with_page(info)),
        )
        if item_sql is None:
            await Bill.prefetch(info, [edge.node for edge in page.edges])
            return page
        return await written_page(info, page)

    @requires("bill", "read", description="One bill; null if there is none with this id.")
    async def bill(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> Bill | None:
        org = info.context.signed_in().org

        async def stock(bill_id: UUID) -> Bill | None:
            found = await m.Bill.get_or_none(id=bill_id, organization_id=org)
            return Bill.from_model(found) if found else None

        return await by_id(info, BILL, id, stock)

    @requires("bill_payment", "read", description="One bill payment; null if there is none.")
    async def bill_payment(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> BillPayment | None:
        org = info.context.signed_in().org

        async def stock(payment_id: UUID) -> BillPayment | None:
            found = await m.BillPayment.get_or_none(id=payment_id, organization_id=org)
            return BillPayment.from_model(found) if found else None

        return await by_id(info, BILL_PAYMENT, id, stock)

    @requires(
        "bill_payment",
        "read",
        description="Bill payments, latest first unless ordered.",
    )
    async def bill_payments(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            BillPaymentFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            BillPaymentOrder | None, strawberry.argument(description="Order.")
        ] = None,
    ) -> Connection[BillPayment]:
        f = filter or BillPaymentFilter()
        where = bill_payment_conditions(
            info.context.signed_in().org,
            vendor_id=filter_id(f.vendor_id, "Vendor"),
            payment_date=bounds(f.payment_date),
            status=f.status or (),
        )
        order = order_by or BillPaymentOrder()
        page = await paginate_sql(
            m.BillPayment,
            where,
            order_key(listing.BILL_PAYMENT_ORDERS, order.field, order.direction),
            BillPayment.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            item_sql=page_item_sql(info, BILL_PAYMENT),
        )
        return await written_page(info, page)

    @requires("purchase_order", "read", description="Purchase orders, latest first unless ordered.")
    async def purchase_orders(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            PurchaseOrderFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            PurchaseOrderOrder | None, strawberry.argument(description="Order.")
        ] = None,
    ) -> Connection[PurchaseOrder]:
        f = filter or PurchaseOrderFilter()
        where = purchase_order_conditions(
            info.context.signed_in().org,
            status=f.status or (),
            vendor_id=filter_id(f.vendor_id, "Vendor"),
            order_date=bounds(f.order_date),
        )
        order = order_by or PurchaseOrderOrder()
        page = await paginate_sql(
            m.PurchaseOrder,
            where,
            order_key(listing.PURCHASE_ORDER_ORDERS, order.field, order.direction),
            PurchaseOrder.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            item_sql=page_item_sql(info, PURCHASE_ORDER),
        )
        return await written_page(info, page)

    @requires("purchase_order", "read", description="One purchase order; null if there is none.")
    async def purchase_order(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> PurchaseOrder | None:
        org = info.context.signed_in().org

        async def stock(order_id: UUID) -> PurchaseOrder | None:
            found = await m.PurchaseOrder.get_or_none(id=order_id, organization_id=org)
            return PurchaseOrder.from_model(found) if found else None

        return await by_id(info, PURCHASE_ORDER, id, stock)

    @requires(
        "bill", "read", description="Open approved bills falling due per day and per ISO week."
    )
    async def payment_schedule(
        self,
        info: Info,
        from_: Annotated[date, strawberry.argument(name="from", description="First day.")],
        to: Annotated[date, strawberry.argument(description="Last day.")],
    ) -> PaymentSchedule:
        try:
            found = await sched.payment_schedule(info.context.signed_in().org, from_, to)
        except DomainError as error:
            raise _bad(error.message) from error
        return PaymentSchedule.from_schedule(found)
