"""Attachments through the hook a PDF renderer fills, within the size cap."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from server.email import jobs as email_jobs
from server.email.attachments import Attachment, provide, withdraw
from server.email.models import DeliveryStatus, EmailDelivery
from server.settings import Settings
from tests.email.conftest import SmtpServer
from tests.email.helpers import INVOICE_SEND, configure, deliveries, send, through_jobs
from tests.receivables.helpers import customer, issued_invoice
from tests.support import Api, Org

PDF = b"%PDF-1.7 pretend" + b"\x00" * 64


@pytest.fixture
def organizations_with_pdfs() -> Iterator[set[str]]:
    """Organizations whose deliveries get a PDF attached, for the length of one test."""
    chosen: set[str] = set()

    async def pdf(delivery: EmailDelivery) -> list[Attachment]:
        if str(delivery.organization_id) not in chosen:
            return []
        return [Attachment(f"{delivery.document_type}.pdf", "application/pdf", PDF)]

    provide(pdf)
    yield chosen
    withdraw(pdf)


async def _sent_invoice(api: Api, org: Org, smtp: SmtpServer) -> dict[str, object]:
    await configure(api, org, smtp)
    client = await customer(api, org, "Acme Ltd", email="ap@acme.test")
    invoice = await issued_invoice(api, org, client, "15.00")
    sent = await send(api, org, INVOICE_SEND, {"id": invoice["id"]})
    assert sent["userErrors"] == []
    delivery: dict[str, object] = sent["delivery"]
    return delivery


async def test_attachments_for_the_delivery_are_sent(
    api: Api, smtp: SmtpServer, organizations_with_pdfs: set[str]
) -> None:
    org = await api.new_org()
    organizations_with_pdfs.add(str(org.id))
    delivery = await _sent_invoice(api, org, smtp)
    assert await through_jobs(delivery) is DeliveryStatus.SENT
    mail = smtp.handler.by_message_id(str(delivery["messageId"])).message
    (attached,) = list(mail.iter_attachments())
    assert attached.get_filename() == "Invoice.pdf"
    assert attached.get_content_type() == "application/pdf"
    assert attached.get_content() == PDF
    assert mail.get_body(("plain",)) is not None


async def test_attachments_over_the_cap_fail_the_delivery(
    api: Api, smtp: SmtpServer, settings: Settings, organizations_with_pdfs: set[str]
) -> None:
    org = await api.new_org()
    organizations_with_pdfs.add(str(org.id))
    delivery = await _sent_invoice(api, org, smtp)
    email_jobs.configure(settings.model_copy(update={"email_attachments_max_bytes": 10}))
    try:
        assert await through_jobs(delivery) is DeliveryStatus.FAILED
    finally:
        email_jobs.configure(settings)
    (failed,) = (await deliveries(api, org))["nodes"]
    assert "exceed the 10-byte limit" in failed["lastError"]
