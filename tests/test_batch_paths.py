"""The hot writes as PostgreSQL gets them and as SQLite gets them, both on PostgreSQL, give
the same result.

A batch is one statement of CTEs on PostgreSQL and the same statements one by one on
SQLite; a posting and its audit event are one statement on PostgreSQL and ORM steps on
SQLite, with the audit hash computed in Python. Each case runs twice in a transaction that
is rolled back afterwards, from the same rows: once as on PostgreSQL, once with the SQLite
ways forced. The payment flows (recording with several allocations, allocating a recorded
payment) switch all three; synthetic batches switch the batch. The rows of every table
they write, what each write changed, what was raised (a refusal, a database error, a batch
refused by the independence rule) and whether the audit chain verifies must be the same;
ids made during a run are compared by the order they appear in, times not at all.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.transactions import in_transaction

from server import sql
from server.audit import log as audit_log
from server.audit.log import chain_key
from server.audit.verify import verify_chain
from server.batch import Batch, RowChange, RowUpdate
from server.crm.models import Customer
from server.documents.models import OpenItem
from server.errors import DomainError
from server.ledger import posting
from server.ledger.models import Account
from server.observability import install_statement_counter, start_statement_count
from server.receivables import payments
from server.receivables.payment_input import AllocationRequest, PaymentInput
from tests.receivables.factory import Books, invoice, new_books

pytestmark = pytest.mark.postgres

DAY = date(2026, 3, 10)
# Every table the payment flows write, each with the rows of one organization.
TABLES = {
    "invoices": "organization_id = $1",
    "open_items": "organization_id = $1",
    "payments": "organization_id = $1",
    "allocations": "organization_id = $1",
    "journal_entries": "organization_id = $1",
    "journal_lines": "organization_id = $1",
    "audit_events": "organization_id = $1",
}
# Serial ids differ after a rollback (sequences are not rolled back), and the audit hashes
# cover the ids made during the run.
LEFT_OUT = {"journal_lines": {"id"}, "audit_events": {"id", "hash", "prev_hash"}}

Rows = dict[str, list[dict[str, Any]]]


class Refused(Exception):
    pass


@dataclass
class Outcome:
    """What one run did: its answer or what it raised, the rows, the statements sent, and
    whether the organization's audit chain verified afterwards."""

    answer: Any
    rows: Rows
    statements: int
    chain_verified: bool


class _NoClient:
    """A client class no connection is an instance of: a module that asks whether it is on
    PostgreSQL (`isinstance(db, AsyncpgDBClient)`) takes its SQLite way."""


def _batch_as_on_sqlite(patch: pytest.MonkeyPatch) -> None:
    patch.setattr(Batch, "_sent_together", staticmethod(Batch._sent_one_by_one))


def _all_as_on_sqlite(patch: pytest.MonkeyPatch) -> None:
    _batch_as_on_sqlite(patch)
    patch.setattr(posting, "AsyncpgDBClient", _NoClient)
    patch.setattr(audit_log, "AsyncpgDBClient", _NoClient)


async def _rows(org: UUID) -> Rows:
    found = {}
    for table, where in TABLES.items():
        rows = await sql.fetch(f"SELECT * FROM {table} WHERE {where}", org)
        found[table] = [
            {k: v for k, v in r.items() if k not in LEFT_OUT.get(table, ())} for r in rows
        ]
    return found


def _raised(exc: Exception) -> tuple[Any, ...]:
    if isinstance(exc, DomainError):
        return ("DomainError", exc.code, tuple(exc.field or ()), str(exc))
    if isinstance(exc, IntegrityError | OperationalError):
        return (type(exc).__name__,)  # the database's message names the statement's parts
    return (type(exc).__name__, str(exc))


class _Rollback(Exception):
    pass


async def _run(org: UUID, work: Callable[[], Awaitable[Any]]) -> Outcome:
    """`work` in a transaction rolled back afterwards; a refusal is caught inside it, with
    the batch's writes kept, a database error at a savepoint, which undoes them."""
    install_statement_counter()
    answer: Any = None
    try:
        async with in_transaction():
            counter = start_statement_count()
            try:
                async with in_transaction():
                    try:
                        answer = ("done", await work())
                    except (DomainError, Refused, RuntimeError) as exc:
                        answer = ("raised", _raised(exc))
            except (IntegrityError, OperationalError) as exc:
                answer = ("raised", _raised(exc))
            statements = counter.value
            rows = await _rows(org)
            verified = (await verify_chain(chain_key(org))).ok
            raise _Rollback
    except _Rollback:
        pass
    return Outcome(answer, rows, statements, verified)


