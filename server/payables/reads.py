"""Bills as the database writes them (server.reads), and the rule of what a bill still
owes, which the GraphQL layer's other path reads through the same SQL."""

from __future__ import annotations

from server.crm.reads import VENDOR, party_of
from server.documents.reads import line_fields, lines_of, open_minor
from server.payables.models import Bill, BillLine, BillStatus
from server.reads.shape import (
    Shape,
    boolean_column,
    column,
    enum_column,
    money,
    money_column,
    node_id,
)

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


BILL_LINE = Shape("BillLine", line_fields())

BILL = Shape(
    "Bill",
    {
        "id": node_id("Bill"),
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
