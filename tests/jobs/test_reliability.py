"""Outbound work survives its worker: real `ledgerline worker` processes on PostgreSQL,
killed with SIGKILL mid-way through hundreds of webhooks and e-mails, against a real HTTP
receiver and a real SMTP server.

At least once, never twice at once: every event reaches every enabled endpoint, every
e-mail reaches the SMTP server and is recorded as sent once; a message whose worker died
after the receiver took it but before it was recorded comes again with the same id.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller

from server.app import create_app
from server.email.models import DeliveryStatus, EmailDelivery
from server.events.models import DomainEvent
from server.jobs.models import Job, JobStatus
from server.settings import Settings
from server.webhooks import message
from server.webhooks.models import DeliveryStatus as HookStatus
from server.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests.email.conftest import free_port
from tests.email.helpers import RECEIPT_SEND, send
from tests.receivables.helpers import customer, record_payment
from tests.support import Api, Org
from tests.webhooks.helpers import CUSTOMER, made
from tests.webhooks.receiver import Answer, Receiver, running

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
STALE_SECONDS = 3
# Slow enough that a kill lands with some of the work done and some not.
RECEIVER_DELAY = 0.02
SMTP_DELAY = 0.02
PATHS = ("/first", "/second")
Worker = subprocess.Popen[bytes]


@dataclass
class Mailbox:
    """An SMTP server's handler that keeps the Message-ID of every message it accepts."""

    message_ids: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(SMTP_DELAY)
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        self.message_ids.append(str(parsed["Message-ID"]))
        return "250 Message accepted for delivery"


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield handler, controller.port
    finally:
        controller.stop()


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    with running() as r:
        for path in PATHS:
            r.answer(path, Answer(delay=RECEIVER_DELAY))
        yield r
    await WebhookEndpoint.filter(url__startswith=r.url("/")).update(enabled=False)


@pytest.fixture
async def local_api(settings: Settings) -> AsyncIterator[Api]:
    """The API as configured for development: endpoints may point at loopback."""
    app = create_app(
        settings.model_copy(update={"webhooks_allow_private": True}), manage_database=False
    )
    await app.state.access.refresh()
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield Api(c)


