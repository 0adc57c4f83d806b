"""Matching a bill to its purchase order: quantities still open and prices within tolerance.

A bill line that names an order line may bill at most the quantity of that line not billed
yet, at a unit price at most TOLERANCE_PERCENT above the order's. Beyond that an approver
must override explicitly; the override is kept on the bill and in the audit event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from uuid import UUID

from server.fixed_point import percent_text
from server.payables.models import (
    BillLine,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
)

TOLERANCE_PERCENT = Decimal(5)
_HUNDRED = Decimal(100)


async def lock_order(organization_id: UUID, order_id: UUID) -> PurchaseOrder | None:
    return (
        await PurchaseOrder.select_for_update()
        .filter(id=order_id, organization_id=organization_id)
        .first()
    )


async def order_lines(order_id: UUID) -> dict[int, PurchaseOrderLine]:
    return {
        ln.id: ln
        for ln in await PurchaseOrderLine.filter(purchase_order_id=order_id).order_by("line_no")
    }


def problems(
    bill_lines: Sequence[BillLine], ordered: dict[int, PurchaseOrderLine], currency: str
) -> list[str]:
    """What in the bill goes beyond its order, for a person to read."""
    found: list[str] = []
    quantities: dict[int, Decimal] = defaultdict(Decimal)
    for ln in bill_lines:
        if ln.purchase_order_line_id is None:
            continue
        quantities[ln.purchase_order_line_id] += Decimal(ln.quantity)
        order_line = ordered.get(ln.purchase_order_line_id)
        if order_line is None:
            found.append(f"line {ln.line_no} names an order line that does not exist")
            continue
        limit = Decimal(order_line.unit_price_minor) * (_HUNDRED + TOLERANCE_PERCENT) / _HUNDRED
        if Decimal(ln.unit_price_minor) > limit:
            found.append(
                f"line {ln.line_no}: unit price is more than {TOLERANCE_PERCENT}% above the "
                f"order's (line {order_line.line_no})"
            )
    for order_line_id, quantity in quantities.items():
        order_line = ordered.get(order_line_id)
        if order_line is None:
            continue
        still_open = Decimal(order_line.quantity) - Decimal(order_line.billed_quantity)
        if quantity > still_open:
            found.append(
                f"order line {order_line.line_no}: billing {percent_text(quantity)} but only "
                f"{percent_text(still_open)} is still open"
            )
    return found


async def add_billed(
    order: PurchaseOrder,
    bill_lines: Sequence[BillLine],
    ordered: dict[int, PurchaseOrderLine],
    sign: int,
) -> None:
    """Count a bill's quantities as billed on its (locked) order, or give them back."""
    changed: dict[int, Decimal] = defaultdict(Decimal)
    for ln in bill_lines:
        if ln.purchase_order_line_id is not None and ln.purchase_order_line_id in ordered:
            changed[ln.purchase_order_line_id] += Decimal(ln.quantity) * sign
    for line_id, delta in changed.items():
        order_line = ordered[line_id]
        order_line.billed_quantity = max(Decimal(0), Decimal(order_line.billed_quantity) + delta)
        await PurchaseOrderLine.filter(id=line_id).update(
            billed_quantity=order_line.billed_quantity
        )
    if order.status in (PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.CANCELLED):
        return
    billed = [Decimal(ln.billed_quantity) for ln in ordered.values()]
    if ordered and all(
        Decimal(ln.billed_quantity) >= Decimal(ln.quantity) for ln in ordered.values()
    ):
        status = PurchaseOrderStatus.BILLED
    elif any(b > 0 for b in billed):
        status = PurchaseOrderStatus.PARTIALLY_BILLED
    else:
        status = PurchaseOrderStatus.APPROVED
    if status != order.status:
        order.status = status
        await PurchaseOrder.filter(id=order.id).update(status=status)
