"""GraphQL inputs of receivables."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from schema.enums import described_enum
from schema.filters import DateRange, OrderDirection
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
    payment_terms_id: strawberry.ID | None = strawberry.field(
        default=None, description="Named payment terms; the customer's if omitted."
    )
    reference: str | None = strawberry.field(default=None, description="Customer's order number.")
    memo: str | None = strawberry.field(default=None, description="Note on the invoice.")


@strawberry.input(
    description="Changes to a draft invoice: omitted fields stay, null clears an optional one."
)
class InvoiceUpdateInput:
    id: strawberry.ID = strawberry.field(description="The draft invoice.")
    customer_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Who the invoice is to; null is refused."
    )
    issue_date: date | None = strawberry.field(
        default=strawberry.UNSET, description="Invoice date; null is refused."
    )
    lines: list[InvoiceLineInput] | None = strawberry.field(
        default=strawberry.UNSET,
        description="The lines, in order, replacing every line; null is refused.",
    )
    due_date: Day | None = strawberry.field(
        default=strawberry.UNSET, description="Due date; null: from the terms when issued."
    )
    payment_terms_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Named payment terms; null: the customer's."
    )
    reference: str | None = strawberry.field(
        default=strawberry.UNSET, description="Customer's order number; null clears it."
    )
    memo: str | None = strawberry.field(
        default=strawberry.UNSET, description="Note on the invoice; null clears it."
    )


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


@strawberry.input(description="Conditions on invoices; every condition given must hold.")
class InvoiceFilter:
    status: list[models.InvoiceStatus] | None = strawberry.field(
        default=None, description="Only invoices in one of these statuses."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this customer's invoices."
    )
    issue_date: DateRange | None = strawberry.field(
        default=None, description="Issued on a day of this range."
    )
    due_date: DateRange | None = strawberry.field(
        default=None, description="Due on a day of this range (drafts without one never are)."
    )
    number: str | None = strawberry.field(default=None, description="Exactly this number.")
    overdue: bool | None = strawberry.field(
        default=None,
        description="True: only invoices overdue today (UTC), as `isOverdue` judges them: "
        "issued or part paid, money still owed, due date passed. False: only the others.",
    )
    search: str | None = strawberry.field(
        default=None,
        description="Text in the number, the customer's reference or the customer's name, "
        "ignoring case.",
    )


class InvoiceOrderField(Enum):
    ISSUE_DATE = "issue_date"
    DUE_DATE = "due_date"
    TOTAL = "total_minor"
    AMOUNT_DUE = "amount_due"
    NUMBER = "number"
    CUSTOMER_NAME = "customer_name"
    CREATED_AT = "created_at"


described_enum(
    InvoiceOrderField,
    name="InvoiceOrderField",
    description="What invoices are sorted by.",
    values={
        InvoiceOrderField.ISSUE_DATE: "The invoice's issue date.",
        InvoiceOrderField.DUE_DATE: "The due date; invoices without one come last ascending, "
        "first descending.",
        InvoiceOrderField.TOTAL: "The total, as a number in the invoice's own currency.",
        InvoiceOrderField.AMOUNT_DUE: "What is still owed (a draft owes its total), as a "
        "number in the invoice's own currency.",
        InvoiceOrderField.NUMBER: "The number, as text; drafts (no number yet) come last "
        "ascending, first descending.",
        InvoiceOrderField.CUSTOMER_NAME: "The customer's name.",
        InvoiceOrderField.CREATED_AT: "When the invoice was created.",
    },
)


@strawberry.input(description="Sort order of invoices; ties are broken by id.")
class InvoiceOrder:
    field: InvoiceOrderField = strawberry.field(
        default=InvoiceOrderField.ISSUE_DATE, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )


@strawberry.input(description="Conditions on payments; every condition given must hold.")
class PaymentFilter:
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this customer's payments."
    )
    status: list[models.PaymentStatus] | None = strawberry.field(
        default=None, description="Only payments in one of these statuses."
    )
    payment_date: DateRange | None = strawberry.field(
        default=None, description="Received on a day of this range."
    )


class PaymentOrderField(Enum):
    PAYMENT_DATE = "date"
    AMOUNT = "amount_minor"
    CREATED_AT = "created_at"


described_enum(
    PaymentOrderField,
    name="PaymentOrderField",
    description="What payments received are sorted by.",
    values={
        PaymentOrderField.PAYMENT_DATE: "The day the money was received.",
        PaymentOrderField.AMOUNT: "The amount, as a number in the payment's own currency.",
        PaymentOrderField.CREATED_AT: "When the payment was recorded.",
    },
)


@strawberry.input(description="Sort order of payments received; ties are broken by id.")
class PaymentOrder:
    field: PaymentOrderField = strawberry.field(
        default=PaymentOrderField.PAYMENT_DATE, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )


@strawberry.input(description="Conditions on credit notes; every condition given must hold.")
class CreditNoteFilter:
    status: list[models.CreditNoteStatus] | None = strawberry.field(
        default=None, description="Only credit notes in one of these statuses."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this customer's credit notes."
    )
    issue_date: DateRange | None = strawberry.field(
        default=None, description="Dated on a day of this range."
    )


class CreditNoteOrderField(Enum):
    ISSUE_DATE = "issue_date"
    NUMBER = "number"
    TOTAL = "total_minor"
    CREATED_AT = "created_at"


described_enum(
    CreditNoteOrderField,
    name="CreditNoteOrderField",
    description="What credit notes are sorted by.",
    values={
        CreditNoteOrderField.ISSUE_DATE: "The credit note's date.",
        CreditNoteOrderField.NUMBER: "The number, as text; drafts (no number yet) come last "
        "ascending, first descending.",
        CreditNoteOrderField.TOTAL: "The total, as a number in the note's own currency.",
        CreditNoteOrderField.CREATED_AT: "When the credit note was created.",
    },
)


@strawberry.input(description="Sort order of credit notes; ties are broken by id.")
class CreditNoteOrder:
    field: CreditNoteOrderField = strawberry.field(
        default=CreditNoteOrderField.ISSUE_DATE, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )
