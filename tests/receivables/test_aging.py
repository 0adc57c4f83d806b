"""arAging computed by server.documents.aging from open items, allocations and disputes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from server.documents.aging import AgingBasis, aging
from server.documents.models import AllocationKind, Ledger, OpenItemKind
from server.errors import DomainError, ErrorCode
from tests.receivables import factory as f

AS_OF = date(2026, 6, 30)


def days_ago(n: int) -> date:
    return AS_OF - timedelta(days=n)


async def test_aging_puts_charges_in_due_date_buckets() -> None:
    books = await f.new_books()
    acme = await f.customer(books, "Acme")
    # Due in the future, due today, 1, 30, 31, 60, 61, 90, 91 days overdue.
    for overdue, amount in [(-5, 1), (0, 2), (1, 4), (30, 8), (31, 16), (60, 32), (61, 64)]:
        await f.invoice(books, acme, days_ago(overdue + 30), days_ago(overdue), amount)
    await f.invoice(books, acme, days_ago(120), days_ago(90), 128)
    await f.invoice(books, acme, days_ago(121), days_ago(91), 256)
    report = await aging(books.org, Ledger.RECEIVABLE, AS_OF)
    assert [b.label for b in report.buckets] == ["Current", "1-30", "31-60", "61-90", "Over 90"]
    assert [(b.min_days, b.max_days) for b in report.buckets] == [
        (None, 0),
        (1, 30),
        (31, 60),
        (61, 90),
        (91, None),
    ]
    (row,) = report.rows
    assert row.name == "Acme" and row.party_id == acme.id
    assert row.buckets == (3, 12, 48, 192, 256)
    assert (row.disputed, row.unapplied_credits, row.total) == (0, 0, 511)
    assert report.totals.buckets == (3, 12, 48, 192, 256) and report.totals.total == 511
    assert report.currency == "USD" and report.basis == AgingBasis.DUE_DATE


async def test_aging_by_invoice_date_ages_from_the_document_date() -> None:
    books = await f.new_books()
    acme = await f.customer(books, "Acme")
    await f.invoice(books, acme, days_ago(0), days_ago(-30), 1)
    await f.invoice(books, acme, days_ago(30), days_ago(0), 2)
    await f.invoice(books, acme, days_ago(31), days_ago(1), 4)
    await f.invoice(books, acme, days_ago(95), days_ago(65), 8)
    report = await aging(books.org, Ledger.RECEIVABLE, AS_OF, AgingBasis.INVOICE_DATE)
    assert [b.label for b in report.buckets] == ["0-30", "31-60", "61-90", "Over 90"]
    assert report.rows[0].buckets == (3, 4, 0, 8)
    by_due = await aging(books.org, Ledger.RECEIVABLE, AS_OF, AgingBasis.DUE_DATE)
    assert by_due.rows[0].buckets == (3, 4, 0, 8, 0)


async def test_aging_with_custom_buckets() -> None:
    books = await f.new_books()
    acme = await f.customer(books, "Acme")
    for overdue, amount in [(0, 1), (7, 2), (8, 4), (14, 8), (15, 16)]:
        await f.invoice(books, acme, days_ago(overdue + 10), days_ago(overdue), amount)
    report = await aging(books.org, Ledger.RECEIVABLE, AS_OF, buckets=[7, 14])
    assert [b.label for b in report.buckets] == ["Current", "1-7", "8-14", "Over 14"]
    assert report.rows[0].buckets == (1, 2, 12, 16)


@pytest.mark.parametrize("buckets", [[], [0, 30], [30, 30], [60, 30], [-1], list(range(1, 20))])
async def test_aging_with_bad_buckets_is_refused(buckets: list[int]) -> None:
    books = await f.new_books()
    with pytest.raises(DomainError) as refused:
        await aging(books.org, Ledger.RECEIVABLE, AS_OF, buckets=buckets)
    assert refused.value.code == ErrorCode.INVALID and refused.value.field == ["buckets"]


async def test_aging_is_historical() -> None:
    books = await f.new_books()
    acme = await f.customer(books, "Acme")
    inv = await f.invoice(books, acme, date(2026, 5, 1), date(2026, 5, 31), 10_000)
    pay = await f.credit(books, acme, date(2026, 6, 10), 7_000)
    await f.allocate(books, inv, pay, 6_000, date(2026, 6, 15))
    await f.invoice(books, acme, date(2026, 7, 1), date(2026, 7, 31), 500)  # after as_of

    before = await aging(books.org, Ledger.RECEIVABLE, date(2026, 6, 9))
    assert before.rows[0].buckets == (0, 10_000, 0, 0, 0) and before.rows[0].total == 10_000
    paid_not_applied = await aging(books.org, Ledger.RECEIVABLE, date(2026, 6, 14))
    row = paid_not_applied.rows[0]
    assert (row.buckets[1], row.unapplied_credits, row.total) == (10_000, -7_000, 3_000)
    applied = await aging(books.org, Ledger.RECEIVABLE, AS_OF)
    row = applied.rows[0]
    assert row.buckets == (0, 4_000, 0, 0, 0)
    assert (row.unapplied_credits, row.total) == (-1_000, 3_000)
    nothing = await aging(books.org, Ledger.RECEIVABLE, date(2026, 4, 30))
    assert nothing.rows == [] and nothing.totals.total == 0


async def test_aging_shows_disputed_charges_apart_while_the_dispute_is_open() -> None:
    books = await f.new_books()
    acme = await f.customer(books, "Acme")
    inv = await f.invoice(books, acme, date(2026, 5, 1), date(2026, 5, 31), 900)
    await f.invoice(books, acme, date(2026, 5, 1), date(2026, 5, 31), 100)
    await f.dispute(books, inv, date(2026, 6, 5), resolved_on=date(2026, 6, 20))
    during = (await aging(books.org, Ledger.RECEIVABLE, date(2026, 6, 19))).rows[0]
    assert (during.buckets, during.disputed, during.total) == ((0, 100, 0, 0, 0), 900, 1_000)
    for day in (date(2026, 6, 4), date(2026, 6, 20)):
        row = (await aging(books.org, Ledger.RECEIVABLE, day)).rows[0]
        assert (row.buckets[1], row.disputed) == (1_000, 0)


async def test_aging_counts_voids_and_undone_allocations_until_the_day_before() -> None:
    books = await f.new_books()
    acme = await f.customer(books, "Acme")
    await f.invoice(
        books, acme, date(2026, 6, 1), date(2026, 6, 30), 300, voided_on=date(2026, 6, 10)
    )
    inv = await f.invoice(books, acme, date(2026, 6, 1), date(2026, 6, 30), 1_000)
    pay = await f.credit(books, acme, date(2026, 6, 2), 400)
    await f.allocate(books, inv, pay, 400, date(2026, 6, 3), reversed_on=date(2026, 6, 12))
    voided_pay = await f.credit(books, acme, date(2026, 6, 4), 50, voided_on=date(2026, 6, 11))
    assert voided_pay.voided_on is not None

    expected = {
        date(2026, 6, 1): (1_300, 0),
        date(2026, 6, 2): (1_300, -400),
        date(2026, 6, 3): (900, 0),
        date(2026, 6, 4): (900, -50),
        date(2026, 6, 9): (900, -50),
        date(2026, 6, 10): (600, -50),
        date(2026, 6, 11): (600, 0),
        date(2026, 6, 12): (1_000, -400),
    }
    for day, (charges, credits) in expected.items():
        row = (await aging(books.org, Ledger.RECEIVABLE, day)).rows[0]
        assert (sum(row.buckets), row.unapplied_credits) == (charges, credits), day
        assert row.total == charges + credits


async def test_aging_uses_base_amounts_and_write_offs() -> None:
    books = await f.new_books()
    eu = await f.customer(books, "Euro GmbH", currency="EUR")
    inv = await f.invoice(books, eu, date(2026, 6, 1), date(2026, 7, 1), 1_000, base=1_100)
    pay = await f.credit(books, eu, date(2026, 6, 5), 600, base=630)
    # The charge gives up 660 of base, the payment 630: the difference is a realized gain.
    await f.allocate(books, inv, pay, 600, date(2026, 6, 5), charge_base=660, credit_base=630)
    await f.allocate(books, inv, None, 100, date(2026, 6, 6), kind=AllocationKind.WRITE_OFF)
    note = await f.credit(books, eu, date(2026, 6, 7), 50, base=52, kind=OpenItemKind.CREDIT_NOTE)
    await f.allocate(books, None, note, 20, date(2026, 6, 8), kind=AllocationKind.REFUND)
    row = (await aging(books.org, Ledger.RECEIVABLE, AS_OF)).rows[0]
    assert row.buckets == (340, 0, 0, 0, 0)
    assert row.unapplied_credits == -(52 - 20)
    assert row.total == 340 - 32


async def test_aging_rows_per_customer_by_name_and_only_this_organization() -> None:
    books = await f.new_books()
    other = await f.new_books()
    zed, abe = await f.customer(books, "Zed"), await f.customer(books, "Abe")
    settled = await f.customer(books, "Settled")
    stranger = await f.customer(other, "Stranger")
    await f.invoice(books, zed, days_ago(10), days_ago(5), 70)
    await f.invoice(books, abe, days_ago(10), days_ago(-5), 30)
    inv = await f.invoice(books, settled, days_ago(10), days_ago(5), 25)
    pay = await f.credit(books, settled, days_ago(9), 25)
    await f.allocate(books, inv, pay, 25, days_ago(8))
    await f.invoice(other, stranger, days_ago(10), days_ago(5), 999)
    report = await aging(books.org, Ledger.RECEIVABLE, AS_OF)
    assert [(r.name, r.total) for r in report.rows] == [("Abe", 30), ("Zed", 70)]
    assert report.totals.buckets == (30, 70, 0, 0, 0) and report.totals.total == 100
    payables = await aging(books.org, Ledger.PAYABLE, AS_OF)
    assert payables.rows == [] and payables.totals.total == 0