@pytest.fixture
def start_worker(database_url: str, settings: Settings, tmp_path: Path) -> Iterator[Any]:
    started: list[Worker] = []

    def start() -> Worker:
        env = {
            **os.environ,
            "LEDGERLINE_DATABASE_URL": database_url,
            "LEDGERLINE_ENV": "test",
            "LEDGERLINE_DATA_DIR": str(tmp_path),
            # The tests' secret: it opens the sealed SMTP password and webhook secrets.
            "LEDGERLINE_JWT_SECRET": settings.jwt_secret,
            "LEDGERLINE_JOB_STALE_SECONDS": str(STALE_SECONDS),
            "LEDGERLINE_WEBHOOKS_ALLOW_PRIVATE": "1",
            "LEDGERLINE_LOG_LEVEL": "WARNING",
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "worker"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def kill(worker: Worker) -> None:
    worker.send_signal(signal.SIGKILL)
    worker.wait()


async def until(condition: Callable[[], Awaitable[bool]], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"not in {seconds} s: {what}")


async def hooked_org(api: Api, receiver: Receiver) -> Org:
    """An organization with one endpoint per receiver path, for its customers' events."""
    org = await api.new_org()
    for path in PATHS:
        await made(api, org, receiver.url(path), eventTypes=["customer.created"])
    return org


async def configure_email(api: Api, org: Org, port: int) -> list[str]:
    """The organization e-mails through the SMTP server on `port`; a few payments of a
    customer with an address, whose receipts to send (a receipt has no PDF to render, so
    the workers' time goes to delivering)."""
    settings = {
        "host": "127.0.0.1",
        "port": port,
        "security": "NONE",
        "fromAddress": "billing@ledgerline.test",
    }
    data = await api.data(
        """mutation($input: EmailSettingsSetInput!) {
             emailSettingsSet(input: $input) { userErrors { field code } } }""",
        {"input": settings},
        org.token(),
    )
    assert data["emailSettingsSet"]["userErrors"] == []
    client = await customer(api, org, "Mailed Ltd", email="ap@mailed.test")
    payments = [await record_payment(api, org, client, "80.00") for _ in range(4)]
    assert all(p["userErrors"] == [] for p in payments), payments
    return [p["payment"]["id"] for p in payments]


async def new_customer(api: Api, org: Org, name: str) -> None:
    data = await api.data(CUSTOMER, {"name": name}, token=org.token())
    assert data["customerCreate"]["userErrors"] == []


async def send_receipt(api: Api, org: Org, payment_id: str) -> str:
    """Queue an e-mail of the payment's receipt; its Message-ID."""
    sent = await send(api, org, RECEIPT_SEND, {"id": payment_id})
    assert sent["userErrors"] == [], sent
    return str(sent["delivery"]["messageId"])


async def hook_ids(org: Org) -> set[str]:
    """The webhook-id of each customer.created event of the organization."""
    events = await DomainEvent.filter(organization_id=org.id, type="customer.created")
    return {message.message_id(e) for e in events}


async def test_a_worker_killed_mid_way_loses_no_webhook_and_records_each_email_sent_once(
    local_api: Api, receiver: Receiver, mailbox: tuple[Mailbox, int], start_worker: Any
) -> None:
    mail, port = mailbox
    org = await hooked_org(local_api, receiver)
    payments = await configure_email(local_api, org, port)
    first = start_worker()
    progress: dict[str, int] = {}

    def hooks_received() -> int:
        return len({(r.path, r.headers["webhook-id"]) for r in receiver.requests})

    async def kill_mid_way() -> None:
        async def both_begun() -> bool:
            return len(set(mail.message_ids)) >= 30 and hooks_received() >= 30

        await until(both_begun, 60, "the first worker delivers")
        kill(first)
        progress.update(mails=len(set(mail.message_ids)), hooks=hooks_received())
        start_worker()

    # The load goes in while the first worker works through it, so it dies amid both
    # kinds of work; its successor takes over what it held once its heartbeat is stale.
    killer = asyncio.ensure_future(kill_mid_way())
    message_ids: list[str] = []
    for number in range(100):
        await new_customer(local_api, org, f"Customer {number}")
        message_ids.append(await send_receipt(local_api, org, payments[number % 4]))
        message_ids.append(await send_receipt(local_api, org, payments[(number + 1) % 4]))
    await killer
    assert len(set(message_ids)) == 200
    hooked = await hook_ids(org)  # the e-mailed customer's event too
    assert len(hooked) == 101

    async def all_done() -> bool:
        sent = await EmailDelivery.filter(organization_id=org.id, status=DeliveryStatus.SENT)
        done = await WebhookDelivery.filter(organization_id=org.id, status=HookStatus.SUCCEEDED)
        return len(sent) == 200 and len(done) == 2 * len(hooked)

    await until(all_done, 90, "every e-mail sent and every webhook delivered")
    assert progress["mails"] < 200 and progress["hooks"] < 2 * len(hooked)

    # Every event reached every enabled endpoint, each delivery at least once.
    for path in PATHS:
        assert {r.headers["webhook-id"] for r in receiver.at(path)} == hooked
    endpoints = await WebhookEndpoint.filter(organization_id=org.id, enabled=True)
    made_for = Counter(
        (d.endpoint_id, d.message_id) for d in await WebhookDelivery.filter(organization_id=org.id)
    )
    assert made_for == Counter({(e.id, i): 1 for e in endpoints for i in hooked})

    # Every message reached the SMTP server (more than once is allowed: at least once),
    # and each delivery is recorded as sent once.
    assert set(mail.message_ids) == set(message_ids)
    deliveries = await EmailDelivery.filter(organization_id=org.id)
    assert Counter(d.status for d in deliveries) == {DeliveryStatus.SENT: 200}
    sent_events = await DomainEvent.filter(organization_id=org.id, type="email.sent")
    assert Counter(e.object_id for e in sent_events) == Counter({str(d.id): 1 for d in deliveries})
    # Jobs did die with the worker and ran again.
    jobs = await Job.filter(organization_id=org.id, kind__in=["email.send", "webhook.deliver"])
    assert len(jobs) == 200 + 2 * len(hooked)
    assert {j.status for j in jobs} == {JobStatus.SUCCEEDED}
    assert max(j.attempts for j in jobs) >= 2


async def test_two_workers_never_deliver_one_webhook_at_the_same_time(
    local_api: Api, receiver: Receiver, start_worker: Any
) -> None:
    org = await hooked_org(local_api, receiver)
    first, second = start_worker(), start_worker()
    workers = {str(first.pid), str(second.pid)}

    async def both_working() -> bool:
        await new_customer(local_api, org, "Warm-up")
        await asyncio.sleep(0.5)  # a few warm-up events, not hundreds
        ran = await Job.filter(organization_id=org.id, worker__not_isnull=True)
        return {j.worker.rsplit(":", 1)[1] for j in ran if j.worker} == workers

    # Both workers are up and taking jobs before the load arrives.
    await until(both_working, 60, "both workers take jobs")
    for number in range(60):
        await new_customer(local_api, org, f"Customer {number}")
    ids = await hook_ids(org)

    async def all_delivered() -> bool:
        done = await WebhookDelivery.filter(organization_id=org.id, status=HookStatus.SUCCEEDED)
        return len(done) == 2 * len(ids)

    await until(all_delivered, 60, "every webhook delivered")
    assert receiver.overlaps == []
    # Without a crash, each delivery was posted exactly once, by one of the two workers.
    posted = Counter((r.path, r.headers["webhook-id"]) for r in receiver.requests)
    assert posted == Counter({(p, i): 1 for p in PATHS for i in ids})
    jobs = await Job.filter(organization_id=org.id, kind="webhook.deliver")
    assert len(jobs) == 2 * len(ids) and {j.attempts for j in jobs} == {1}
