"""Demo invoices, payments, bills and bill payments for `ledgerline demo`.

Each document is keyed by a reference that is looked up first, so running the demo again adds
nothing. Dates count back from the day the demo is loaded: some invoices are paid, some
current, some overdue in each aging bucket, and one customer and one vendor deal in euros
(the demo records rates for its foreign currencies).
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from server.access.control import AccessControl
from server.actor import Actor
from server.crm.models import Customer, Vendor
from server.documents.lines import LineDraft
from server.ledger.models import Account
from server.payables import bill_approval, bill_inputs, bill_payments, bills
from server.payables.models import Bill
from server.receivables import invoice_issue, invoices, payment_input, payments
from server.receivables.models import Invoice, PaymentMethod

# customer email, reference, days before today it was issued,
# [(description, quantity, unit price, income code)],
# (amount paid on it, days after issue it was paid) or None: unpaid
INVOICES: list[tuple[str, str, int, list[tuple[str, str, str, str]], tuple[str, int] | None]] = [
    (
        "owner@blueharbor.example",
        "DEMO-1",
        120,
        [("Espresso machine service", "1", "450.00", "4100")],
        ("450.00", 12),
    ),
    (
        "billing@fabrikam.example",
        "DEMO-2",
        100,
        [("Brand workshop", "2", "1200.00", "4100"), ("Print run", "500", "1.20", "4000")],
        ("1000.00", 25),
    ),
    (
        "accounts@greenfield.example",
        "DEMO-3",
        75,
        [("Irrigation sensors", "12", "89.90", "4000")],
        None,
    ),
    (
        "hello@copperkettle.example",
        "DEMO-4",
        60,
        [("Display fridge", "1", "380.00", "4000")],
        ("380.00", 5),
    ),
    (
        "treasurer@lumensolar.example",
        "DEMO-5",
        40,
        [("Site survey", "3", "650.00", "4100")],
        None,
    ),
    (
        "office@riversidedental.example",
        "DEMO-6",
        20,
        [("Network setup", "1", "2400.00", "4100")],
        ("1200.00", 10),
    ),
    (
        "buchhaltung@alpine.example",
        "DEMO-7",
        12,
        [("Trail running jackets", "30", "85.00", "4000")],
        None,
    ),
    (
        "ap@northwind.example",
        "DEMO-8",
        5,
        [("Quarterly supply contract", "1", "3200.00", "4000")],
        None,
    ),
]

# vendor email, vendor's invoice number, days before today it was dated,
# [(description, amount, expense code)], amount paid ten days after (None: unpaid)
BILLS: list[tuple[str, str, int, list[tuple[str, str, str]], str | None]] = [
    (
        "orders@officesupplies.example",
        "OS-88121",
        110,
        [("Paper and toner", "312.40", "6200")],
        "312.40",
    ),
    (
        "billing@cloudhost.example",
        "CH-2026-01",
        65,
        [("Hosting", "189.00", "6700")],
        "189.00",
    ),
    (
        "billing@cloudhost.example",
        "CH-2026-02",
        35,
        [("Hosting", "189.00", "6700")],
        None,
    ),
    (
        "faktura@nordicpaper.example",
        "NP-5521",
        25,
        [("Recycled paper stock", "980.00", "6200")],
        None,
    ),
]


def _actor(owner: Actor, user_id: UUID, role: str) -> Actor:
    return Actor(
        kind="user",
        user_id=user_id,
        organization_id=owner.org,
        label=f"{role}@demo",
        roles=(role,),
    )


async def load(owner: Actor, clerk_id: UUID, approver_id: UUID, today: date) -> tuple[int, int]:
    """Issue the demo invoices and approve the demo bills; returns how many were added."""
    codes = dict(await Account.filter(organization_id=owner.org).values_list("code", "id"))
    added_invoices = added_bills = 0
    for email, reference, days, lines, paid in INVOICES:
        issued_on = today - timedelta(days=days)
        customer = await Customer.get_or_none(organization_id=owner.org, email=email)
        if customer is None or await Invoice.exists(organization_id=owner.org, reference=reference):
            continue
        draft = await invoices.create(
            owner,
            invoices.InvoiceDraft(
                customer_id=customer.id,
                issue_date=issued_on,
                reference=reference,
                lines=tuple(
                    LineDraft(
                        description=text, quantity=qty, unit_price=price, account_id=codes[code]
                    )
                    for text, qty, price, code in lines
                ),
            ),
        )
        await invoice_issue.issue(owner, draft.id, override_credit_limit=True)
        if paid is not None:
            amount, after = paid
            await payments.record(
                owner,
                payment_input.PaymentInput(
                    customer_id=customer.id,
                    date=min(issued_on + timedelta(days=after), today),
                    amount=amount,
                    deposit_account_id=codes["1010"],
                    method=PaymentMethod.BANK_TRANSFER,
                    reference=f"PAY-{reference}",
                    allocations=(
                        payment_input.AllocationRequest(invoice_id=draft.id, amount=amount),
                    ),
                ),
            )
        added_invoices += 1
    clerk, approver = _actor(owner, clerk_id, "ap_clerk"), _actor(owner, approver_id, "approver")
    access = AccessControl()
    await access.refresh()
    for email, reference, days, bill_lines, bill_paid in BILLS:
        dated = today - timedelta(days=days)
        vendor = await Vendor.get_or_none(organization_id=owner.org, email=email)
        if vendor is None or await Bill.exists(
            organization_id=owner.org, vendor_id=vendor.id, vendor_reference=reference
        ):
            continue
        result = await bills.create(
            clerk,
            bill_inputs.BillDraft(
                vendor_id=vendor.id,
                vendor_reference=reference,
                bill_date=dated,
                lines=[
                    LineDraft(description=text, unit_price=amount, account_id=codes[code])
                    for text, amount, code in bill_lines
                ],
                acknowledge_warnings=True,
            ),
        )
        assert result.bill is not None
        await bills.submit(clerk, result.bill.id)
        await bill_approval.approve(access, approver, result.bill.id)
        if bill_paid is not None:
            await bill_payments.record(
                clerk,
                bill_payments.PaymentDraft(
                    vendor_id=vendor.id,
                    date=min(dated + timedelta(days=10), today),
                    amount=bill_paid,
                    currency=vendor.currency,
                    method=PaymentMethod.BANK_TRANSFER,
                    bank_account_id=codes["1010"],
                    allocations=(
                        bill_payments.AllocationDraft(bill_id=result.bill.id, amount=bill_paid),
                    ),
                ),
            )
        added_bills += 1
    return added_invoices, added_bills
