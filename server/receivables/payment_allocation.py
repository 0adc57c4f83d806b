"""Applying a payment's credit to invoices, and the allocations as audit events show them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from server.actor import Actor
from server.batch import Batch
from server.documents import allocation
from server.documents.models import Allocation, OpenItem
from server.errors import DomainError, ErrorCode, NotFound
from server.money import Money
from server.receivables import invoice_status
from server.receivables.models import Invoice, InvoiceStatus, Payment


async def apply(
    actor: Actor,
    credit: OpenItem,
    requests: list[tuple[UUID, int]],
    on: date,
    prefix: str = "allocations",
    *,
    period_checked: bool = False,
    inserting: Batch | None = None,
) -> tuple[list[Allocation], list[OpenItem]]:
    """Apply a locked credit to invoices, each locked here; refused as a whole on any problem.

    Returns the allocations and the invoices' open items as the allocations leave them.

    `period_checked`: the caller's transaction also posts an entry dated `on`, whose
    numbering refuses a locked period, so the allocations need not read the lock date.
    `inserting`: the caller's batch, not yet run, that inserts the credit: the allocations
    join it, and the credit is inserted net of them (see `allocation.settle`).
    """
    wanted = [invoice_id for invoice_id, _ in requests]
    locked = await allocation.lock_with_status(actor.org, wanted, Invoice)
    charges = {invoice_id: item for invoice_id, (item, _) in locked.items()}
    statuses = {invoice_id: status for invoice_id, (_, status) in locked.items()}
    if len(locked) < len(wanted):
        # Drafts have no open item yet: say what they are rather than that they are missing.
        statuses.update(
            await Invoice.filter(
                organization_id=actor.org, id__in=[i for i in wanted if i not in locked]
            ).values_list("id", "status")
        )
    made = []
    for i, (invoice_id, amount) in enumerate(requests):
        where = [prefix, str(i), "invoiceId"]
        status = statuses.get(invoice_id)
        if status is None:
            raise NotFound("invoice not found", field=where)
        if status not in invoice_status.OPEN_STATUSES:
            raise DomainError(
                f"the invoice is {InvoiceStatus(status).value.lower().replace('_', ' ')}",
                code=ErrorCode.INVALID_STATUS,
                field=where,
            )
        made.append(
            await allocation.settle(
                actor,
                charge=charges[invoice_id],
                credit=credit,
                amount=amount,
                on=on,
                field=[prefix, str(i), "amount"],
                period_checked=period_checked,
                then=[invoice_status.status_write(charges[invoice_id], amount)],
                batch=inserting,
                new_credit=inserting is not None,
            )
        )
    return made, [charges[invoice_id] for invoice_id, _ in requests]


def snapshot(payment: Payment, item: OpenItem | None = None) -> dict[str, Any]:
    return {
        "customer": str(payment.customer_id),
        "date": payment.date.isoformat(),
        "amount": str(Money.from_minor(payment.amount_minor, payment.currency)),
        "method": payment.method.value,
        "reference": payment.reference,
        "status": payment.status.value,
        "unallocated": (
            str(Money.from_minor(item.open_minor, payment.currency)) if item is not None else None
        ),
    }


def allocations_json(made: Sequence[Allocation], currency: str) -> list[dict[str, Any]]:
    return [
        {
            "invoice": str(a.charge_id),
            "amount": str(Money.from_minor(a.amount_minor, currency)),
            "date": a.date.isoformat(),
        }
        for a in made
    ]


def settled_json(
    made: Sequence[Allocation], currency: str, charged: Sequence[OpenItem]
) -> list[dict[str, Any]]:
    """The allocations with each invoice's status once they (and any discount they earned)
    are done: an invoice they settle shows PAID."""
    items = {item.id: item for item in charged}
    return [
        {**row, "invoiceStatus": invoice_status.status_of(items[a.charge_id]).value}
        for row, a in zip(allocations_json(made, currency), made, strict=True)
        if a.charge_id is not None
    ]
