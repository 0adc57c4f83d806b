"""Per-request DataLoaders for payment terms and tax rates: one statement per batch."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader

from schema.context import Context, batch_loader
from server.crm import terms
from server.crm.models import PaymentTerms
from server.documents import taxes
from server.documents.models import TaxRate


def payment_terms(context: Context) -> DataLoader[UUID, PaymentTerms | None]:
    async def load(ids: list[UUID]) -> list[Any]:
        found = {t.id: t for t in await terms.get_many_terms(context.signed_in(), ids)}
        return [found.get(i) for i in ids]

    return context.loader("documents.payment_terms", lambda _c: batch_loader(load))


def tax_rates(context: Context) -> DataLoader[UUID, TaxRate | None]:
    async def load(ids: list[UUID]) -> list[Any]:
        found = {r.id: r for r in await taxes.get_many_tax_rates(context.signed_in(), ids)}
        return [found.get(i) for i in ids]

    return context.loader("documents.tax_rates", lambda _c: batch_loader(load))
