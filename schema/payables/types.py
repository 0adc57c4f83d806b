"""GraphQL types of payables: bills, bill payments, purchase orders and the payment schedule."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any, Self
from uuid import UUID

import strawberry
from strawberry import relay

from schema.context import Info
from schema.crm import loaders as crm_loaders
from schema.crm.types import Vendor
from schema.errors import UserError
from schema.identity.types import UserType
from schema.ledger import loaders as ledger_loaders
from schema.ledger.types import Account, TrackingOption
from schema.payables import enums as _enums  # noqa: F401  (registered before use)
from schema.payables import loaders
from schema.permissions import authorize, requires
from schema.prefetch import joined_with_page, missing, node_fields, ready
from schema.reads import lookup
from schema.scalars import CurrencyCode, Money
from server.crm.models import Vendor as VendorModel
from server.documents import models as documents
from server.fixed_point import plain_decimal
from server.payables import models
from server.payables import schedule as sched
from server.payables.reads import BILL, BILL_PAYMENT, PURCHASE_ORDER
from server.receivables.models import PaymentMethod
from server.sql import Joined


def _uuids(raw: Iterable[str]) -> list[UUID]:
    out = []
    for value in raw:
        try:
            out.append(UUID(value))
        except ValueError:
            continue
    return out


def _quantity(value: Any) -> str:
    return str(plain_decimal(value))


async def _vendor(info: Info, vendor_id: UUID) -> Vendor | None:
    found = await crm_loaders.vendors(info.context).load(vendor_id)
    return _vendor_type(found)


def _vendor_type(found: VendorModel | None) -> Vendor | None:
    return Vendor.from_model(found) if found else None


async def _user(info: Info, user_id: UUID | None) -> UserType | None:
    if user_id is None:
        return None
    found = await crm_loaders.users(info.context).load(user_id)
    return UserType.from_model(found) if found else None


@strawberry.interface(description="A line of a bill or purchase order.")
class PurchaseLine:
    line_no: int = strawberry.field(description="Position in the document, from 1.")
    description: str | None = strawberry.field(description="What was bought.")
    quantity: str = strawberry.field(description="Quantity, a decimal string.")
    unit_price: Money = strawberry.field(description="Price of one unit, before discount and tax.")
    discount_percent: str = strawberry.field(description="Line discount in percent.")
    amount: Money = strawberry.field(description="Net amount of the line, rounded half-up.")
    tax: Money = strawberry.field(description="Tax of the line, rounded half-up.")
    account_id: strawberry.Private[UUID]
    option_ids: strawberry.Private[list[UUID]]

    @requires("account", "read", description="The expense or asset account the line posts to.")
    async def account(self, info: Info) -> Account | None:
        found = await ledger_loaders.accounts(info.context).load(self.account_id)
        return Account.from_model(found) if found else None

    @requires("account", "read", description="Dimension options the line is tagged with.")
    async def dimensions(self, info: Info) -> list[TrackingOption] | None:
        found = [await ledger_loaders.options(info.context).load(o) for o in self.option_ids]
        return [TrackingOption.from_model(o) for o in found if o]


def _line_fields(ln: documents.DocumentLine, currency: str) -> dict[str, Any]:
    """The fields bill and purchase order lines share, read off their record."""
    return {
        "line_no": ln.line_no,
        "description": ln.description,
        "quantity": _quantity(ln.quantity),
        "unit_price": Money.of(ln.unit_price_minor, currency),
        "discount_percent": _quantity(ln.discount_percent),
        "amount": Money.of(ln.amount_minor, currency),
        "tax": Money.of(ln.tax_minor, currency),
        "account_id": ln.account_id,
        "option_ids": _uuids(str(o) for o in ln.dimension_option_ids or []),
    }


@strawberry.type(description="A line of a bill.")
class BillLine(PurchaseLine):
    purchase_order_line_id: strawberry.ID | None = strawberry.field(
        description="The purchase order line it bills, if any."
    )

    @classmethod
    def from_model(cls, ln: models.BillLine, currency: str) -> BillLine:
        return cls(
            **_line_fields(ln, currency),
            purchase_order_line_id=(
                strawberry.ID(str(ln.purchase_order_line_id)) if ln.purchase_order_line_id else None
            ),
        )


@strawberry.type(description="A line of a purchase order.")
class PurchaseOrderLine(PurchaseLine):
    id: strawberry.ID = strawberry.field(
        description="Identifies the line within its order (purchaseOrderLineId of bill lines)."
    )
    billed_quantity: str = strawberry.field(description="Quantity billed on approved bills.")

    @classmethod
    def from_model(cls, ln: models.PurchaseOrderLine, currency: str) -> PurchaseOrderLine:
        return cls(
            **_line_fields(ln, currency),
            id=strawberry.ID(str(ln.id)),
            billed_quantity=_quantity(ln.billed_quantity),
        )


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
    discount_percent: str | None = strawberry.field(
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
            discount_percent=_quantity(b.discount_percent) if b.discount_percent else None,
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


@strawberry.type(description="What the organization agreed to buy, before it is billed.")
class PurchaseOrder(relay.Node):
    id: relay.NodeID[str]
    number: str = strawberry.field(description="Gapless number, e.g. PO-000001.")
    status: models.PurchaseOrderStatus = strawberry.field(
        description="DRAFT, APPROVED, PARTIALLY_BILLED, BILLED or CANCELLED."
    )
    currency: CurrencyCode = strawberry.field(description="The vendor's currency.")
    order_date: date = strawberry.field(description="When it was ordered.")
    expected_date: date | None = strawberry.field(description="When delivery is expected.")
    memo: str | None = strawberry.field(description="Internal note.")
    subtotal: Money = strawberry.field(description="Sum of the line amounts, net of tax.")
    tax: Money = strawberry.field(description="Sum of the line taxes.")
    total: Money = strawberry.field(description="Subtotal plus tax.")
    approved_at: datetime | None = strawberry.field(description="When it was approved.")
    created_at: datetime = strawberry.field(description="When it was entered.")
    vendor_id: strawberry.Private[UUID]
    created_by_id: strawberry.Private[UUID | None]
    approved_by_id: strawberry.Private[UUID | None]

    @requires("vendor", "read", description="The vendor ordered from.")
    async def vendor(self, info: Info) -> Vendor | None:
        return await _vendor(info, self.vendor_id)

    @strawberry.field(description="Its lines, in order, with what is billed of each.")
    async def lines(self, info: Info) -> list[PurchaseOrderLine]:
        rows = await loaders.order_lines(info.context).load(UUID(self.id))
        return [PurchaseOrderLine.from_model(r, self.currency) for r in rows]

    @requires("member", "read", description="Who entered it.")
    async def created_by(self, info: Info) -> UserType | None:
        return await _user(info, self.created_by_id)

    @requires("member", "read", description="Who approved it.")
    async def approved_by(self, info: Info) -> UserType | None:
        return await _user(info, self.approved_by_id)

    @classmethod
    def from_model(cls, o: models.PurchaseOrder) -> Self:
        return cls(
            id=str(o.id),
            number=o.number,
            status=o.status,
            currency=CurrencyCode(o.currency),
            order_date=o.order_date,
            expected_date=o.expected_date,
            memo=o.memo,
            subtotal=Money.of(o.subtotal_minor, o.currency),
            tax=Money.of(o.tax_minor, o.currency),
            total=Money.of(o.total_minor, o.currency),
            approved_at=o.approved_at,
            created_at=o.created_at,
            vendor_id=o.vendor_id,
            created_by_id=o.created_by_id,
            approved_by_id=o.approved_by_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[PurchaseOrder | None]:
        ids = list(node_ids)
        await authorize(info.context, "purchase_order", "read")
        embedded = await lookup(info, PURCHASE_ORDER, ids)
        if embedded is not None:
            return embedded
        org = info.context.signed_in().org
        found = {
            str(o.id): o
            for o in await models.PurchaseOrder.filter(id__in=_uuids(ids), organization_id=org)
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.enum(description="Why a bill needs a second look before it is saved.")
class BillWarningCode(Enum):
    POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE"


@strawberry.type(description="Something to acknowledge (acknowledgeWarnings: true) to proceed.")
class BillWarning:
    code: BillWarningCode = strawberry.field(description="What kind of warning.")
    message: str = strawberry.field(description="What looks wrong, for a person to read.")
    bill_id: strawberry.Private[UUID]

    @requires("bill", "read", description="The other bill it resembles.")
    async def bill(self, info: Info) -> Bill | None:
        found = await loaders.bills(info.context).load(self.bill_id)
        return Bill.from_model(found) if found else None


@strawberry.type(description="The bill, warnings to acknowledge, or why it was refused.")
class BillPayload:
    bill: Bill | None = requires("bill", "read", description="The bill after the change.")
    warnings: list[BillWarning] = strawberry.field(
        description="When not empty and not acknowledged, nothing was saved."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The payment, or why it was refused.")
class BillPaymentPayload:
    bill_payment: BillPayment | None = strawberry.field(description="The payment recorded.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The purchase order, or why the change was refused.")
class PurchaseOrderPayload:
    purchase_order: PurchaseOrder | None = strawberry.field(description="The order after it.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="Bills falling due in one period, still open.")
class PaymentScheduleBucket:
    start: date = strawberry.field(description="First day of the period.")
    end: date = strawberry.field(description="Last day of the period.")
    iso_year: int = strawberry.field(description="ISO year of the period's first day.")
    iso_week: int = strawberry.field(description="ISO week of the period's first day.")
    bill_count: int = strawberry.field(description="Number of bills falling due.")
    total: Money = strawberry.field(description="What is open on them, in the base currency.")
    by_currency: list[Money] = strawberry.field(
        description="What is open on them per currency (the cash that goes out)."
    )

    @classmethod
    def from_bucket(cls, b: sched.Bucket, base: str) -> PaymentScheduleBucket:
        year, week, _ = b.start.isocalendar()
        return cls(
            start=b.start,
            end=b.end,
            iso_year=year,
            iso_week=week,
            bill_count=b.bills,
            total=Money.of(b.base_minor, base),
            by_currency=[Money.of(v, c) for c, v in sorted(b.by_currency.items())],
        )


@strawberry.type(description="The cash going out to vendors: open approved bills by due date.")
class PaymentSchedule:
    from_: date = strawberry.field(name="from", description="First day covered.")
    to: date = strawberry.field(description="Last day covered.")
    overdue: PaymentScheduleBucket = strawberry.field(
        description="Bills due before `from` and still open."
    )
    days: list[PaymentScheduleBucket] = strawberry.field(
        description="Each day with bills falling due, in order."
    )
    weeks: list[PaymentScheduleBucket] = strawberry.field(
        description="Each ISO week (Monday to Sunday) with bills falling due, in order; the "
        "first and last hold only the days inside the range."
    )
    total: PaymentScheduleBucket = strawberry.field(description="The whole range.")

    @classmethod
    def from_schedule(cls, s: sched.Schedule) -> PaymentSchedule:
        base = s.base_currency
        return cls(
            from_=s.start,
            to=s.end,
            overdue=PaymentScheduleBucket.from_bucket(s.overdue, base),
            days=[PaymentScheduleBucket.from_bucket(b, base) for b in s.days],
            weeks=[PaymentScheduleBucket.from_bucket(b, base) for b in s.weeks],
            total=PaymentScheduleBucket.from_bucket(s.total, base),
        )
