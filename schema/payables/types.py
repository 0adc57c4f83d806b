"""GraphQL types of bills, bill payments and the allocations between them."""

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
from schema.crm.types import Vendor, payment_terms_of
from schema.identity.types import UserType
from schema.ledger import loaders as ledger_loaders
from schema.ledger.types import Account
from schema.payables import enums as _enums  # noqa: F401  (registered before use)
from schema.payables import loaders
from schema.payables.lines import BillLine
from schema.payables.order_types import PurchaseOrder
from schema.payables.type_fields import _quantity, _user, _uuids, _vendor, _vendor_type
from schema.permissions import authorize, requires
from schema.prefetch import joined_with_page, missing, node_fields, ready
from schema.reads import lookup
from schema.scalars import CurrencyCode, Money, Percent
from server.crm.models import Vendor as VendorModel
from server.documents import models as documents
from server.payables import models
from server.payables.reads import BILL, BILL_PAYMENT
from server.receivables.models import PaymentMethod
from server.sql import Joined

if TYPE_CHECKING:
    from schema.documents.types import PaymentTerms


@strawberry.type(description="An amount applied to a bill: a payment, or a discount taken.")
class BillAllocation:
    kind: documents.AllocationKind = strawberry.field(
        description="SETTLEMENT for a payment, DISCOUNT for an early-payment discount."
    )
    amount: Money = strawberry.field(description="Amount applied, in the bill's currency.")
    reversed_on: date | None = strawberry.field(description="When it was undone, if it was.")
    date: date = strawberry.field(description="When it was applied.")
    bill_id: strawberry.Private[UUID | None]
    payment_id: strawberry.Private[UUID | None]

    @requires("bill", "read", description="The bill it was applied to.")
    async def bill(self, info: Info) -> Bill | None:
        if self.bill_id is None:
            return None
        found = await loaders.bills(info.context).load(self.bill_id)
        return Bill.from_model(found) if found else None

    @requires("bill_payment", "read", description="The payment applied; null for a discount.")
    async def payment(self, info: Info) -> BillPayment | None:
        if self.payment_id is None:
            return None
        found = await loaders.payments(info.context).load(self.payment_id)
        return BillPayment.from_model(found) if found else None

    @classmethod
    def from_model(cls, a: documents.Allocation, currency: str) -> BillAllocation:
        return cls(
            kind=a.kind,
            amount=Money.of(a.amount_minor, currency),
            date=a.date,
            reversed_on=a.reversed_on,
            bill_id=a.charge_id,
            payment_id=a.credit_id,
        )


