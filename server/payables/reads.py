"""Bills, bill payments and purchase orders as the database writes them (server.reads),
and the rule of what a bill still owes, which the GraphQL layer's other path reads
through the same SQL. What a payment leaves unapplied is not declared: the stock resolver
reads its open item."""

from __future__ import annotations

from server.crm.reads import VENDOR, party_of
from server.documents.reads import line_fields, lines_of, open_minor
from server.ledger.reads import account_of
from server.payables.models import (
    Bill,
    BillLine,
    BillPayment,
    BillPaymentStatus,
    BillStatus,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
)
from server.reads.shape import (
    Shape,
    Value,
    boolean_column,
    column,
    enum_column,
    fixed_point,
    instant_column,
    money,
    money_column,
    node_id,
)
from server.receivables.models import PaymentMethod

# Nothing is owed on a bill until it is approved.
_NOT_OWED = ", ".join(f"'{s.value}'" for s in (BillStatus.DRAFT, BillStatus.SUBMITTED))


def owed(t: str) -> str:
    """Whether the bill of row `t` is owed at all (approved, whether paid or not)."""
    return f'{t}."status" NOT IN ({_NOT_OWED})'


def amount_due_minor(t: str) -> str:
    """What the owed bill of row `t` still owes, in minor units: what its open item holds
    (nothing without one)."""
    return f"coalesce({open_minor(t)}, 0)"


def amount_due_or_null(t: str) -> str:
    """`amount_due_minor`, NULL for a bill not owed yet."""
    return f"CASE WHEN {owed(t)} THEN {amount_due_minor(t)} END"


BILL_LINE = Shape("BillLine", {**line_fields(), "account": account_of("account_id")})

BILL = Shape(
    "Bill",
    {
        "id": node_id("Bill"),
        "createdAt": instant_column("created_at"),
        "updatedAt": instant_column("updated_at"),
        "approvedAt": instant_column("approved_at"),
        "vendorReference": column("vendor_reference"),
        "status": enum_column("status", BillStatus),
        "currency": column("currency"),
        "billDate": column("bill_date"),
        "dueDate": column("due_date"),
        "memo": column("memo"),
        "subtotal": money_column("subtotal_minor"),
        "tax": money_column("tax_minor"),
        "total": money_column("total_minor"),
        "discountUntil": column("discount_until"),
        "rejectionReason": column("rejection_reason"),
        "toleranceOverridden": boolean_column("tolerance_overridden"),
        "voidedOn": column("voided_on"),
        "amountDue": money(amount_due_minor, present=owed),
        "vendor": party_of(VENDOR, "vendor_id"),
        "lines": lines_of(BILL_LINE, BillLine._meta.db_table, "bill_id"),
    },
    Bill._meta.db_table,
)


BILL_PAYMENT = Shape(
    "BillPayment",
    {
        "id": node_id("BillPayment"),
        "createdAt": instant_column("created_at"),
        "voidedOn": column("voided_on"),
        "date": column("date"),
        "amount": money_column("amount_minor"),
        "method": enum_column("method", PaymentMethod),
        "reference": column("reference"),
        "memo": column("memo"),
        "status": enum_column("status", BillPaymentStatus),
        "vendor": party_of(VENDOR, "vendor_id"),
        "bankAccount": account_of("bank_account_id"),
    },
    BillPayment._meta.db_table,
)

PURCHASE_ORDER_LINE = Shape(
    "PurchaseOrderLine",
    {
        **line_fields(),
        "account": account_of("account_id"),
        # Lines are numbered by the database; GraphQL gives the number as an ID, a string.
        "id": Value(lambda t, _d: f'CAST({t}."id" AS TEXT)'),
        "billedQuantity": fixed_point("billed_quantity"),
    },
)

PURCHASE_ORDER = Shape(
    "PurchaseOrder",
    {
        "id": node_id("PurchaseOrder"),
        "createdAt": instant_column("created_at"),
        "approvedAt": instant_column("approved_at"),
        "number": column("number"),
        "status": enum_column("status", PurchaseOrderStatus),
        "currency": column("currency"),
        "orderDate": column("order_date"),
        "expectedDate": column("expected_date"),
        "memo": column("memo"),
        "subtotal": money_column("subtotal_minor"),
        "tax": money_column("tax_minor"),
        "total": money_column("total_minor"),
        "vendor": party_of(VENDOR, "vendor_id"),
        "lines": lines_of(
            PURCHASE_ORDER_LINE, PurchaseOrderLine._meta.db_table, "purchase_order_id"
        ),
    },
    PurchaseOrder._meta.db_table,
)
