"""Delivering events to a real receiver: signatures, fan-out, retries, redirects, limits."""

from __future__ import annotations

import ipaddress
from datetime import datetime

import orjson
import pytest
from standardwebhooks.webhooks import Webhook

from server.global_ids import encode
from server.settings import Settings
from server.webhooks import deliveries, guard, message, sender
from server.webhooks.models import RESPONSE_BODY_MAX, DeliveryStatus, WebhookDelivery
from tests.support import Api
from tests.webhooks import helpers as h
from tests.webhooks.receiver import Answer, Receiver


async def test_test_message_is_signed_per_standard_webhooks(
    local_api: Api, receiver: Receiver
) -> None:
    org = await local_api.new_org()
    endpoint, secret = await h.made(local_api, org, receiver.url())
    sent = (await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointTest"
    ]
    delivery = sent["webhookDelivery"]
    assert sent["userErrors"] == [] and delivery["status"] == "SUCCEEDED"
    assert (delivery["attempts"], delivery["responseStatusCode"], delivery["responseBody"]) == (
        1,
        200,
        "ok",
    )
    [request] = receiver.at("/hook")
    assert request.headers["content-type"] == "application/json"
    assert request.headers["webhook-id"] == delivery["messageId"]
    received = Webhook(secret).verify(request.body, request.headers)
    assert received["type"] == "webhook.test"
    assert received["data"]["endpointId"] == endpoint["id"]


async def test_fan_out_delivers_an_event_to_each_matching_endpoint_once(
    local_api: Api, receiver: Receiver, local_settings: Settings
) -> None:
    org = await local_api.new_org()
    every, secret = await h.made(local_api, org, receiver.url("/every"))
    await h.made(local_api, org, receiver.url("/customers"), eventTypes=["customer.created"])
    await h.made(local_api, org, receiver.url("/invoices"), eventTypes=["invoice.issued"])
    event = await h.customer_event(local_api, org, "Acme")
    queue = h.Queue()
    made = await deliveries.fan_out(event, queue)
    assert sorted(str(d.endpoint_id) for d in made) == sorted(
        str(d.endpoint_id) for d in queue.enqueued
    )
    assert len(made) == 2
    assert await deliveries.fan_out(event, queue) == []  # relayed twice: nothing new

    for delivery in made:
        result = await deliveries.attempt(local_settings, delivery.id, 1)
        assert result is not None and result.succeeded
    assert receiver.at("/invoices") == []
    [request] = receiver.at("/every")
    assert len(receiver.at("/customers")) == 1
    received = Webhook(secret).verify(request.body, request.headers)
    assert request.headers["webhook-id"] == encode("Event", str(event.id))
    assert received["type"] == "customer.created"
    assert received["data"]["sequence"] == event.sequence
    assert received["data"]["objectType"] == "Customer"
    assert received["data"]["objectId"] == encode("Customer", event.object_id)
    assert received["data"]["payload"]["name"] == "Acme"
    assert received["timestamp"].endswith("Z")
    stored = await WebhookDelivery.get(event_id=event.id, endpoint_id=h.uuid_of(every["id"]))
    assert stored.status == DeliveryStatus.SUCCEEDED and stored.attempts == 1


async def test_a_failing_delivery_is_retried_on_its_schedule_with_the_same_id(
    local_api: Api, receiver: Receiver, local_settings: Settings
) -> None:
    org = await local_api.new_org()
    await h.made(local_api, org, receiver.url())
    receiver.answer("/hook", Answer(500, body=b"down"), Answer(503), Answer(204, body=b""))
    event = await h.customer_event(local_api, org)
    [delivery] = await deliveries.fan_out(event, h.Queue())

    first = await deliveries.attempt(local_settings, delivery.id, 1)
    assert first is not None and not first.succeeded
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.attempts, row.response_status, row.response_body) == (
        DeliveryStatus.PENDING,
        1,
        500,
        "down",
    )
    assert row.next_attempt_at is not None and row.last_attempt_at is not None
    assert 4 <= (row.next_attempt_at - row.last_attempt_at).total_seconds() <= 6

    await deliveries.attempt(local_settings, delivery.id, 2)
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.response_status) == (DeliveryStatus.PENDING, 503)
    assert row.next_attempt_at is not None and row.last_attempt_at is not None
    assert 299 <= (row.next_attempt_at - row.last_attempt_at).total_seconds() <= 301

    await deliveries.attempt(local_settings, delivery.id, 3)
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.attempts, row.next_attempt_at) == (DeliveryStatus.SUCCEEDED, 3, None)
    ids = {r.headers["webhook-id"] for r in receiver.at("/hook")}
    assert ids == {encode("Event", str(event.id))}
    assert len({r.body for r in receiver.at("/hook")}) == 1  # the same bytes each time
    # A job that runs again after success sends nothing.
    assert await deliveries.attempt(local_settings, delivery.id, 4) is None
    assert len(receiver.at("/hook")) == 3


