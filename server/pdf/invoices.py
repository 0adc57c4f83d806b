"""The data of an invoice's and a credit note's PDF, and their rendering."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from server.crm.models import Customer
from server.documents.queries import lines_and_amounts_due
from server.email.models import TemplateKind
from server.errors import NotFound
from server.pdf.branding import Branding, branding_for
from server.pdf.compiler import render
from server.pdf.formatting import Formatter
from server.pdf.parts import labels, language, line_rows, party
from server.receivables.models import (
    CreditNote,
    CreditNoteLine,
    CreditNoteStatus,
    Invoice,
    InvoiceLine,
    InvoiceStatus,
)
from server.receivables.reads import amount_due_minor, credit_note_unallocated_minor

# States printed across a document's head: a customer must not take a draft or a void
# invoice for one that is owed.
_INVOICE_MARKS = {
    InvoiceStatus.DRAFT: "DRAFT",
    InvoiceStatus.VOID: "VOID",
    InvoiceStatus.WRITTEN_OFF: "WRITTEN OFF",
    InvoiceStatus.PAID: "PAID",
}
_CREDIT_NOTE_MARKS = {CreditNoteStatus.DRAFT: "DRAFT", CreditNoteStatus.VOID: "VOID"}


async def invoice_data(organization_id: UUID, invoice_id: UUID, fmt: Formatter) -> dict[str, Any]:
    """What the invoice template shows; NotFound for an invoice of another organization."""
    invoice = await Invoice.get_or_none(id=invoice_id, organization_id=organization_id)
    if invoice is None:
        raise NotFound("invoice not found")
    customer = await Customer.get(id=invoice.customer_id)
    # The amount due by the read model's rule, with the lines, as the API reads them.
    found = await lines_and_amounts_due(
        organization_id, "invoices", InvoiceLine, "invoice_id", amount_due_minor, [invoice.id]
    )
    due, lines = found.get(invoice.id, (None, []))
    cur = invoice.currency
    totals = [
        (labels()["subtotal"], fmt.money(invoice.subtotal_minor, cur)),
        (labels()["tax"], fmt.money(invoice.tax_minor, cur)),
        (labels()["total"], fmt.money(invoice.total_minor, cur)),
    ]
    if invoice.status != InvoiceStatus.DRAFT and due is not None and due != invoice.total_minor:
        totals.append((labels()["amountDue"], fmt.money(due, cur)))
    return {
        "labels": labels(title="Invoice", billTo="Bill to"),
        "lang": language(fmt.locale),
        "number": invoice.number or "",
        "status": _INVOICE_MARKS.get(invoice.status, ""),
        "customer": party(customer),
        "issueDate": fmt.day(invoice.issue_date),
        "dueDate": fmt.day(invoice.due_date),
        "reference": invoice.reference or "",
        "lines": line_rows(list(lines), cur, fmt),
        "totals": totals,
        "memo": invoice.memo or "",
    }


async def credit_note_data(
    organization_id: UUID, credit_note_id: UUID, fmt: Formatter
) -> dict[str, Any]:
    note = await CreditNote.get_or_none(id=credit_note_id, organization_id=organization_id)
    if note is None:
        raise NotFound("credit note not found")
    customer = await Customer.get(id=note.customer_id)
    found = await lines_and_amounts_due(
        organization_id,
        "credit_notes",
        CreditNoteLine,
        "credit_note_id",
        credit_note_unallocated_minor,
        [note.id],
    )
    _unapplied, lines = found.get(note.id, (None, []))
    invoice = await Invoice.get_or_none(id=note.invoice_id) if note.invoice_id else None
    cur = note.currency
    return {
        "labels": labels(title="Credit note", creditTo="Credit to", memo="Reason"),
        "lang": language(fmt.locale),
        "number": note.number or "",
        "status": _CREDIT_NOTE_MARKS.get(note.status, ""),
        "customer": party(customer),
        "issueDate": fmt.day(note.issue_date),
        "invoiceNumber": (invoice.number or "") if invoice else "",
        "lines": line_rows(list(lines), cur, fmt),
        "totals": [
            (labels()["subtotal"], fmt.money(note.subtotal_minor, cur)),
            (labels()["tax"], fmt.money(note.tax_minor, cur)),
            (labels()["total"], fmt.money(note.total_minor, cur)),
        ],
        "memo": note.reason or "",
    }


async def render_invoice(organization_id: UUID, invoice_id: UUID) -> bytes:
    brand = await branding_for(organization_id, TemplateKind.INVOICE)
    data = await invoice_data(organization_id, invoice_id, Formatter(brand.locale))
    return await render("invoice", data, brand)


async def render_credit_note(organization_id: UUID, credit_note_id: UUID) -> bytes:
    brand: Branding = await branding_for(organization_id, TemplateKind.CREDIT_NOTE)
    data = await credit_note_data(organization_id, credit_note_id, Formatter(brand.locale))
    return await render("credit_note", data, brand)
