"""Bills as PostgreSQL writes them into list pages (schema.sql_json)."""

from __future__ import annotations

from schema.crm.sql_shapes import VENDOR, party_of
from schema.documents.sql_shapes import line_fields, lines_of, open_minor
from schema.sql_json import MONEY, Nested, Shape, column, enum_column, money_column, node_id
from server.payables.models import BillStatus

BILL_LINE = Shape("BillLine", line_fields())

# Nothing is owed on a bill until it is approved: amountDue is null before.
_NOT_OWED = ", ".join(f"'{s.value}'" for s in (BillStatus.DRAFT, BillStatus.SUBMITTED))

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
        "toleranceOverridden": column("tolerance_overridden"),
        "voidedOn": column("voided_on"),
        "amountDue": Nested(
            MONEY,
            lambda t: (f"coalesce({open_minor(t)}, 0)", f'{t}."currency"'),
            present=lambda t: f'{t}."status" NOT IN ({_NOT_OWED})',
        ),
        "vendor": party_of(VENDOR, "vendors", "vendor_id"),
        "lines": lines_of(BILL_LINE, "bill_lines", "bill_id"),
    },
)
