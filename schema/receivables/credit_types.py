"""GraphQL types of credit notes and disputes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from typing import Self
from uuid import UUID

import strawberry
from strawberry import relay

from schema.context import Info
from schema.crm import loaders as crm_loaders
from schema.crm.types import Customer
from schema.enums import described_enum
from schema.errors import UserError
from schema.filters import DateRange, OrderDirection
from schema.pdf.urls import document_url
from schema.permissions import authorize, requires
from schema.reads import lookup
from schema.receivables import enums as _enums  # noqa: F401 - registers the enums first
from schema.receivables import loaders
from schema.receivables.lines import InvoiceLine
from schema.receivables.types import Allocation, Invoice, _uuids
from schema.scalars import CurrencyCode, Money
from server.pdf.signed import DocumentRef
from server.receivables import models
from server.receivables.reads import CREDIT_NOTE

Day = date


@strawberry.type(description="Money owed back to a customer, applied to invoices.")
class CreditNote(relay.Node):
    id: relay.NodeID[str]
    number: str | None = strawberry.field(description="Gapless number, given when issued.")
    status: models.CreditNoteStatus = strawberry.field(description="Draft, issued or void.")
    currency: CurrencyCode = strawberry.field(description="The customer's currency.")
    issue_date: date = strawberry.field(description="Its date; the date it posts on.")
    reason: str | None = strawberry.field(description="Why it was given.")
    subtotal: Money = strawberry.field(description="Sum of the lines' net amounts.")
    tax: Money = strawberry.field(description="Sum of the lines' tax.")
    total: Money = strawberry.field(description="Subtotal plus tax.")
    created_at: datetime = strawberry.field(description="When the draft was created.")
    customer_id: strawberry.Private[UUID]
    invoice_id: strawberry.Private[UUID | None]

    @requires(
        "credit_note",
        "read",
        description="A URL that serves the credit note as a PDF for five minutes, to whoever "
        "holds it; ask again for a fresh one.",
    )
    def pdf_url(self, info: Info) -> str | None:
        ref = DocumentRef("credit_note", info.context.signed_in().org, UUID(str(self.id)))
        return document_url(info.context, ref)

    @requires("customer", "read", description="Who it is for.")
    async def customer(self, info: Info) -> Customer | None:
        found = await crm_loaders.customers(info.context).load(self.customer_id)
        return Customer.from_model(found) if found else None

    @requires("invoice", "read", description="The invoice it corrects, if any.")
    async def invoice(self, info: Info) -> Invoice | None:
        if self.invoice_id is None:
            return None
        found = await loaders.invoices(info.context).load(self.invoice_id)
        return Invoice.from_model(found) if found else None

    @strawberry.field(description="What is not applied yet.")
    async def unallocated(self, info: Info) -> Money:
        # The rule is the read model's (server.receivables.reads), read through the loader.
        found, _lines = await loaders.credit_note_details(info.context).load(UUID(self.id))
        return Money.of(found or 0, self.currency)

    @strawberry.field(description="Where it was applied, oldest first.")
    async def allocations(self, info: Info) -> list[Allocation]:
        rows = await loaders.allocations(info.context).load(UUID(self.id))
        return [Allocation.from_model(a, self.currency) for a in rows]

    @strawberry.field(description="The lines, in order.")
    async def lines(self, info: Info) -> list[InvoiceLine]:
        # One statement for the page's notes, not one per note.
        _found, rows = await loaders.credit_note_details(info.context).load(UUID(self.id))
        return [InvoiceLine.from_model(r, self.currency) for r in rows]  # type: ignore[arg-type]

    @classmethod
    def from_model(cls, n: models.CreditNote) -> Self:
        return cls(
            id=str(n.id),
            number=n.number,
            status=n.status,
            currency=CurrencyCode(n.currency),
            issue_date=n.issue_date,
            reason=n.reason,
            subtotal=Money.of(n.subtotal_minor, n.currency),
            tax=Money.of(n.tax_minor, n.currency),
            total=Money.of(n.total_minor, n.currency),
            created_at=n.created_at,
            customer_id=n.customer_id,
            invoice_id=n.invoice_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[CreditNote | None]:
        ids = list(node_ids)
        await authorize(info.context, "credit_note", "read")
        embedded = await lookup(info, CREDIT_NOTE, ids)
        if embedded is not None:
            return embedded
        org = info.context.signed_in().org
        found = {
            str(n.id): n
            for n in await models.CreditNote.filter(id__in=_uuids(ids), organization_id=org)
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.type(description="A customer's challenge of an invoice.")
class Dispute(relay.Node):
    id: relay.NodeID[str]
    status: models.DisputeStatus = strawberry.field(description="Open, upheld or rejected.")
    reason: models.DisputeReason = strawberry.field(description="Why the customer disputes.")
    note: str | None = strawberry.field(description="Details.")
    opened_on: date = strawberry.field(description="When it was opened.")
    resolution: models.DisputeResolution | None = strawberry.field(description="How it ended.")
    resolution_note: str | None = strawberry.field(description="Notes on the outcome.")
    resolved_on: Day | None = strawberry.field(description="When it was resolved.")
    invoice_id: strawberry.Private[UUID]

    @strawberry.field(description="The disputed invoice.")
    async def invoice(self, info: Info) -> Invoice | None:
        found = await loaders.invoices(info.context).load(self.invoice_id)
        return Invoice.from_model(found) if found else None

    @classmethod
    def from_model(cls, d: models.Dispute) -> Self:
        return cls(
            id=str(d.id),
            status=d.status,
            reason=d.reason,
            note=d.note,
            opened_on=d.opened_on,
            resolution=d.resolution,
            resolution_note=d.resolution_note,
            resolved_on=d.resolved_on,
            invoice_id=d.invoice_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Dispute | None]:
        ids = list(node_ids)
        await authorize(info.context, "invoice", "read")
        org = info.context.signed_in().org
        found = {
            str(d.id): d
            for d in await models.Dispute.filter(id__in=_uuids(ids), organization_id=org)
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.type(description="The credit note after the change, or why it was refused.")
class CreditNotePayload:
    credit_note: CreditNote | None = strawberry.field(description="The credit note.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The dispute after the change, or why it was refused.")
class DisputePayload:
    dispute: Dispute | None = strawberry.field(description="The dispute.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


class DisputeOrderField(Enum):
    OPENED_ON = "opened_on"
    CREATED_AT = "created_at"


described_enum(
    DisputeOrderField,
    name="DisputeOrderField",
    description="Field to sort disputes by.",
    values={
        DisputeOrderField.OPENED_ON: "The day the dispute was opened.",
        DisputeOrderField.CREATED_AT: "When the dispute was recorded.",
    },
)


@strawberry.input(description="Sort order of a dispute list.")
class DisputeOrder:
    field: DisputeOrderField = strawberry.field(
        default=DisputeOrderField.CREATED_AT, description="Field to sort by; ties are broken by id."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Ascending or descending."
    )


@strawberry.input(description="Narrow a dispute list; conditions combine with AND.")
class DisputeFilter:
    invoice_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only disputes of this invoice."
    )
    status: list[models.DisputeStatus] | None = strawberry.field(
        default=None, description="Only these statuses; every status if omitted."
    )
    opened_on: DateRange | None = strawberry.field(
        default=None, description="Only disputes opened on a day of this range."
    )
