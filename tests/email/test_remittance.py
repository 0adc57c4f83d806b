"""Remittance advice of a bill payment, e-mailed to the vendor."""

from __future__ import annotations

from server.email.models import DeliveryStatus
from server.settings import Settings
from tests.email.conftest import SmtpServer
from tests.email.helpers import REMITTANCE_SEND, codes, configure, send, through_jobs
from tests.payables.helpers import Books
from tests.support import Api


async def test_remittance_send_delivers_to_the_vendor(
    api: Api, smtp: SmtpServer, settings: Settings
) -> None:
    books = await Books.open(api, "accountant", "ar_clerk")
    await configure(api, books.org, smtp)
    vendor = await books.new_vendor("Ink Works", email="accounts@ink.test")
    bill = await books.approved("INK-1", "64.50", vendorId=vendor)
    paid = await books.pay("64.50", [(bill["id"], "64.50")], vendorId=vendor, reference="REM-9")
    assert paid["userErrors"] == [], paid
    payment_id = paid["billPayment"]["id"]

    forbidden = await api.gql(
        REMITTANCE_SEND, {"input": {"id": payment_id}}, books.org.token("ar_clerk")
    )
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    sent = await send(api, books.org, REMITTANCE_SEND, {"id": payment_id}, role="ap_clerk")
    assert sent["userErrors"] == [] and sent["delivery"]["to"] == "accounts@ink.test"
    assert await through_jobs(sent["delivery"]) is DeliveryStatus.SENT
    mail = smtp.handler.by_message_id(sent["delivery"]["messageId"]).message
    text = mail.get_body(("plain",)).get_content()
    assert "Dear Ink Works" in text and "$64.50" in text and "REM-9" in text

    # A bill payment of the books' own vendor, who has no e-mail address.
    other_bill = await books.approved("P-2", "10.00")
    other = await books.pay("10.00", [(other_bill["id"], "10.00")])
    refused = await send(api, books.org, REMITTANCE_SEND, {"id": other["billPayment"]["id"]})
    assert codes(refused) == ["NO_RECIPIENT"]
