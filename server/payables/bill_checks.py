"""Checks of a bill draft: duplicate vendor invoices and the order lines it bills."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from uuid import UUID

from server.actor import Actor
from server.errors import DomainError, ErrorCode, ValidationFailed
from server.payables.bill_inputs import Warning
from server.payables.models import Bill, BillStatus, PurchaseOrderLine

DUPLICATE_WINDOW_DAYS = 7


async def _duplicates(
    actor: Actor,
    vendor_id: UUID,
    reference: str,
    total_minor: int,
    bill_date: date,
    exclude: UUID | None,
) -> list[Warning]:
    """Refuse the vendor's invoice number twice; warn of the same amount within days.

    Call with the vendor row locked, so two requests cannot both pass.
    """
    others = Bill.filter(organization_id=actor.org, vendor_id=vendor_id).exclude(
        status=BillStatus.VOID
    )
    if exclude is not None:
        others = others.exclude(id=exclude)
    if await others.filter(vendor_reference__iexact=reference).exists():
        raise DomainError(
            f"this vendor's invoice {reference} is already entered",
            code=ErrorCode.DUPLICATE_BILL,
            field=["vendorReference"],
        )
    window = timedelta(days=DUPLICATE_WINDOW_DAYS)
    similar = await others.filter(
        total_minor=total_minor,
        bill_date__gte=bill_date - window,
        bill_date__lte=bill_date + window,
    ).order_by("bill_date", "id")
    return [
        Warning(
            code="POSSIBLE_DUPLICATE",
            message=(
                f"bill {b.vendor_reference} of {b.bill_date.isoformat()} from the same vendor "
                "has the same total"
            ),
            bill_id=b.id,
        )
        for b in similar
    ]


async def _order_lines_for(
    order_id: UUID | None, order_line_ids: Sequence[int | None], count: int
) -> list[int | None]:
    """Check that the order lines named belong to the bill's order."""
    ids = list(order_line_ids) + [None] * (count - len(order_line_ids))
    named = {i for i in ids if i is not None}
    if not named:
        return ids
    valid: set[int] = set()
    if order_id is not None:
        rows = await PurchaseOrderLine.filter(purchase_order_id=order_id, id__in=named).values("id")
        valid = {int(r["id"]) for r in rows}
    problems = [
        DomainError(
            "the order line is not on this bill's purchase order",
            code=ErrorCode.NOT_FOUND,
            field=["lines", str(i), "purchaseOrderLineId"],
        )
        for i, line_id in enumerate(ids)
        if line_id is not None and line_id not in valid
    ]
    if problems:
        raise ValidationFailed(problems)
    return ids
