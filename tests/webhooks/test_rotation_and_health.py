"""Secret rotation's overlap, and disabling an endpoint whose every attempt fails for days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from standardwebhooks.webhooks import Webhook

from server import clock
from server.audit.models import AuditEvent
from server.events.models import DomainEvent
from server.settings import Settings
from server.webhooks import deliveries, health
from server.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from server.webhooks.schedule import MAX_ATTEMPTS, RETRY_DELAYS
from tests.support import Api
from tests.webhooks import helpers as h
from tests.webhooks.receiver import Answer, Receiver


def _signatures(request_headers: dict[str, str]) -> list[str]:
    return request_headers["webhook-signature"].split(" ")


async def test_rotation_signs_with_both_secrets_for_24_hours_then_the_new_one_only(
    local_api: Api, receiver: Receiver, local_settings: Settings
) -> None:
    org = await local_api.new_org()
    endpoint, old = await h.made(local_api, org, receiver.url())
    rotated = (await local_api.data(h.ROTATE, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointSecretRotate"
    ]
    new = rotated["secret"]
    assert rotated["userErrors"] == [] and new.startswith("whsec_") and new != old
    assert rotated["webhookEndpoint"]["previousSecretExpiresAt"] is not None
    event = await DomainEvent.get(organization_id=org.id, type="webhook_endpoint.secret_rotated")
    assert set(event.payload) == {"overlapEndsAt"}

    await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token())
    [during] = receiver.requests
    assert len(_signatures(during.headers)) == 2
    for secret in (old, new):  # a receiver verifies with either while it switches
        assert Webhook(secret).verify(during.body, during.headers)["type"] == "webhook.test"

    with clock.held_at(datetime.now(UTC) + timedelta(hours=24, minutes=1)) as held:
        # A day later the session has expired: the test message is sent from below the API.
        stored = await WebhookEndpoint.get(id=h.uuid_of(endpoint["id"]))
        test = await deliveries.create_test(stored)
        await deliveries.attempt(local_settings, test.id)
        after = receiver.requests[1]
        sent_at = held.moment
        message_id = after.headers["webhook-id"]
        assert _signatures(after.headers) == [Webhook(new).sign(message_id, sent_at, after.body)]
        assert Webhook(old).sign(message_id, sent_at, after.body) not in _signatures(after.headers)


async def test_an_endpoint_failing_for_three_days_is_disabled_with_a_notice(
    local_api: Api, receiver: Receiver, local_settings: Settings
) -> None:
    org = await local_api.new_org()
    endpoint, _ = await h.made(local_api, org, receiver.url())
    receiver.answer("/hook", Answer(500, body=b"broken"))
    event = await h.customer_event(local_api, org)
    [delivery] = await deliveries.fan_out(event, h.Queue())
    start = datetime.now(UTC)
    with clock.held_at(start) as held:
        for number in range(1, MAX_ATTEMPTS + 1):
            await deliveries.attempt(local_settings, delivery.id, number)
            stored = await WebhookEndpoint.get(id=h.uuid_of(endpoint["id"]))
            if number < MAX_ATTEMPTS:
                assert stored.enabled, f"disabled after attempt {number}"
                held.advance(RETRY_DELAYS[number - 1])
        assert held.moment - start >= health.DISABLE_AFTER
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.attempts) == (DeliveryStatus.FAILED, MAX_ATTEMPTS)

    listed = (await local_api.data(h.ENDPOINTS, token=org.token()))["webhookEndpoints"]["nodes"]
    [node] = listed
    assert node["enabled"] is False and node["disabledAt"] is not None
    assert f"all {MAX_ATTEMPTS} delivery attempts" in node["disabledReason"]
    assert "HTTP 500" in node["disabledReason"]
    audit = await AuditEvent.get(chain_key=f"org:{org.id}", action="webhook_endpoint.disable")
    assert audit.actor_type == "system"
    notice = await DomainEvent.get(organization_id=org.id, type="webhook_endpoint.disabled")
    assert notice.payload["failedAttempts"] == MAX_ATTEMPTS

    # Nothing more is sent to it: a delivery still queued is cancelled, tests are refused.
    later = await h.customer_event(local_api, org, "Later")
    assert await deliveries.fan_out(later, h.Queue()) == []
    refused = (await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointTest"
    ]
    assert refused["userErrors"][0]["code"] == "INVALID_STATUS"
    sent = len(receiver.requests)

    enabled = (
        await local_api.data(
            h.UPDATE, {"i": {"id": endpoint["id"], "enabled": True}}, token=org.token()
        )
    )["webhookEndpointUpdate"]["webhookEndpoint"]
    assert (enabled["enabled"], enabled["disabledReason"], enabled["consecutiveFailures"]) == (
        True,
        None,
        0,
    )
    receiver.answer("/hook", Answer(200))
    await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token())
    assert len(receiver.requests) == sent + 1


async def test_a_burst_of_failures_within_minutes_does_not_disable_the_endpoint(
    local_api: Api, receiver: Receiver, local_settings: Settings
) -> None:
    org = await local_api.new_org()
    endpoint, _ = await h.made(local_api, org, receiver.url())
    receiver.answer("/hook", Answer(500))
    for i in range(MAX_ATTEMPTS + 2):
        event = await h.customer_event(local_api, org, f"Burst {i}")
        [delivery] = await deliveries.fan_out(event, h.Queue())
        await deliveries.attempt(local_settings, delivery.id, 1)
    stored = await WebhookEndpoint.get(id=h.uuid_of(endpoint["id"]))
    assert stored.enabled and stored.consecutive_failures == MAX_ATTEMPTS + 2


async def test_a_success_ends_the_run_of_failures(
    local_api: Api, receiver: Receiver, local_settings: Settings
) -> None:
    org = await local_api.new_org()
    endpoint, _ = await h.made(local_api, org, receiver.url())
    receiver.answer("/hook", Answer(500), Answer(500), Answer(200))
    for _ in range(3):
        await local_api.data(h.TEST, {"i": {"id": endpoint["id"]}}, token=org.token())
    stored = await WebhookEndpoint.get(id=h.uuid_of(endpoint["id"]))
    assert (stored.consecutive_failures, stored.failing_since) == (0, None)


def test_should_disable_needs_both_the_count_and_the_time() -> None:
    now = datetime.now(UTC)
    three_days = now - health.DISABLE_AFTER
    assert health.should_disable(MAX_ATTEMPTS, three_days, now)
    assert not health.should_disable(MAX_ATTEMPTS - 1, three_days, now)
    assert not health.should_disable(MAX_ATTEMPTS * 10, now - timedelta(hours=71), now)
    assert not health.should_disable(MAX_ATTEMPTS, None, now)


def test_the_retry_schedule_spans_about_three_days() -> None:
    total = sum(RETRY_DELAYS, timedelta())
    assert MAX_ATTEMPTS == 10
    assert timedelta(days=3) <= total <= timedelta(days=3, hours=4)
    assert list(RETRY_DELAYS) == sorted(RETRY_DELAYS)
