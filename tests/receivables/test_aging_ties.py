"""The receivables aging ties to the receivables control account over random histories."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Coroutine
from datetime import date, timedelta
from typing import Any, TypeVar
from uuid import UUID

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from tortoise.expressions import Q

from server.documents import entries
from server.documents.aging import AgingBasis, aging
from server.documents.lines import LineDraft
from server.documents.models import Allocation, AllocationKind, Ledger, OpenItem
from server.errors import DomainError, ErrorCode
from server.ledger import manual, rates, reports
from server.ledger.models import Account, JournalEntry
from server.money import Money
from server.receivables import invoice_issue, invoice_status, invoices, payments
from server.receivables.invoices import InvoiceDraft
from server.receivables.models import Invoice, InvoiceStatus, Payment, PaymentStatus
from server.receivables.payment_input import AllocationRequest, PaymentInput
from tests.receivables import factory as f
from tests.refusals import refused_as

T = TypeVar("T")
START = date(2026, 1, 1)
_loop: asyncio.AbstractEventLoop | None = None


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on the test's event loop from the hypothesis worker thread."""
    assert _loop is not None
    return asyncio.run_coroutine_threadsafe(coro, _loop).result(timeout=120)


def text(minor: int) -> str:
    return str(Money.from_minor(minor, "USD").amount)


# Rates that move both ways, so allocations realize gains and losses.
EUR_RATES = ((0, "1.1000"), (17, "1.1734"), (41, "0.9521"), (88, "1.0833"), (150, "1.2290"))


async def open_books(currency: str = "USD") -> tuple[f.Books, list[UUID], UUID, UUID, UUID]:
    books = await f.new_books()
    customers = [(await f.customer(books, name, currency)).id for name in ("Ann", "Bob")]
    if currency != "USD":
        for offset, rate in EUR_RATES:
            await rates.set_rate(books.actor, currency, START + timedelta(days=offset), rate)
    accounts = {a.code: a.id for a in await Account.filter(organization_id=books.org)}
    control = await entries.control_account(books.org, Ledger.RECEIVABLE)
    return books, customers, accounts["4000"], accounts["1010"], control.id


