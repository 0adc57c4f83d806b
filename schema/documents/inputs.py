"""Inputs of the item, tax rate and payment terms mutations."""

from __future__ import annotations

from typing import Any, TypeVar

import strawberry

from schema.documents.types import PaymentTermsKind
from schema.ids import decode
from schema.scalars import Amount, Percent
from server.crm.terms import TermsChanges
from server.documents.items import ItemChanges
from server.documents.taxes import TaxRateChanges
from server.errors import NotFound

C = TypeVar("C")

# Input fields holding global ids: the type they must be and the name clients see.
_REFERENCES = {
    "account_id": ("Account", "accountId"),
    "income_account_id": ("Account", "incomeAccountId"),
    "expense_account_id": ("Account", "expenseAccountId"),
    "tax_rate_id": ("TaxRate", "taxRateId"),
}


def _changes(source: Any, changes: C, names: tuple[str, ...]) -> C:
    """Copy the fields the client sent; absent ones stay UNSET, explicit nulls clear.

    Global ids become uuids; an id that is malformed or of another type is not found.
    """
    for name in names:
        value = getattr(source, name, strawberry.UNSET)
        if value is strawberry.UNSET:
            continue
        if name in _REFERENCES and value is not None:
            type_name, field = _REFERENCES[name]
            decoded = decode(value, type_name)
            if decoded is None:
                raise NotFound(f"{type_name} not found", field=[field])
            value = decoded
        setattr(changes, name, value)
    return changes


_ITEM = (
    "code",
    "name",
    "description",
    "unit_price",
    "income_account_id",
    "expense_account_id",
    "tax_rate_id",
)
_TAX_RATE = ("name", "rate", "inclusive", "account_id")
_TERMS = ("name", "kind", "days", "discount_percent", "discount_days")


@strawberry.input(description="A new item.")
class ItemCreateInput:
    name: str = strawberry.field(description="Name, 1 to 200 characters.")
    code: str | None = strawberry.field(
        default=strawberry.UNSET, description="Code or SKU, unique in the organization."
    )
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description="Default line description, up to 500 characters."
    )
    unit_price: Amount | None = strawberry.field(
        default=strawberry.UNSET, description="Default unit price in the base currency."
    )
    income_account_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Income account for sales of the item."
    )
    expense_account_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="Expense or asset (inventory) account for purchases of the item.",
    )
    tax_rate_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Default tax rate of its lines."
    )

    def to_changes(self) -> ItemChanges:
        return _changes(self, ItemChanges(), _ITEM)


@strawberry.input(description="Changes to an item; omitted fields stay, null clears.")
class ItemUpdateInput:
    id: strawberry.ID = strawberry.field(description="The item to change.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="New name.")
    code: str | None = strawberry.field(default=strawberry.UNSET, description="Code or SKU.")
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description="Default line description."
    )
    unit_price: Amount | None = strawberry.field(
        default=strawberry.UNSET, description="Default unit price in the base currency."
    )
    income_account_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Income account for sales of the item."
    )
    expense_account_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Expense or asset account for purchases."
    )
    tax_rate_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Default tax rate of its lines."
    )

    def to_changes(self) -> ItemChanges:
        return _changes(self, ItemChanges(), _ITEM)


@strawberry.input(description="The item to archive.")
class ItemArchiveInput:
    id: strawberry.ID = strawberry.field(description="Global id of the item.")


@strawberry.input(description="A new tax rate.")
class TaxRateCreateInput:
    name: str = strawberry.field(description="Name, unique in the organization, e.g. VAT 20%.")
    rate: Percent = strawberry.field(
        description="Rate in percent, 0 to 100, four decimals at most."
    )
    inclusive: bool = strawberry.field(
        default=False, description="Prices with this rate already include the tax."
    )
    account_id: strawberry.ID = strawberry.field(
        description="Tax payable (liability) or tax receivable (asset) account."
    )

    def to_changes(self) -> TaxRateChanges:
        return _changes(self, TaxRateChanges(), _TAX_RATE)


@strawberry.input(description="Changes to a tax rate; omitted fields stay.")
class TaxRateUpdateInput:
    id: strawberry.ID = strawberry.field(description="The tax rate to change.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="New name.")
    rate: Percent | None = strawberry.field(
        default=strawberry.UNSET, description="New rate in percent."
    )
    inclusive: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Prices already include the tax."
    )
    account_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="New tax account."
    )

    def to_changes(self) -> TaxRateChanges:
        return _changes(self, TaxRateChanges(), _TAX_RATE)


@strawberry.input(description="The tax rate to archive.")
class TaxRateArchiveInput:
    id: strawberry.ID = strawberry.field(description="Global id of the tax rate.")


@strawberry.input(description="New payment terms, e.g. Net 30 or 2/10 net 30.")
class PaymentTermsCreateInput:
    name: str = strawberry.field(description="Name, unique in the organization.")
    kind: PaymentTermsKind = strawberry.field(description="How the due date is counted.")
    days: int | None = strawberry.field(
        default=strawberry.UNSET, description="Days, 0 to 365 (0 if omitted)."
    )
    discount_percent: Percent | None = strawberry.field(
        default=strawberry.UNSET, description="Early-payment discount in percent."
    )
    discount_days: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Days after the document date the discount holds; needs discountPercent.",
    )

    def to_changes(self) -> TermsChanges:
        return _changes(self, TermsChanges(), _TERMS)


@strawberry.input(description="Changes to payment terms; omitted fields stay, null clears.")
class PaymentTermsUpdateInput:
    id: strawberry.ID = strawberry.field(description="The payment terms to change.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="New name.")
    kind: PaymentTermsKind | None = strawberry.field(
        default=strawberry.UNSET, description="How the due date is counted."
    )
    days: int | None = strawberry.field(default=strawberry.UNSET, description="Days, 0 to 365.")
    discount_percent: Percent | None = strawberry.field(
        default=strawberry.UNSET, description="Early-payment discount; null removes it."
    )
    discount_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="Days the discount holds; null removes it."
    )

    def to_changes(self) -> TermsChanges:
        return _changes(self, TermsChanges(), _TERMS)


@strawberry.input(description="The payment terms to archive.")
class PaymentTermsArchiveInput:
    id: strawberry.ID = strawberry.field(description="Global id of the payment terms.")