Switch = Callable[[pytest.MonkeyPatch], None]


async def _both_ways(
    org: UUID, work: Callable[[], Awaitable[Any]], monkeypatch: pytest.MonkeyPatch, switch: Switch
) -> tuple[Outcome, Outcome]:
    # A first run fills the process's caches, so that both measured runs send the same reads.
    await _run(org, work)
    together = await _run(org, work)
    with monkeypatch.context() as patch:
        switch(patch)
        one_by_one = await _run(org, work)
    return together, one_by_one


def _comparable(outcome: Outcome, known: set[UUID]) -> tuple[Any, Rows]:
    """The answer and the rows with every id not in `known` named by the order it first
    appears in (the rows sorted with those ids hidden), and every time left out."""

    def plain(value: Any, names: dict[UUID, str]) -> Any:
        if isinstance(value, UUID):
            return value if value in known else names.get(value, "made")
        if isinstance(value, datetime):
            return "a time"
        if isinstance(value, str):
            for made, name in names.items():
                value = value.replace(str(made), name)
        if isinstance(value, dict):
            return {k: plain(v, names) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v, names) for v in value]
        return value

    made = {
        row["id"]
        for rows in outcome.rows.values()
        for row in rows
        if isinstance(row.get("id"), UUID) and row["id"] not in known
    }
    hidden = dict.fromkeys(made, "made")
    ordered = {
        table: sorted(rows, key=lambda r: repr([plain(v, hidden) for v in r.values()]))
        for table, rows in outcome.rows.items()
    }
    names: dict[UUID, str] = {}
    for rows in ordered.values():
        for row in rows:
            for value in row.values():
                if value in made and value not in names:
                    names[value] = f"made-{len(names)}"
    answer = plain(outcome.answer, names)
    return answer, {
        table: [{k: plain(v, names) for k, v in row.items()} for row in rows]
        for table, rows in ordered.items()
    }


async def _same_either_way(
    books: Books,
    work: Callable[[], Awaitable[Any]],
    monkeypatch: pytest.MonkeyPatch,
    switch: Switch = _batch_as_on_sqlite,
) -> tuple[Outcome, Outcome]:
    before = await _rows(books.org)
    known = {
        row["id"] for rows in before.values() for row in rows if isinstance(row.get("id"), UUID)
    }
    together, one_by_one = await _both_ways(books.org, work, monkeypatch, switch)
    assert _comparable(one_by_one, known) == _comparable(together, known)
    assert together.chain_verified and one_by_one.chain_verified
    assert await _rows(books.org) == before  # both runs were rolled back
    return together, one_by_one


# ------------------------------------------------------------------ the payment flows


@dataclass
class _Ledger:
    books: Books
    party: Customer
    invoices: list[OpenItem]
    bank: UUID


async def _ledger_with_invoices(*amounts: int) -> _Ledger:
    books = await new_books()
    party = await Customer.create(organization_id=books.org, name="Acme", currency="USD")
    items = [await invoice(books, party, date(2026, 3, 1), date(2026, 3, 31), a) for a in amounts]
    bank = await Account.get(organization_id=books.org, code="1010")
    return _Ledger(books, party, items, bank.id)


def _payment(ledger: _Ledger, amount: str, *parts: tuple[int, str]) -> PaymentInput:
    return PaymentInput(
        customer_id=ledger.party.id,
        date=DAY,
        amount=amount,
        deposit_account_id=ledger.bank,
        allocations=tuple(AllocationRequest(ledger.invoices[i].id, part) for i, part in parts),
    )


def _payment_fields(payment: Any) -> dict[str, Any]:
    return {name: getattr(payment, name) for name in type(payment)._meta.db_fields}


