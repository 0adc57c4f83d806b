"""The `webhook.deliver` handler, run as the job queue runs it: once per attempt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from server.settings import Settings
from server.webhooks import job
from server.webhooks.deliveries import fan_out
from server.webhooks.models import DeliveryStatus, WebhookDelivery
from server.webhooks.schedule import MAX_ATTEMPTS
from tests.support import Api
from tests.webhooks import helpers as h
from tests.webhooks.receiver import Answer, Receiver


@dataclass
class Run:
    payload: dict[str, Any]
    attempt: int


async def test_the_handler_raises_for_a_retry_until_the_last_attempt(
    local_api: Api, receiver: Receiver, local_settings: Settings
) -> None:
    org = await local_api.new_org()
    await h.made(local_api, org, receiver.url())
    receiver.answer("/hook", Answer(502))
    event = await h.customer_event(local_api, org)
    queue = h.Queue()
    [delivery] = await fan_out(event, queue)
    assert job.key(delivery) == f"webhook.deliver:{delivery.id}"
    with pytest.raises(job.DeliveryFailed, match="HTTP 502"):
        await job.deliver(Run(job.payload(delivery), 1), local_settings)
    await job.deliver(Run(job.payload(delivery), MAX_ATTEMPTS), local_settings)
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.attempts) == (DeliveryStatus.FAILED, 2)


async def test_the_handler_is_done_after_success_and_sends_nothing_when_run_again(
    local_api: Api, receiver: Receiver, local_settings: Settings
) -> None:
    org = await local_api.new_org()
    await h.made(local_api, org, receiver.url())
    event = await h.customer_event(local_api, org)
    [delivery] = await fan_out(event, h.Queue())
    await job.deliver(Run(job.payload(delivery), 1), local_settings)
    await job.deliver(Run(job.payload(delivery), 1), local_settings)  # after a crash
    assert len(receiver.requests) == 1
    assert (await WebhookDelivery.get(id=delivery.id)).status == DeliveryStatus.SUCCEEDED
