"""Webhooks as background work: events relayed to deliveries, each attempted by the
`webhook.deliver` job on its schedule, through the job queue as a worker runs it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook

from server import clock
from server.global_ids import encode
from server.jobs.models import Job, JobStatus
from server.jobs.testing import run_jobs
from server.settings import Settings
from server.webhooks import job
from server.webhooks.models import DeliveryStatus, WebhookDelivery
from server.webhooks.schedule import MAX_ATTEMPTS, RETRY_DELAYS
from tests.support import Api
from tests.webhooks import helpers as h
from tests.webhooks.receiver import Answer, Receiver


@pytest.fixture
def worker_settings(monkeypatch: pytest.MonkeyPatch, local_settings: Settings) -> Settings:
    """The worker's process settings, as for development: its receivers are local."""
    monkeypatch.setattr(job, "get_settings", lambda: local_settings)
    return local_settings


async def test_a_committed_event_reaches_its_endpoints_through_the_job_queue(
    local_api: Api, receiver: Receiver, worker_settings: Settings
) -> None:
    org = await local_api.new_org()
    endpoint, secret = await h.made(local_api, org, receiver.url(), eventTypes=["customer.created"])
    event = await h.customer_event(local_api, org, "Queued Ltd")
    await run_jobs()
    [request] = receiver.at("/hook")
    received = Webhook(secret).verify(request.body, request.headers)
    assert received["type"] == "customer.created"
    assert request.headers["webhook-id"] == encode("Event", str(event.id))
    [delivery] = await WebhookDelivery.filter(endpoint_id=h.uuid_of(endpoint["id"]))
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SUCCEEDED, 1)
    [queued] = await Job.filter(key=job.key(delivery))
    assert (queued.kind, queued.status) == ("webhook.deliver", JobStatus.SUCCEEDED)
    await run_jobs()  # relayed already: nothing is sent twice
    assert len(receiver.at("/hook")) == 1


async def test_the_job_queue_retries_on_the_schedule_until_the_endpoint_answers(
    local_api: Api, receiver: Receiver, worker_settings: Settings
) -> None:
    org = await local_api.new_org()
    await h.made(local_api, org, receiver.url(), eventTypes=["customer.created"])
    receiver.answer("/hook", Answer(500), Answer(500), Answer(200))
    with clock.held_at(datetime.now(UTC)) as held:
        await h.customer_event(local_api, org, "Retried Ltd")
        await run_jobs()
        assert len(receiver.at("/hook")) == 1
        [delivery] = await WebhookDelivery.filter(organization_id=org.id)
        assert delivery.status == DeliveryStatus.PENDING
        held.advance(RETRY_DELAYS[0])
        await run_jobs()
        assert len(receiver.at("/hook")) == 2
        await run_jobs()  # the next retry is not due yet
        assert len(receiver.at("/hook")) == 2
        held.advance(RETRY_DELAYS[1])
        await run_jobs()
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.attempts) == (DeliveryStatus.SUCCEEDED, 3)
    assert len({r.headers["webhook-id"] for r in receiver.at("/hook")}) == 1


async def test_the_last_attempt_fails_the_delivery_and_ends_the_job(
    local_api: Api, receiver: Receiver, worker_settings: Settings
) -> None:
    org = await local_api.new_org()
    await h.made(local_api, org, receiver.url(), eventTypes=["customer.created"])
    receiver.answer("/hook", Answer(502))
    with clock.held_at(datetime.now(UTC)) as held:
        await h.customer_event(local_api, org, "Never Ltd")
        for delay in (*RETRY_DELAYS, None):
            await run_jobs()
            if delay is not None:
                held.advance(delay)
    assert len(receiver.at("/hook")) == MAX_ATTEMPTS
    [delivery] = await WebhookDelivery.filter(organization_id=org.id)
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, MAX_ATTEMPTS)
    [queued] = await Job.filter(key=job.key(delivery))
    assert (queued.status, queued.attempts) == (JobStatus.SUCCEEDED, MAX_ATTEMPTS)
