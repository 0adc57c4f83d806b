"""Document e-mails carry their document as a PDF.

The composition root registers `document_pdf` with the e-mail package's attachment hook
(`register`): e-mail sits below PDFs in the package layers and never imports them.
"""

from __future__ import annotations

from datetime import date

from server.email.attachments import Attachment, provide
from server.email.models import EmailDelivery, TemplateKind
from server.payables.models import BillPayment
from server.pdf.invoices import render_credit_note, render_invoice
from server.pdf.remittance import render_remittance
from server.pdf.statements import render_statement
from server.receivables.models import CreditNote, Invoice

PDF = "application/pdf"


async def document_pdf(delivery: EmailDelivery) -> list[Attachment]:
    """The PDF of the document the e-mail sends; none for a payment receipt, whose e-mail
    says everything."""
    org, document = delivery.organization_id, delivery.document_id
    if delivery.kind in (TemplateKind.INVOICE, TemplateKind.REMINDER):
        invoice = await Invoice.get(id=document, organization_id=org)
        content = await render_invoice(org, document)
        return [Attachment(f"Invoice {invoice.number}.pdf", PDF, content)]
    if delivery.kind == TemplateKind.CREDIT_NOTE:
        note = await CreditNote.get(id=document, organization_id=org)
        content = await render_credit_note(org, document)
        return [Attachment(f"Credit note {note.number or note.id}.pdf", PDF, content)]
    if delivery.kind == TemplateKind.STATEMENT:
        start = date.fromisoformat(delivery.parameters["from"])
        end = date.fromisoformat(delivery.parameters["to"])
        content = await render_statement(org, document, start, end)
        return [Attachment(f"Statement {start.isoformat()} to {end.isoformat()}.pdf", PDF, content)]
    if delivery.kind == TemplateKind.REMITTANCE:
        payment = await BillPayment.get(id=document, organization_id=org)
        content = await render_remittance(org, document)
        return [Attachment(f"Remittance advice {payment.date.isoformat()}.pdf", PDF, content)]
    return []


def register() -> None:
    """Attach documents' PDFs to their e-mails from now on (once, however often called)."""
    if not _registered:
        provide(document_pdf)
        _registered.append(True)


_registered: list[bool] = []
