"""Purchase orders: create with a gapless number, approve, and bill the lines not billed yet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.access import duties
from server.access.control import AccessControl
from server.actor import Actor
from server.audit import log as audit
from server.documents import numbering
from server.documents.lines import LineDraft, Purpose, price_lines, totals
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.identity.base_currency import base_currency
from server.payables import bill_inputs, bills, common, matching
from server.payables.models import (
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
)

BILLABLE = (PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.PARTIALLY_BILLED)


@dataclass(frozen=True, slots=True)
class OrderDraft:
    vendor_id: UUID
    order_date: date
    lines: Sequence[LineDraft]
    expected_date: date | None = None
    memo: str | None = None


@dataclass(frozen=True, slots=True)
class BillFromOrderLine:
    """What the vendor billed of one order line; omitted figures are the order's."""

    order_line_id: int
    quantity: str | None = None
    unit_price: str | None = None


@dataclass(frozen=True, slots=True)
class BillFromOrder:
    order_id: UUID
    vendor_reference: str
    bill_date: date
    due_date: date | None = None
    memo: str | None = None
    lines: Sequence[BillFromOrderLine] | None = None
    acknowledge_warnings: bool = False


def snapshot(order: PurchaseOrder) -> dict[str, Any]:
    return {
        "number": order.number,
        "vendor": str(order.vendor_id),
        "status": str(order.status),
        "currency": order.currency,
        "orderDate": order.order_date.isoformat(),
        "expectedDate": order.expected_date.isoformat() if order.expected_date else None,
        "memo": order.memo,
        "total": common.amount_text(order.total_minor, order.currency),
    }


async def get(actor: Actor, order_id: UUID, *, lock: bool = False) -> PurchaseOrder:
    query = PurchaseOrder.filter(id=order_id, organization_id=actor.org)
    if lock:
        query = query.select_for_update()
    found = await query.first()
    if found is None:
        raise NotFound("purchase order not found", field=["id"])
    return found


async def create(actor: Actor, draft: OrderDraft) -> PurchaseOrder:
    memo = common.text(draft.memo, "memo", 1000)
    base = await base_currency(actor.org)
    party = await common.vendor(actor, draft.vendor_id)
    common.check_active(party)
    priced = await price_lines(actor, draft.lines, party.currency, Purpose.PURCHASES, base)
    if draft.expected_date is not None and draft.expected_date < draft.order_date:
        raise DomainError(
            "expected before it is ordered",
            code=ErrorCode.DATE_BEFORE_DOCUMENT,
            field=["expectedDate"],
        )
    figures = totals(priced)
    async with in_transaction():
        number = await numbering.take(actor.org, "purchase_order")
        order = await PurchaseOrder.create(
            organization_id=actor.org,
            vendor_id=party.id,
            number=numbering.formatted("PO", number),
            currency=party.currency,
            order_date=draft.order_date,
            expected_date=draft.expected_date,
            memo=memo,
            subtotal_minor=figures.subtotal_minor,
            tax_minor=figures.tax_minor,
            total_minor=figures.total_minor,
            created_by_id=actor.author_id,
        )
        rows = [PurchaseOrderLine(purchase_order_id=order.id, **ln.stored()) for ln in priced]
        await PurchaseOrderLine.bulk_create(rows)
        after = snapshot(order)
        after["lines"] = common.line_snapshot(rows, order.currency)
        await audit.record(
            actor,
            "purchase_order.create",
            object_type="PurchaseOrder",
            object_id=order.id,
            after=after,
        )
    return order


