"""server.sql's statements: counted like the ORM's, run in the caller's transaction, and
failing with the ORM's exceptions, on either database."""

from __future__ import annotations

from uuid import uuid4

import pytest
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.transactions import in_transaction

from server import sql
from server.crm.models import Customer
from server.observability import install_statement_counter, start_statement_count
from tests.receivables.factory import new_books

# A second customer with the id of an existing one ($1), copied from another ($2).
COPY_CUSTOMER = (
    "INSERT INTO customers (id, organization_id, name, currency, status, payment_terms_days,"
    " credit_limit_minor, tags_text, created_at, updated_at) SELECT $1, organization_id,"
    " name, currency, status, payment_terms_days, credit_limit_minor, tags_text, created_at,"
    " updated_at FROM customers WHERE id = $2"
)


async def test_each_statement_counts_once_through_the_orm_or_server_sql() -> None:
    books = await new_books()
    install_statement_counter()
    counter = start_statement_count()
    await Customer.filter(organization_id=books.org).count()
    assert counter.value == 1
    rows = await sql.fetch(
        "SELECT count(*) AS n FROM customers WHERE organization_id = $1", books.org
    )
    assert counter.value == 2
    assert rows == [{"n": 0}]
    changed = await sql.execute(
        "UPDATE customers SET name = $1 WHERE organization_id = $2", "x", books.org
    )
    assert (changed, counter.value) == (0, 3)


async def test_writes_report_the_rows_changed_and_roll_back_with_the_transaction() -> None:
    books = await new_books()
    first = await Customer.create(organization_id=books.org, name="Acme", currency="USD")
    await Customer.create(organization_id=books.org, name="Beta", currency="USD")
    rename = "UPDATE customers SET name = name || $1 WHERE organization_id = $2"
    assert await sql.execute(rename, "!", books.org) == 2
    with pytest.raises(RuntimeError):
        async with in_transaction():
            assert await sql.execute(rename, "?", books.org) == 2
            raise RuntimeError("undo")
    names = sorted(c.name for c in await Customer.filter(organization_id=books.org))
    assert names == ["Acme!", "Beta!"]
    found = await sql.fetch_rows("SELECT name FROM customers WHERE id = $1", first.id)
    assert [r["name"] for r in found] == ["Acme!"]


async def test_database_errors_are_raised_as_the_orm_raises_them() -> None:
    books = await new_books()
    taken = await Customer.create(organization_id=books.org, name="Acme", currency="USD")
    with pytest.raises(IntegrityError):
        await sql.execute(COPY_CUSTOMER, taken.id, taken.id)
    with pytest.raises(OperationalError):
        await sql.fetch("SELECT no_such_column FROM customers WHERE id = $1", uuid4())
