"""Sending documents by e-mail through the API, delivered to a real SMTP server."""

from __future__ import annotations

from typing import Any

from server.email.delivery import Outcome
from server.email.models import DeliveryStatus, EmailDelivery
from server.events.models import DomainEvent
from server.jobs.models import Job, JobStatus
from server.settings import Settings
from tests.email.conftest import SmtpServer, free_port
from tests.email.helpers import (
    CREDIT_NOTE_SEND,
    INVOICE_SEND,
    RECEIPT_SEND,
    RETRY,
    STATEMENT_SEND,
    TEMPLATE_SET,
    codes,
    configure,
    deliveries,
    delivery_id,
    run_delivery,
    send,
    through_jobs,
)
from tests.ledger.helpers import account_ids
from tests.receivables.helpers import (
    create_invoice,
    customer,
    issued_invoice,
    record_payment,
    sale,
)
from tests.support import Api, Org


async def _books(api: Api, smtp: SmtpServer, *roles: str) -> tuple[Org, str]:
    org = await api.new_org(*roles)
    await configure(api, org, smtp)
    client = await customer(api, org, "Acme Ltd", email="ap@acme.test")
    return org, client


async def test_invoice_send_delivers_the_invoice_to_the_customer(
    api: Api, smtp: SmtpServer, settings: Settings
) -> None:
    org, client = await _books(api, smtp)
    invoice = await issued_invoice(api, org, client, "1250.00")
    sent = await send(
        api, org, INVOICE_SEND, {"id": invoice["id"], "cc": ["boss@acme.test"], "message": "Hi!"}
    )
    assert sent["userErrors"] == []
    delivery = sent["delivery"]
    assert delivery["status"] == "QUEUED" and delivery["to"] == "ap@acme.test"
    assert delivery["subject"] == f"Invoice {invoice['number']} from {org.model.name}"

    assert await through_jobs(delivery) is DeliveryStatus.SENT

    mail = smtp.handler.by_message_id(delivery["messageId"])
    assert sorted(mail.recipients) == ["ap@acme.test", "boss@acme.test"]
    assert mail.sender == "billing@ledgerline.test"
    assert mail.message["Subject"] == delivery["subject"]
    assert mail.message["From"] == "Test Company Billing <billing@ledgerline.test>"
    assert mail.message["Reply-To"] == "accounts@ledgerline.test"
    text = mail.message.get_body(("plain",)).get_content()
    html = mail.message.get_body(("html",)).get_content()
    for body in (text, html):
        assert invoice["number"] in body and "$1,250.00" in body and "Hi!" in body
    # The server saw the password the settings keep sealed.
    assert ("mailer", smtp.password) in smtp.handler.logins

    found = (await deliveries(api, org, {"documentId": invoice["id"]}))["nodes"]
    assert [(d["status"], d["attempts"], d["lastError"]) for d in found] == [("SENT", 1, None)]
    assert found[0]["sentAt"] is not None
    events = await DomainEvent.filter(organization_id=org.id, type__startswith="email.")
    assert [e.type for e in sorted(events, key=lambda e: e.sequence)] == [
        "email.queued",
        "email.sent",
    ]


async def test_invoice_send_escapes_customer_values_in_html(
    api: Api, smtp: SmtpServer, settings: Settings
) -> None:
    org = await api.new_org()
    await configure(api, org, smtp)
    client = await customer(api, org, "Tom <b>& Jerry</b>", email="tj@acme.test")
    invoice = await issued_invoice(api, org, client, "10.00")
    sent = await send(api, org, INVOICE_SEND, {"id": invoice["id"]})
    assert await through_jobs(sent["delivery"]) is DeliveryStatus.SENT
    mail = smtp.handler.by_message_id(sent["delivery"]["messageId"])
    html = mail.message.get_body(("html",)).get_content()
    assert "Tom &lt;b&gt;&amp; Jerry&lt;/b&gt;" in html and "<b>&" not in html
    assert "Tom <b>& Jerry</b>" in mail.message.get_body(("plain",)).get_content()


async def test_invoice_send_refuses_a_draft(api: Api, smtp: SmtpServer) -> None:
    org, client = await _books(api, smtp)
    ids = await account_ids(api, org)
    draft = await create_invoice(api, org, client, [sale(ids["4000"], "5.00")])
    sent = await send(api, org, INVOICE_SEND, {"id": draft["invoice"]["id"]})
    assert codes(sent) == ["INVALID_STATUS"] and sent["delivery"] is None
    assert await EmailDelivery.filter(organization_id=org.id).count() == 0


async def test_invoice_send_another_organizations_invoice_is_not_found(
    api: Api, smtp: SmtpServer
) -> None:
    org, client = await _books(api, smtp)
    invoice = await issued_invoice(api, org, client, "5.00")
    other = await api.new_org()
    await configure(api, other, smtp)
    sent = await send(api, other, INVOICE_SEND, {"id": invoice["id"]})
    assert codes(sent) == ["NOT_FOUND"]


