"""Webhook endpoints through the API: secrets shown once, checks on save, audit and events."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from server.audit.models import AuditEvent
from server.events.models import DomainEvent
from server.webhooks.models import WebhookEndpoint
from tests.identity.test_role_rules import ROLE_CREATE, ROLES_SET, code_of, uid
from tests.support import Api
from tests.webhooks import helpers as h
from tests.webhooks.receiver import Receiver


async def test_create_returns_the_secret_once_and_keeps_it_sealed(
    local_api: Api, receiver: Receiver
) -> None:
    org = await local_api.new_org()
    endpoint, secret = await h.made(
        local_api, org, receiver.url(), description="Books sync", eventTypes=["invoice.issued"]
    )
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    assert endpoint["enabled"] is True and endpoint["eventTypes"] == ["invoice.issued"]

    listed = await local_api.data(h.ENDPOINTS, token=org.token())
    assert listed["webhookEndpoints"]["nodes"] == [endpoint]
    stored = await WebhookEndpoint.get(organization_id=org.id)
    assert stored.secret_sealed.startswith("v1:") and secret not in stored.secret_sealed
    audited = await AuditEvent.filter(chain_key=f"org:{org.id}").values()
    assert secret not in str(audited)
    event = await DomainEvent.get(organization_id=org.id, type="webhook_endpoint.created")
    assert event.payload == {
        "url": receiver.url(),
        "description": "Books sync",
        "eventTypes": ["invoice.issued"],
        "enabled": True,
    }


async def test_create_refuses_unknown_event_types(local_api: Api, receiver: Receiver) -> None:
    org = await local_api.new_org()
    payload = await h.create(local_api, org, receiver.url(), eventTypes=["invoice.issud"])
    assert payload["webhookEndpoint"] is None
    assert payload["userErrors"] == [
        {
            "field": ["input", "eventTypes"],
            "message": "unknown event types: invoice.issud",
            "code": "INVALID",
        }
    ]
    assert await WebhookEndpoint.filter(organization_id=org.id).count() == 0


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://127.0.0.1:9/hook", "UNSAFE_URL"),
        ("http://localhost/hook", "UNSAFE_URL"),
        ("http://10.0.0.8/hook", "UNSAFE_URL"),
        ("http://100.64.1.1/hook", "UNSAFE_URL"),
        ("http://169.254.169.254/latest/meta-data/", "UNSAFE_URL"),
        ("http://[fd00:ec2::254]/", "UNSAFE_URL"),
        ("http://[::ffff:10.0.0.1]/", "UNSAFE_URL"),
        ("ftp://93.184.215.14/hook", "UNSAFE_URL"),
        ("https://user:secret@93.184.215.14/hook", "UNSAFE_URL"),
        ("https://93.184.215.14/" + "a" * 10_000, "TOO_LONG"),
    ],
)
async def test_create_refuses_unsafe_urls_by_default(api: Api, url: str, code: str) -> None:
    org = await api.new_org()
    payload = await h.create(api, org, url)
    assert payload["webhookEndpoint"] is None and payload["secret"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "url"], code)]
    assert await WebhookEndpoint.filter(organization_id=org.id).count() == 0


async def test_update_is_partial_audited_and_refuses_unsafe_urls(
    local_api: Api, receiver: Receiver
) -> None:
    org = await local_api.new_org()
    endpoint, _ = await h.made(local_api, org, receiver.url(), description="First")
    changed = (
        await local_api.data(
            h.UPDATE,
            {"i": {"id": endpoint["id"], "eventTypes": ["customer.created"]}},
            token=org.token(),
        )
    )["webhookEndpointUpdate"]
    assert changed["userErrors"] == []
    node = changed["webhookEndpoint"]
    assert (node["url"], node["description"], node["eventTypes"]) == (
        receiver.url(),
        "First",
        ["customer.created"],
    )
    event = await DomainEvent.get(organization_id=org.id, type="webhook_endpoint.updated")
    assert event.payload == {"changes": {"eventTypes": {"from": [], "to": ["customer.created"]}}}

    refused = (
        await local_api.data(
            h.UPDATE,
            {"i": {"id": endpoint["id"], "url": "http://169.254.169.254/"}},
            token=org.token(),
        )
    )["webhookEndpointUpdate"]
    assert refused["userErrors"][0]["code"] == "UNSAFE_URL"
    assert (await WebhookEndpoint.get(id=h.uuid_of(node["id"]))).url == (receiver.url())


async def test_delete_removes_the_endpoint_and_writes_its_event(
    local_api: Api, receiver: Receiver
) -> None:
    org = await local_api.new_org()
    endpoint, _ = await h.made(local_api, org, receiver.url())
    deleted = (await local_api.data(h.DELETE, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointDelete"
    ]
    assert deleted == {"deletedId": endpoint["id"], "userErrors": []}
    assert await WebhookEndpoint.filter(organization_id=org.id).count() == 0
    event = await DomainEvent.get(organization_id=org.id, type="webhook_endpoint.deleted")
    assert event.payload == {"url": receiver.url()}
    again = (await local_api.data(h.DELETE, {"i": {"id": endpoint["id"]}}, token=org.token()))[
        "webhookEndpointDelete"
    ]
    assert again["userErrors"][0]["code"] == "NOT_FOUND"


async def test_another_organizations_endpoint_reads_as_missing(
    local_api: Api, receiver: Receiver
) -> None:
    org, other = await local_api.new_org(), await local_api.new_org()
    endpoint, _ = await h.made(local_api, other, receiver.url())
    for document, key in (
        (h.DELETE, "webhookEndpointDelete"),
        (h.ROTATE, "webhookEndpointSecretRotate"),
    ):
        refused = (
            await local_api.data(document, {"i": {"id": endpoint["id"]}}, token=org.token())
        )[key]
        assert refused["userErrors"][0]["code"] == "NOT_FOUND"
    found = await local_api.data(
        "query($id: ID!) { node(id: $id) { id } }", {"id": endpoint["id"]}, token=org.token()
    )
    assert found["node"] is None
    assert (await local_api.data(h.ENDPOINTS, token=org.token()))["webhookEndpoints"][
        "totalCount"
    ] == 0


@pytest.mark.parametrize(
    ("role", "reads", "manages"),
    [
        ("owner", True, True),
        ("admin", True, False),
        ("auditor", True, False),
        ("accountant", False, False),
        ("viewer", False, False),
    ],
)
async def test_webhooks_need_the_webhook_permissions(
    local_api: Api, receiver: Receiver, role: str, reads: bool, manages: bool
) -> None:
    org = await local_api.new_org(role)
    listed = await local_api.gql(h.ENDPOINTS, token=org.token(role))
    log = await local_api.gql(h.DELIVERIES, token=org.token(role))
    created = await local_api.gql(h.CREATE, {"i": {"url": receiver.url()}}, token=org.token(role))
    for answer, allowed in ((listed, reads), (log, reads), (created, manages)):
        if allowed:
            assert not answer.get("errors"), answer
        else:
            assert answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    if manages:
        assert created["data"]["webhookEndpointCreate"]["userErrors"] == []
    else:
        assert await WebhookEndpoint.filter(organization_id=org.id).count() == 0


@pytest.mark.parametrize("with_feed", [False, True])
async def test_webhook_endpoint_create_needs_the_feed_it_would_send(
    local_api: Api, receiver: Receiver, with_feed: bool
) -> None:
    """A role that may manage webhooks but not read the event feed cannot have a webhook
    read the feed for it."""
    org = await local_api.new_org("viewer")
    perms = [{"object": "webhook", "action": "manage"}, {"object": "webhook", "action": "read"}]
    if with_feed:
        perms.append({"object": "event", "action": "read"})
    made = await local_api.data(
        ROLE_CREATE, {"i": {"name": "integrator", "permissions": perms}}, org.token()
    )
    assert code_of(made["roleCreate"]) is None, made
    viewer = org.users["viewer"]
    moved = await local_api.data(
        ROLES_SET, {"i": {"userId": uid(viewer), "roles": ["integrator"]}}, org.token()
    )
    assert code_of(moved["memberRolesSet"]) is None, moved
    created = await local_api.gql(
        h.CREATE, {"i": {"url": receiver.url()}}, token=org.token("viewer")
    )
    if with_feed:
        assert created["data"]["webhookEndpointCreate"]["userErrors"] == []
        assert await WebhookEndpoint.filter(organization_id=org.id).count() == 1
    else:
        assert created["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert await WebhookEndpoint.filter(organization_id=org.id).count() == 0


async def test_update_null_clears_the_description_and_is_refused_for_required_fields(
    local_api: Api, receiver: Receiver
) -> None:
    org = await local_api.new_org()
    endpoint, _ = await h.made(local_api, org, receiver.url(), description="First")

    async def update(**fields: object) -> dict[str, Any]:
        data = await local_api.data(
            h.UPDATE, {"i": {"id": endpoint["id"], **fields}}, token=org.token()
        )
        payload: dict[str, Any] = data["webhookEndpointUpdate"]
        return payload

    cleared = await update(description=None)
    assert cleared["userErrors"] == []
    assert cleared["webhookEndpoint"]["description"] is None
    assert cleared["webhookEndpoint"]["url"] == receiver.url()
    refused = await update(url=None, eventTypes=None, enabled=None)
    assert refused["webhookEndpoint"] is None
    assert sorted((e["field"], e["code"]) for e in refused["userErrors"]) == [
        (["input", "enabled"], "REQUIRED"),
        (["input", "eventTypes"], "REQUIRED"),
        (["input", "url"], "REQUIRED"),
    ]
