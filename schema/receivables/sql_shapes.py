"""Invoices as PostgreSQL writes them into list pages (schema.sql_json)."""

from __future__ import annotations

from schema.crm.sql_shapes import CUSTOMER, party_of
from schema.documents.sql_shapes import line_fields, lines_of, open_minor
from schema.sql_json import Shape, column, enum_column, fixed_point, money, money_column, node_id
from server.receivables.models import InvoiceStatus

INVOICE_LINE = Shape(
    "InvoiceLine",
    {
        **line_fields(),
        "itemId": node_id("Item", "item_id"),
        "taxRateId": node_id("TaxRate", "tax_rate_id"),
    },
)


def _amount_due(t: str) -> str:
    # A draft owes its total; once issued, what its open item still holds.
    return (
        f'CASE WHEN {t}."status" = \'{InvoiceStatus.DRAFT.value}\' THEN {t}."total_minor"'
        f" ELSE coalesce({open_minor(t)}, 0) END"
    )


INVOICE = Shape(
    "Invoice",
    {
        "id": node_id("Invoice"),
        "number": column("number"),
        "status": enum_column("status", InvoiceStatus),
        "currency": column("currency"),
        "issueDate": column("issue_date"),
        "dueDate": column("due_date"),
        "reference": column("reference"),
        "memo": column("memo"),
        "subtotal": money_column("subtotal_minor"),
        "tax": money_column("tax_minor"),
        "total": money_column("total_minor"),
        "discountPercent": fixed_point("discount_percent"),
        "discountUntil": column("discount_until"),
        "creditLimitOverridden": column("credit_limit_overridden"),
        "voidedOn": column("voided_on"),
        "writtenOffOn": column("written_off_on"),
        "amountDue": money(_amount_due),
        "customer": party_of(CUSTOMER, "customers", "customer_id"),
        "lines": lines_of(INVOICE_LINE, "invoice_lines", "invoice_id"),
    },
)
