"""Per-request DataLoaders for CRM: one SQL statement per batch, whatever the page size."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader

from schema.context import Context, batch_loader
from server import clock
from server.crm import notes, parties
from server.crm.models import Customer, CustomerNote, Party, Vendor
from server.identity.models import User
from server.receivables import figures
from server.receivables.figures import CustomerFigures


def customer_notes(context: Context) -> DataLoader[UUID, list[CustomerNote]]:
    async def load(ids: list[UUID]) -> list[list[CustomerNote]]:
        grouped = await notes.notes_by_customer(context.signed_in(), ids)
        return [grouped.get(i, []) for i in ids]

    return context.loader("customer_notes", lambda _ctx: batch_loader(load))


def users(context: Context) -> DataLoader[UUID, User | None]:
    async def load(ids: list[UUID]) -> list[Any]:
        found = {u.id: u for u in await User.filter(id__in=ids)}
        return [found.get(i) for i in ids]

    return context.loader("users", lambda _ctx: batch_loader(load))


def _parties(context: Context, model: type[Party], name: str) -> DataLoader[UUID, Any]:
    async def load(ids: list[UUID]) -> list[Any]:
        found = {p.id: p for p in await parties.get_many(context.signed_in(), model, ids)}
        return [found.get(i) for i in ids]

    return context.loader(name, lambda _ctx: batch_loader(load))


def customers(context: Context) -> DataLoader[UUID, Customer | None]:
    return _parties(context, Customer, "customers")


def vendors(context: Context) -> DataLoader[UUID, Vendor | None]:
    return _parties(context, Vendor, "vendors")


def customer_figures(context: Context) -> DataLoader[UUID, CustomerFigures | None]:
    """Balances and payment behaviour of the customers asked for, as of today (UTC)."""

    async def load(ids: list[UUID]) -> list[CustomerFigures | None]:
        today = clock.today()
        found = await figures.customer_figures(context.signed_in().org, ids, today)
        return [found.get(i) for i in ids]

    return context.loader("customer_figures", lambda _ctx: batch_loader(load))
