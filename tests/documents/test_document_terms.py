"""Payment terms have one name and shape on every type: `paymentTerms: PaymentTerms` on
customers, vendors, invoices and bills, `paymentTermsId` in their inputs."""

from __future__ import annotations

from tests.documents.helpers import new_terms
from tests.payables.helpers import Books
from tests.receivables.helpers import customer, sale
from tests.support import Api

INVOICE_CREATE = """mutation($input: InvoiceCreateInput!) { invoiceCreate(input: $input) {
  invoice { id paymentTerms { id name } } userErrors { field code } } }"""
BILL = "query($id: ID!) { bill(id: $id) { paymentTerms { name days } } }"


async def test_invoice_create_with_payment_terms_id_shows_the_payment_terms(api: Api) -> None:
    org = await api.new_org()
    terms = await new_terms(api, org, "Net 45", days=45)
    acme = await customer(api, org)
    accounts = await api.data("{ accounts(first: 100) { nodes { id code } } }", token=org.token())
    income = next(a["id"] for a in accounts["accounts"]["nodes"] if a["code"] == "4000")
    base = {"customerId": acme, "issueDate": "2026-03-01", "lines": [sale(income, "10.00")]}
    chosen = await api.data(
        INVOICE_CREATE, {"input": {**base, "paymentTermsId": terms["id"]}}, token=org.token()
    )
    assert chosen["invoiceCreate"]["invoice"]["paymentTerms"] == {
        "id": terms["id"],
        "name": "Net 45",
    }
    plain = await api.data(INVOICE_CREATE, {"input": base}, token=org.token())
    assert plain["invoiceCreate"]["invoice"]["paymentTerms"] is None
    unknown = await api.data(
        INVOICE_CREATE, {"input": {**base, "paymentTermsId": acme}}, token=org.token()
    )
    assert unknown["invoiceCreate"]["userErrors"] == [
        {"field": ["input", "paymentTermsId"], "code": "NOT_FOUND"}
    ]


async def test_bill_of_a_vendor_with_payment_terms_shows_them(api: Api) -> None:
    books = await Books.open(api)
    await books.give_vendors_discount_terms()
    created = await books.create()
    assert created["userErrors"] == [], created
    data = await api.data(BILL, {"id": created["bill"]["id"]}, token=books.org.token())
    assert data["bill"]["paymentTerms"] == {"name": "2/10 net 30", "days": 30}
