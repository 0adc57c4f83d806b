"""Helpers of the e-mail tests: settings, sending through the API, running a delivery."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from schema.ids import decode
from server.email.delivery import Outcome, deliver
from server.email.models import DeliveryStatus, EmailDelivery
from server.jobs.testing import run_jobs
from server.settings import Settings
from tests.email.conftest import USERNAME, SmtpServer
from tests.support import Api, Org

DELIVERY = """id kind documentType documentId to cc subject status attempts lastError
  messageId queuedAt sentAt"""

SETTINGS_SET = """
mutation($input: EmailSettingsSetInput!) {
  emailSettingsSet(input: $input) {
    settings { source host port security username passwordSet fromAddress fromName replyTo }
    userErrors { field code message }
  }
}"""

TEMPLATE_SET = """
mutation($input: DocumentTemplateSetInput!) {
  documentTemplateSet(input: $input) {
    template { kind subject textBody htmlBody pdfFooter accentColor custom }
    userErrors { field code message }
  }
}"""


def send_mutation(name: str, input_type: str = "DocumentSendInput") -> str:
    return f"""
mutation($input: {input_type}!) {{
  {name}(input: $input) {{ delivery {{ {DELIVERY} }} userErrors {{ field code message }} }}
}}"""


INVOICE_SEND = send_mutation("invoiceSend")
CREDIT_NOTE_SEND = send_mutation("creditNoteSend")
RECEIPT_SEND = send_mutation("paymentReceiptSend")
REMITTANCE_SEND = send_mutation("remittanceSend")
STATEMENT_SEND = send_mutation("customerStatementSend", "CustomerStatementSendInput")
RETRY = send_mutation("emailDeliveryRetry", "EmailDeliveryRetryInput")

DELIVERIES = f"""
query($filter: EmailDeliveryFilter) {{
  emailDeliveries(filter: $filter, first: 50) {{ totalCount nodes {{ {DELIVERY} }} }}
}}"""


def settings_input(smtp: SmtpServer, **extra: Any) -> dict[str, Any]:
    return {
        "host": smtp.host,
        "port": smtp.port,
        "security": "NONE",
        "username": USERNAME,
        "password": smtp.password,
        "fromAddress": "billing@ledgerline.test",
        "fromName": "Test Company Billing",
        "replyTo": "accounts@ledgerline.test",
        **extra,
    }


async def configure(api: Api, org: Org, smtp: SmtpServer, **extra: Any) -> dict[str, Any]:
    data = await api.data(SETTINGS_SET, {"input": settings_input(smtp, **extra)}, org.token())
    payload: dict[str, Any] = data["emailSettingsSet"]
    assert payload["userErrors"] == [], payload
    return payload


async def send(
    api: Api, org: Org, mutation: str, input: dict[str, Any], role: str = "owner"
) -> dict[str, Any]:
    data = await api.data(mutation, {"input": input}, org.token(role))
    payload: dict[str, Any] = next(iter(data.values()))
    return payload


def delivery_id(delivery: dict[str, Any]) -> UUID:
    found = decode(delivery["id"], "EmailDelivery")
    assert isinstance(found, UUID)
    return found


async def through_jobs(delivery: dict[str, Any]) -> DeliveryStatus:
    """Run the background work due now (the `email.send` jobs among it); the delivery's
    status after it."""
    await run_jobs()
    return (await EmailDelivery.get(id=delivery_id(delivery))).status


async def run_delivery(
    settings: Settings, delivery: dict[str, Any], attempt: int = 1, max_attempts: int = 1
) -> Outcome:
    """What the `email.send` job does for a delivery, at a chosen attempt of a chosen
    number, without the runner's backoff in between."""
    return await deliver(settings, delivery_id(delivery), attempt, max_attempts)


async def deliveries(
    api: Api, org: Org, filter: dict[str, Any] | None = None, role: str = "owner"
) -> dict[str, Any]:
    data = await api.data(DELIVERIES, {"filter": filter}, org.token(role))
    found: dict[str, Any] = data["emailDeliveries"]
    return found


def codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]
