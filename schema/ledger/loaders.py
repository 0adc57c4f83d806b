"""Per-request DataLoaders for the ledger: one statement per batch."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader

from schema.context import Context, batch_loader
from server.ledger.balances import balances_as_of
from server.ledger.models import Account, JournalEntry, JournalLine, LineTag, TrackingOption


def accounts(context: Context) -> DataLoader[UUID, Account | None]:
    async def load(ids: list[UUID]) -> list[Any]:
        org = context.signed_in().org
        found = {a.id: a for a in await Account.filter(id__in=ids, organization_id=org)}
        return [found.get(i) for i in ids]

    return context.loader("ledger.accounts", lambda _c: batch_loader(load))


def entries(context: Context) -> DataLoader[UUID, JournalEntry | None]:
    async def load(ids: list[UUID]) -> list[Any]:
        org = context.signed_in().org
        found = {e.id: e for e in await JournalEntry.filter(id__in=ids, organization_id=org)}
        return [found.get(i) for i in ids]

    return context.loader("ledger.entries", lambda _c: batch_loader(load))


def reversals(context: Context) -> DataLoader[UUID, JournalEntry | None]:
    """The entry that reverses each given entry, if any."""

    async def load(ids: list[UUID]) -> list[Any]:
        org = context.signed_in().org
        found = {
            e.reversal_of_id: e
            for e in await JournalEntry.filter(reversal_of_id__in=ids, organization_id=org)
        }
        return [found.get(i) for i in ids]

    return context.loader("ledger.reversals", lambda _c: batch_loader(load))


def lines(context: Context) -> DataLoader[UUID, list[JournalLine]]:
    async def load(ids: list[UUID]) -> list[list[JournalLine]]:
        org = context.signed_in().org
        grouped: dict[UUID, list[JournalLine]] = defaultdict(list)
        for line in await JournalLine.filter(entry_id__in=ids, organization_id=org).order_by(
            "line_no"
        ):
            grouped[line.entry_id].append(line)
        return [grouped.get(i, []) for i in ids]

    return context.loader("ledger.lines", lambda _c: batch_loader(load))


def line_options(context: Context) -> DataLoader[int, list[TrackingOption]]:
    async def load(ids: list[int]) -> list[list[TrackingOption]]:
        grouped: dict[int, list[TrackingOption]] = defaultdict(list)
        for tag in await LineTag.filter(line_id__in=ids).select_related("option"):
            grouped[tag.line_id].append(tag.option)
        return [grouped.get(i, []) for i in ids]

    return context.loader("ledger.line_options", lambda _c: batch_loader(load))


def options(context: Context) -> DataLoader[UUID, TrackingOption | None]:
    async def load(ids: list[UUID]) -> list[Any]:
        org = context.signed_in().org
        found = {o.id: o for o in await TrackingOption.filter(id__in=ids, organization_id=org)}
        return [found.get(i) for i in ids]

    return context.loader("ledger.options", lambda _c: batch_loader(load))


def balances(context: Context) -> DataLoader[tuple[UUID, date], int]:
    """Balances of accounts as of dates (server.ledger.balances), in base minor units: one
    statement per distinct date."""

    async def load(keys: list[tuple[UUID, date]]) -> list[int]:
        org = context.signed_in().org
        by_date = {}
        for as_of in {d for _, d in keys}:
            wanted = sorted({a for a, d in keys if d == as_of})
            by_date[as_of] = await balances_as_of(org, wanted, as_of)
        return [by_date[d].get(a, 0) for a, d in keys]

    return context.loader("ledger.balances", lambda _c: batch_loader(load))


def base_currency(context: Context) -> DataLoader[UUID, str]:
    async def load(ids: list[UUID]) -> list[str]:
        from server.identity.models import Organization

        found = dict(await Organization.filter(id__in=ids).values_list("id", "base_currency"))
        return [str(found[i]) for i in ids]

    return context.loader("ledger.base_currency", lambda _c: batch_loader(load))