@pytest.mark.parametrize(
    ("amount", "parts", "refused"),
    [
        # Three invoices, two paid in full and one in part, and credit left over.
        ("200.00", [(0, "100.00"), (1, "20.00"), (2, "30.00")], None),
        # The second allocation is more than is open: refused at its own field.
        ("200.00", [(0, "100.00"), (1, "60.00"), (2, "30.00")], ["allocations", "1", "amount"]),
        # Two over: the first in the request's order is the one reported, either way.
        ("300.00", [(0, "150.00"), (1, "60.00")], ["allocations", "0", "amount"]),
    ],
)
async def test_recording_a_payment_writes_the_same_rows_either_way(
    monkeypatch: pytest.MonkeyPatch, amount: str, parts: list[tuple[int, str]], refused: Any
) -> None:
    ledger = await _ledger_with_invoices(10_000, 5_000, 3_000)
    data = _payment(ledger, amount, *parts)

    async def record() -> dict[str, Any]:
        return _payment_fields(await payments.record(ledger.books.actor, data))

    together, one_by_one = await _same_either_way(
        ledger.books, record, monkeypatch, _all_as_on_sqlite
    )
    if refused is None:
        assert together.answer[0] == "done"
        assert len(together.rows["allocations"]) == len(parts)
        assert sorted(r["open_minor"] for r in together.rows["open_items"]) == [0, 0, 3_000, 5_000]
    else:
        assert together.answer[1][:3] == ("DomainError", "EXCEEDS_OPEN_BALANCE", tuple(refused))
        assert together.rows["allocations"] == []
    # The payment, its open item and each allocation's three writes are one statement on
    # PostgreSQL against one each (and the posting with its audit event one against several).
    assert one_by_one.statements >= together.statements + (2 + 3 * len(parts)) - 1


async def test_allocating_a_recorded_payment_writes_the_same_rows_either_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ledger = await _ledger_with_invoices(10_000, 5_000)
    recorded = await payments.record(ledger.books.actor, _payment(ledger, "120.00"))
    requests = [
        AllocationRequest(ledger.invoices[0].id, "100.00"),
        AllocationRequest(ledger.invoices[1].id, "20.00"),
    ]

    async def allocate() -> dict[str, Any]:
        return _payment_fields(
            await payments.allocate(ledger.books.actor, recorded.id, requests, DAY)
        )

    together, one_by_one = await _same_either_way(
        ledger.books, allocate, monkeypatch, _all_as_on_sqlite
    )
    assert together.answer[0] == "done"
    assert sorted(r["open_minor"] for r in together.rows["open_items"]) == [0, 0, 3_000]
    # Each allocation is a batch of its own: both balances, the row and the status.
    assert one_by_one.statements >= together.statements + 2 * (4 - 1)


# ------------------------------------------------------------------ synthetic batches


def _new_item(ledger: _Ledger, item_id: UUID, amount: int) -> OpenItem:
    model = ledger.invoices[0]
    return OpenItem(
        id=item_id,
        organization_id=ledger.books.org,
        ledger=model.ledger,
        kind=model.kind,
        is_charge=True,
        party_id=ledger.party.id,
        number=f"N-{item_id.hex[:8]}",
        currency="USD",
        date=model.date,
        due_date=model.due_date,
        amount_minor=amount,
        base_amount_minor=amount,
        open_minor=amount,
        open_base_minor=amount,
    )


TAKE = RowUpdate(
    OpenItem,
    "open_minor = open_minor - $1, open_base_minor = open_base_minor - $2",
    "open_minor >= $3",
)
UNGUARDED_TAKE = RowUpdate(OpenItem, "open_minor = open_minor - $1")
EMPTIED = RowUpdate(OpenItem, "open_minor = 0")


def _take(item_id: UUID, amount: int, guarded: bool = True) -> RowChange:
    if not guarded:
        return UNGUARDED_TAKE.row(item_id, amount)
    return TAKE.row(item_id, amount, amount, amount)


def _inserts_and_takes(ledger: _Ledger, x: UUID, y: UUID) -> Batch:
    a, b = ledger.invoices[0].id, ledger.invoices[1].id
    batch = Batch()
    batch.insert(_new_item(ledger, x, 700))
    batch.update(_take(a, 100), rows=1)
    batch.insert(_new_item(ledger, y, 800))
    batch.update(_take(b, 50), rows=1)
    batch.update(EMPTIED.row(uuid4()))  # no such row
    return batch