async def test_the_last_scheduled_failure_fails_the_delivery_and_a_manual_retry_sends_it(
    local_api: Api, receiver: Receiver, local_settings: Settings
) -> None:
    org = await local_api.new_org()
    await h.made(local_api, org, receiver.url())
    receiver.answer("/hook", Answer(500))
    event = await h.customer_event(local_api, org)
    [delivery] = await deliveries.fan_out(event, h.Queue())
    await deliveries.attempt(local_settings, delivery.id, 10)
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.next_attempt_at) == (DeliveryStatus.FAILED, None)

    failed = await local_api.data(h.DELIVERIES, {"f": {"status": ["FAILED"]}}, token=org.token())
    [node] = failed["webhookDeliveries"]["nodes"]
    receiver.answer("/hook", Answer(200))
    retried = (await local_api.data(h.RETRY, {"i": {"id": node["id"]}}, token=org.token()))[
        "webhookDeliveryRetry"
    ]
    assert retried["userErrors"] == []
    assert (retried["webhookDelivery"]["status"], retried["webhookDelivery"]["attempts"]) == (
        "SUCCEEDED",
        2,
    )
    assert len(receiver.at("/hook")) == 2


async def test_delivery_log_filters_by_endpoint_and_status(
    local_api: Api, receiver: Receiver
) -> None:
    org = await local_api.new_org()
    good, _ = await h.made(local_api, org, receiver.url("/good"))
    bad, _ = await h.made(local_api, org, receiver.url("/bad"))
    receiver.answer("/bad", Answer(500))
    for endpoint in (good, bad, good):
        await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token())

    async def count(**f: object) -> int:
        data = await local_api.data(h.DELIVERIES, {"f": f}, token=org.token())
        return int(data["webhookDeliveries"]["totalCount"])

    assert await count() == 3
    assert await count(endpointId=good["id"]) == 2
    assert await count(endpointId=bad["id"], status=["FAILED"]) == 1
    assert await count(status=["SUCCEEDED"]) == 2
    assert await count(endpointId=bad["id"], status=["SUCCEEDED"]) == 0
    other = await local_api.new_org()
    assert (await local_api.data(h.DELIVERIES, token=other.token()))["webhookDeliveries"][
        "totalCount"
    ] == 0


async def test_the_answer_kept_is_cut_to_two_kilobytes(local_api: Api, receiver: Receiver) -> None:
    org = await local_api.new_org()
    endpoint, _ = await h.made(local_api, org, receiver.url())
    receiver.answer("/hook", Answer(500, body=b"x" * 100_000))
    sent = (await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointTest"
    ]["webhookDelivery"]
    assert sent["status"] == "FAILED" and sent["responseStatusCode"] == 500
    assert sent["responseBody"] == "x" * RESPONSE_BODY_MAX


async def test_redirects_are_followed_with_the_same_message(
    local_api: Api, receiver: Receiver
) -> None:
    org = await local_api.new_org()
    endpoint, secret = await h.made(local_api, org, receiver.url("/old"))
    receiver.answer("/old", Answer(308, headers={"location": "/new"}))
    sent = (await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointTest"
    ]["webhookDelivery"]
    assert sent["status"] == "SUCCEEDED"
    [moved] = receiver.at("/new")
    assert Webhook(secret).verify(moved.body, moved.headers)["type"] == "webhook.test"

    receiver.answer("/old", Answer(307, headers={"location": "/old"}))
    looping = (await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointTest"
    ]["webhookDelivery"]
    assert "more than 3 redirects" in looping["error"]