@strawberry.type(description="A vendor's invoice to the organization.")
class Bill(relay.Node):
    id: relay.NodeID[str]
    # The id as stored: loaders are keyed on it, and parsing it per field costs.
    uuid: strawberry.Private[UUID]
    vendor_reference: str = strawberry.field(description="The vendor's invoice number.")
    status: models.BillStatus = strawberry.field(
        description="DRAFT, SUBMITTED, APPROVED, PARTIALLY_PAID, PAID or VOID."
    )
    currency: CurrencyCode = strawberry.field(description="The vendor's currency.")
    bill_date: date = strawberry.field(description="Date of the vendor's invoice.")
    due_date: date | None = strawberry.field(description="When it must be paid.")
    memo: str | None = strawberry.field(description="Internal note.")
    subtotal: Money = strawberry.field(description="Sum of the line amounts, net of tax.")
    tax: Money = strawberry.field(description="Sum of the line taxes (input tax).")
    total: Money = strawberry.field(description="Subtotal plus tax: what the vendor is owed.")
    discount_percent: Percent | None = strawberry.field(
        description="Early-payment discount of the vendor's terms, set on approval."
    )
    discount_until: date | None = strawberry.field(
        description="Last day a payment in full earns the discount."
    )
    rejection_reason: str | None = strawberry.field(
        description="Why the approver sent it back, when it was rejected."
    )
    tolerance_overridden: bool = strawberry.field(
        description="Approved beyond its purchase order's quantities or price tolerance."
    )
    approved_at: datetime | None = strawberry.field(description="When it was approved.")
    voided_on: date | None = strawberry.field(description="When it was voided.")
    created_at: datetime = strawberry.field(description="When it was entered.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    vendor_id: strawberry.Private[UUID]
    order_id: strawberry.Private[UUID | None]
    created_by_id: strawberry.Private[UUID | None]
    approved_by_id: strawberry.Private[UUID | None]
    payment_terms_id: strawberry.Private[UUID | None] = None

    @requires(
        "item",
        "read",
        description="Named payment terms of the bill (the vendor's when it was entered); "
        "null where the vendor's days applied.",
    )
    async def payment_terms(
        self, info: Info
    ) -> Annotated[PaymentTerms, strawberry.lazy("schema.documents.types")] | None:
        return await payment_terms_of(info, self.payment_terms_id)

    @requires("vendor", "read", description="The vendor who sent it.")
    def vendor(self, info: Info) -> Vendor | None:
        return ready(crm_loaders.vendors(info.context), self.vendor_id, _vendor_type)

    @strawberry.field(description="Its lines, in order.")
    def lines(self, info: Info) -> list[BillLine]:
        return ready(
            loaders.bill_details(info.context),
            self.uuid,
            lambda details: [BillLine.from_model(r, self.currency) for r in details[1]],
        )

    @strawberry.field(
        description="What is still to pay; null until it is approved, zero once void or paid."
    )
    def amount_due(self, info: Info) -> Money | None:
        # The rule is the read model's (server.payables.reads), read through the loader.
        return ready(
            loaders.bill_details(info.context),
            self.uuid,
            lambda details: Money.from_minor(details[0], self.currency),
        )

    @classmethod
    async def prefetch(cls, info: Info, page: list[Bill]) -> None:
        """Load what the selected row fields read, one statement per batch, before they run."""
        fields = node_fields(info)
        loads: list[Awaitable[Any]] = []
        if "vendor" in fields:
            vendors = crm_loaders.vendors(info.context)
            loads.append(vendors.load_many(missing(vendors, (b.vendor_id for b in page))))
        if fields & {"lines", "amountDue"}:
            details = loaders.bill_details(info.context)
            loads.append(details.load_many(missing(details, (b.uuid for b in page))))
        await asyncio.gather(*loads)

    @classmethod
    def vendors_with_page(cls, info: Info) -> dict[str, Any]:
        """paginate_sql's arguments to read the vendors of a page with the page itself."""
        loader = crm_loaders.vendors(info.context)
        return joined_with_page(info, "vendor", loader, Joined(VendorModel, "vendor_id"))

    @strawberry.field(description="Payments and discounts applied to it, oldest first.")
    async def payments(self, info: Info) -> list[BillAllocation]:
        rows = await loaders.allocations_of_bills(info.context).load(self.uuid)
        return [BillAllocation.from_model(a, self.currency) for a in rows]

    @requires("purchase_order", "read", description="The purchase order it bills, if any.")
    async def purchase_order(self, info: Info) -> PurchaseOrder | None:
        if self.order_id is None:
            return None
        found = await loaders.orders(info.context).load(self.order_id)
        return PurchaseOrder.from_model(found) if found else None

    @requires("member", "read", description="Who entered it.")
    async def created_by(self, info: Info) -> UserType | None:
        return await _user(info, self.created_by_id)

    @requires("member", "read", description="Who approved it.")
    async def approved_by(self, info: Info) -> UserType | None:
        return await _user(info, self.approved_by_id)

    @classmethod
    def from_model(cls, b: models.Bill) -> Self:
        return cls(
            id=str(b.id),
            uuid=b.id,
            vendor_reference=b.vendor_reference,
            status=b.status,
            currency=CurrencyCode(b.currency),
            bill_date=b.bill_date,
            due_date=b.due_date,
            memo=b.memo,
            subtotal=Money.of(b.subtotal_minor, b.currency),
            tax=Money.of(b.tax_minor, b.currency),
            total=Money.of(b.total_minor, b.currency),
            discount_percent=Percent(_quantity(b.discount_percent)) if b.discount_percent else None,
            discount_until=b.discount_until,
            rejection_reason=b.rejection_reason,
            tolerance_overridden=b.tolerance_overridden,
            approved_at=b.approved_at,
            voided_on=b.voided_on,
            created_at=b.created_at,
            updated_at=b.updated_at,
            vendor_id=b.vendor_id,
            order_id=b.purchase_order_id,
            created_by_id=b.created_by_id,
            approved_by_id=b.approved_by_id,
            payment_terms_id=b.terms_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Bill | None]:
        ids = list(node_ids)
        await authorize(info.context, "bill", "read")
        embedded = await lookup(info, BILL, ids)
        if embedded is not None:
            return embedded
        org = info.context.signed_in().org
        found = {
            str(b.id): b for b in await models.Bill.filter(id__in=_uuids(ids), organization_id=org)
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.type(description="Money paid to a vendor, applied to its bills.")
class BillPayment(relay.Node):
    id: relay.NodeID[str]
    # Before `date`, which would otherwise name the field rather than the type here.
    voided_on: date | None = strawberry.field(description="When it was voided.")
    date: date = strawberry.field(description="When it was paid.")
    amount: Money = strawberry.field(description="Amount paid.")
    method: PaymentMethod = strawberry.field(description="How it was paid.")
    reference: str | None = strawberry.field(description="Bank or check reference.")
    memo: str | None = strawberry.field(description="Internal note.")
    status: models.BillPaymentStatus = strawberry.field(description="RECORDED or VOID.")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    vendor_id: strawberry.Private[UUID]
    bank_account_id: strawberry.Private[UUID]
    created_by_id: strawberry.Private[UUID | None]

    @requires("vendor", "read", description="The vendor paid.")
    async def vendor(self, info: Info) -> Vendor | None:
        return await _vendor(info, self.vendor_id)

    @requires("account", "read", description="The bank or cash account paid from.")
    async def bank_account(self, info: Info) -> Account | None:
        found = await ledger_loaders.accounts(info.context).load(self.bank_account_id)
        return Account.from_model(found) if found else None

    @strawberry.field(description="What is not applied to bills: a credit with the vendor.")
    async def unapplied(self, info: Info) -> Money:
        item = await loaders.open_items(info.context).load(UUID(self.id))
        return Money.of(item.open_minor if item else 0, self.amount.currency)

    @strawberry.field(description="The bills it paid, with the amounts.")
    async def allocations(self, info: Info) -> list[BillAllocation]:
        rows = await loaders.allocations_of_payments(info.context).load(UUID(self.id))
        return [BillAllocation.from_model(a, self.amount.currency) for a in rows]

    @requires("member", "read", description="Who recorded it.")
    async def created_by(self, info: Info) -> UserType | None:
        return await _user(info, self.created_by_id)

    @classmethod
    def from_model(cls, p: models.BillPayment) -> Self:
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
            vendor_id=p.vendor_id,
            bank_account_id=p.bank_account_id,
            created_by_id=p.created_by_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[BillPayment | None]:
        ids = list(node_ids)
        await authorize(info.context, "bill_payment", "read")
        embedded = await lookup(info, BILL_PAYMENT, ids)
        if embedded is not None:
            return embedded
        org = info.context.signed_in().org
        found = {
            str(p.id): p
            for p in await models.BillPayment.filter(id__in=_uuids(ids), organization_id=org)
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]
