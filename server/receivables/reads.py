"""Invoices, payments and credit notes as the database writes them (server.reads), and the
rules of what an invoice still owes and what a payment or credit note has not applied yet,
which the GraphQL layer's other path reads through the same SQL."""

from __future__ import annotations

from uuid import UUID

from server.crm.reads import CUSTOMER, party_of
from server.documents.models import Allocation, AllocationKind
from server.documents.reads import line_fields, lines_of, open_minor
from server.ledger.reads import account_of
from server.reads.shape import (
    Related,
    Rows,
    Shape,
    boolean_column,
    column,
    enum_column,
    fixed_point,
    instant_column,
    money,
    money_column,
    node_id,
)
from server.receivables.models import (
    CreditNote,
    CreditNoteLine,
    CreditNoteStatus,
    Dispute,
    DisputeReason,
    DisputeResolution,
    DisputeStatus,
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
)
from server.sql import fetch_rows, placeholders


def amount_due_minor(t: str) -> str:
    """What the invoice of row `t` still owes, in minor units: a draft owes its total; once
    issued, what its open item still holds (nothing without one)."""
    return (
        f'CASE WHEN {t}."status" = \'{InvoiceStatus.DRAFT.value}\' THEN {t}."total_minor"'
        f" ELSE coalesce({open_minor(t)}, 0) END"
    )


def _invoice_of(link: str) -> Related:
    """The invoice a row's `link` names, of the row's organization (null for none)."""
    return Related(
        INVOICE,
        lambda t, a: (
            f'FROM "{INVOICE.table}" {a} WHERE {a}."id" = {t}."{link}"'
            f' AND {a}."organization_id" = {t}."organization_id"'
        ),
    )


INVOICE_LINE = Shape(
    "InvoiceLine",
    {
        **line_fields(),
        "account": account_of("account_id"),
        "itemId": node_id("Item", "item_id"),
        "taxRateId": node_id("TaxRate", "tax_rate_id"),
    },
)

INVOICE = Shape(
    "Invoice",
    {
        "id": node_id("Invoice"),
        "createdAt": instant_column("created_at"),
        "issuedAt": instant_column("issued_at"),
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


def payment_unallocated_minor(t: str) -> str:
    """What the payment of row `t` has not applied yet, in minor units: what its open item
    still holds (nothing without one)."""
    return f"coalesce({open_minor(t)}, 0)"


async def payments_unallocated(organization_id: UUID, ids: list[UUID]) -> dict[UUID, int]:
    """`payment_unallocated_minor` of each of the organization's payments with these ids,
    one statement: the stock resolvers' reading of the same rule."""
    if not ids:
        return {}
    table = Payment._meta.db_table
    rows = await fetch_rows(
        f"SELECT p.id AS id, {payment_unallocated_minor('p')} AS unallocated"  # noqa: S608
        f' FROM "{table}" p WHERE p.organization_id = $1'
        f" AND p.id IN ({placeholders(len(ids), first=2)})",
        organization_id,
        *ids,
    )
    # PostgreSQL's driver hands back UUIDs already; SQLite, text.
    return {
        r["id"] if isinstance(r["id"], UUID) else UUID(r["id"]): int(r["unallocated"]) for r in rows
    }


def credit_note_unallocated_minor(t: str) -> str:
    """What the credit note of row `t` has not applied yet, in minor units: a draft its
    total; once issued, what its open item still holds (nothing without one)."""
    return (
        f'CASE WHEN {t}."status" = \'{CreditNoteStatus.DRAFT.value}\' THEN {t}."total_minor"'
        f" ELSE coalesce({open_minor(t)}, 0) END"
    )


# The credit's currency, carried on each allocation read for it (allocations store none).
_ALLOCATION_CURRENCY = "credit_currency__"

# An allocation's invoice and payment are other permission objects: the stock resolvers
# answer them (the gate decides each), so they are not declared here.
ALLOCATION = Shape(
    "Allocation",
    {
        "id": node_id("Allocation"),
        "kind": enum_column("kind", AllocationKind),
        "amount": money_column("amount_minor", _ALLOCATION_CURRENCY),
        "date": column("date"),
        "reversedOn": column("reversed_on"),
        "memo": column("memo"),
    },
)


def allocations_of_credit() -> Rows:
    """Where a payment or credit note went, oldest first, in the credit's currency: the
    allocations whose credit side is its open item."""
    table = Allocation._meta.db_table
    return Rows(
        ALLOCATION,
        lambda t, a: (
            f'FROM (SELECT x.*, {t}."currency" AS "{_ALLOCATION_CURRENCY}" FROM "{table}" x'  # noqa: S608
            f' WHERE x."credit_id" = {t}."id" AND x."organization_id" = {t}."organization_id")'
            f" {a}"
        ),
        '{t}."created_at", {t}."id"',
    )


PAYMENT = Shape(
    "Payment",
    {
        "id": node_id("Payment"),
        "createdAt": instant_column("created_at"),
        "date": column("date"),
        "amount": money_column("amount_minor"),
        "method": enum_column("method", PaymentMethod),
        "reference": column("reference"),
        "memo": column("memo"),
        "status": enum_column("status", PaymentStatus),
        "voidedOn": column("voided_on"),
        "unallocated": money(payment_unallocated_minor),
        "customer": party_of(CUSTOMER, "customer_id"),
        "depositAccount": account_of("deposit_account_id"),
        "allocations": allocations_of_credit(),
    },
    Payment._meta.db_table,
)

CREDIT_NOTE = Shape(
    "CreditNote",
    {
        "id": node_id("CreditNote"),
        "createdAt": instant_column("created_at"),
        "number": column("number"),
        "status": enum_column("status", CreditNoteStatus),
        "currency": column("currency"),
        "issueDate": column("issue_date"),
        "reason": column("reason"),
        "subtotal": money_column("subtotal_minor"),
        "tax": money_column("tax_minor"),
        "total": money_column("total_minor"),
        "unallocated": money(credit_note_unallocated_minor),
        "customer": party_of(CUSTOMER, "customer_id"),
        "lines": lines_of(INVOICE_LINE, CreditNoteLine._meta.db_table, "credit_note_id"),
        "invoice": _invoice_of("invoice_id"),
        "allocations": allocations_of_credit(),
    },
    CreditNote._meta.db_table,
)


# A dispute's invoice, of the dispute's organization; read by the invoice's own shape.
DISPUTE = Shape(
    "Dispute",
    {
        "id": node_id("Dispute"),
        "status": enum_column("status", DisputeStatus),
        "reason": enum_column("reason", DisputeReason),
        "note": column("note"),
        "openedOn": column("opened_on"),
        "resolution": enum_column("resolution", DisputeResolution),
        "resolutionNote": column("resolution_note"),
        "resolvedOn": column("resolved_on"),
        "invoice": _invoice_of("invoice_id"),
    },
    Dispute._meta.db_table,
)
