"""GraphQL types of customers and vendors."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Self
from uuid import UUID

import strawberry
from strawberry import relay

from schema.context import Info
from schema.crm import loaders
from schema.documents import loaders as documents_loaders
from schema.enums import described_enum
from schema.errors import UserError
from schema.filters import DateTimeRange, OrderDirection
from schema.identity.types import UserType
from schema.permissions import authorize, requires
from schema.reads import lookup
from schema.records import RecordStatus
from schema.scalars import CurrencyCode, Money
from server.crm import models, parties
from server.crm.reads import CUSTOMER, VENDOR
from server.receivables.figures import CustomerFigures

if TYPE_CHECKING:
    from schema.documents.types import PaymentTerms

PartyStatus = RecordStatus


@strawberry.type(description="A postal address.")
class Address:
    line1: str | None = strawberry.field(description="Street and number.")
    line2: str | None = strawberry.field(description="Building, suite, floor.")
    city: str | None = strawberry.field(description="City or town.")
    region: str | None = strawberry.field(description="State, province or county.")
    postal_code: str | None = strawberry.field(description="Postal or ZIP code.")
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")

    @classmethod
    def from_json(cls, value: dict[str, Any] | None) -> Address | None:
        if not value:
            return None
        return cls(
            line1=value.get("line1"),
            line2=value.get("line2"),
            city=value.get("city"),
            region=value.get("region"),
            postal_code=value.get("postalCode"),
            country=value.get("country"),
        )


@strawberry.interface(description="What customers and vendors have in common.")
class Party:
    name: str = strawberry.field(description="Name, up to 200 characters.")
    email: str | None = strawberry.field(description="Email address, unique per organization.")
    phone: str | None = strawberry.field(description="Phone number.")
    billing_address: Address | None = strawberry.field(description="Billing address.")
    tax_id: str | None = strawberry.field(description="VAT or tax registration number.")
    currency: CurrencyCode = strawberry.field(description="Currency documents are issued in.")
    payment_terms_days: int = strawberry.field(
        description="Days from document date to due date, unless paymentTerms are set."
    )
    status: PartyStatus = strawberry.field(description="ACTIVE, or ARCHIVED (kept for history).")
    tags: list[str] = strawberry.field(description="Free labels for grouping and filtering.")
    created_at: datetime = strawberry.field(description="When the record was created.")
    updated_at: datetime = strawberry.field(description="When the record last changed.")
    payment_terms_id: strawberry.Private[UUID | None]

    @requires(
        "item",
        "read",
        description="Named payment terms; when set they decide due dates instead of the days.",
    )
    async def payment_terms(
        self, info: Info
    ) -> Annotated[PaymentTerms, strawberry.lazy("schema.documents.types")] | None:
        return await payment_terms_of(info, self.payment_terms_id)


async def payment_terms_of(
    info: Info, terms_id: UUID | None
) -> Annotated[PaymentTerms, strawberry.lazy("schema.documents.types")] | None:
    """The named payment terms a party or document holds (one loader for all of them)."""
    from schema.documents.types import PaymentTerms

    if terms_id is None:
        return None
    found = await documents_loaders.payment_terms(info.context).load(terms_id)
    return PaymentTerms.from_model(found) if found else None


def _party_fields(party: models.Party) -> dict[str, Any]:
    """The fields customers and vendors share, read off their record."""
    return {
        "id": str(party.id),
        "name": party.name,
        "email": party.email,
        "phone": party.phone,
        "billing_address": Address.from_json(party.billing_address),
        "tax_id": party.tax_id,
        "currency": CurrencyCode(party.currency),
        "payment_terms_days": party.payment_terms_days,
        "status": party.status,
        "tags": party.tags,
        "created_at": party.created_at,
        "updated_at": party.updated_at,
        "payment_terms_id": party.payment_terms_id,
    }


async def _resolve(
    cls: Any, info: Info, model: type[models.Party], node_ids: Iterable[str]
) -> list[Any]:
    """Nodes of the caller's organization in the order asked; anything else is null."""
    ids = list(node_ids)
    await authorize(info.context, parties.kind_of(model), "read")
    embedded = await lookup(info, CUSTOMER if model is models.Customer else VENDOR, ids)
    if embedded is not None:
        return embedded
    wanted = []
    for raw in ids:
        try:
            wanted.append(UUID(raw))
        except ValueError:
            continue
    actor = info.context.signed_in()
    found = {str(p.id): p for p in await parties.get_many(actor, model, wanted)}
    return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.type(description="A note or activity logged against a customer.")
