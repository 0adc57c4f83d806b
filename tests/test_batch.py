"""Writes sent together (server.batch): one statement on PostgreSQL, one after another on
SQLite; the same rows either way, a refused write leaves nothing behind, and a batch whose
writes could see each other is refused on both databases before anything is sent."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

import pytest
from tortoise.transactions import in_transaction

from server.batch import Batch, DependentWrites, RowChange, RowUpdate
from server.crm.models import Customer
from server.documents.models import Ledger, OpenItem, OpenItemKind
from server.observability import install_statement_counter, start_statement_count
from tests.conftest import IS_POSTGRES
from tests.receivables.factory import new_books

TAKE = RowUpdate(OpenItem, "open_minor = open_minor - $1", "open_minor >= $2")


def take(item_id: UUID, amount: int) -> RowChange:
    return TAKE.row(item_id, amount, amount)


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


class Refused(Exception):
    pass


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
        batch.update(take(existing.id, 200), rows=1)
        assert await batch.run() == [1, 1]
    assert counter.value == (1 if IS_POSTGRES else 2)
    assert batched._saved_in_db
    assert (await OpenItem.get(id=existing.id)).open_minor == 300
    # The batched insert stored what the ORM's own insert stores, column for column, on
    # both databases: the same INSERT text and values serve both.
    orm, mine = await _fields(by_orm.id), await _fields(batched.id)
    differ = {"id", "number", "created_at"}
    assert {k: v for k, v in orm.items() if k not in differ} == {
        k: v for k, v in mine.items() if k not in differ
    }
    assert mine["created_at"] is not None and batched.created_at is not None


async def test_a_write_changing_other_rows_than_stated_refuses_the_whole_batch() -> None:
    org, party, existing = await _party_with_item(500)
    inserted = _item(org, party, 100)
    with pytest.raises(Refused):
        async with in_transaction():
            batch = Batch()
            batch.insert(inserted)
            batch.update(take(existing.id, 900), rows=1, otherwise=Refused())
            await batch.run()
    assert await OpenItem.filter(id=inserted.id).count() == 0
    assert (await OpenItem.get(id=existing.id)).open_minor == 500


async def test_every_write_runs_before_a_refusal_is_raised() -> None:
    """The writes after a refused one are sent too, as the one PostgreSQL statement does:
    a caller that catches the refusal finds the same rows on both databases."""
    org, party, existing = await _party_with_item(500)
    inserted = _item(org, party, 100)
    async with in_transaction():
        batch = Batch()
        batch.update(take(existing.id, 900), rows=1, otherwise=Refused())
        batch.insert(inserted)
        with pytest.raises(Refused):
            await batch.run()
        assert await OpenItem.filter(id=inserted.id).count() == 1
        assert (await OpenItem.get(id=existing.id)).open_minor == 500


async def _refused_before_sending(batch: Batch) -> Exception:
    install_statement_counter()
    counter = start_statement_count()
    with pytest.raises(DependentWrites) as refused:
        async with in_transaction():
            await batch.run()
    assert counter.value == 0
    return refused.value


async def test_two_writes_of_one_row_are_refused_before_anything_is_sent() -> None:
    org, party, existing = await _party_with_item(500)
    twice = Batch()
    twice.update(take(existing.id, 100), rows=1)
    twice.update(take(existing.id, 100), rows=1)
    assert isinstance(await _refused_before_sending(twice), DependentWrites)
    # An update of the row an insert of the same batch writes: on PostgreSQL it would not
    # see the row, on SQLite it would.
    inserted = _item(org, party, 100)
    seen = Batch()
    seen.insert(inserted)
    seen.update(take(inserted.id, 100), rows=1)
    assert isinstance(await _refused_before_sending(seen), DependentWrites)
    assert (await OpenItem.get(id=existing.id)).open_minor == 500
    assert await OpenItem.filter(id=inserted.id).count() == 0


@pytest.mark.parametrize(
    ("assignments", "condition"),
    [
        ("open_minor = (SELECT min(open_minor) FROM open_items)", "TRUE"),
        ("open_minor = 0", "EXISTS (select 1 FROM allocations)"),
        ("open_minor = a.open_minor FROM open_items a", "TRUE"),
    ],
)
def test_an_update_reading_other_rows_is_refused_where_it_is_declared(
    assignments: str, condition: str
) -> None:
    with pytest.raises(DependentWrites):
        RowUpdate(OpenItem, assignments, condition)


def test_an_update_takes_its_values_once_each_in_order() -> None:
    with pytest.raises(ValueError, match="in order"):
        RowUpdate(OpenItem, "open_minor = $2", "open_minor > $1")
    with pytest.raises(ValueError, match="in order"):
        RowUpdate(OpenItem, "open_minor = $1", "open_minor > $1")
    with pytest.raises(ValueError, match="2 parameters expected"):
        TAKE.row(uuid4(), 1)


async def test_a_batch_outside_a_transaction_is_refused() -> None:
    _org, _party, existing = await _party_with_item(500)
    batch = Batch()
    batch.update(take(existing.id, 100), rows=1)
    with pytest.raises(RuntimeError, match="transaction"):
        await batch.run()
    assert (await OpenItem.get(id=existing.id)).open_minor == 500
