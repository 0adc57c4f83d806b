"""Inputs, filters and sort orders of payables."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from schema.enums import described_enum
from schema.filters import DateRange, OrderDirection
from schema.payables import enums as _enums  # noqa: F401  (registered before use)
from schema.scalars import Amount, CurrencyCode, Percent, Quantity
from server.payables import models
from server.receivables.models import PaymentMethod


@strawberry.input(description="A line of a purchase order.")
class PurchaseLineInput:
    description: str | None = strawberry.field(
        default=None, description="What is bought; the item's name if omitted."
    )
    quantity: Quantity = strawberry.field(
        default="1", description='Quantity as a decimal string, up to 4 places, e.g. "2.5".'
    )
    unit_price: Amount | None = strawberry.field(
        default=None, description="Price of one unit in the vendor's currency."
    )
    discount_percent: Percent | None = strawberry.field(
        default=None, description='Line discount in percent, e.g. "10".'
    )
    account_id: strawberry.ID | None = strawberry.field(
        default=None, description="Expense or asset account; the item's if omitted."
    )
    item_id: strawberry.ID | None = strawberry.field(default=None, description="An item bought.")
    tax_rate_id: strawberry.ID | None = strawberry.field(
        default=None, description="Tax rate (input tax reclaimed)."
    )
    dimension_option_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Tracking options, at most one per category."
    )


@strawberry.input(description="A line of a bill.")
class BillLineInput(PurchaseLineInput):
    purchase_order_line_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The line of the bill's purchase order it bills (bills from an order).",
    )


@strawberry.input(description="A vendor's invoice to enter as a draft.")
class BillCreateInput:
    vendor_id: strawberry.ID = strawberry.field(description="The vendor.")
    vendor_reference: str = strawberry.field(description="The vendor's invoice number.")
    bill_date: date = strawberry.field(description="Date of the vendor's invoice.")
    due_date: date | None = strawberry.field(
        default=None, description="Due date; from the vendor's payment terms if omitted."
    )
    currency: CurrencyCode | None = strawberry.field(
        default=None, description="Must be the vendor's currency; the vendor's if omitted."
    )
    memo: str | None = strawberry.field(default=None, description="Internal note.")
    lines: list[BillLineInput] = strawberry.field(description="One or more lines.")
    acknowledge_warnings: bool = strawberry.field(
        default=False, description="Save even if it resembles another bill of the vendor."
    )


@strawberry.input(description="Changes to a draft bill; omitted fields stay as they are.")
class BillUpdateInput:
    id: strawberry.ID = strawberry.field(description="The draft bill.")
    vendor_reference: str | None = strawberry.field(
        default=strawberry.UNSET, description="The vendor's invoice number."
    )
    bill_date: date | None = strawberry.field(
        default=strawberry.UNSET, description="Date of the vendor's invoice."
    )
    due_date: date | None = strawberry.field(
        default=strawberry.UNSET, description="Due date; null recomputes it from the terms."
    )
    memo: str | None = strawberry.field(default=strawberry.UNSET, description="Internal note.")
    lines: list[BillLineInput] | None = strawberry.field(
        default=strawberry.UNSET, description="New lines, replacing all of them."
    )
    acknowledge_warnings: bool = strawberry.field(
        default=False, description="Save even if it resembles another bill of the vendor."
    )


@strawberry.input(description="A bill to act on.")
class BillIdInput:
    id: strawberry.ID = strawberry.field(description="The bill.")


@strawberry.input(description="A submitted bill to approve.")
class BillApproveInput:
    id: strawberry.ID = strawberry.field(description="The bill.")
    override_tolerance: bool = strawberry.field(
        default=False,
        description="Approve although it bills more than its purchase order allows.",
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Replaying the same key with the same input returns the bill."
    )


@strawberry.input(description="A submitted bill to send back to its author.")
class BillRejectInput:
    id: strawberry.ID = strawberry.field(description="The bill.")
    reason: str = strawberry.field(description="Why, for the author to read.")


@strawberry.input(description="A bill to void.")
class BillVoidInput:
    id: strawberry.ID = strawberry.field(description="The bill.")
    date: date | None = strawberry.field(
        default=None, description="Date of the reversing entry; today if omitted."
    )
    reason: str | None = strawberry.field(default=None, description="Why.")


@strawberry.input(description="Part of a payment applied to one bill.")
class BillPaymentAllocationInput:
    bill_id: strawberry.ID = strawberry.field(description="An approved bill of the vendor.")
    amount: Amount = strawberry.field(description="Amount applied, in the payment's currency.")


@strawberry.input(description="A payment to a vendor, for one or many of its bills.")
class BillPaymentRecordInput:
    vendor_id: strawberry.ID = strawberry.field(description="The vendor paid.")
    date: date = strawberry.field(description="When it was paid.")
    amount: Amount = strawberry.field(description="Amount paid.")
    currency: CurrencyCode = strawberry.field(description="Currency paid in.")
    method: PaymentMethod = strawberry.field(description="How it was paid.")
    bank_account_id: strawberry.ID = strawberry.field(description="Bank or cash account paid from.")
    reference: str | None = strawberry.field(default=None, description="Bank or check reference.")
    memo: str | None = strawberry.field(default=None, description="Internal note.")
    allocations: list[BillPaymentAllocationInput] = strawberry.field(
        default_factory=list,
        description="Bills paid; what is not allocated stays as a credit with the vendor.",
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Replaying the same key with the same input returns the payment."
    )


@strawberry.input(description="A bill payment to void.")
class BillPaymentVoidInput:
    id: strawberry.ID = strawberry.field(description="The bill payment.")
    date: date | None = strawberry.field(
        default=None,
        description="When it is undone and its entry reversed; the payment's own date if omitted.",
    )


@strawberry.input(description="A new purchase order, saved as a draft.")
class PurchaseOrderCreateInput:
    vendor_id: strawberry.ID = strawberry.field(description="The vendor.")
    order_date: date = strawberry.field(description="Date of the order.")
    expected_date: date | None = strawberry.field(
        default=None, description="When delivery is expected."
    )
    memo: str | None = strawberry.field(default=None, description="Internal note.")
    lines: list[PurchaseLineInput] = strawberry.field(description="One or more lines.")


@strawberry.input(description="A purchase order to act on.")
class PurchaseOrderIdInput:
    id: strawberry.ID = strawberry.field(description="The purchase order.")


@strawberry.input(description="What the vendor billed of one order line.")
class PurchaseOrderBillLineInput:
    purchase_order_line_id: strawberry.ID = strawberry.field(description="The order line.")
    quantity: Quantity | None = strawberry.field(
        default=None, description="Quantity billed; what is still open of the line if omitted."
    )
    unit_price: Amount | None = strawberry.field(
        default=None, description="Unit price billed; the order's if omitted."
    )


@strawberry.input(description="A draft bill from an approved purchase order.")
class PurchaseOrderBillInput:
    purchase_order_id: strawberry.ID = strawberry.field(description="The purchase order.")
    vendor_reference: str = strawberry.field(description="The vendor's invoice number.")
    bill_date: date = strawberry.field(description="Date of the vendor's invoice.")
    due_date: date | None = strawberry.field(
        default=None, description="Due date; from the vendor's payment terms if omitted."
    )
    memo: str | None = strawberry.field(default=None, description="Internal note.")
    lines: list[PurchaseOrderBillLineInput] | None = strawberry.field(
        default=None, description="Lines billed; every line not billed yet if omitted."
    )
    acknowledge_warnings: bool = strawberry.field(
        default=False, description="Save even if it resembles another bill of the vendor."
    )


@strawberry.input(description="Conditions on bills; every condition given must hold.")
class BillFilter:
    status: list[models.BillStatus] | None = strawberry.field(
        default=None, description="Only bills in one of these statuses."
    )
    vendor_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this vendor's bills."
    )
    bill_date: DateRange | None = strawberry.field(
        default=None, description="Dated on a day of this range."
    )
    due_date: DateRange | None = strawberry.field(
        default=None, description="Due on a day of this range (bills without one never are)."
    )
    search: str | None = strawberry.field(
        default=None,
        description="Text in the vendor's invoice number or the vendor's name, ignoring case.",
    )


class BillOrderField(Enum):
    BILL_DATE = "bill_date"
    DUE_DATE = "due_date"
    TOTAL = "total_minor"
    AMOUNT_DUE = "amount_due"
    NUMBER = "vendor_reference"
    VENDOR_NAME = "vendor_name"
    CREATED_AT = "created_at"


described_enum(
    BillOrderField,
    name="BillOrderField",
    description="Field to sort bills by.",
    values={
        BillOrderField.BILL_DATE: "The date on the vendor's invoice.",
        BillOrderField.DUE_DATE: "When the bill is due; bills without a due date come last "
        "ascending, first descending.",
        BillOrderField.TOTAL: "The bill's total, as a number in its own currency.",
        BillOrderField.AMOUNT_DUE: "What is still owed on the bill (0 before it is approved), "
        "as a number in its own currency.",
        BillOrderField.NUMBER: "The vendor's invoice number, as text.",
        BillOrderField.VENDOR_NAME: "The vendor's name.",
        BillOrderField.CREATED_AT: "When the bill was entered.",
    },
)


@strawberry.input(description="Sort order of bills; ties are broken by id.")
class BillOrder:
    field: BillOrderField = strawberry.field(
        default=BillOrderField.BILL_DATE, description="Field to sort by."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Ascending or descending."
    )


@strawberry.input(description="Conditions on bill payments; every condition given must hold.")
class BillPaymentFilter:
    vendor_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only payments to this vendor."
    )
    payment_date: DateRange | None = strawberry.field(
        default=None, description="Paid on a day of this range."
    )
    status: list[models.BillPaymentStatus] | None = strawberry.field(
        default=None, description="Only payments in one of these statuses."
    )


class BillPaymentOrderField(Enum):
    PAYMENT_DATE = "date"
    AMOUNT = "amount_minor"
    CREATED_AT = "created_at"


described_enum(
    BillPaymentOrderField,
    name="BillPaymentOrderField",
    description="Field to sort bill payments by.",
    values={
        BillPaymentOrderField.PAYMENT_DATE: "The date the payment was made.",
        BillPaymentOrderField.AMOUNT: "The amount paid, as a number in the payment's currency.",
        BillPaymentOrderField.CREATED_AT: "When the payment was recorded.",
    },
)


@strawberry.input(description="Sort order of bill payments; ties are broken by id.")
class BillPaymentOrder:
    field: BillPaymentOrderField = strawberry.field(
        default=BillPaymentOrderField.PAYMENT_DATE, description="Field to sort by."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Ascending or descending."
    )


@strawberry.input(description="Conditions on purchase orders; every condition given must hold.")
class PurchaseOrderFilter:
    status: list[models.PurchaseOrderStatus] | None = strawberry.field(
        default=None, description="Only orders in one of these statuses."
    )
    vendor_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only orders to this vendor."
    )
    order_date: DateRange | None = strawberry.field(
        default=None, description="Dated on a day of this range."
    )


class PurchaseOrderOrderField(Enum):
    ORDER_DATE = "order_date"
    NUMBER = "number"
    TOTAL = "total_minor"
    CREATED_AT = "created_at"


described_enum(
    PurchaseOrderOrderField,
    name="PurchaseOrderOrderField",
    description="Field to sort purchase orders by.",
    values={
        PurchaseOrderOrderField.ORDER_DATE: "The order's date.",
        PurchaseOrderOrderField.NUMBER: "The order number, as text.",
        PurchaseOrderOrderField.TOTAL: "The order's total, as a number in its own currency.",
        PurchaseOrderOrderField.CREATED_AT: "When the order was entered.",
    },
)


@strawberry.input(description="Sort order of purchase orders; ties are broken by id.")
class PurchaseOrderOrder:
    field: PurchaseOrderOrderField = strawberry.field(
        default=PurchaseOrderOrderField.ORDER_DATE, description="Field to sort by."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Ascending or descending."
    )
