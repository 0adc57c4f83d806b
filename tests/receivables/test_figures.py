"""Customer figures, statements and collection KPIs from open items and allocations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from server.documents.models import AllocationKind, OpenItemKind
from server.errors import DomainError, NotFound
from server.receivables.figures import customer_figures, customer_statement
from server.receivables.metrics import ar_metrics
from tests.receivables import factory as f

TODAY = date(2026, 6, 30)


async def test_customer_figures_for_many_customers_at_once() -> None:
    books = await f.new_books()
    acme = await f.customer(books, "Acme", credit_limit=10_000)
    quiet = await f.customer(books, "Quiet")
    inv1 = await f.invoice(books, acme, date(2026, 5, 1), date(2026, 5, 31), 4_000)
    inv2 = await f.invoice(books, acme, date(2026, 6, 1), date(2026, 7, 1), 3_000)
    await f.invoice(books, acme, date(2026, 6, 1), date(2026, 6, 2), 999, voided_on=TODAY)
    pay = await f.credit(books, acme, date(2026, 5, 11), 2_500)
    await f.allocate(books, inv1, pay, 1_000, date(2026, 5, 11))  # 10 days after its date
    await f.allocate(books, inv2, pay, 1_000, date(2026, 6, 21))  # 20 days after
    undone = await f.credit(books, acme, date(2026, 6, 3), 100)
    await f.allocate(books, inv2, undone, 100, date(2026, 6, 3), reversed_on=date(2026, 6, 4))
    note = await f.credit(books, acme, date(2026, 6, 5), 200, kind=OpenItemKind.CREDIT_NOTE)
    await f.allocate(books, inv1, note, 200, date(2026, 6, 30))  # not a payment
    other = await f.new_books()
    stranger = await f.customer(other, "Stranger")

    figures = await customer_figures(books.org, [acme.id, quiet.id, stranger.id], TODAY)
    assert set(figures) == {acme.id, quiet.id}
    a = figures[acme.id]
    assert (a.outstanding, a.overdue, a.unapplied_credits) == (4_800, 2_800, 600)
    assert a.credit_limit == 10_000 and a.credit_available == 10_000 - 4_800 + 600
    assert a.average_days_to_pay == Decimal("15.0") and a.currency == "USD"
    q = figures[quiet.id]
    assert (q.outstanding, q.overdue, q.unapplied_credits) == (0, 0, 0)
    assert q.credit_limit is None and q.credit_available is None
    assert q.average_days_to_pay is None
    assert await customer_figures(books.org, [], TODAY) == {}


async def test_customer_statement_with_running_balance() -> None:
    books = await f.new_books()
    acme = await f.customer(books, "Acme", currency="EUR")
    old = await f.invoice(books, acme, date(2026, 4, 1), date(2026, 5, 1), 500, number="INV-1")
    inv = await f.invoice(books, acme, date(2026, 6, 2), date(2026, 7, 2), 1_000, number="INV-2")
    bad = await f.invoice(
        books,
        acme,
        date(2026, 6, 3),
        date(2026, 7, 3),
        70,
        number="INV-3",
        voided_on=date(2026, 6, 8),
    )
    assert bad.voided_on is not None
    pay = await f.credit(books, acme, date(2026, 6, 5), 800)
    await f.allocate(books, inv, pay, 800, date(2026, 6, 5))
    await f.allocate(books, old, None, 500, date(2026, 6, 10), kind=AllocationKind.WRITE_OFF)
    note = await f.credit(books, acme, date(2026, 6, 12), 50, kind=OpenItemKind.CREDIT_NOTE)
    await f.allocate(books, None, note, 50, date(2026, 6, 15), kind=AllocationKind.REFUND)
    await f.invoice(books, acme, date(2026, 7, 1), date(2026, 8, 1), 9_999)  # after the range

    st = await customer_statement(books.org, acme.id, date(2026, 6, 1), date(2026, 6, 30))
    assert st.currency == "EUR" and st.opening_balance == 500
    assert [(ln.on.day, ln.kind, ln.amount, ln.balance) for ln in st.lines] == [
        (2, "INVOICE", 1_000, 1_500),
        (3, "INVOICE", 70, 1_570),
        (5, "PAYMENT", -800, 770),
        (8, "VOID", -70, 700),
        (10, "WRITE_OFF", -500, 200),
        (12, "CREDIT_NOTE", -50, 150),
        (15, "REFUND", 50, 200),
    ]
    assert st.lines[0].number == "INV-2" and st.lines[0].due_date == date(2026, 7, 2)
    assert st.lines[3].document_id == bad.id and st.lines[3].document_kind == "INVOICE"
    assert st.closing_balance == 200
    later = await customer_statement(books.org, acme.id, date(2026, 7, 1), date(2026, 7, 31))
    assert later.opening_balance == 200 and later.closing_balance == 10_199


async def test_customer_statement_of_another_organization_is_not_found() -> None:
    books, other = await f.new_books(), await f.new_books()
    stranger = await f.customer(other, "Stranger")
    with pytest.raises(NotFound):
        await customer_statement(books.org, stranger.id, date(2026, 1, 1), date(2026, 1, 31))


async def test_ar_metrics_of_a_period() -> None:
    books = await f.new_books()
    acme = await f.customer(books, "Acme")
    # Before the period: 1,000 open at its start.
    before = await f.invoice(books, acme, date(2026, 5, 1), date(2026, 5, 31), 1_000)
    # In June: sales of 3,000 (one more invoice is void before the end and does not count).
    june1 = await f.invoice(books, acme, date(2026, 6, 1), date(2026, 6, 15), 2_000)
    await f.invoice(books, acme, date(2026, 6, 10), date(2026, 7, 10), 1_000)
    await f.invoice(
        books, acme, date(2026, 6, 11), date(2026, 7, 11), 400, voided_on=date(2026, 6, 20)
    )
    pay = await f.credit(books, acme, date(2026, 6, 11), 2_500)
    await f.allocate(books, before, pay, 1_000, date(2026, 6, 11))  # 41 days after its date
    await f.allocate(books, june1, pay, 1_500, date(2026, 6, 21))  # 20 days after
    m = await ar_metrics(books.org, date(2026, 6, 1), date(2026, 6, 30))
    assert (m.days, m.credit_sales, m.receivables_begin) == (30, 3_000, 1_000)
    assert (m.receivables_end, m.current_receivables_end) == (1_500, 1_000)
    assert m.dso == Decimal("15.0")  # 1,500 / 3,000 * 30
    assert m.best_possible_dso == Decimal("10.0")  # 1,000 / 3,000 * 30
    assert m.average_days_delinquent == Decimal("5.0")
    assert m.collection_effectiveness == Decimal("83.3")  # 2,500 / 3,000
    assert m.average_days_to_pay == Decimal("28.4")  # (1,000 * 41 + 1,500 * 20) / 2,500
    empty = await ar_metrics(books.org, date(2025, 1, 1), date(2025, 1, 31))
    assert empty.dso is None and empty.collection_effectiveness is None
    assert empty.average_days_to_pay is None
    with pytest.raises(DomainError):
        await ar_metrics(books.org, date(2026, 6, 30), date(2026, 6, 1))