def _refused_in_the_middle(ledger: _Ledger, x: UUID, _y: UUID) -> Batch:
    a, b = ledger.invoices[0].id, ledger.invoices[1].id
    batch = Batch()
    batch.update(_take(a, 100), rows=1, otherwise=Refused("a"))
    batch.update(_take(b, 10**9), rows=1, otherwise=Refused("b"))
    batch.insert(_new_item(ledger, x, 700))
    return batch


def _two_refused(ledger: _Ledger, _x: UUID, _y: UUID) -> Batch:
    a, b = ledger.invoices[0].id, ledger.invoices[1].id
    batch = Batch()
    batch.update(_take(a, 10**9), rows=1, otherwise=Refused("a"))
    batch.update(_take(b, 10**9), rows=1, otherwise=Refused("b"))
    return batch


def _expected_rows_met(ledger: _Ledger, _x: UUID, _y: UUID) -> Batch:
    """`rows=0` states that the write must change nothing."""
    batch = Batch()
    batch.update(_take(ledger.invoices[0].id, 10**9), rows=0, otherwise=Refused("a"))
    return batch


def _existing_id(ledger: _Ledger, x: UUID, _y: UUID) -> Batch:
    batch = Batch()
    batch.insert(_new_item(ledger, x, 700))
    batch.insert(_new_item(ledger, ledger.invoices[1].id, 700))
    return batch


def _past_the_check(ledger: _Ledger, _x: UUID, _y: UUID) -> Batch:
    """No guard: the table's CHECK (nothing open below zero) refuses it."""
    batch = Batch()
    batch.update(_take(ledger.invoices[0].id, 10**9, guarded=False))
    return batch


def _one_row_twice(ledger: _Ledger, _x: UUID, _y: UUID) -> Batch:
    batch = Batch()
    batch.update(_take(ledger.invoices[0].id, 10), rows=1)
    batch.update(_take(ledger.invoices[0].id, 10), rows=1)
    return batch


def _inserted_row_updated(ledger: _Ledger, x: UUID, _y: UUID) -> Batch:
    batch = Batch()
    batch.insert(_new_item(ledger, x, 700))
    batch.update(_take(x, 10), rows=1)
    return batch


SYNTHETIC: dict[str, tuple[Callable[[_Ledger, UUID, UUID], Batch], Any]] = {
    "inserts and takes": (_inserts_and_takes, ("done", [1, 1, 1, 1, 0])),
    "refused in the middle": (_refused_in_the_middle, ("raised", ("Refused", "b"))),
    "two refused": (_two_refused, ("raised", ("Refused", "a"))),
    "rows=0 met": (_expected_rows_met, ("done", [0])),
    "an existing id": (_existing_id, ("raised", ("IntegrityError",))),
    "past the check": (_past_the_check, ("raised", ("IntegrityError",))),
    "one row twice": (_one_row_twice, None),
    "an inserted row updated": (_inserted_row_updated, None),
}


@pytest.mark.parametrize("case", list(SYNTHETIC))
async def test_a_synthetic_batch_gives_the_same_result_either_way(
    monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    build, expected = SYNTHETIC[case]
    ledger = await _ledger_with_invoices(10_000, 5_000)
    x, y = uuid4(), uuid4()

    async def run() -> list[int]:
        return await build(ledger, x, y).run()

    together, one_by_one = await _same_either_way(ledger.books, run, monkeypatch)
    if expected is None:  # refused by the independence rule, before anything was sent
        assert together.answer[1][0] == "DependentWrites"
        assert together.statements == one_by_one.statements == 0
        return
    assert together.answer == expected
    # A refusal is raised once every write has run: the writes after the refused one are
    # in the rows either way (a database error undoes them all at the savepoint).
    if case == "refused in the middle":
        balances = {r["id"]: r["open_minor"] for r in together.rows["open_items"]}
        assert balances[ledger.invoices[0].id] == 9_900 and x in balances
    assert together.statements == 1
    assert one_by_one.statements == len(build(ledger, x, y)._writes)