class AgingTiesMachine(RuleBasedStateMachine):
    """Invoices, payments with allocations, unallocations, voids and write-offs, in date order."""

    CURRENCY = "USD"

    @initialize()
    def start(self) -> None:
        self.books, self.customers, self.income, self.bank, self.control = run(
            open_books(self.CURRENCY)
        )
        self.day = START
        self.invoices: list[UUID] = []
        self.payments: list[UUID] = []
        self.allocated = 0  # allocations made in this history, for the unallocate rule
        self.checked: list[date] = []
        # Every history starts from an invoice part paid three weeks later (at another rate in
        # euros), so no example is empty whichever rules the random part draws.
        self.issue_invoice(who=0, amount=10_000, due_in=30, wait=0)
        self.record_payment(who=0, amount=6_000, shares=[60], wait=20)

    def later(self, days: int) -> date:
        self.day += timedelta(days=days)
        return self.day

    @rule(
        who=st.integers(0, 1),
        amount=st.integers(1, 10**7),
        due_in=st.integers(0, 60),
        wait=st.integers(0, 15),
    )
    def issue_invoice(self, who: int, amount: int, due_in: int, wait: int) -> None:
        on = self.later(wait)
        draft = InvoiceDraft(
            customer_id=self.customers[who],
            issue_date=on,
            due_date=on + timedelta(days=due_in),
            lines=(LineDraft(description="Work", unit_price=text(amount), account_id=self.income),),
        )

        async def go() -> UUID:
            created = await invoices.create(self.books.actor, draft)
            await invoice_issue.issue(self.books.actor, created.id, override_credit_limit=True)
            return created.id

        self.invoices.append(run(go()))

    @precondition(lambda self: bool(self.invoices))
    @rule(
        who=st.integers(0, 1),
        amount=st.integers(1, 10**7),
        shares=st.lists(st.integers(1, 100), min_size=1, max_size=3),
        wait=st.integers(0, 15),
    )
    def record_payment(self, who: int, amount: int, shares: list[int], wait: int) -> None:
        on = self.later(wait)

        async def go() -> None:
            # The customer drawn if it owes anything, else whoever does.
            # Invoices a payment may settle: open ones (an allocation taken back from a
            # written-off invoice leaves a balance on it, but it takes no payment).
            payable = await Invoice.filter(
                id__in=self.invoices, status__in=invoice_status.OPEN_STATUSES
            ).values_list("id", flat=True)
            owing = await OpenItem.filter(id__in=list(payable), open_minor__gt=0).order_by(
                "date", "id"
            )
            parties = [i.party_id for i in owing]
            customer = self.customers[who]
            if parties and customer not in parties:
                customer = parties[0]
            items = [i for i in owing if i.party_id == customer]
            left, requests = amount, []
            for item, share in zip(items, shares, strict=False):
                take = min(left, max(1, item.open_minor * share // 100))
                if take <= 0:
                    break
                requests.append(AllocationRequest(invoice_id=item.id, amount=text(take)))
                left -= take
            paid = await payments.record(
                self.books.actor,
                PaymentInput(
                    customer_id=customer,
                    date=on,
                    amount=text(amount),
                    deposit_account_id=self.bank,
                    allocations=tuple(requests),
                ),
            )
            self.payments.append(paid.id)
            self.allocated += len(requests)

        # Each part is within what its invoice owes and all within the payment.
        with refused_as(None):
            run(go())

    @precondition(lambda self: self.allocated > 0)
    @rule(pick=st.integers(0, 10**6), wait=st.integers(0, 10))
    def unallocate(self, pick: int, wait: int) -> None:
        on = self.later(wait)

        async def go() -> None:
            live = await Allocation.filter(
                organization_id=self.books.org,
                kind=AllocationKind.SETTLEMENT,
                reversed_on__isnull=True,
            ).order_by("created_at", "id")
            if live:
                await payments.unallocate(self.books.actor, live[pick % len(live)].id, on)

        run(go())

    @rule(pick=st.integers(0, 10**6), wait=st.integers(0, 10))
    def void_invoice(self, pick: int, wait: int) -> None:
        if self.invoices:
            on = self.later(wait)
            target = self.invoices[pick % len(self.invoices)]
            with refused_as(run(_void_refusal(target))):
                run(invoices.void(self.books.actor, target, on))

    @rule(pick=st.integers(0, 10**6), wait=st.integers(0, 10))
    def write_off(self, pick: int, wait: int) -> None:
        if self.invoices:
            on = self.later(wait)
            target = self.invoices[pick % len(self.invoices)]
            status = run(_invoice_status(target))
            expected = None if status in invoice_status.OPEN_STATUSES else ErrorCode.INVALID_STATUS
            with refused_as(expected):
                run(invoices.write_off(self.books.actor, target, on))

    @rule(pick=st.integers(0, 10**6), wait=st.integers(0, 10))
    def void_payment(self, pick: int, wait: int) -> None:
        if self.payments:
            on = self.later(wait)
            target = self.payments[pick % len(self.payments)]
            voided = run(_payment_status(target)) == PaymentStatus.VOID
            # Dates only move forward and nothing is refunded: only a second void is refused.
            with refused_as(ErrorCode.INVALID_STATUS if voided else None):
                run(payments.void(self.books.actor, target, on))

    @rule(pick=st.integers(0, 10**6), wait=st.integers(0, 10))
    def reverse_a_document_entry_by_hand(self, pick: int, wait: int) -> None:
        """Refused whatever the document: its own operations correct it."""
        on = self.later(wait)

        async def go() -> None:
            posted = await JournalEntry.filter(organization_id=self.books.org).order_by("number")
            target = posted[pick % len(posted)]
            with pytest.raises(DomainError) as refused:
                await manual.reverse_entry(self.books.actor, target.id, on)
            assert refused.value.code == ErrorCode.DOCUMENT_ENTRY, target.source_type

        run(go())

    @invariant()
    def aging_equals_control_account(self) -> None:
        for as_of in {self.day, self.day - timedelta(days=9), START}:
            for basis in AgingBasis:
                report = run(aging(self.books.org, Ledger.RECEIVABLE, as_of, basis, [7, 45]))
                sums = run(reports.totals_by_account(self.books.actor, None, as_of))
                debit, credit = sums.get(self.control, (0, 0))
                assert report.totals.total == debit - credit, (as_of, basis)
                assert report.totals.total == sum(r.total for r in report.rows)


async def _invoice_status(invoice_id: UUID) -> InvoiceStatus:
    return (await Invoice.get(id=invoice_id)).status


async def _payment_status(payment_id: UUID) -> PaymentStatus:
    return (await Payment.get(id=payment_id)).status


async def _void_refusal(invoice_id: UUID) -> ErrorCode | None:
    """Why voiding the invoice must be refused, if it must (dates only move forward, so
    never for its date)."""
    invoice = await Invoice.get(id=invoice_id)
    if invoice.status in (InvoiceStatus.VOID, InvoiceStatus.WRITTEN_OFF, InvoiceStatus.PAID):
        return ErrorCode.INVALID_STATUS
    if await Allocation.filter(
        Q(charge_id=invoice_id) | Q(credit_id=invoice_id), reversed_on__isnull=True
    ).exists():
        return ErrorCode.HAS_ALLOCATIONS
    return None


class ForeignAgingTiesMachine(AgingTiesMachine):
    """The same in euros on books kept in dollars: every allocation meets another rate."""

    CURRENCY = "EUR"


async def _run(machine_class: type[AgingTiesMachine], examples: int) -> None:
    global _loop
    _loop = asyncio.get_running_loop()
    machine = machine_class.TestCase
    machine.settings = settings(
        max_examples=examples,
        stateful_step_count=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    context = contextvars.copy_context()
    await asyncio.to_thread(context.run, lambda: machine().runTest())


async def test_random_receivables_histories_tie_aging_to_the_control_account() -> None:
    await _run(AgingTiesMachine, 12)


async def test_random_foreign_currency_histories_tie_aging_to_the_control_account() -> None:
    await _run(ForeignAgingTiesMachine, 10)
