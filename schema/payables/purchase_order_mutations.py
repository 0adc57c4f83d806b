"""Root mutations of purchase orders: create, approve and bill."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import user_errors
from schema.payables.conversion import _bill_result, _id, _lines, _order_line_id
from schema.payables.inputs import (
    PurchaseLineInput,
    PurchaseOrderBillInput,
    PurchaseOrderCreateInput,
    PurchaseOrderIdInput,
)
from schema.payables.order_types import PurchaseOrder
from schema.payables.payloads import BillPayload, PurchaseOrderPayload
from schema.permissions import requires
from server.errors import DomainError
from server.payables import bill_inputs, purchase_orders
from server.payables import models as m


async def _order(run: Callable[[], Awaitable[m.PurchaseOrder]]) -> PurchaseOrderPayload:
    try:
        order = await run()
    except DomainError as error:
        return PurchaseOrderPayload(purchase_order=None, user_errors=user_errors(error))
    return PurchaseOrderPayload(purchase_order=PurchaseOrder.from_model(order), user_errors=[])


@strawberry.type
class PurchaseOrdersMutation:
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

        async def run() -> bill_inputs.BillResult:
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
