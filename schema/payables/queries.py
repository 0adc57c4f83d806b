"""Root queries of payables: bills, bill payments, purchase orders and the payment schedule."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.filters import OrderDirection
from schema.ids import decode
from schema.page_json import written_page
from schema.pagination import Connection, SortKey, paginate_sql
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
from server.payables import models as m
from server.payables import schedule as sched
from server.payables.listing import (
    bill_conditions,
    bill_payment_conditions,
    purchase_order_conditions,
)
from server.payables.reads import BILL, BILL_PAYMENT, PURCHASE_ORDER

PAGE = {
    "first": strawberry.argument(description="Items from the start, at most 100 (20 if unset)."),
    "after": strawberry.argument(description="Cursor to start after."),
    "last": strawberry.argument(description="Items from the end, at most 100."),
    "before": strawberry.argument(description="Cursor to end before."),
}


def _sort(field: str, direction: OrderDirection) -> SortKey:
    return SortKey(field, descending=direction == OrderDirection.DESC)


def _bad(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


def _filter_id(value: str | None, type_name: str) -> UUID | None:
    """A filter's id; an id that cannot exist matches nothing."""
    if value is None:
        return None
    return decode(value, type_name) or UUID(int=0)


@strawberry.type
class PayablesQuery:
    @requires("bill", "read", description="Bills, newest bill date first unless ordered.")
    async def bills(
        self,
        info: Info,
        first: Annotated[int | None, PAGE["first"]] = None,
        after: Annotated[str | None, PAGE["after"]] = None,
        last: Annotated[int | None, PAGE["last"]] = None,
        before: Annotated[str | None, PAGE["before"]] = None,
        filter: Annotated[BillFilter | None, strawberry.argument(description="Conditions.")] = None,
        order_by: Annotated[BillOrder | None, strawberry.argument(description="Order.")] = None,
    ) -> Connection[Bill]:
        f = filter or BillFilter()
        where = bill_conditions(
            info.context.signed_in().org,
            statuses=list(f.status or ()),
            vendor_id=_filter_id(f.vendor_id, "Vendor"),
            bill_date_from=f.bill_date_from,
            bill_date_to=f.bill_date_to,
            due_date_from=f.due_date_from,
            due_date_to=f.due_date_to,
            search=f.search,
        )
        order = order_by or BillOrder()
        # The database writes the items itself when it can write every field asked of them.
        item_sql = page_item_sql(info, BILL)
        page = await paginate_sql(
            m.Bill,
            where,
            _sort(order.field.value, order.direction),
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

    @requires("bill_payment", "read", description="Bill payments, newest first unless ordered.")
    async def bill_payments(
        self,
        info: Info,
        first: Annotated[int | None, PAGE["first"]] = None,
        after: Annotated[str | None, PAGE["after"]] = None,
        last: Annotated[int | None, PAGE["last"]] = None,
        before: Annotated[str | None, PAGE["before"]] = None,
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
            vendor_id=_filter_id(f.vendor_id, "Vendor"),
            date_from=f.date_from,
            date_to=f.date_to,
            status=f.status,
        )
        order = order_by or BillPaymentOrder()
        page = await paginate_sql(
            m.BillPayment,
            where,
            _sort(order.field.value, order.direction),
            BillPayment.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            item_sql=page_item_sql(info, BILL_PAYMENT),
        )
        return await written_page(info, page)

    @requires("purchase_order", "read", description="Purchase orders, newest first.")
    async def purchase_orders(
        self,
        info: Info,
        first: Annotated[int | None, PAGE["first"]] = None,
        after: Annotated[str | None, PAGE["after"]] = None,
        last: Annotated[int | None, PAGE["last"]] = None,
        before: Annotated[str | None, PAGE["before"]] = None,
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
            statuses=list(f.status or ()),
            vendor_id=_filter_id(f.vendor_id, "Vendor"),
            order_date_from=f.order_date_from,
            order_date_to=f.order_date_to,
        )
        order = order_by or PurchaseOrderOrder()
        page = await paginate_sql(
            m.PurchaseOrder,
            where,
            _sort(order.field.value, order.direction),
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
