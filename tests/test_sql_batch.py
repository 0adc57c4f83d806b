"""Writes sent together (server.sql.Batch): one statement on PostgreSQL, one after another on
SQLite; the same rows either way, and a refused write leaves nothing behind."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

import pytest
from tortoise.transactions import in_transaction

from server.crm.models import Customer
from server.documents.models import Ledger, OpenItem, OpenItemKind
from server.observability import install_statement_counter, start_statement_count
from server.sql import Batch
from tests.conftest import IS_POSTGRES
from tests.receivables.factory import new_books

TAKE = "UPDATE open_items SET open_minor = open_minor - $1 WHERE id = $2 AND open_minor >= $3"


def _item(org: UUID, party: UUID, amount: int) -> OpenItem:
    return OpenItem(
        organization_id=org,
        ledger=Ledger.RECEIVABLE,
        kind=OpenItemKind.INVOICE,
        is_charge=True,
        party_id=party,
        number=f"INV-{uuid4().hex[:6]}",
        currency="USD",
        date=date(2026, 3, 1),
        due_date=date(2026, 3, 31),
        amount_minor=amount,
        base_amount_minor=amount,
        open_minor=amount,
        open_base_minor=amount,
    )


async def _party_with_item(amount: int) -> tuple[UUID, UUID, OpenItem]:
    """A new organization and customer, with one saved open item of `amount`."""
    books = await new_books()
    party = await Customer.create(organization_id=books.org, name="Acme", currency="USD")
    existing = _item(books.org, party.id, amount)
    await existing.save()
    return books.org, party.id, existing


async def _fields(item_id: UUID) -> dict[str, Any]:
    stored = await OpenItem.get(id=item_id)
    return {name: getattr(stored, name) for name in OpenItem._meta.db_fields}


async def test_inserts_and_guarded_updates_land_together_in_one_statement_on_postgres() -> None:
    org, party, existing = await _party_with_item(500)
    by_orm = _item(org, party, 700)
    await by_orm.save()
    batched = _item(org, party, 700)
    batched.number = by_orm.number + "-b"
    install_statement_counter()
    counter = start_statement_count()
    async with in_transaction():
        batch = Batch()
        batch.insert(batched)
        batch.write(TAKE, 200, existing.id, 200, rows=1)
        await batch.run()
    assert counter.value == (1 if IS_POSTGRES else 2)
    assert batched._saved_in_db
    assert (await OpenItem.get(id=existing.id)).open_minor == 300
    # The batched insert stored what the ORM's own insert stores, column for column.
    orm, mine = await _fields(by_orm.id), await _fields(batched.id)
    differ = {"id", "number", "created_at"}
    assert {k: v for k, v in orm.items() if k not in differ} == {
        k: v for k, v in mine.items() if k not in differ
    }
    assert mine["created_at"] is not None and batched.created_at is not None


async def test_a_write_changing_other_rows_than_stated_refuses_the_whole_batch() -> None:
    org, party, existing = await _party_with_item(500)
    inserted = _item(org, party, 100)

    class Refused(Exception):
        pass

    with pytest.raises(Refused):
        async with in_transaction():
            batch = Batch()
            batch.insert(inserted)
            batch.write(TAKE, 900, existing.id, 900, rows=1, otherwise=Refused())
            await batch.run()
    assert await OpenItem.filter(id=inserted.id).count() == 0
    assert (await OpenItem.get(id=existing.id)).open_minor == 500
