"""GraphQL types of receivables: invoices, payments and their allocations."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Self
from uuid import UUID

import strawberry
from strawberry import relay

from schema.context import Info
from schema.crm import loaders as crm_loaders
from schema.crm.types import Customer, payment_terms_of
from schema.ledger import loaders as ledger_loaders
from schema.ledger.types import Account, JournalEntry
from schema.pdf.urls import document_url
from schema.permissions import authorize, requires
from schema.prefetch import joined_with_page, missing, node_fields, ready
from schema.reads import lookup
from schema.receivables import enums as _enums  # noqa: F401 - registers the enums first
from schema.receivables import loaders
from schema.receivables.lines import InvoiceLine
from schema.scalars import CurrencyCode, Money, Percent
from server import clock
from server.crm.models import Customer as CustomerModel
from server.documents import models as doc_models
from server.fixed_point import plain_decimal
from server.pdf.signed import DocumentRef
from server.receivables import models, overdue
from server.receivables.reads import INVOICE, PAYMENT
from server.sql import Joined

if TYPE_CHECKING:
    from schema.documents.types import PaymentTerms
    from schema.receivables.reminders import InvoiceReminder

Day = date  # for annotations inside types that have a field named `date`


def _uuids(raw: Iterable[str]) -> list[UUID]:
    out = []
    for value in raw:
        try:
            out.append(UUID(value))
        except ValueError:
            continue
    return out


def _customer(found: CustomerModel | None) -> Customer | None:
    return Customer.from_model(found) if found else None


@strawberry.type(description="An amount applied between a charge and a credit, or closed.")
class Allocation(relay.Node):
    id: relay.NodeID[str]
    kind: doc_models.AllocationKind = strawberry.field(description="What the allocation did.")
    amount: Money = strawberry.field(description="The amount applied, in the documents' currency.")
    date: Day = strawberry.field(description="When it took effect.")
    reversed_on: Day | None = strawberry.field(
        description="When it was undone; null while it stands."
    )
    memo: str | None = strawberry.field(description="Narrative.")
    charge_id: strawberry.Private[UUID | None]
    credit_id: strawberry.Private[UUID | None]

    @requires("invoice", "read", description="The invoice it applies to (null for refunds).")
    async def invoice(self, info: Info) -> Invoice | None:
        if self.charge_id is None:
            return None
        found = await loaders.invoices(info.context).load(self.charge_id)
        return Invoice.from_model(found) if found else None

    @requires("payment", "read", description="The payment applied, when the credit is a payment.")
    async def payment(self, info: Info) -> Payment | None:
        if self.credit_id is None:
            return None
        found = await loaders.payments(info.context).load(self.credit_id)
        return Payment.from_model(found) if found else None

    @classmethod
    def from_model(cls, a: doc_models.Allocation, currency: str) -> Self:
        return cls(
            id=str(a.id),
            kind=a.kind,
            amount=Money.of(a.amount_minor, currency),
            date=a.date,
            reversed_on=a.reversed_on,
            memo=a.memo,
            charge_id=a.charge_id,
            credit_id=a.credit_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Allocation | None]:
        ids = list(node_ids)
        await authorize(info.context, "payment", "read")
        org = info.context.signed_in().org
        rows = await doc_models.Allocation.filter(
            id__in=_uuids(ids), organization_id=org, ledger=doc_models.Ledger.RECEIVABLE
        )
        items = {
            o.id: o
            for o in await doc_models.OpenItem.filter(
                id__in=[r.charge_id or r.credit_id for r in rows]
            )
        }
        found = {str(r.id): r for r in rows}
        out: list[Allocation | None] = []
        for i in ids:
            row = found.get(i)
            item = items.get(row.charge_id or row.credit_id) if row else None  # type: ignore[arg-type]
            out.append(cls.from_model(row, item.currency) if row and item else None)
        return out


@strawberry.type(description="A request for payment sent to a customer.")
class Invoice(relay.Node):
    id: relay.NodeID[str]
    # The id as stored: loaders are keyed on it, and parsing it per field costs.
    uuid: strawberry.Private[UUID]
    number: str | None = strawberry.field(
        description="Gapless number in the organization, given when issued (INV-000001)."
    )
    status: models.InvoiceStatus = strawberry.field(description="Where the invoice stands.")
    currency: CurrencyCode = strawberry.field(description="The customer's currency.")
    issue_date: date = strawberry.field(description="Invoice date; the date it posts on.")
    due_date: date | None = strawberry.field(
        description="When payment is due; set from the terms when issued unless given."
    )
    reference: str | None = strawberry.field(description="The customer's order number.")
    memo: str | None = strawberry.field(description="Note printed on the invoice.")
    subtotal: Money = strawberry.field(description="Sum of the lines' net amounts.")
    tax: Money = strawberry.field(description="Sum of the lines' tax.")
    total: Money = strawberry.field(description="Subtotal plus tax.")
    discount_percent: Percent | None = strawberry.field(
        description="Early-payment discount offered by the terms, percent."
    )
    discount_until: date | None = strawberry.field(
        description="Last day the early-payment discount holds."
    )
    credit_limit_overridden: bool = strawberry.field(
        description="Issued beyond the customer's credit limit by someone allowed to."
    )
    voided_on: date | None = strawberry.field(description="When it was voided.")
    written_off_on: date | None = strawberry.field(description="When it was written off.")
    created_at: datetime = strawberry.field(description="When the draft was created.")
    issued_at: datetime | None = strawberry.field(description="When it was issued.")
    customer_id: strawberry.Private[UUID]
    entry_id: strawberry.Private[UUID | None]
    total_minor: strawberry.Private[int]
    payment_terms_id: strawberry.Private[UUID | None] = None

    @requires("customer", "read", description="Who the invoice is to.")
    def customer(self, info: Info) -> Customer | None:
        return ready(crm_loaders.customers(info.context), self.customer_id, _customer)

    @requires(
        "item",
        "read",
        description="Named payment terms chosen for this invoice; null where the customer's "
        "terms or days decide its due date.",
    )
    async def payment_terms(
        self, info: Info
    ) -> Annotated[PaymentTerms, strawberry.lazy("schema.documents.types")] | None:
        return await payment_terms_of(info, self.payment_terms_id)

    @strawberry.field(description="The lines, in order.")
    def lines(self, info: Info) -> list[InvoiceLine]:
        return ready(
            loaders.invoice_details(info.context),
            self.uuid,
            lambda details: [InvoiceLine.from_model(r, self.currency) for r in details[1]],
        )

    @strawberry.field(
        description="What is still owed: the total less payments, credits and write-offs."
    )
    def amount_due(self, info: Info) -> Money:
        # The rule is the read model's (server.receivables.reads), read through the loader.
        return ready(
            loaders.invoice_details(info.context),
            self.uuid,
            lambda details: Money.of(details[0] or 0, self.currency),
        )

    @requires(
        "invoice",
        "read",
        description="A URL that serves the invoice as a PDF for five minutes, to whoever "
        "holds it; ask again for a fresh one.",
    )
    def pdf_url(self, info: Info) -> str | None:
        ref = DocumentRef("invoice", info.context.signed_in().org, self.uuid)
        return document_url(info.context, ref)

    @strawberry.field(description="Whether money is still owed after the due date.")
    def is_overdue(
        self,
        info: Info,
        as_of: Annotated[
            date | None, strawberry.argument(description="The day to judge on; today if omitted.")
        ] = None,
    ) -> bool:
        if not self._may_be_overdue():
            return False
        return ready(
            loaders.invoice_details(info.context),
            self.uuid,
            lambda details: self._days_overdue(details[0], as_of) > 0,
        )

    @strawberry.field(description="Days past the due date with money owed; 0 when not overdue.")
    def days_overdue(
        self,
        info: Info,
        as_of: Annotated[
            date | None, strawberry.argument(description="The day to judge on; today if omitted.")
        ] = None,
    ) -> int:
        if not self._may_be_overdue():
            return 0
        return ready(
            loaders.invoice_details(info.context),
            self.uuid,
            lambda details: self._days_overdue(details[0], as_of),
        )

    def _may_be_overdue(self) -> bool:
        return overdue.may_be_overdue(self.status, self.due_date)

    def _days_overdue(self, due_minor: int | None, as_of: date | None) -> int:
        return overdue.days_overdue(self.status, self.due_date, due_minor, as_of or clock.today())

    @classmethod
    async def prefetch(cls, info: Info, page: list[Invoice]) -> None:
        """Load what the selected row fields read, one statement per batch, before they run."""
        fields = node_fields(info)
        loads: list[Awaitable[Any]] = []
        if "customer" in fields:
            customers = crm_loaders.customers(info.context)
            loads.append(customers.load_many(missing(customers, (i.customer_id for i in page))))
        if fields & {"lines", "amountDue", "isOverdue", "daysOverdue"}:
            details = loaders.invoice_details(info.context)
            loads.append(details.load_many(missing(details, (i.uuid for i in page))))
        await asyncio.gather(*loads)

    @classmethod
    def customers_with_page(cls, info: Info) -> dict[str, Any]:
        """paginate_sql's arguments to read the customers of a page with the page itself."""
        loader = crm_loaders.customers(info.context)
        return joined_with_page(info, "customer", loader, Joined(CustomerModel, "customer_id"))

    @strawberry.field(description="Payments, credits and write-offs applied, oldest first.")
    async def allocations(self, info: Info) -> list[Allocation]:
        rows = await loaders.allocations(info.context).load(self.uuid)
        return [Allocation.from_model(a, self.currency) for a in rows]

    @requires("journal", "read", description="The journal entry it posted when issued.")
    async def journal_entry(self, info: Info) -> JournalEntry | None:
        if self.entry_id is None:
            return None
        found = await ledger_loaders.entries(info.context).load(self.entry_id)
        return JournalEntry.from_model(found) if found else None

    @strawberry.field(description="Payment reminders recorded for it, oldest (level 1) first.")
    async def reminders(
        self, info: Info
    ) -> list[Annotated[InvoiceReminder, strawberry.lazy("schema.receivables.reminders")]]:
        from schema.receivables.reminders import InvoiceReminder

        rows = await loaders.reminders(info.context).load(self.uuid)
        return [InvoiceReminder.from_model(r, self.currency) for r in rows]

    @classmethod
    def from_model(cls, i: models.Invoice) -> Self:
        return cls(
            id=str(i.id),
            uuid=i.id,
            number=i.number,
            status=i.status,
            currency=CurrencyCode(i.currency),
            issue_date=i.issue_date,
            due_date=i.due_date,
            reference=i.reference,
            memo=i.memo,
            subtotal=Money.of(i.subtotal_minor, i.currency),
            tax=Money.of(i.tax_minor, i.currency),
            total=Money.of(i.total_minor, i.currency),
            discount_percent=(
                None
                if i.discount_percent is None
                else Percent(str(plain_decimal(i.discount_percent)))
            ),
            discount_until=i.discount_until,
            credit_limit_overridden=i.credit_limit_overridden,
            voided_on=i.voided_on,
            written_off_on=i.written_off_on,
            created_at=i.created_at,
            issued_at=i.issued_at,
            customer_id=i.customer_id,
            entry_id=i.entry_id,
            total_minor=i.total_minor,
            payment_terms_id=i.terms_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Invoice | None]:
        ids = list(node_ids)
        await authorize(info.context, "invoice", "read")
        embedded = await lookup(info, INVOICE, ids)
        if embedded is not None:
            return embedded
        org = info.context.signed_in().org
        found = {
            str(i.id): i
            for i in await models.Invoice.filter(id__in=_uuids(ids), organization_id=org)
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.type(description="Money received from a customer.")
class Payment(relay.Node):
    id: relay.NodeID[str]
    date: Day = strawberry.field(description="When the money was received.")
    amount: Money = strawberry.field(description="The amount received.")
    method: models.PaymentMethod = strawberry.field(description="How it was paid.")
    reference: str | None = strawberry.field(description="Bank or cheque reference.")
    memo: str | None = strawberry.field(description="Narrative.")
    status: models.PaymentStatus = strawberry.field(description="Recorded or void.")
    voided_on: Day | None = strawberry.field(description="When it was voided.")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    customer_id: strawberry.Private[UUID]
    deposit_account_id: strawberry.Private[UUID]
    entry_id: strawberry.Private[UUID | None]
    currency: strawberry.Private[str]

    @requires("customer", "read", description="Who paid.")
    async def customer(self, info: Info) -> Customer | None:
        found = await crm_loaders.customers(info.context).load(self.customer_id)
        return Customer.from_model(found) if found else None

    @requires("account", "read", description="The bank or cash account the money went into.")
    async def deposit_account(self, info: Info) -> Account | None:
        found = await ledger_loaders.accounts(info.context).load(self.deposit_account_id)
        return Account.from_model(found) if found else None

    @strawberry.field(description="What is not allocated yet: the customer's credit.")
    async def unallocated(self, info: Info) -> Money:
        # The rule is the read model's (server.receivables.reads), read through the loader.
        found = await loaders.payment_unallocated(info.context).load(UUID(self.id))
        return Money.of(found, self.currency)

    @strawberry.field(description="Where the payment went: invoices and refunds, oldest first.")
    async def allocations(self, info: Info) -> list[Allocation]:
        rows = await loaders.allocations(info.context).load(UUID(self.id))
        return [Allocation.from_model(a, self.currency) for a in rows]

    @requires("journal", "read", description="The journal entry it posted.")
    async def journal_entry(self, info: Info) -> JournalEntry | None:
        if self.entry_id is None:
            return None
        found = await ledger_loaders.entries(info.context).load(self.entry_id)
        return JournalEntry.from_model(found) if found else None

    @classmethod
    def from_model(cls, p: models.Payment) -> Self:
        return cls(
            id=str(p.id),
            date=p.date,
            amount=Money.of(p.amount_minor, p.currency),
            method=p.method,
            reference=p.reference,
            memo=p.memo,
            status=p.status,
            voided_on=p.voided_on,
            created_at=p.created_at,
            customer_id=p.customer_id,
            deposit_account_id=p.deposit_account_id,
            entry_id=p.entry_id,
            currency=p.currency,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Payment | None]:
        ids = list(node_ids)
        await authorize(info.context, "payment", "read")
        embedded = await lookup(info, PAYMENT, ids)
        if embedded is not None:
            return embedded
        org = info.context.signed_in().org
        found = {
            str(p.id): p
            for p in await models.Payment.filter(id__in=_uuids(ids), organization_id=org)
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]
