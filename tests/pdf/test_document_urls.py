"""Invoice.pdfUrl, CreditNote.pdfUrl and customerStatement.pdfUrl: signed, short-lived,
bound to one document, and only for callers allowed to read it."""

from __future__ import annotations

from datetime import timedelta

import httpx

from schema.ids import decode
from server import clock
from server.pdf.signed import DocumentRef, sign
from server.settings import Settings
from tests.pdf.helpers import invoice_with_lines, pdf_text
from tests.receivables.helpers import record_payment
from tests.support import Api

INVOICE_URL = "query($id: ID!) { invoice(id: $id) { number pdfUrl } }"
STATEMENT_URL = """query($c: ID!) { customerStatement(customerId: $c, from: "2026-01-01",
  to: "2026-12-31") { pdfUrl lines { number } } }"""


async def _pdf_url(api: Api, token: str, invoice_id: str) -> str:
    data = await api.data(INVOICE_URL, {"id": invoice_id}, token=token)
    url: str = data["invoice"]["pdfUrl"]
    assert url.startswith("/documents/")
    return url


async def test_pdf_url_serves_the_invoice_pdf(api: Api, client: httpx.AsyncClient) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(
        api, org, [("Audit", "1", "75.00")], customer_name="Umbrella"
    )
    response = await client.get(await _pdf_url(api, org.token(), invoice["id"]))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "no-store"
    text = pdf_text(response.content)
    assert invoice["number"] in text and "Umbrella" in text and "$75.00" in text


async def test_pdf_url_expires_after_five_minutes(
    api: Api, client: httpx.AsyncClient, held_clock: clock.HeldClock
) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Audit", "1", "75.00")])
    url = await _pdf_url(api, org.token(), invoice["id"])
    held_clock.advance(timedelta(minutes=4, seconds=59))
    assert (await client.get(url)).status_code == 200
    held_clock.advance(timedelta(seconds=1))
    expired = await client.get(url)
    assert expired.status_code == 404
    assert expired.text == "Not Found"


async def test_pdf_url_tampered_is_refused(api: Api, client: httpx.AsyncClient) -> None:
    org = await api.new_org()
    first = await invoice_with_lines(api, org, [("One", "1", "1.00")])
    second = await invoice_with_lines(api, org, [("Two", "1", "2.00")])
    url = await _pdf_url(api, org.token(), first["id"])
    other = await _pdf_url(api, org.token(), second["id"])
    body, _, mac = url.removeprefix("/documents/").partition(".")
    other_body, _, other_mac = other.removeprefix("/documents/").partition(".")
    flipped = mac[:-2] + ("A" if mac[-2] != "A" else "B") + mac[-1]
    for token in (f"{body}.{flipped}", f"{other_body}.{mac}", f"{body}.", body, "x.y", "%00"):
        refused = await client.get(f"/documents/{token}")
        assert refused.status_code == 403, token
        assert refused.text == "Forbidden"
        assert not refused.content.startswith(b"%PDF")
    assert (await client.get(f"/documents/{other_body}.{other_mac}")).status_code == 200


async def test_pdf_url_naming_another_organization_finds_nothing(
    api: Api, client: httpx.AsyncClient, settings: Settings
) -> None:
    """A token binds the organization and the document: even one signed with the real key
    for an organization the invoice is not in serves nothing."""
    org = await api.new_org()
    other = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Private", "1", "5.00")])
    invoice_id = decode(invoice["id"], "Invoice")
    assert invoice_id is not None
    crossed = sign(DocumentRef("invoice", other.id, invoice_id), settings.secret)
    refused = await client.get(f"/documents/{crossed}")
    assert refused.status_code == 404
    assert refused.text == "Not Found"
    own = sign(DocumentRef("invoice", org.id, invoice_id), settings.secret)
    assert (await client.get(f"/documents/{own}")).status_code == 200


async def test_pdf_url_refused_to_a_role_without_invoice_read(api: Api) -> None:
    org = await api.new_org("ap_clerk", "viewer")
    invoice = await invoice_with_lines(api, org, [("Audit", "1", "75.00")])
    refused = await api.gql(INVOICE_URL, {"id": invoice["id"]}, token=org.token("ap_clerk"))
    assert refused["data"]["invoice"] is None
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    allowed = await api.data(INVOICE_URL, {"id": invoice["id"]}, token=org.token("viewer"))
    assert allowed["invoice"]["pdfUrl"].startswith("/documents/")


async def test_pdf_url_on_a_page_of_invoices(api: Api, client: httpx.AsyncClient) -> None:
    org = await api.new_org()
    for n in range(3):
        await invoice_with_lines(api, org, [(f"Item {n}", "1", "10.00")])
    data = await api.data("{ invoices(first: 10) { nodes { number pdfUrl } } }", token=org.token())
    nodes = data["invoices"]["nodes"]
    assert len(nodes) == 3
    assert len({n["pdfUrl"] for n in nodes}) == 3
    for node in nodes:
        response = await client.get(node["pdfUrl"])
        assert node["number"] in pdf_text(response.content)


async def test_credit_note_pdf_url_refused_to_a_role_without_credit_note_read(
    api: Api,
) -> None:
    org = await api.new_org("sales", "ar_clerk")
    data = await api.gql("{ creditNotes(first: 5) { nodes { pdfUrl } } }", token=org.token("sales"))
    assert data["data"] is None or data["data"]["creditNotes"] is None
    assert data["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_statement_pdf_hides_numbers_the_role_may_not_read(
    api: Api, client: httpx.AsyncClient
) -> None:
    org = await api.new_org("viewer")
    invoice = await invoice_with_lines(api, org, [("Work", "1", "300.00")])
    paid = await record_payment(
        api,
        org,
        invoice["customerId"],
        "100.00",
        [{"invoiceId": invoice["id"], "amount": "100.00"}],
        reference="WIRE-991",
    )
    assert paid["userErrors"] == []
    variables = {"c": invoice["customerId"]}
    owner = await api.data(STATEMENT_URL, variables, token=org.token())
    owner_text = pdf_text((await client.get(owner["customerStatement"]["pdfUrl"])).content)
    assert invoice["number"] in owner_text and "WIRE-991" in owner_text
    viewer = await api.gql(STATEMENT_URL, variables, token=org.token("viewer"))
    url = viewer["data"]["customerStatement"]["pdfUrl"]
    viewer_text = pdf_text((await client.get(url)).content)
    assert invoice["number"] in viewer_text
    assert "WIRE-991" not in viewer_text
    assert "$200.00" in viewer_text


async def test_pdf_url_is_fresh_when_the_same_query_is_asked_again(
    api: Api, client: httpx.AsyncClient, held_clock: clock.HeldClock
) -> None:
    """The result cache serves unchanged data again; a signed URL in it would have expired."""
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Audit", "1", "75.00")])
    first = await _pdf_url(api, org.token(), invoice["id"])
    held_clock.advance(timedelta(minutes=6))
    second = await _pdf_url(api, org.token(), invoice["id"])
    assert second != first
    assert (await client.get(first)).status_code == 404
    assert (await client.get(second)).status_code == 200
