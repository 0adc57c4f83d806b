"""PDF documents: invoices, credit notes, customer statements and remittance advice,
rendered by Typst from our own templates (docs/decisions/pdf-rendering.md).

Every function takes the organization the document must belong to and raises NotFound for
a document of another organization, so a caller holding only an id cannot cross tenants."""

from __future__ import annotations

from server.pdf.invoices import render_credit_note as render_credit_note_pdf
from server.pdf.invoices import render_invoice as render_invoice_pdf
from server.pdf.remittance import render_remittance as render_remittance_pdf
from server.pdf.statements import render_statement as render_statement_pdf

__all__ = [
    "render_credit_note_pdf",
    "render_invoice_pdf",
    "render_remittance_pdf",
    "render_statement_pdf",
]
