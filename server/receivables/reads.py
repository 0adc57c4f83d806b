"""Invoices as the database writes them (server.reads), and the rule of what an invoice
still owes, which the GraphQL layer's other path reads through the same SQL."""

from __future__ import annotations

from server.crm.reads import CUSTOMER, party_of
from server.documents.reads import line_fields, lines_of, open_minor
from server.reads.shape import (
    Shape,
    boolean_column,
    column,
    enum_column,
    fixed_point,
    money,
    money_column,
    node_id,
)
from server.receivables.models import Invoice, InvoiceLine, InvoiceStatus


def amount_due_minor(t: str) -> str:
    """What the invoice of row `t` still owes, in minor units: a draft owes its total; once
    issued, what its open item still holds (nothing without one)."""
    return (
        f'CASE WHEN {t}."status" = \'{InvoiceStatus.DRAFT.value}\' THEN {t}."total_minor"'
        f" ELSE coalesce({open_minor(t)}, 0) END"
    )


INVOICE_LINE = Shape(
    "InvoiceLine",
    {
        **line_fields(),
        "itemId": node_id("Item", "item_id"),
        "taxRateId": node_id("TaxRate", "tax_rate_id"),
    },
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
        "creditLimitOverridden": boolean_column("credit_limit_overridden"),
        "voidedOn": column("voided_on"),
        "writtenOffOn": column("written_off_on"),
        "amountDue": money(amount_due_minor),
        "customer": party_of(CUSTOMER, "customer_id"),
        "lines": lines_of(INVOICE_LINE, InvoiceLine._meta.db_table, "invoice_id"),
    },
    Invoice._meta.db_table,
)
