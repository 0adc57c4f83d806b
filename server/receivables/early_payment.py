"""Early-payment discounts on invoices: earned by a payment in time, undone with it.

The rule and the posting are the ones payables use (server.documents.discounts): an invoice
whose terms offer a discount, paid in full less that discount on or before `discountUntil`,
has the discount closed into Sales discounts, the tax it contains given back to the output
tax accounts; the invoice is then PAID. An allocation dated after the discount period earns
nothing, and the discount stays open on the invoice.

A discount belongs to the payment that earned it: undoing a payment's allocation to the
invoice, or voiding any payment applied to it, undoes the discount too (the invoice is no
longer paid in full), as voiding a bill payment does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from uuid import UUID

from server.actor import Actor
from server.documents import allocation, discounts
from server.documents.models import Allocation, AllocationKind, Ledger, OpenItem
from server.receivables import invoice_status
from server.receivables.models import Invoice, InvoiceLine


async def earn(actor: Actor, charged: Sequence[OpenItem], on: date) -> list[Allocation]:
    """Take the discount of every invoice left open by exactly its discount.

    `charged`: the invoices' open items as the caller's allocations, already written in its
    transaction, left them. Invoices settled in full cost no statement here.
    """
    still_open = {i.id for i in charged if i.open_minor > 0 and i.voided_on is None}
    if not still_open:
        return []
    offered = await Invoice.filter(
        organization_id=actor.org,
        id__in=list(still_open),
        discount_percent__isnull=False,
        discount_until__gte=on,
    ).order_by("id")
    if not offered:
        return []
    # Locked by the caller, and current: the allocations updated them as they wrote.
    items = {i.id: i for i in charged}
    taken = []
    for invoice in offered:
        item = items[invoice.id]
        amount = discounts.due(
            total_minor=invoice.total_minor,
            percent=invoice.discount_percent,
            until=invoice.discount_until,
            open_minor=item.open_minor,
            on=on,
        )
        if not amount or item.open_minor != amount:
            continue
        taken.append(
            await discounts.take(
                actor,
                item=item,
                amount=amount,
                on=on,
                lines=await InvoiceLine.filter(invoice_id=invoice.id),
                field=["allocations"],
                memo=f"Early-payment discount on invoice {invoice.number}",
            )
        )
        await invoice_status.set_status(item)
    return taken


async def undo(actor: Actor, invoice_ids: Iterable[UUID], on: date, field: list[str]) -> int:
    """Undo the live discounts of these invoices on `on`; how many were undone."""
    wanted = list(set(invoice_ids))
    if not wanted:
        return 0
    live = await Allocation.filter(
        organization_id=actor.org,
        ledger=Ledger.RECEIVABLE,
        charge_id__in=wanted,
        kind=AllocationKind.DISCOUNT,
        reversed_on__isnull=True,
    )
    for discount in live:
        await allocation.undo(actor, discount, on, field, kinds=(AllocationKind.DISCOUNT,))
        assert discount.charge_id is not None
        await invoice_status.refresh_status(discount.charge_id)
    return len(live)
