"""GraphQL inputs of receivables."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from schema.crm.types import OrderDirection
from schema.enums import described_enum
from schema.receivables import enums as _enums  # noqa: F401 - registers the enums first
from schema.scalars import Amount, CurrencyCode, Percent, Quantity
from server.receivables import models

Day = date


@strawberry.input(description="A line of an invoice; what is left out comes from the item.")
class InvoiceLineInput:
    item_id: strawberry.ID | None = strawberry.field(default=None, description="Item sold.")
    description: str | None = strawberry.field(
        default=None, description="What was sold; the item's name if omitted."
    )
    quantity: Quantity = strawberry.field(
        default="1", description='Quantity as a decimal string, up to 4 decimals ("1.5").'
    )
    unit_price: Amount | None = strawberry.field(
        default=None, description="Price of one unit; the item's price if omitted."
    )
    discount_percent: Percent | None = strawberry.field(
        default=None, description='Discount on the line in percent ("10").'
    )
    tax_rate_id: strawberry.ID | None = strawberry.field(
        default=None, description="Tax rate; the item's if omitted."
    )
    account_id: strawberry.ID | None = strawberry.field(
        default=None, description="Income account; the item's if omitted."
    )
    dimension_option_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Dimension options to tag the line with."
    )


@strawberry.input(description="A new draft invoice.")
class InvoiceCreateInput:
    customer_id: strawberry.ID = strawberry.field(description="Who the invoice is to.")
    issue_date: date = strawberry.field(description="Invoice date.")
    lines: list[InvoiceLineInput] = strawberry.field(description="The lines, in order.")
    due_date: Day | None = strawberry.field(
        default=None, description="Due date; from the terms when issued if omitted."
    )
    terms_id: strawberry.ID | None = strawberry.field(
        default=None, description="Payment terms; the customer's if omitted."
    )
    reference: str | None = strawberry.field(default=None, description="Customer's order number.")
    memo: str | None = strawberry.field(default=None, description="Note on the invoice.")


@strawberry.input(description="A draft invoice's new details; they replace the old ones.")
class InvoiceUpdateInput(InvoiceCreateInput):
    id: strawberry.ID = strawberry.field(description="The draft invoice.")


@strawberry.input(description="Issue a draft invoice.")
class InvoiceIssueInput:
    id: strawberry.ID = strawberry.field(description="The draft invoice.")
    override_credit_limit: bool = strawberry.field(
        default=False,
        description=(
            "Issue even past the customer's credit limit; only for roles allowed to override "
            "it (invoice:override_credit_limit). Without it such an invoice is refused with "
            "CREDIT_LIMIT_EXCEEDED whoever issues it; the audit event records the override."
        ),
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Repeat the request safely: the same key returns the same result."
    )
    dry_run: bool = strawberry.field(
        default=False, description="Return what would be posted without writing anything."
    )


@strawberry.input(description="Void an invoice.")
class InvoiceVoidInput:
    id: strawberry.ID = strawberry.field(description="The invoice.")
    date: Day | None = strawberry.field(
        default=None, description="Date of the reversal; the issue date if omitted."
    )


@strawberry.input(description="Write an invoice's open balance off as bad debt.")
class InvoiceWriteOffInput:
    id: strawberry.ID = strawberry.field(description="The invoice.")
    date: Day = strawberry.field(description="Date of the write-off.")
    memo: str | None = strawberry.field(default=None, description="Why.")


@strawberry.input(description="An amount of a payment to apply to an invoice.")
class AllocationInput:
    invoice_id: strawberry.ID = strawberry.field(description="The invoice.")
    amount: Amount = strawberry.field(description="How much to apply.")


@strawberry.input(description="Money received from a customer.")
class PaymentRecordInput:
    customer_id: strawberry.ID = strawberry.field(description="Who paid.")
    date: Day = strawberry.field(description="When the money was received.")
    amount: Amount = strawberry.field(description="The amount received.")
    deposit_account_id: strawberry.ID = strawberry.field(
        description="Bank or cash account the money went into."
    )
    method: models.PaymentMethod = strawberry.field(
        default=models.PaymentMethod.BANK_TRANSFER, description="How it was paid."
    )
    currency: CurrencyCode | None = strawberry.field(
        default=None, description="Must be the customer's currency; the customer's if omitted."
    )
    reference: str | None = strawberry.field(default=None, description="Bank or cheque reference.")
    memo: str | None = strawberry.field(default=None, description="Narrative.")
    allocations: list[AllocationInput] | None = strawberry.field(
        default=None, description="Invoices to apply it to; the rest stays as credit."
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Repeat the request safely: the same key returns the same result."
    )
    dry_run: bool = strawberry.field(
        default=False, description="Return what would be posted without writing anything."
    )


@strawberry.input(description="Apply a payment's unallocated amount to invoices.")
class PaymentAllocateInput:
    id: strawberry.ID = strawberry.field(description="The payment.")
    allocations: list[AllocationInput] = strawberry.field(description="Invoices and amounts.")
    date: Day | None = strawberry.field(
        default=None, description="When the allocation takes effect; the payment date if omitted."
    )


@strawberry.input(description="Undo one allocation of a payment.")
class PaymentUnallocateInput:
    allocation_id: strawberry.ID = strawberry.field(description="The allocation.")
    date: Day | None = strawberry.field(
        default=None, description="When it is undone; the allocation date if omitted."
    )


@strawberry.input(description="Pay a customer's unallocated credit back.")
class PaymentRefundInput:
    id: strawberry.ID = strawberry.field(description="The payment holding the credit.")
    amount: Amount = strawberry.field(description="How much to pay back.")
    date: Day = strawberry.field(description="When it is paid back.")
    account_id: strawberry.ID = strawberry.field(description="Bank account it is paid from.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Repeat the request safely: the same key returns the same result."
    )


@strawberry.input(description="Void a payment (for example a bounced cheque).")
class PaymentVoidInput:
    id: strawberry.ID = strawberry.field(description="The payment.")
    date: Day | None = strawberry.field(
        default=None, description="Date of the reversal; the payment date if omitted."
    )


@strawberry.input(description="Conditions on invoices.")
class InvoiceFilter:
    status: models.InvoiceStatus | None = strawberry.field(default=None, description="Status.")
    customer_id: strawberry.ID | None = strawberry.field(default=None, description="Customer.")
    issued_from: Day | None = strawberry.field(default=None, description="Issue date from.")
    issued_to: Day | None = strawberry.field(default=None, description="Issue date to.")
    number: str | None = strawberry.field(default=None, description="Exact number.")


class InvoiceOrderField(Enum):
    ISSUE_DATE = "issue_date"
    CREATED_AT = "created_at"


described_enum(
    InvoiceOrderField,
    name="InvoiceOrderField",
    description="What invoices are sorted by.",
    values={
        InvoiceOrderField.ISSUE_DATE: "The invoice's issue date (drafts have none).",
        InvoiceOrderField.CREATED_AT: "When the invoice was created.",
    },
)


@strawberry.input(description="Sort order of invoices.")
class InvoiceOrder:
    field: InvoiceOrderField = strawberry.field(
        default=InvoiceOrderField.ISSUE_DATE, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )


@strawberry.input(description="Conditions on payments.")
class PaymentFilter:
    customer_id: strawberry.ID | None = strawberry.field(default=None, description="Customer.")
    status: models.PaymentStatus | None = strawberry.field(default=None, description="Status.")
    from_date: Day | None = strawberry.field(default=None, description="Received from.")
    to_date: Day | None = strawberry.field(default=None, description="Received to.")


@strawberry.input(description="Sort order of payments (by date).")
class PaymentOrder:
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )
