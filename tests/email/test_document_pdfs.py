"""A document e-mail carries its document as a PDF, in the look its template sets: footer,
colour, tax id and bank details."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from server.email.attachments import provide, withdraw
from server.email.models import DeliveryStatus
from server.pdf.attachments import document_pdf
from tests.email.conftest import SmtpServer
from tests.email.helpers import INVOICE_SEND, TEMPLATE_SET, configure, send, through_jobs
from tests.receivables.helpers import customer, issued_invoice
from tests.support import Api


@pytest.fixture
def real_pdfs() -> Iterator[None]:
    provide(document_pdf)
    yield
    withdraw(document_pdf)


async def test_invoice_email_attaches_the_invoice_pdf_with_the_templates_footer(
    api: Api, smtp: SmtpServer, real_pdfs: None
) -> None:
    org = await api.new_org()
    await configure(api, org, smtp)
    footer = "Pay to IBAN DE89 3704 0044 0532 0130 00 within 30 days"
    template = await api.data(
        TEMPLATE_SET,
        {
            "input": {
                "kind": "INVOICE",
                "subject": "Invoice {{ invoice.number }}",
                "textBody": "Your invoice {{ invoice.number }} is attached.",
                "htmlBody": "<p>Your invoice {{ invoice.number }} is attached.</p>",
                "pdfFooter": footer,
                "accentColor": "#aa3300",
                "pdfTaxId": "VAT DE123456789",
                "pdfBankDetails": "Bank: Example Bank AG\nBIC: EXAMDEFFXXX",
            }
        },
        token=org.token(),
    )
    assert template["documentTemplateSet"]["userErrors"] == []
    client = await customer(api, org, "Acme Ltd", email="ap@acme.test")
    invoice = await issued_invoice(api, org, client, "1250.00")
    sent = await send(api, org, INVOICE_SEND, {"id": invoice["id"]})
    assert sent["userErrors"] == []
    assert await through_jobs(sent["delivery"]) is DeliveryStatus.SENT

    mail = smtp.handler.by_message_id(sent["delivery"]["messageId"]).message
    (attached,) = list(mail.iter_attachments())
    assert attached.get_filename() == f"Invoice {invoice['number']}.pdf"
    assert attached.get_content_type() == "application/pdf"
    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(attached.get_content())).pages
    )
    assert invoice["number"] in text and "Acme Ltd" in text and "1,250.00" in text
    flat = " ".join(text.split())
    assert " ".join(footer.split()) in flat
    assert "VAT DE123456789" in flat
    assert "Example Bank AG" in flat and "EXAMDEFFXXX" in flat
