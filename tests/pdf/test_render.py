"""Rendering: what an invoice's PDF says, in the organization's locale and the currency's
precision, and that user text is printed as text."""

from __future__ import annotations

from schema.ids import decode
from server.pdf import render_invoice_pdf
from tests.pdf.helpers import invoice_with_lines, pdf_text
from tests.support import Api


async def test_render_invoice_shows_number_customer_lines_and_totals(api: Api) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(
        api,
        org,
        [("Design work", "3", "1200.50"), ("Hosting", "1", "99.99")],
        customer_name="Globex Corporation",
    )
    text = pdf_text(await render_invoice_pdf(org.id, decode(invoice["id"], "Invoice")))
    assert invoice["number"] in text
    assert "Globex Corporation" in text
    assert "Design work" in text and "Hosting" in text
    assert "$3,601.50" in text
    assert "$3,701.49" in text
