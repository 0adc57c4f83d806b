"""Per-request DataLoaders for payables: one SQL statement per batch, whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader

from schema.context import Context, batch_loader
from server.documents import queries
from server.documents.models import Allocation, Ledger, OpenItem
from server.payables.models import (
    Bill,
    BillLine,
    BillPayment,
    PurchaseOrder,
    PurchaseOrderLine,
)
from server.payables.reads import amount_due_or_null


def _by_id(context: Context, name: str, model: Any) -> DataLoader[Any, Any]:
    async def load(ids: list[UUID]) -> list[Any]:
        org = context.signed_in().org
        found = {r.id: r for r in await model.filter(id__in=ids, organization_id=org)}
        return [found.get(i) for i in ids]

    return context.loader(name, lambda _c: batch_loader(load))


def _grouped(
    context: Context, name: str, fetch: Callable[[list[Any]], Awaitable[list[Any]]], key: str
) -> DataLoader[Any, list[Any]]:
    async def load(ids: list[Any]) -> list[list[Any]]:
        grouped: dict[Any, list[Any]] = defaultdict(list)
        for row in await fetch(ids):
            grouped[getattr(row, key)].append(row)
        return [grouped.get(i, []) for i in ids]

    return context.loader(name, lambda _c: batch_loader(load))


def bills(context: Context) -> DataLoader[UUID, Bill | None]:
    return _by_id(context, "payables.bills", Bill)


def payments(context: Context) -> DataLoader[UUID, BillPayment | None]:
    return _by_id(context, "payables.payments", BillPayment)


def orders(context: Context) -> DataLoader[UUID, PurchaseOrder | None]:
    return _by_id(context, "payables.orders", PurchaseOrder)


def open_items(context: Context) -> DataLoader[UUID, OpenItem | None]:
    return _by_id(context, "payables.open_items", OpenItem)


def bill_details(context: Context) -> DataLoader[UUID, tuple[int | None, list[BillLine]]]:
    """Each bill's amount due (None while not owed, by the read model's rule) and lines,
    one statement per batch."""

    async def load(ids: list[UUID]) -> list[tuple[int | None, list[BillLine]]]:
        found = await queries.lines_and_amounts_due(
            context.signed_in().org, "bills", BillLine, "bill_id", amount_due_or_null, ids
        )
        return [found.get(i, (None, [])) for i in ids]

    return context.loader("payables.bill_details", lambda _c: batch_loader(load))


def order_lines(context: Context) -> DataLoader[UUID, list[PurchaseOrderLine]]:
    async def fetch(ids: list[UUID]) -> list[Any]:
        return await PurchaseOrderLine.filter(purchase_order_id__in=ids).order_by("line_no")

    return _grouped(context, "payables.order_lines", fetch, "purchase_order_id")


def allocations_of_bills(context: Context) -> DataLoader[UUID, list[Allocation]]:
    async def fetch(ids: list[UUID]) -> list[Any]:
        org = context.signed_in().org
        return await Allocation.filter(
            organization_id=org, ledger=Ledger.PAYABLE, charge_id__in=ids
        ).order_by("date", "created_at")

    return _grouped(context, "payables.allocations_of_bills", fetch, "charge_id")


def allocations_of_payments(context: Context) -> DataLoader[UUID, list[Allocation]]:
    async def fetch(ids: list[UUID]) -> list[Any]:
        org = context.signed_in().org
        return await Allocation.filter(
            organization_id=org, ledger=Ledger.PAYABLE, credit_id__in=ids
        ).order_by("date", "created_at")

    return _grouped(context, "payables.allocations_of_payments", fetch, "credit_id")
