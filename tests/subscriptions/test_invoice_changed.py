"""invoiceChanged: the invoice now, then each time a change to it commits."""

from __future__ import annotations

from server.jobs.testing import run_jobs
from tests.receivables.helpers import customer, issued_invoice, record_payment
from tests.subscriptions.client import signed_in
from tests.support import Api

CHANGED = """subscription($id: ID!) {
  invoiceChanged(id: $id) { id status amountDue { amount } customer { name } }
}"""


async def test_invoice_changed_follows_payments_that_settle_it(api: Api, ws_url: str) -> None:
    org = await api.new_org()
    buyer = await customer(api, org, "Buyer")
    invoice = await issued_invoice(api, org, buyer, "100.00")
    other_invoice = await issued_invoice(api, org, buyer, "40.00")
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", CHANGED, {"id": invoice["id"]})
        now = (await ws.next("1"))["data"]["invoiceChanged"]
        assert (now["status"], now["amountDue"]["amount"]) == ("ISSUED", "100.00")
        assert now["customer"]["name"] == "Buyer"
        # A payment of the other invoice and another customer are no change to this one.
        await customer(api, org, "Someone else")
        paid_other = await record_payment(
            api, org, buyer, "40.00", [{"invoiceId": other_invoice["id"], "amount": "40.00"}]
        )
        assert paid_other["userErrors"] == []
        await run_jobs()
        await ws.nothing(0.8)
        part = await record_payment(
            api, org, buyer, "30.00", [{"invoiceId": invoice["id"], "amount": "30.00"}]
        )
        assert part["userErrors"] == []
        await run_jobs()
        after_part = (await ws.next("1"))["data"]["invoiceChanged"]
        assert (after_part["status"], after_part["amountDue"]["amount"]) == (
            "PARTIALLY_PAID",
            "70.00",
        )
        rest = await record_payment(
            api, org, buyer, "70.00", [{"invoiceId": invoice["id"], "amount": "70.00"}]
        )
        assert rest["userErrors"] == []
        await run_jobs()
        settled = (await ws.next("1"))["data"]["invoiceChanged"]
        assert (settled["status"], settled["amountDue"]["amount"]) == ("PAID", "0.00")


async def test_invoice_changed_of_another_organizations_invoice_is_not_found(
    api: Api, ws_url: str
) -> None:
    org = await api.new_org()
    other = await api.new_org()
    theirs = await issued_invoice(api, other, await customer(api, other), "10.00")
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", CHANGED, {"id": theirs["id"]})
        refused = await ws.next("1")
        assert refused["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        assert await ws.receive() == {"id": "1", "type": "complete"}


async def test_invoice_changed_without_invoice_read_is_forbidden(api: Api, ws_url: str) -> None:
    org = await api.new_org("admin")
    invoice = await issued_invoice(api, org, await customer(api, org), "10.00")
    async with signed_in(ws_url, org.token("admin")) as ws:
        await ws.subscribe("1", CHANGED, {"id": invoice["id"]})
        message = await ws.receive()
        assert message["type"] == "error", message
        assert message["payload"][0]["extensions"]["code"] == "FORBIDDEN"