class CustomerNote(relay.Node):
    id: relay.NodeID[str]
    body: str = strawberry.field(description="The note's text.")
    created_at: datetime = strawberry.field(description="When the note was written.")
    author_id: strawberry.Private[UUID | None]

    @requires("member", "read", description="Who wrote the note; null for system notes.")
    async def author(self, info: Info) -> UserType | None:
        if self.author_id is None:
            return None
        user = await loaders.users(info.context).load(self.author_id)
        return UserType.from_model(user) if user else None

    @classmethod
    def from_model(cls, note: models.CustomerNote) -> CustomerNote:
        return cls(
            id=str(note.id), body=note.body, created_at=note.created_at, author_id=note.author_id
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[CustomerNote | None]:
        ids = list(node_ids)
        await authorize(info.context, "customer", "read")
        actor = info.context.signed_in()
        valid = []
        for raw in ids:
            try:
                valid.append(UUID(raw))
            except ValueError:
                continue
        found = {
            str(n.id): n
            for n in await models.CustomerNote.filter(id__in=valid, organization_id=actor.org)
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.type(description="Someone the organization sells to.")
class Customer(relay.Node, Party):
    id: relay.NodeID[str]
    credit_limit: Money | None = strawberry.field(
        description="Most the customer may owe; null means no limit."
    )

    @strawberry.field(description="Notes and activities, newest first.")
    async def notes(
        self,
        info: Info,
        first: Annotated[
            int, strawberry.argument(description="At most this many, up to 100.")
        ] = 20,
    ) -> list[CustomerNote]:
        notes = await loaders.customer_notes(info.context).load(UUID(self.id))
        return [CustomerNote.from_model(n) for n in notes[: max(0, min(first, 100))]]

    async def _figures(self, info: Info) -> CustomerFigures | None:
        return await loaders.customer_figures(info.context).load(UUID(self.id))

    @requires(
        "invoice",
        "read",
        description="Open now on the customer's invoices, in the customer's currency.",
    )
    async def outstanding_balance(self, info: Info) -> Money | None:
        found = await self._figures(info)
        return Money.of(found.outstanding if found else 0, self.currency)

    @requires(
        "invoice",
        "read",
        description="Part of outstandingBalance on invoices due before today (UTC).",
    )
    async def overdue_balance(self, info: Info) -> Money | None:
        found = await self._figures(info)
        return Money.of(found.overdue if found else 0, self.currency)

    @requires(
        "invoice",
        "read",
        description="Payments and credit notes not yet applied to invoices nor refunded.",
    )
    async def unapplied_credits(self, info: Info) -> Money | None:
        found = await self._figures(info)
        return Money.of(found.unapplied_credits if found else 0, self.currency)

    @requires(
        "invoice",
        "read",
        description="Credit left: creditLimit - outstandingBalance + unappliedCredits; negative "
        "when over the limit; null when the customer has no credit limit.",
    )
    async def credit_available(self, info: Info) -> Money | None:
        found = await self._figures(info)
        if found is None or found.credit_available is None:
            return None
        return Money.of(found.credit_available, self.currency)

    @requires(
        "invoice",
        "read",
        description="Days from invoice date to payment, weighted by the amount paid, over "
        "every payment applied to the customer's invoices; null before the first payment.",
    )
    async def average_days_to_pay(self, info: Info) -> Decimal | None:
        found = await self._figures(info)
        return found.average_days_to_pay if found else None

    @classmethod
    def from_model(cls, customer: models.Customer) -> Self:
        return cls(
            **_party_fields(customer),
            credit_limit=Money.from_minor(customer.credit_limit_minor, customer.currency),
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Customer | None]:
        return await _resolve(cls, info, models.Customer, node_ids)


@strawberry.type(description="Someone the organization buys from.")
class Vendor(relay.Node, Party):
    id: relay.NodeID[str]

    @classmethod
    def from_model(cls, vendor: models.Vendor) -> Self:
        return cls(**_party_fields(vendor))

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Vendor | None]:
        return await _resolve(cls, info, models.Vendor, node_ids)


class PartyOrderField(Enum):
    NAME = "name"
    CREATED_AT = "created_at"
    OUTSTANDING_BALANCE = "outstanding_balance"


described_enum(
    PartyOrderField,
    name="PartyOrderField",
    description="Field to sort customers or vendors by.",
    values={
        PartyOrderField.NAME: "The party's name, alphabetically.",
        PartyOrderField.CREATED_AT: "When the party was created.",
        PartyOrderField.OUTSTANDING_BALANCE: "What is open on the party's invoices (a "
        "customer) or bills (a vendor), void ones left out, as a number in the party's "
        "currency.",
    },
)


@strawberry.input(description="Sort order of a customer or vendor list.")
class PartyOrder:
    field: PartyOrderField = strawberry.field(
        default=PartyOrderField.NAME, description="Field to sort by; ties are broken by id."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Ascending or descending."
    )


@strawberry.input(description="Narrow a customer or vendor list; conditions combine with AND.")
class PartyFilter:
    search: str | None = strawberry.field(
        default=None, description="Text found in the name or email (case-insensitive)."
    )
    status: list[PartyStatus] | None = strawberry.field(
        default=None, description="Only parties in one of these statuses."
    )
    tag: str | None = strawberry.field(default=None, description="Only parties with this tag.")
    created_at: DateTimeRange | None = strawberry.field(
        default=None, description="Only parties created within this range."
    )


@strawberry.type(description="The customer, or why the change was refused.")
class CustomerPayload:
    customer: Customer | None = strawberry.field(description="The customer after the change.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The vendor, or why the change was refused.")
class VendorPayload:
    vendor: Vendor | None = strawberry.field(description="The vendor after the change.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The new note, or why it was refused.")
class CustomerNoteAddPayload:
    note: CustomerNote | None = strawberry.field(description="The note.")
    customer: Customer | None = strawberry.field(description="The customer noted.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")