async def test_invoice_send_refuses_bad_addresses(api: Api, smtp: SmtpServer) -> None:
    org, client = await _books(api, smtp)
    invoice = await issued_invoice(api, org, client, "5.00")
    sent = await send(
        api,
        org,
        INVOICE_SEND,
        {"id": invoice["id"], "to": "not-an-address", "cc": ["a@b.test", "x@"]},
    )
    assert {(tuple(e["field"]), e["code"]) for e in sent["userErrors"]} == {
        (("input", "to"), "INVALID_EMAIL"),
        (("input", "cc", "1"), "INVALID_EMAIL"),
    }
    assert await EmailDelivery.filter(organization_id=org.id).count() == 0


async def test_invoice_send_refuses_line_breaks_in_addresses(api: Api, smtp: SmtpServer) -> None:
    org, client = await _books(api, smtp)
    invoice = await issued_invoice(api, org, client, "5.00")
    result = await api.gql(
        INVOICE_SEND,
        {"input": {"id": invoice["id"], "to": "a@b.test\r\nBcc: victim@evil.test"}},
        org.token(),
    )
    # Refused before the resolver: header fields are single-line inputs.
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert await EmailDelivery.filter(organization_id=org.id).count() == 0


async def test_invoice_send_without_any_address_is_refused(api: Api, smtp: SmtpServer) -> None:
    org = await api.new_org()
    await configure(api, org, smtp)
    client = await customer(api, org, "No Mail Ltd")
    invoice = await issued_invoice(api, org, client, "5.00")
    sent = await send(api, org, INVOICE_SEND, {"id": invoice["id"]})
    assert codes(sent) == ["NO_RECIPIENT"]


async def test_invoice_send_without_settings_is_refused(api: Api) -> None:
    org = await api.new_org()
    client = await customer(api, org, "Acme Ltd", email="ap@acme.test")
    invoice = await issued_invoice(api, org, client, "5.00")
    sent = await send(api, org, INVOICE_SEND, {"id": invoice["id"]})
    assert codes(sent) == ["EMAIL_NOT_CONFIGURED"]


async def test_delivery_refused_by_the_server_fails_and_retry_sends_it(
    api: Api, smtp: SmtpServer, settings: Settings
) -> None:
    org, client = await _books(api, smtp)
    invoice = await issued_invoice(api, org, client, "42.00")
    delivery = (await send(api, org, INVOICE_SEND, {"id": invoice["id"]}))["delivery"]
    smtp.handler.refuse = "550 5.7.1 Message rejected by policy"

    # A 5xx reply will not get better by waiting: failed at the first attempt of eight,
    # and its job is dead at once.
    assert await through_jobs(delivery) is DeliveryStatus.FAILED
    (job,) = await Job.filter(organization_id=org.id, kind="email.send")
    assert job.payload == {"delivery_id": str(delivery_id(delivery))}
    assert (job.status, job.attempts) == (JobStatus.DEAD, 1)
    (failed,) = (await deliveries(api, org, {"status": "FAILED"}))["nodes"]
    assert failed["attempts"] == 1 and "550" in failed["lastError"]
    assert "rejected by policy" in failed["lastError"]

    smtp.handler.refuse = None
    retried = await send(api, org, RETRY, {"id": delivery["id"]})
    assert retried["userErrors"] == [] and retried["delivery"]["status"] == "QUEUED"
    assert retried["delivery"]["attempts"] == 0
    assert await through_jobs(delivery) is DeliveryStatus.SENT
    assert smtp.handler.by_message_id(delivery["messageId"]).recipients == ["ap@acme.test"]
    again = await send(api, org, RETRY, {"id": delivery["id"]})
    assert codes(again) == ["INVALID_STATUS"]
    types = await DomainEvent.filter(organization_id=org.id, type__startswith="email.")
    assert sorted(e.type for e in types) == sorted(
        ["email.queued", "email.failed", "email.requeued", "email.sent"]
    )


async def test_delivery_to_an_unreachable_server_is_retried_then_failed(
    api: Api, smtp: SmtpServer, settings: Settings
) -> None:
    org, client = await _books(api, smtp)
    invoice = await issued_invoice(api, org, client, "42.00")
    delivery = (await send(api, org, INVOICE_SEND, {"id": invoice["id"]}))["delivery"]
    await configure(api, org, smtp, port=free_port())  # nothing listens there

    assert await run_delivery(settings, delivery, attempt=1, max_attempts=2) is Outcome.RETRY
    (queued,) = (await deliveries(api, org))["nodes"]
    assert queued["status"] == "QUEUED" and queued["attempts"] == 1 and queued["lastError"]
    assert await run_delivery(settings, delivery, attempt=2, max_attempts=2) is Outcome.FAILED
    (failed,) = (await deliveries(api, org))["nodes"]
    assert failed["status"] == "FAILED" and failed["attempts"] == 2
    # Running the job again changes nothing.
    assert await run_delivery(settings, delivery, attempt=3, max_attempts=2) is Outcome.SKIPPED


