"""Demo invoices, payments, bills and bill payments for `ledgerline demo`.

Each document is keyed by a reference that is looked up first, so running the demo again adds
nothing. Foreign-currency customers and vendors are left without documents: the demo records
no exchange rates.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from server.access.control import AccessControl
from server.actor import Actor
from server.crm.models import Customer, Vendor
from server.documents.lines import LineDraft
from server.ledger.models import Account
from server.payables import bill_payments, bills
from server.payables.models import Bill
from server.receivables import invoices, payments
from server.receivables.models import Invoice, PaymentMethod

# customer email, reference, issue date, [(description, quantity, unit price, income code)],
# amount paid on it (None: unpaid)
INVOICES: list[tuple[str, str, str, list[tuple[str, str, str, str]], str | None]] = [
    (
        "owner@blueharbor.example",
        "DEMO-1",
        "2026-01-10",
        [("Espresso machine service", "1", "450.00", "4100")],
        "450.00",
    ),
    (
        "billing@fabrikam.example",
        "DEMO-2",
        "2026-01-20",
        [("Brand workshop", "2", "1200.00", "4100"), ("Print run", "500", "1.20", "4000")],
        "1000.00",
    ),
    (
        "accounts@greenfield.example",
        "DEMO-3",
        "2026-02-03",
        [("Irrigation sensors", "12", "89.90", "4000")],
        None,
    ),
    (
        "hello@copperkettle.example",
        "DEMO-4",
        "2026-02-14",
        [("Display fridge", "1", "380.00", "4000")],
        "380.00",
    ),
    (
        "treasurer@lumensolar.example",
        "DEMO-5",
        "2026-02-21",
        [("Site survey", "3", "650.00", "4100")],
        None,
    ),
    (
        "office@riversidedental.example",
        "DEMO-6",
        "2026-03-02",
        [("Network setup", "1", "2400.00", "4100")],
        "1200.00",
    ),
]

# vendor email, vendor's invoice number, bill date, [(description, amount, expense code)],
# amount paid (None: unpaid)
BILLS: list[tuple[str, str, str, list[tuple[str, str, str]], str | None]] = [
    (
        "orders@officesupplies.example",
        "OS-88121",
        "2026-01-08",
        [("Paper and toner", "312.40", "6200")],
        "312.40",
    ),
    (
        "billing@cloudhost.example",
        "CH-2026-01",
        "2026-01-31",
        [("Hosting, January", "189.00", "6700")],
        "189.00",
    ),
    (
        "billing@cloudhost.example",
        "CH-2026-02",
        "2026-02-28",
        [("Hosting, February", "189.00", "6700")],
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


async def load(owner: Actor, clerk_id: UUID, approver_id: UUID) -> tuple[int, int]:
    """Issue the demo invoices and approve the demo bills; returns how many were added."""
    codes = dict(await Account.filter(organization_id=owner.org).values_list("code", "id"))
    added_invoices = added_bills = 0
    for email, reference, day, lines, paid in INVOICES:
        customer = await Customer.get_or_none(organization_id=owner.org, email=email)
        if customer is None or await Invoice.exists(organization_id=owner.org, reference=reference):
            continue
        draft = await invoices.create(
            owner,
            invoices.InvoiceDraft(
                customer_id=customer.id,
                issue_date=date.fromisoformat(day),
                reference=reference,
                lines=tuple(
                    LineDraft(
                        description=text, quantity=qty, unit_price=price, account_id=codes[code]
                    )
                    for text, qty, price, code in lines
                ),
            ),
        )
        await invoices.issue(owner, draft.id, override_credit_limit=True)
        if paid is not None:
            await payments.record(
                owner,
                payments.PaymentInput(
                    customer_id=customer.id,
                    date=date.fromisoformat(day).replace(day=28),
                    amount=paid,
                    deposit_account_id=codes["1010"],
                    method=PaymentMethod.BANK_TRANSFER,
                    reference=f"PAY-{reference}",
                    allocations=(payments.AllocationRequest(invoice_id=draft.id, amount=paid),),
                ),
            )
        added_invoices += 1
    clerk, approver = _actor(owner, clerk_id, "ap_clerk"), _actor(owner, approver_id, "approver")
    access = AccessControl()
    await access.refresh()
    for email, reference, day, bill_lines, bill_paid in BILLS:
        vendor = await Vendor.get_or_none(organization_id=owner.org, email=email)
        if vendor is None or await Bill.exists(
            organization_id=owner.org, vendor_id=vendor.id, vendor_reference=reference
        ):
            continue
        result = await bills.create(
            clerk,
            bills.BillDraft(
                vendor_id=vendor.id,
                vendor_reference=reference,
                bill_date=date.fromisoformat(day),
                lines=[
                    LineDraft(description=text, unit_price=amount, account_id=codes[code])
                    for text, amount, code in bill_lines
                ],
                acknowledge_warnings=True,
            ),
        )
        assert result.bill is not None
        await bills.submit(clerk, result.bill.id)
        await bills.approve(access, approver, result.bill.id)
        if bill_paid is not None:
            await bill_payments.record(
                clerk,
                bill_payments.PaymentDraft(
                    vendor_id=vendor.id,
                    date=date.fromisoformat(day) + timedelta(days=10),
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
