"""Jobs, webhook endpoints and webhook deliveries: the page the database writes equals the
stock resolvers' one, field for field."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server import clock
from server.jobs import enqueue
from server.jobs.reads import JOB
from server.jobs.testing import run_jobs
from server.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from server.webhooks.reads import DELIVERY, ENDPOINT
from tests.jobs import handlers as _job_handlers  # noqa: F401  (registers test.work)
from tests.reads.helpers import PARTY_NAME, both, every_field, spied
from tests.support import Api, Org


async def _endpoints(org: Org) -> list[WebhookEndpoint]:
    now = clock.now()
    quiet = await WebhookEndpoint.create(
        organization=org.model,
        url="https://hooks.example.com/ledgerline?x=1&y=%22",
        description=PARTY_NAME,
        event_types=["invoice.issued", "payment.recorded"],
        secret_sealed="sealed",
    )
    failing = await WebhookEndpoint.create(
        organization=org.model,
        url="https://failing.example.com/",
        description=None,
        event_types=[],
        enabled=False,
        disabled_reason="every delivery failed for three days",
        disabled_at=now,
        failing_since=now - timedelta(days=3),
        consecutive_failures=12,
        previous_secret_expires_at=now + timedelta(hours=24),
        secret_sealed="sealed",
    )
    for n, (endpoint, status) in enumerate(
        [
            (quiet, DeliveryStatus.SUCCEEDED),
            (failing, DeliveryStatus.FAILED),
            (quiet, DeliveryStatus.PENDING),
        ]
    ):
        await WebhookDelivery.create(
            organization_id=org.id,
            endpoint=endpoint,
            event_id=n + 1,
            message_id=f"Event:{n + 1}",
            event_type="invoice.issued",
            status=status,
            attempts=n,
            next_attempt_at=now + timedelta(minutes=5)
            if status is DeliveryStatus.PENDING
            else None,
            last_attempt_at=now if n else None,
            response_status=200 if status is DeliveryStatus.SUCCEEDED else (500 if n else None),
            response_body='{"ok": "ünïcode \\" quote"}' if n != 2 else None,
            duration_ms=12 * n,
            error="connection refused" if status is DeliveryStatus.FAILED else None,
        )
    return [quiet, failing]


@pytest.mark.parametrize(
    ("field", "shape", "arguments"),
    [
        ("webhookEndpoints", ENDPOINT, ""),
        ("webhookDeliveries", DELIVERY, ""),
        ("webhookDeliveries", DELIVERY, "(filter: {status: [FAILED, PENDING]})"),
        ("jobs", JOB, ""),
        ("jobs", JOB, "(filter: {status: [DEAD]})"),
    ],
)
async def test_outbound_page_written_by_the_database_equals_the_stock_one(
    api: Api, monkeypatch: pytest.MonkeyPatch, field: str, shape: object, arguments: str
) -> None:
    org = await api.new_org()
    await _endpoints(org)
    await enqueue("test.work", {"total": 3}, organization_id=org.id)
    await enqueue("test.work", {"permanent": True}, organization_id=org.id)
    await enqueue("test.work", {}, organization_id=org.id, run_at=clock.now() + timedelta(days=1))
    await run_jobs()
    written_sql = spied(monkeypatch)
    query = f"{{ {field}{arguments} {{ totalCount nodes {{ {every_field(shape)} }} }} }}"  # type: ignore[arg-type]
    written, stock = await both(api, org, query, {}, monkeypatch)
    assert written_sql and written_sql[0] is not None  # the database wrote the first page
    assert written.json() == stock.json()
    assert written.json()["data"][field]["totalCount"] > 0