async def test_credit_note_and_receipt_send_deliver(
    api: Api, smtp: SmtpServer, settings: Settings
) -> None:
    org, client = await _books(api, smtp)
    payment = await record_payment(api, org, client, "80.00", reference="TRX-7")
    assert payment["userErrors"] == [], payment
    sent = await send(api, org, RECEIPT_SEND, {"id": payment["payment"]["id"]})
    assert sent["userErrors"] == [] and sent["delivery"]["kind"] == "RECEIPT"
    assert await through_jobs(sent["delivery"]) is DeliveryStatus.SENT
    body = smtp.handler.by_message_id(sent["delivery"]["messageId"]).message
    assert "$80.00" in body.get_body(("plain",)).get_content()

    draft_note = await _credit_note(api, org, client)
    refused = await send(api, org, CREDIT_NOTE_SEND, {"id": draft_note})
    assert codes(refused) == ["INVALID_STATUS"]


async def _credit_note(api: Api, org: Org, client: str) -> str:
    ids = await account_ids(api, org)
    data = await api.data(
        """mutation($input: CreditNoteCreateInput!) { creditNoteCreate(input: $input) {
            creditNote { id } userErrors { code } } }""",
        {
            "input": {
                "customerId": client,
                "issueDate": "2026-03-02",
                "lines": [sale(ids["4000"], "5.00")],
            }
        },
        org.token(),
    )
    assert data["creditNoteCreate"]["userErrors"] == [], data
    note_id: str = data["creditNoteCreate"]["creditNote"]["id"]
    return note_id


async def test_customer_statement_send_lists_the_period(
    api: Api, smtp: SmtpServer, settings: Settings
) -> None:
    org, client = await _books(api, smtp)
    invoice = await issued_invoice(api, org, client, "300.00")
    period: dict[str, Any] = {"id": client, "periodFrom": "2026-03-01", "periodTo": "2026-03-31"}
    sent = await send(api, org, STATEMENT_SEND, period)
    assert sent["userErrors"] == [] and sent["delivery"]["documentType"] == "Customer"
    assert await through_jobs(sent["delivery"]) is DeliveryStatus.SENT
    text = smtp.handler.by_message_id(sent["delivery"]["messageId"]).message
    content = text.get_body(("plain",)).get_content()
    assert invoice["number"] in content and "Closing balance: $300.00" in content

    backwards = await send(api, org, STATEMENT_SEND, {**period, "periodFrom": "2026-04-01"})
    assert codes(backwards) == ["INVALID"]


async def test_send_needs_the_send_permission(api: Api, smtp: SmtpServer) -> None:
    org, client = await _books(api, smtp, "sales", "ap_clerk", "ar_clerk", "auditor")
    invoice = await issued_invoice(api, org, client, "5.00")
    for role in ("sales", "ap_clerk", "auditor"):
        result = await api.gql(INVOICE_SEND, {"input": {"id": invoice["id"]}}, org.token(role))
        assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN", role
    sent = await send(api, org, INVOICE_SEND, {"id": invoice["id"]}, role="ar_clerk")
    assert sent["userErrors"] == []
    retry = await api.gql(RETRY, {"input": {"id": sent["delivery"]["id"]}}, org.token("auditor"))
    assert retry["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    listed = await api.gql("{ emailDeliveries { totalCount } }", token=org.token("sales"))
    assert listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await deliveries(api, org, role="auditor"))["totalCount"] == 1


async def test_invoice_send_refuses_a_subject_rendering_a_line_break(
    api: Api, smtp: SmtpServer
) -> None:
    org, client = await _books(api, smtp)
    saved = await api.data(
        TEMPLATE_SET,
        {
            "input": {
                "kind": "INVOICE",
                "subject": "Invoice {{ invoice.number }}: {{ message }}",
                "textBody": "{{ invoice.total }}",
                "htmlBody": "{{ invoice.total }}",
            }
        },
        org.token(),
    )
    assert saved["documentTemplateSet"]["userErrors"] == []
    invoice = await issued_invoice(api, org, client, "5.00")
    sent = await send(
        api, org, INVOICE_SEND, {"id": invoice["id"], "message": "hi\r\nBcc: all@evil.test"}
    )
    assert [(e["field"], e["code"]) for e in sent["userErrors"]] == [
        (["input", "subject"], "HEADER_LINE_BREAK")
    ]
    assert await EmailDelivery.filter(organization_id=org.id).count() == 0