async def approve(access: AccessControl, actor: Actor, order_id: UUID) -> PurchaseOrder:
    try:
        async with in_transaction():
            order = await get(actor, order_id, lock=True)
            if order.status != PurchaseOrderStatus.DRAFT:
                raise DomainError(
                    f"a {order.status.value.lower()} order cannot be approved",
                    code=ErrorCode.INVALID_STATUS,
                    field=["id"],
                )
            duties.refuse_creator(
                access,
                actor,
                obj="purchase_order",
                act="approve",
                created_by_id=order.created_by_id,
                object_type="PurchaseOrder",
                object_id=order.id,
            )
            if order.total_minor <= 0:
                raise DomainError(
                    "an order of zero cannot be approved",
                    code=ErrorCode.EMPTY_DOCUMENT,
                    field=["id"],
                )
            order.status = PurchaseOrderStatus.APPROVED
            order.approved_by_id = actor.user_id
            order.approved_at = clock.now()
            await order.save()
            await audit.record(
                actor,
                "purchase_order.approve",
                object_type="PurchaseOrder",
                object_id=order.id,
                before={"status": "DRAFT"},
                after={"status": "APPROVED"},
            )
    except duties.SegregationOfDuties as refusal:
        await duties.record_refusal(actor, refusal)
        raise
    return order


def _line_drafts(
    ordered: dict[int, PurchaseOrderLine], chosen: Sequence[BillFromOrderLine] | None, currency: str
) -> tuple[list[LineDraft], list[int | None]]:
    """Bill lines from the order: what is still open of each line, or what was chosen."""
    if chosen is None:
        chosen = [
            BillFromOrderLine(order_line_id=ln.id)
            for ln in ordered.values()
            if Decimal(ln.quantity) > Decimal(ln.billed_quantity)
        ]
    problems: list[DomainError] = []
    drafts: list[LineDraft] = []
    ids: list[int | None] = []
    for i, pick in enumerate(chosen):
        ln = ordered.get(pick.order_line_id)
        if ln is None:
            problems.append(
                NotFound(
                    "the line is not on this order",
                    field=["lines", str(i), "purchaseOrderLineId"],
                )
            )
            continue
        still_open = Decimal(ln.quantity) - Decimal(ln.billed_quantity)
        drafts.append(
            LineDraft(
                item_id=ln.item_id,
                description=ln.description,
                quantity=pick.quantity if pick.quantity is not None else str(still_open),
                unit_price=pick.unit_price
                if pick.unit_price is not None
                else common.amount_text(int(ln.unit_price_minor), currency),
                discount_percent=str(ln.discount_percent),
                tax_rate_id=ln.tax_rate_id,
                account_id=ln.account_id,
                dimension_option_ids=tuple(UUID(str(o)) for o in ln.dimension_option_ids or []),
            )
        )
        ids.append(ln.id)
    if problems:
        raise ValidationFailed(problems)
    if not drafts:
        raise DomainError(
            "every line of the order is billed already",
            code=ErrorCode.EMPTY_DOCUMENT,
            field=["purchaseOrderId"],
        )
    return drafts, ids


async def bill(actor: Actor, request: BillFromOrder) -> bill_inputs.BillResult:
    """A draft bill from an approved order's lines not billed yet."""
    async with in_transaction():
        order = await matching.lock_order(actor.org, request.order_id)
        if order is None:
            raise NotFound("purchase order not found", field=["purchaseOrderId"])
        if order.status not in BILLABLE:
            raise DomainError(
                f"a {order.status.value.lower()} order cannot be billed",
                code=ErrorCode.INVALID_STATUS,
                field=["purchaseOrderId"],
            )
        ordered = await matching.order_lines(order.id)
        drafts, ids = _line_drafts(ordered, request.lines, order.currency)
        return await bills.create(
            actor,
            bill_inputs.BillDraft(
                vendor_id=order.vendor_id,
                vendor_reference=request.vendor_reference,
                bill_date=request.bill_date,
                lines=drafts,
                due_date=request.due_date,
                memo=request.memo if request.memo is not None else f"Order {order.number}",
                order_line_ids=ids,
                acknowledge_warnings=request.acknowledge_warnings,
            ),
            purchase_order_id=order.id,
        )
