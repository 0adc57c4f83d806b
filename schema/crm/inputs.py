"""Inputs of the customer and vendor mutations."""

from __future__ import annotations

from typing import Any

import strawberry

from schema.ids import decode
from schema.scalars import Amount, CurrencyCode
from server.crm.parties import PartyChanges
from server.errors import NotFound


@strawberry.input(description="A postal address; omitted parts are left empty.")
class AddressInput:
    line1: str | None = strawberry.field(default=None, description="Street and number.")
    line2: str | None = strawberry.field(default=None, description="Building, suite, floor.")
    city: str | None = strawberry.field(default=None, description="City or town.")
    region: str | None = strawberry.field(default=None, description="State, province or county.")
    postal_code: str | None = strawberry.field(default=None, description="Postal or ZIP code.")
    country: str | None = strawberry.field(
        default=None, description="ISO 3166-1 alpha-2 country code."
    )

    def to_json(self) -> dict[str, Any]:
        return {
            "line1": self.line1,
            "line2": self.line2,
            "city": self.city,
            "region": self.region,
            "postalCode": self.postal_code,
            "country": self.country,
        }


def _changes(source: Any, names: tuple[str, ...]) -> PartyChanges:
    """Copy the fields the client sent; absent ones stay UNSET, explicit nulls clear."""
    changes = PartyChanges()
    for name in names:
        value = getattr(source, name, strawberry.UNSET)
        if value is strawberry.UNSET:
            continue
        if isinstance(value, AddressInput):
            value = value.to_json()
        if name == "payment_terms_id" and value is not None:
            value = decode(value, "PaymentTerms")
            if value is None:
                raise NotFound("payment terms not found", field=["paymentTermsId"])
        setattr(changes, name, value)
    return changes


_PARTY = (
    "name",
    "email",
    "phone",
    "billing_address",
    "tax_id",
    "currency",
    "payment_terms_days",
    "payment_terms_id",
    "tags",
)


@strawberry.input(description="A new customer.")
class CustomerCreateInput:
    name: str = strawberry.field(description="Name, 1 to 200 characters.")
    email: str | None = strawberry.field(default=strawberry.UNSET, description="Email address.")
    phone: str | None = strawberry.field(default=strawberry.UNSET, description="Phone number.")
    billing_address: AddressInput | None = strawberry.field(
        default=strawberry.UNSET, description="Billing address."
    )
    tax_id: str | None = strawberry.field(default=strawberry.UNSET, description="Tax number.")
    currency: CurrencyCode | None = strawberry.field(
        default=strawberry.UNSET, description="Invoicing currency; the organization's if omitted."
    )
    payment_terms_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="Days until invoices fall due (default 30)."
    )
    payment_terms_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="Named payment terms of the organization; they win over the days.",
    )
    credit_limit: Amount | None = strawberry.field(
        default=strawberry.UNSET, description="Most the customer may owe; omit for no limit."
    )
    tags: list[str] | None = strawberry.field(default=strawberry.UNSET, description="Labels.")

    def to_changes(self) -> PartyChanges:
        return _changes(self, (*_PARTY, "credit_limit"))


@strawberry.input(description="Changes to a customer; omitted fields stay, null clears.")
class CustomerUpdateInput:
    id: strawberry.ID = strawberry.field(description="The customer to change.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="New name.")
    email: str | None = strawberry.field(default=strawberry.UNSET, description="Email address.")
    phone: str | None = strawberry.field(default=strawberry.UNSET, description="Phone number.")
    billing_address: AddressInput | None = strawberry.field(
        default=strawberry.UNSET, description="Billing address (replaced whole)."
    )
    tax_id: str | None = strawberry.field(default=strawberry.UNSET, description="Tax number.")
    currency: CurrencyCode | None = strawberry.field(
        default=strawberry.UNSET, description="Invoicing currency."
    )
    payment_terms_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="Days until invoices fall due."
    )
    payment_terms_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="Named payment terms of the organization; they win over the days.",
    )
    credit_limit: Amount | None = strawberry.field(
        default=strawberry.UNSET, description="Most the customer may owe; null removes the limit."
    )
    tags: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Labels (replaced whole)."
    )

    def to_changes(self) -> PartyChanges:
        return _changes(self, (*_PARTY, "credit_limit"))


@strawberry.input(description="A new vendor.")
class VendorCreateInput:
    name: str = strawberry.field(description="Name, 1 to 200 characters.")
    email: str | None = strawberry.field(default=strawberry.UNSET, description="Email address.")
    phone: str | None = strawberry.field(default=strawberry.UNSET, description="Phone number.")
    billing_address: AddressInput | None = strawberry.field(
        default=strawberry.UNSET, description="Address bills come from."
    )
    tax_id: str | None = strawberry.field(default=strawberry.UNSET, description="Tax number.")
    currency: CurrencyCode | None = strawberry.field(
        default=strawberry.UNSET, description="Billing currency; the organization's if omitted."
    )
    payment_terms_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="Days until bills fall due (default 30)."
    )
    payment_terms_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="Named payment terms of the organization; they win over the days.",
    )
    tags: list[str] | None = strawberry.field(default=strawberry.UNSET, description="Labels.")

    def to_changes(self) -> PartyChanges:
        return _changes(self, _PARTY)


@strawberry.input(description="Changes to a vendor; omitted fields stay, null clears.")
class VendorUpdateInput:
    id: strawberry.ID = strawberry.field(description="The vendor to change.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="New name.")
    email: str | None = strawberry.field(default=strawberry.UNSET, description="Email address.")
    phone: str | None = strawberry.field(default=strawberry.UNSET, description="Phone number.")
    billing_address: AddressInput | None = strawberry.field(
        default=strawberry.UNSET, description="Address (replaced whole)."
    )
    tax_id: str | None = strawberry.field(default=strawberry.UNSET, description="Tax number.")
    currency: CurrencyCode | None = strawberry.field(
        default=strawberry.UNSET, description="Billing currency."
    )
    payment_terms_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="Days until bills fall due."
    )
    payment_terms_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="Named payment terms of the organization; they win over the days.",
    )
    tags: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Labels (replaced whole)."
    )

    def to_changes(self) -> PartyChanges:
        return _changes(self, _PARTY)


@strawberry.input(description="The customer or vendor to archive.")
class ArchiveInput:
    id: strawberry.ID = strawberry.field(description="Global id of the record.")


@strawberry.input(description="A note to add to a customer.")
class CustomerNoteAddInput:
    customer_id: strawberry.ID = strawberry.field(description="The customer.")
    body: str = strawberry.field(description="The note's text, up to 10,000 characters.")