@pytest.mark.parametrize(
    ("location", "why"),
    [
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://[fd00:ec2::254]/", "metadata"),
        ("http://[::ffff:127.0.0.1]:{port}/new", "embeds an IPv4"),
        ("http://0.0.0.0:{port}/new", "unspecified"),
        ("ftp://127.0.0.1:{port}/new", "only http and https"),
        ("http://user:pw@127.0.0.1:{port}/new", "user name or password"),
    ],
)
async def test_a_redirect_is_checked_like_the_url_it_replaces(
    local_api: Api, receiver: Receiver, location: str, why: str
) -> None:
    org = await local_api.new_org()
    endpoint, _ = await h.made(local_api, org, receiver.url("/old"))
    target = location.format(port=receiver.port)
    receiver.answer("/old", Answer(302, headers={"location": target}))
    refused = (await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointTest"
    ]["webhookDelivery"]
    assert refused["status"] == "FAILED" and refused["responseStatusCode"] is None
    assert refused["error"].startswith("refused: ") and why in refused["error"]
    assert [r.path for r in receiver.requests] == ["/old"]


async def test_the_next_checked_address_is_tried_when_one_refuses_the_connection(
    receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def two(target: guard.Target) -> list[guard.IPAddress]:
        # Nothing listens on 127.0.0.2; the receiver is on 127.0.0.1.
        return [ipaddress.ip_address("127.0.0.2"), ipaddress.ip_address("127.0.0.1")]

    monkeypatch.setattr(guard, "resolve", two)
    result = await sender.post(
        f"http://receiver.test:{receiver.port}/hook", {}, b"{}", allow_private=True
    )
    assert result.succeeded, result
    [request] = receiver.requests
    assert request.headers["host"] == f"receiver.test:{receiver.port}"


async def test_an_answer_with_nul_bytes_is_kept_readable(
    local_api: Api, receiver: Receiver
) -> None:
    org = await local_api.new_org()
    endpoint, _ = await h.made(local_api, org, receiver.url())
    receiver.answer("/hook", Answer(400, body=b"bad\x00input\xff"))
    sent = (await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointTest"
    ]["webhookDelivery"]
    assert (sent["status"], sent["responseBody"]) == ("FAILED", "bad\ufffdinput\ufffd")


async def test_delivery_refuses_a_private_address_under_the_default_rules(
    local_api: Api, receiver: Receiver, settings: Settings
) -> None:
    """The address is checked again when sending: saved under development rules, the same
    endpoint is refused by a server with the default ones, and nothing is sent."""
    org = await local_api.new_org()
    await h.made(local_api, org, receiver.url())
    event = await h.customer_event(local_api, org)
    [delivery] = await deliveries.fan_out(event, h.Queue())
    assert not settings.webhooks_allow_private
    result = await deliveries.attempt(settings, delivery.id, 1)
    assert result is not None and result.error is not None
    assert "loopback" in result.error
    assert receiver.requests == []


async def test_a_receiver_that_does_not_answer_in_time_fails_the_attempt(
    local_api: Api, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sender, "TOTAL_TIMEOUT", 0.5)
    org = await local_api.new_org()
    endpoint, _ = await h.made(local_api, org, receiver.url())
    receiver.answer("/hook", Answer(200, delay=2))
    sent = (await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointTest"
    ]["webhookDelivery"]
    assert sent["status"] == "FAILED"
    assert "no answer within 0.5 seconds" in sent["error"]
    assert sent["durationMs"] < 2000


async def test_event_body_is_the_event_as_the_feed_shows_it(
    local_api: Api, receiver: Receiver
) -> None:
    org = await local_api.new_org()
    event = await h.customer_event(local_api, org, "Feed Co")
    body = orjson.loads(message.event_body(event))
    feed = await local_api.data(
        """query($f: EventFilter) { events(first: 1, filter: $f) { nodes {
            id sequence version occurredAt actor { kind id } objectType objectId payload } } }""",
        {"f": {"sequenceFrom": event.sequence, "sequenceTo": event.sequence}},
        token=org.token(),
    )
    [node] = feed["events"]["nodes"]
    assert body["type"] == "customer.created"
    assert {k: v for k, v in body["data"].items() if k != "occurredAt"} == {
        k: v for k, v in node.items() if k != "occurredAt"
    }
    assert datetime.fromisoformat(body["data"]["occurredAt"]) == datetime.fromisoformat(
        node["occurredAt"]
    )
