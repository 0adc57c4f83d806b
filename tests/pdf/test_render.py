"""Rendering: what each document's PDF says, in the organization's locale and with each
currency's precision."""

from __future__ import annotations

from datetime import date

import pytest

from schema.ids import decode
from server.errors import NotFound
from server.pdf import (
    render_credit_note_pdf,
    render_invoice_pdf,
    render_remittance_pdf,
    render_statement_pdf,
)
from tests.ledger.helpers import account_ids
from tests.payables.helpers import Books
from tests.pdf.helpers import invoice_with_lines, pdf_text, set_locale
from tests.receivables.helpers import record_payment, sale
from tests.support import Api

CREDIT_NOTE = """mutation($c: CreditNoteCreateInput!) { creditNoteCreate(input: $c) {
  creditNote { id } userErrors { code } } }"""


def _id(global_id: str, type_name: str) -> object:
    found = decode(global_id, type_name)
    assert found is not None
    return found


async def test_render_invoice_shows_number_customer_lines_and_totals(api: Api) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(
        api,
        org,
        [("Design work", "3", "1200.50"), ("Hosting", "1.5", "99.99")],
        customer_name="Globex Corporation",
        billingAddress={"line1": "1 Main Street", "city": "Springfield", "postalCode": "12345"},
        memo="Thank you for your business",
    )
    text = pdf_text(await render_invoice_pdf(org.id, _id(invoice["id"], "Invoice")))
    assert invoice["number"] in text
    assert "Globex Corporation" in text and "1 Main Street" in text and "12345 Springfield" in text
    assert "Design work" in text and "Hosting" in text
    # 3 x 1,200.50 and 1.5 x 99.99 (rounded half up), then the total.
    assert "$3,601.50" in text and "$149.99" in text and "$3,751.49" in text
    assert "Mar 1, 2026" in text
    assert "Thank you for your business" in text
    assert "DRAFT" not in text


async def test_render_invoice_in_german_locale_writes_german_numbers_and_dates(api: Api) -> None:
    org = await api.new_org(currency="EUR")
    await set_locale(org, "de_DE")
    shown = await api.data("{ organization { locale } }", token=org.token())
    assert shown["organization"]["locale"] == "de_DE"
    invoice = await invoice_with_lines(api, org, [("Beratung", "2.5", "1234.56")], currency="EUR")
    text = pdf_text(await render_invoice_pdf(org.id, _id(invoice["id"], "Invoice")))
    # babel puts a no-break space between amount and symbol.
    assert "3.086,40\xa0€" in text
    assert "2,5" in text
    assert "01.03.2026" in text


async def test_render_invoice_in_yen_shows_no_decimals(api: Api) -> None:
    org = await api.new_org(currency="JPY")
    invoice = await invoice_with_lines(api, org, [("Widget", "3", "1500")], currency="JPY")
    text = pdf_text(await render_invoice_pdf(org.id, _id(invoice["id"], "Invoice")))
    assert "¥4,500" in text
    assert "4,500.00" not in text


async def test_render_invoice_in_bahraini_dinar_shows_three_decimals(api: Api) -> None:
    org = await api.new_org(currency="BHD")
    invoice = await invoice_with_lines(api, org, [("Service", "1", "12.345")], currency="BHD")
    text = pdf_text(await render_invoice_pdf(org.id, _id(invoice["id"], "Invoice")))
    assert "BHD12.345" in text


async def test_render_draft_invoice_is_marked_draft(api: Api) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Draft work", "1", "10.00")], issued=False)
    text = pdf_text(await render_invoice_pdf(org.id, _id(invoice["id"], "Invoice")))
    assert "DRAFT" in text and "Draft work" in text


async def test_render_invoice_of_another_organization_is_not_found(api: Api) -> None:
    org = await api.new_org()
    other = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    with pytest.raises(NotFound):
        await render_invoice_pdf(other.id, _id(invoice["id"], "Invoice"))


async def test_render_credit_note_shows_invoice_reason_and_total(api: Api) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Chairs", "4", "50.00")])
    ids = await account_ids(api, org)
    created = await api.data(
        CREDIT_NOTE,
        {
            "c": {
                "customerId": invoice["customerId"],
                "invoiceId": invoice["id"],
                "issueDate": "2026-03-05",
                "lines": [sale(ids["4000"], "50.00", description="Broken chair")],
                "reason": "One chair arrived broken",
            }
        },
        token=org.token(),
    )
    assert created["creditNoteCreate"]["userErrors"] == []
    note_id = _id(created["creditNoteCreate"]["creditNote"]["id"], "CreditNote")
    text = pdf_text(await render_credit_note_pdf(org.id, note_id))
    assert "Credit note" in text and "Broken chair" in text
    assert invoice["number"] in text
    assert "One chair arrived broken" in text
    assert "$50.00" in text


async def test_render_statement_shows_balances_and_document_numbers(api: Api) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Work", "1", "300.00")], customer_name="Initech")
    paid = await record_payment(
        api,
        org,
        invoice["customerId"],
        "120.00",
        [{"invoiceId": invoice["id"], "amount": "120.00"}],
        reference="WIRE-778",
    )
    assert paid["userErrors"] == [], paid
    customer_id = _id(invoice["customerId"], "Customer")
    pdf = await render_statement_pdf(org.id, customer_id, date(2026, 1, 1), date(2026, 12, 31))
    text = pdf_text(pdf)
    assert "Statement" in text and "Initech" in text
    assert invoice["number"] in text and "WIRE-778" in text
    assert "$300.00" in text and "$180.00" in text
    hidden = pdf_text(
        await render_statement_pdf(
            org.id, customer_id, date(2026, 1, 1), date(2026, 12, 31), numbered=("INVOICE",)
        )
    )
    assert invoice["number"] in hidden and "WIRE-778" not in hidden
    assert "$180.00" in hidden


async def test_render_remittance_lists_the_bills_paid(api: Api) -> None:
    books = await Books.open(api)
    first = await books.approved("SUP-1001", "400.00")
    second = await books.approved("SUP-1002", "250.00")
    paid = await books.pay(
        "500.00", [(first["id"], "400.00"), (second["id"], "100.00")], reference="PAY-42"
    )
    assert paid["userErrors"] == [], paid
    payment_id = _id(paid["billPayment"]["id"], "BillPayment")
    text = pdf_text(await render_remittance_pdf(books.org.id, payment_id))
    assert "Remittance advice" in text and "Paper Supplies Ltd" in text
    assert "SUP-1001" in text and "SUP-1002" in text and "PAY-42" in text
    assert "$400.00" in text and "$100.00" in text and "$500.00" in text
