"""Payables invariants under random histories of bills, payments, bill voids and payment
voids."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Coroutine
from datetime import date, timedelta
from typing import Any, TypeVar
from uuid import UUID, uuid4

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from server.access.control import AccessControl
from server.actor import Actor
from server.crm.models import Vendor
from server.documents.lines import LineDraft
from server.documents.models import Allocation, OpenItem
from server.errors import DomainError, ErrorCode
from server.identity import accounts as identity
from server.ledger import manual, reports
from server.ledger.models import Account, JournalEntry
from server.money import Money
from server.onboarding import organizations
from server.payables import bill_approval, bill_inputs, bill_payments, bills
from server.payables.models import Bill, BillPayment, BillPaymentStatus, BillStatus
from server.receivables.models import PaymentMethod
from tests.refusals import refused_as

T = TypeVar("T")
START = date(2026, 1, 1)
_loop: asyncio.AbstractEventLoop | None = None


def run(coro: Coroutine[Any, Any, T]) -> T:
    assert _loop is not None
    return asyncio.run_coroutine_threadsafe(coro, _loop).result(timeout=120)


async def _books() -> tuple[Actor, Actor, UUID, dict[str, Account]]:
    system = Actor.system("tests")
    tag = uuid4().hex[:10]
    owner = await identity.create_user(system, f"ap-{tag}@example.com", "AP", "password-12345")
    org = await organizations.create_organization(system, owner, f"AP {tag}", "USD")
    approver = await identity.create_user(system, f"ok-{tag}@example.com", "OK", "password-12345")
    await identity.add_member(system, org, approver, ["approver"])
    clerk = Actor(kind="user", user_id=owner.id, organization_id=org.id, roles=("owner",))
    boss = Actor(kind="user", user_id=approver.id, organization_id=org.id, roles=("approver",))
    vendor = await Vendor.create(organization_id=org.id, name="Vendor", currency="USD")
    chart = {a.code: a for a in await Account.filter(organization_id=org.id)}
    return clerk, boss, vendor.id, chart


async def _open_items(organization_id: UUID) -> list[OpenItem]:
    return await OpenItem.filter(organization_id=organization_id, ledger="PAYABLE")


class PayablesMachine(RuleBasedStateMachine):
    @initialize()
    def open_books(self) -> None:
        self.clerk, self.boss, self.vendor, self.chart = run(_books())
        self.access = AccessControl()
        run(self.access.refresh())
        self.bills: list[UUID] = []
        self.payments: list[UUID] = []
        self.count = 0

    @rule(cents=st.integers(min_value=1, max_value=10**7), day=st.integers(0, 60))
    def approve_bill(self, cents: int, day: int) -> None:
        self.count += 1
        draft = bill_inputs.BillDraft(
            vendor_id=self.vendor,
            vendor_reference=f"H-{self.count}",
            bill_date=START + timedelta(days=day),
            lines=[
                LineDraft(
                    description="Goods",
                    unit_price=str(Money.from_minor(cents, "USD").amount),
                    account_id=self.chart["6000"].id,
                )
            ],
            acknowledge_warnings=True,
        )
        created = run(bills.create(self.clerk, draft))
        assert created.bill is not None
        run(bills.submit(self.clerk, created.bill.id))
        run(bill_approval.approve(self.access, self.boss, created.bill.id))
        self.bills.append(created.bill.id)

    @rule(
        data=st.data(),
        cents=st.integers(min_value=1, max_value=10**7),
        extra=st.integers(min_value=0, max_value=10**5),
    )
    def pay(self, data: st.DataObject, cents: int, extra: int) -> None:
        allocations = []
        if self.bills:
            bill_id = data.draw(st.sampled_from(self.bills))
            allocations.append(
                bill_payments.AllocationDraft(bill_id, str(Money.from_minor(cents, "USD").amount))
            )
        draft = bill_payments.PaymentDraft(
            vendor_id=self.vendor,
            date=date(2026, 6, 30),
            amount=str(Money.from_minor(cents + extra, "USD").amount),
            currency="USD",
            method=PaymentMethod.BANK_TRANSFER,
            bank_account_id=self.chart["1010"].id,
            allocations=allocations,
        )
        expected = run(_payment_refusal(allocations[0].bill_id, cents)) if allocations else None
        with refused_as(expected):
            payment = run(bill_payments.record(self.clerk, draft))
            self.payments.append(payment.id)

    @rule(data=st.data())
    def void_payment(self, data: st.DataObject) -> None:
        if not self.payments:
            return
        payment_id = data.draw(st.sampled_from(self.payments))
        voided = run(_payment_status(payment_id)) == BillPaymentStatus.VOID
        with refused_as(ErrorCode.INVALID_STATUS if voided else None):
            run(bill_payments.void(self.clerk, payment_id, date(2026, 7, 1)))

    @rule(data=st.data())
    def void(self, data: st.DataObject) -> None:
        if not self.bills:
            return
        bill_id = data.draw(st.sampled_from(self.bills))
        with refused_as(run(_void_refusal(bill_id))):
            run(bills.void(self.boss, bill_id, date(2026, 7, 1), None))

    @rule(pick=st.integers(0, 10**6))
    def reverse_a_document_entry_by_hand(self, pick: int) -> None:
        """Refused whatever the document: its own operations correct it."""

        async def go() -> None:
            posted = await JournalEntry.filter(organization_id=self.clerk.org).order_by("number")
            if not posted:
                return
            target = posted[pick % len(posted)]
            with pytest.raises(DomainError) as refused:
                await manual.reverse_entry(self.clerk, target.id, date(2026, 7, 1))
            assert refused.value.code == ErrorCode.DOCUMENT_ENTRY, target.source_type

        run(go())

    @invariant()
    def control_account_equals_open_items(self) -> None:
        if not hasattr(self, "clerk"):
            return
        end = date(2026, 12, 31)
        tb = run(reports.trial_balance(self.clerk, end))
        assert tb.total_debit == tb.total_credit
        balances = run(reports.account_balances(self.clerk, end))
        control = self.chart["2000"]
        items = run(_open_items(self.clerk.org))
        owed = sum(i.open_base_minor * (1 if i.is_charge else -1) for i in items)
        assert owed >= 0 or any(not i.is_charge for i in items)
        assert all(0 <= i.open_minor <= i.amount_minor for i in items)
        balance = balances.get(control.id)
        assert (balance.minor if balance else 0) == owed


async def _payment_refusal(bill_id: UUID, cents: int) -> ErrorCode | None:
    """Why paying `cents` to the bill must be refused, if it must."""
    bill = await Bill.get(id=bill_id)
    if bill.status not in bill_payments.PAYABLE_STATUSES:
        return ErrorCode.INVALID_STATUS
    item = await OpenItem.get(id=bill_id)
    return ErrorCode.EXCEEDS_OPEN_BALANCE if cents > item.open_minor else None


async def _payment_status(payment_id: UUID) -> BillPaymentStatus:
    return (await BillPayment.get(id=payment_id)).status


async def _void_refusal(bill_id: UUID) -> ErrorCode | None:
    """Why voiding the bill must be refused, if it must (every void is dated after every
    bill and payment, so never for its date)."""
    bill = await Bill.get(id=bill_id)
    if bill.status == BillStatus.VOID:
        return ErrorCode.INVALID_STATUS
    if await Allocation.filter(charge_id=bill_id, reversed_on__isnull=True).exists():
        return ErrorCode.HAS_ALLOCATIONS
    return None


async def test_random_bill_histories_keep_the_payables_account_equal_to_open_items() -> None:
    global _loop
    _loop = asyncio.get_running_loop()
    machine = PayablesMachine.TestCase
    machine.settings = settings(
        max_examples=8,
        stateful_step_count=10,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    context = contextvars.copy_context()
    await asyncio.to_thread(context.run, lambda: machine().runTest())
