"""Root fields of payables: bills, bill payments, purchase orders and the payment schedule."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any
from uuid import UUID

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.crm.types import OrderDirection
from schema.errors import user_errors
from schema.ids import decode
from schema.page_json import written_page
from schema.pagination import Connection, SortKey, paginate_sql
from schema.payables.inputs import (
    BillApproveInput,
    BillCreateInput,
    BillFilter,
    BillIdInput,
    BillLineInput,
    BillOrder,
    BillPaymentFilter,
    BillPaymentOrder,
    BillPaymentRecordInput,
    BillPaymentVoidInput,
    BillRejectInput,
    BillUpdateInput,
    BillVoidInput,
    PurchaseLineInput,
    PurchaseOrderBillInput,
    PurchaseOrderCreateInput,
    PurchaseOrderFilter,
    PurchaseOrderIdInput,
    PurchaseOrderOrder,
)
from schema.payables.types import (
    Bill,
    BillPayload,
    BillPayment,
    BillPaymentPayload,
    BillWarning,
    BillWarningCode,
    PaymentSchedule,
    PurchaseOrder,
    PurchaseOrderPayload,
)
from schema.permissions import requires
from schema.reads import by_id, page_item_sql
from server.documents.lines import LineDraft
from server.errors import DomainError, NotFound, ValidationFailed
from server.payables import bill_payments, bills, purchase_orders
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


def _id(value: str | None, type_name: str, field: list[str]) -> UUID:
    decoded = decode(value, type_name) if value else None
    if decoded is None:
        raise NotFound(f"{type_name} not found", field=field)
    return decoded


def _optional(value: str | None, type_name: str, field: list[str]) -> UUID | None:
    return _id(value, type_name, field) if value else None


def _order_line_id(value: str | None, field: list[str]) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise NotFound("purchase order line not found", field=field) from None


def _lines(lines: list[Any]) -> tuple[list[LineDraft], list[int | None]]:
    drafts: list[LineDraft] = []
    order_lines: list[int | None] = []
    problems: list[DomainError] = []
    for i, ln in enumerate(lines):
        where = ["lines", str(i)]
        try:
            drafts.append(
                LineDraft(
                    item_id=_optional(ln.item_id, "Item", [*where, "itemId"]),
                    description=ln.description,
                    quantity=ln.quantity,
                    unit_price=ln.unit_price,
                    discount_percent=ln.discount_percent,
                    tax_rate_id=_optional(ln.tax_rate_id, "TaxRate", [*where, "taxRateId"]),
                    account_id=_optional(ln.account_id, "Account", [*where, "accountId"]),
                    dimension_option_ids=tuple(
                        _id(o, "TrackingOption", [*where, "dimensionOptionIds"])
                        for o in ln.dimension_option_ids or []
                    ),
                )
            )
            order_lines.append(
                _order_line_id(
                    getattr(ln, "purchase_order_line_id", None),
                    [*where, "purchaseOrderLineId"],
                )
            )
        except DomainError as exc:
            problems.append(exc)
    if problems:
        raise ValidationFailed(problems)
    return drafts, order_lines


def _bill_payload(result: bills.BillResult) -> BillPayload:
    return BillPayload(
        bill=Bill.from_model(result.bill) if result.bill else None,
        warnings=[
            BillWarning(code=BillWarningCode(w.code), message=w.message, bill_id=w.bill_id)
            for w in result.warnings
        ],
        user_errors=[],
    )


async def _bill_result(run: Callable[[], Awaitable[bills.BillResult]]) -> BillPayload:
    try:
        return _bill_payload(await run())
    except DomainError as error:
        return BillPayload(bill=None, warnings=[], user_errors=user_errors(error))


async def _bill(run: Callable[[], Awaitable[m.Bill]]) -> BillPayload:
    try:
        bill = await run()
    except DomainError as error:
        return BillPayload(bill=None, warnings=[], user_errors=user_errors(error))
    return BillPayload(bill=Bill.from_model(bill), warnings=[], user_errors=[])


async def _order(run: Callable[[], Awaitable[m.PurchaseOrder]]) -> PurchaseOrderPayload:
    try:
        order = await run()
    except DomainError as error:
        return PurchaseOrderPayload(purchase_order=None, user_errors=user_errors(error))
    return PurchaseOrderPayload(purchase_order=PurchaseOrder.from_model(order), user_errors=[])


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


@strawberry.type
class PayablesMutation:
    @requires("bill", "create", mutation=True, description="Enter a vendor's invoice as a draft.")
    async def bill_create(
        self,
        info: Info,
        input: Annotated[BillCreateInput, strawberry.argument(description="The bill.")],
    ) -> BillPayload:
        actor = info.context.signed_in()

        async def run() -> bills.BillResult:
            drafts, order_lines = _lines(input.lines)
            return await bills.create(
                actor,
                bills.BillDraft(
                    vendor_id=_id(input.vendor_id, "Vendor", ["vendorId"]),
                    vendor_reference=input.vendor_reference,
                    bill_date=input.bill_date,
                    lines=drafts,
                    due_date=input.due_date,
                    currency=input.currency,
                    memo=input.memo,
                    order_line_ids=order_lines,
                    acknowledge_warnings=input.acknowledge_warnings,
                ),
            )

        return await _bill_result(run)

    @requires("bill", "create", mutation=True, description="Change a draft bill.")
    async def bill_update(
        self,
        info: Info,
        input: Annotated[BillUpdateInput, strawberry.argument(description="The changes.")],
    ) -> BillPayload:
        actor = info.context.signed_in()

        async def run() -> bills.BillResult:
            changes = bills.BillChanges(acknowledge_warnings=input.acknowledge_warnings)
            for name in ("vendor_reference", "bill_date", "due_date", "memo"):
                value = getattr(input, name)
                if value is not strawberry.UNSET:
                    setattr(changes, name, value)
            if input.lines is not strawberry.UNSET:
                lines: list[BillLineInput] = input.lines or []
                changes.lines, changes.order_line_ids = _lines(lines)
            return await bills.update(actor, _id(input.id, "Bill", ["id"]), changes)

        return await _bill_result(run)

    @requires("bill", "create", mutation=True, description="Send a draft bill for approval.")
    async def bill_submit(
        self,
        info: Info,
        input: Annotated[BillIdInput, strawberry.argument(description="The bill.")],
    ) -> BillPayload:
        actor = info.context.signed_in()
        return await _bill(lambda: bills.submit(actor, _id(input.id, "Bill", ["id"])))

    @requires(
        "bill",
        "approve",
        mutation=True,
        description="Approve a submitted bill: posts it and opens it for payment.",
    )
    async def bill_approve(
        self,
        info: Info,
        input: Annotated[BillApproveInput, strawberry.argument(description="The bill.")],
    ) -> BillPayload:
        actor = info.context.signed_in()
        return await _bill(
            lambda: bills.approve(
                info.context.access,
                actor,
                _id(input.id, "Bill", ["id"]),
                override_tolerance=input.override_tolerance,
                idempotency_key=input.idempotency_key,
            )
        )

    @requires("bill", "approve", mutation=True, description="Send a submitted bill back to draft.")
    async def bill_reject(
        self,
        info: Info,
        input: Annotated[BillRejectInput, strawberry.argument(description="The bill and why.")],
    ) -> BillPayload:
        actor = info.context.signed_in()
        return await _bill(lambda: bills.reject(actor, _id(input.id, "Bill", ["id"]), input.reason))

    @requires("bill", "void", mutation=True, description="Void a bill; a posted one is reversed.")
    async def bill_void(
        self,
        info: Info,
        input: Annotated[BillVoidInput, strawberry.argument(description="The bill.")],
    ) -> BillPayload:
        actor = info.context.signed_in()
        return await _bill(
            lambda: bills.void(actor, _id(input.id, "Bill", ["id"]), input.date, input.reason)
        )

    @requires(
        "bill_payment",
        "record",
        mutation=True,
        description="Record a payment to a vendor and apply it to its bills.",
    )
    async def bill_payment_record(
        self,
        info: Info,
        input: Annotated[BillPaymentRecordInput, strawberry.argument(description="The payment.")],
    ) -> BillPaymentPayload:
        actor = info.context.signed_in()
        try:
            problems: list[DomainError] = []
            allocations = []
            for i, a in enumerate(input.allocations):
                try:
                    allocations.append(
                        bill_payments.AllocationDraft(
                            bill_id=_id(a.bill_id, "Bill", ["allocations", str(i), "billId"]),
                            amount=a.amount,
                        )
                    )
                except DomainError as exc:
                    problems.append(exc)
            if problems:
                raise ValidationFailed(problems)
            payment = await bill_payments.record(
                actor,
                bill_payments.PaymentDraft(
                    vendor_id=_id(input.vendor_id, "Vendor", ["vendorId"]),
                    date=input.date,
                    amount=input.amount,
                    currency=input.currency,
                    method=input.method,
                    bank_account_id=_id(input.bank_account_id, "Account", ["bankAccountId"]),
                    allocations=allocations,
                    reference=input.reference,
                    memo=input.memo,
                ),
                idempotency_key=input.idempotency_key,
            )
        except DomainError as error:
            return BillPaymentPayload(bill_payment=None, user_errors=user_errors(error))
        return BillPaymentPayload(bill_payment=BillPayment.from_model(payment), user_errors=[])

    @requires(
        "bill_payment",
        "void",
        mutation=True,
        description=(
            "Void a bill payment: what it applied to bills is undone, with any early-payment "
            "discount those bills had taken, and its entry is reversed."
        ),
    )
    async def bill_payment_void(
        self,
        info: Info,
        input: Annotated[BillPaymentVoidInput, strawberry.argument(description="The payment.")],
    ) -> BillPaymentPayload:
        actor = info.context.signed_in()
        try:
            payment = await bill_payments.void(
                actor, _id(input.id, "BillPayment", ["id"]), input.date
            )
        except DomainError as error:
            return BillPaymentPayload(bill_payment=None, user_errors=user_errors(error))
        return BillPaymentPayload(bill_payment=BillPayment.from_model(payment), user_errors=[])

    @requires(
        "purchase_order", "create", mutation=True, description="Create a draft purchase order."
    )
    async def purchase_order_create(
        self,
        info: Info,
        input: Annotated[PurchaseOrderCreateInput, strawberry.argument(description="The order.")],
    ) -> PurchaseOrderPayload:
        actor = info.context.signed_in()

        async def run() -> m.PurchaseOrder:
            lines: list[PurchaseLineInput] = input.lines
            drafts, _ = _lines(lines)
            return await purchase_orders.create(
                actor,
                purchase_orders.OrderDraft(
                    vendor_id=_id(input.vendor_id, "Vendor", ["vendorId"]),
                    order_date=input.order_date,
                    lines=drafts,
                    expected_date=input.expected_date,
                    memo=input.memo,
                ),
            )

        return await _order(run)

    @requires(
        "purchase_order", "approve", mutation=True, description="Approve a draft purchase order."
    )
    async def purchase_order_approve(
        self,
        info: Info,
        input: Annotated[PurchaseOrderIdInput, strawberry.argument(description="The order.")],
    ) -> PurchaseOrderPayload:
        actor = info.context.signed_in()
        return await _order(
            lambda: purchase_orders.approve(
                info.context.access, actor, _id(input.id, "PurchaseOrder", ["id"])
            )
        )

    @requires(
        "purchase_order",
        "create",
        mutation=True,
        description="Create a draft bill from the lines of an approved order not billed yet.",
    )
    async def purchase_order_bill(
        self,
        info: Info,
        input: Annotated[PurchaseOrderBillInput, strawberry.argument(description="The bill.")],
    ) -> BillPayload:
        actor = info.context.signed_in()

        async def run() -> bills.BillResult:
            picked = None
            if input.lines is not None:
                picked = []
                for i, ln in enumerate(input.lines):
                    where = ["lines", str(i), "purchaseOrderLineId"]
                    line_id = _order_line_id(ln.purchase_order_line_id, where)
                    assert line_id is not None
                    picked.append(
                        purchase_orders.BillFromOrderLine(
                            order_line_id=line_id, quantity=ln.quantity, unit_price=ln.unit_price
                        )
                    )
            return await purchase_orders.bill(
                actor,
                purchase_orders.BillFromOrder(
                    order_id=_id(input.purchase_order_id, "PurchaseOrder", ["purchaseOrderId"]),
                    vendor_reference=input.vendor_reference,
                    bill_date=input.bill_date,
                    due_date=input.due_date,
                    memo=input.memo,
                    lines=picked,
                    acknowledge_warnings=input.acknowledge_warnings,
                ),
            )

        return await _bill_result(run)
