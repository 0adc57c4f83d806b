"""The emailDeliveries connection: filters, order, and the page the database writes."""

from __future__ import annotations

from typing import Any

from tests.email.conftest import SmtpServer
from tests.email.helpers import INVOICE_SEND, RECEIPT_SEND, configure, send, through_jobs
from tests.receivables.helpers import customer, issued_invoice, record_payment
from tests.support import Api

DECLARED = "id kind documentType to cc subject status attempts lastError messageId queuedAt sentAt"
PAGE = """query($filter: EmailDeliveryFilter, $order: EmailDeliveryOrder, $after: String) {
  emailDeliveries(filter: $filter, orderBy: $order, first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { %s } } }"""


async def test_email_deliveries_filter_order_and_page(api: Api, smtp: SmtpServer) -> None:
    org = await api.new_org()
    await configure(api, org, smtp)
    client = await customer(api, org, "Acme Ltd", email="ap@acme.test")
    invoice = await issued_invoice(api, org, client, "10.00")
    payment = await record_payment(api, org, client, "4.00")
    first = await send(api, org, INVOICE_SEND, {"id": invoice["id"]})
    await through_jobs(first["delivery"])
    second = await send(api, org, INVOICE_SEND, {"id": invoice["id"], "cc": ["x@acme.test"]})
    receipt = await send(api, org, RECEIPT_SEND, {"id": payment["payment"]["id"]})

    async def page(fields: str, **variables: Any) -> dict[str, Any]:
        data = await api.data(PAGE % fields, variables, org.token())
        found: dict[str, Any] = data["emailDeliveries"]
        return found

    # Newest first by default, two at a time.
    newest = await page(DECLARED)
    assert newest["totalCount"] == 3 and newest["pageInfo"]["hasNextPage"]
    rest = await page(DECLARED, after=newest["pageInfo"]["endCursor"])
    ids = [d["id"] for d in newest["nodes"] + rest["nodes"]]
    expected = [receipt["delivery"]["id"], second["delivery"]["id"], first["delivery"]["id"]]
    assert ids == expected

    # The page the database writes (declared fields only) equals the stock resolvers' one.
    stock = await page(DECLARED + " documentId")
    assert [{k: v for k, v in d.items() if k != "documentId"} for d in stock["nodes"]] == (
        newest["nodes"]
    )
    assert stock["nodes"][0]["documentId"] == payment["payment"]["id"]
    assert newest["nodes"][1]["cc"] == ["x@acme.test"]

    oldest = await page("id", order={"direction": "ASC"})
    assert [d["id"] for d in oldest["nodes"]] == expected[::-1][:2]
    sent = await page("id status", filter={"status": "SENT"})
    assert sent["nodes"] == [{"id": first["delivery"]["id"], "status": "SENT"}]
    of_invoice = await page("id", filter={"documentId": invoice["id"], "kind": "INVOICE"})
    assert of_invoice["totalCount"] == 2
    assert (await page("id", filter={"documentId": "not-an-id"}))["totalCount"] == 0
