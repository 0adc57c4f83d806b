"""Per-request DataLoaders for receivables: one statement per batch, whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.expressions import Q

from schema.context import Context, batch_loader
from server.documents import queries
from server.documents.models import Allocation
from server.receivables.models import (
    CreditNoteLine,
    Invoice,
    InvoiceLine,
    InvoiceReminder,
    Payment,
)
from server.receivables.reads import (
    amount_due_minor,
    credit_note_unallocated_minor,
    payments_unallocated,
)


def invoice_details(context: Context) -> DataLoader[UUID, tuple[int | None, list[InvoiceLine]]]:
    """Each invoice's amount due (by the read model's rule) and lines, one statement per
    batch."""

    async def load(ids: list[UUID]) -> list[tuple[int | None, list[InvoiceLine]]]:
        found = await queries.lines_and_amounts_due(
            context.signed_in().org, "invoices", InvoiceLine, "invoice_id", amount_due_minor, ids
        )
        return [found.get(i, (None, [])) for i in ids]

    return context.loader("ar.invoice_details", lambda _c: batch_loader(load))


def credit_note_details(
    context: Context,
) -> DataLoader[UUID, tuple[int | None, list[CreditNoteLine]]]:
    """Each credit note's unapplied amount (by the read model's rule) and lines, one
    statement per batch."""

    async def load(ids: list[UUID]) -> list[tuple[int | None, list[CreditNoteLine]]]:
        found = await queries.lines_and_amounts_due(
            context.signed_in().org,
            "credit_notes",
            CreditNoteLine,
            "credit_note_id",
            credit_note_unallocated_minor,
            ids,
        )
        return [found.get(i, (None, [])) for i in ids]

    return context.loader("ar.credit_note_details", lambda _c: batch_loader(load))


def payment_unallocated(context: Context) -> DataLoader[UUID, int]:
    """What each payment has not applied yet (by the read model's rule), one statement per
    batch."""

    async def load(ids: list[UUID]) -> list[int]:
        found = await payments_unallocated(context.signed_in().org, ids)
        return [found.get(i, 0) for i in ids]

    return context.loader("ar.payment_unallocated", lambda _c: batch_loader(load))


def invoices(context: Context) -> DataLoader[UUID, Invoice | None]:
    async def load(ids: list[UUID]) -> list[Any]:
        org = context.signed_in().org
        found = {i.id: i for i in await Invoice.filter(id__in=ids, organization_id=org)}
        return [found.get(i) for i in ids]

    return context.loader("ar.invoices", lambda _c: batch_loader(load))


def payments(context: Context) -> DataLoader[UUID, Payment | None]:
    async def load(ids: list[UUID]) -> list[Any]:
        org = context.signed_in().org
        found = {p.id: p for p in await Payment.filter(id__in=ids, organization_id=org)}
        return [found.get(i) for i in ids]

    return context.loader("ar.payments", lambda _c: batch_loader(load))


def allocations(context: Context) -> DataLoader[UUID, list[Allocation]]:
    """Allocations on each open item, from either side, oldest first."""

    async def load(ids: list[UUID]) -> list[list[Allocation]]:
        org = context.signed_in().org
        grouped: dict[UUID, list[Allocation]] = defaultdict(list)
        wanted = set(ids)
        rows = await Allocation.filter(
            Q(charge_id__in=ids) | Q(credit_id__in=ids), organization_id=org
        ).order_by("created_at", "id")
        for a in rows:
            for side in (a.charge_id, a.credit_id):
                if side in wanted:
                    grouped[side].append(a)
        return [grouped.get(i, []) for i in ids]

    return context.loader("ar.allocations", lambda _c: batch_loader(load))


def reminders(context: Context) -> DataLoader[UUID, list[InvoiceReminder]]:
    """Reminders recorded for each invoice, oldest (level 1) first."""

    async def load(ids: list[UUID]) -> list[list[InvoiceReminder]]:
        org = context.signed_in().org
        grouped: dict[UUID, list[InvoiceReminder]] = defaultdict(list)
        rows = await InvoiceReminder.filter(invoice_id__in=ids, organization_id=org).order_by(
            "invoice_id", "level"
        )
        for r in rows:
            grouped[r.invoice_id].append(r)
        return [grouped.get(i, []) for i in ids]

    return context.loader("ar.reminders", lambda _c: batch_loader(load))
