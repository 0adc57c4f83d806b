"""Receivables data written straight to the tables, for report tests.

The reports read open items and allocations only; these helpers write them the way the
documents do (an open item with the document's id, allocations with base amounts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid4

from server.actor import Actor
from server.crm.models import Customer
from server.documents.models import Allocation, AllocationKind, Ledger, OpenItem, OpenItemKind
from server.identity import accounts as identity
from server.onboarding import organizations
from server.receivables.models import Dispute, DisputeReason, Invoice, InvoiceStatus


@dataclass
class Books:
    actor: Actor

    @property
    def org(self) -> UUID:
        return self.actor.org


async def new_books(currency: str = "USD") -> Books:
    system = Actor.system("tests")
    tag = uuid4().hex[:10]
    owner = await identity.create_user(system, f"ar-{tag}@example.com", "AR", "password-12345")
    org = await organizations.create_organization(system, owner, f"AR {tag}", currency)
    actor = Actor(
        kind="user", user_id=owner.id, organization_id=org.id, label=owner.email, roles=("owner",)
    )
    return Books(actor)


async def customer(
    books: Books, name: str, currency: str = "USD", credit_limit: int | None = None
) -> Customer:
    return await Customer.create(
        organization_id=books.org, name=name, currency=currency, credit_limit_minor=credit_limit
    )


async def invoice(
    books: Books,
    party: Customer,
    on: date,
    due: date,
    amount: int,
    base: int | None = None,
    *,
    number: str | None = None,
    voided_on: date | None = None,
) -> OpenItem:
    """An issued invoice and its open item (open now = amount, less later allocations)."""
    inv = await Invoice.create(
        organization_id=books.org,
        customer_id=party.id,
        number=number or f"INV-{uuid4().hex[:8]}",
        status=InvoiceStatus.VOID if voided_on else InvoiceStatus.ISSUED,
        currency=party.currency,
        issue_date=on,
        due_date=due,
        total_minor=amount,
        voided_on=voided_on,
    )
    base = amount if base is None else base
    return await OpenItem.create(
        id=inv.id,
        organization_id=books.org,
        ledger=Ledger.RECEIVABLE,
        kind=OpenItemKind.INVOICE,
        is_charge=True,
        party_id=party.id,
        number=inv.number,
        currency=party.currency,
        date=on,
        due_date=due,
        amount_minor=amount,
        base_amount_minor=base,
        open_minor=0 if voided_on else amount,
        open_base_minor=0 if voided_on else base,
        voided_on=voided_on,
    )


async def credit(
    books: Books,
    party: Customer,
    on: date,
    amount: int,
    base: int | None = None,
    *,
    kind: OpenItemKind = OpenItemKind.PAYMENT,
    voided_on: date | None = None,
) -> OpenItem:
    """A payment or credit note's open item (the document row itself is not needed)."""
    base = amount if base is None else base
    return await OpenItem.create(
        id=uuid4(),
        organization_id=books.org,
        ledger=Ledger.RECEIVABLE,
        kind=kind,
        is_charge=False,
        party_id=party.id,
        number=f"{kind.value[:3]}-{uuid4().hex[:6]}",
        currency=party.currency,
        date=on,
        due_date=on,
        amount_minor=amount,
        base_amount_minor=base,
        open_minor=0 if voided_on else amount,
        open_base_minor=0 if voided_on else base,
        voided_on=voided_on,
    )


async def allocate(
    books: Books,
    charge: OpenItem | None,
    credit_item: OpenItem | None,
    amount: int,
    on: date,
    *,
    kind: AllocationKind = AllocationKind.SETTLEMENT,
    charge_base: int | None = None,
    credit_base: int | None = None,
    reversed_on: date | None = None,
) -> Allocation:
    """An allocation; the items' current open amounts follow unless it was undone."""
    charge_base = (amount if charge else 0) if charge_base is None else charge_base
    credit_base = (amount if credit_item else 0) if credit_base is None else credit_base
    if reversed_on is None:
        for item, base in ((charge, charge_base), (credit_item, credit_base)):
            if item is not None:
                item.open_minor -= amount
                item.open_base_minor -= base
                await item.save(update_fields=["open_minor", "open_base_minor"])
    return await Allocation.create(
        organization_id=books.org,
        ledger=Ledger.RECEIVABLE,
        kind=kind,
        charge_id=charge.id if charge else None,
        credit_id=credit_item.id if credit_item else None,
        amount_minor=amount,
        charge_base_minor=charge_base,
        credit_base_minor=credit_base,
        date=on,
        reversed_on=reversed_on,
    )


async def dispute(
    books: Books, item: OpenItem, opened_on: date, resolved_on: date | None = None
) -> Dispute:
    return await Dispute.create(
        organization_id=books.org,
        invoice_id=item.id,
        reason=DisputeReason.PRICING,
        opened_on=opened_on,
        resolved_on=resolved_on,
    )
