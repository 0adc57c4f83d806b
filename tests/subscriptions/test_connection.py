"""Connecting: the token in connection_init, checked as an HTTP request's is."""

from __future__ import annotations

from datetime import timedelta

from server import clock
from server.jobs.testing import run_jobs
from server.settings import Settings
from tests.receivables.helpers import customer
from tests.subscriptions.client import signed_in, socket
from tests.support import Api

EVENTS = "subscription { eventsAdded { sequence type } }"


async def test_connect_without_token_is_closed_with_4403(ws_url: str) -> None:
    async with socket(ws_url) as ws:
        await ws.send({"type": "connection_init", "payload": {}})
        assert (await ws.closed())[0] == 4403


async def test_connect_with_invalid_token_is_closed_with_4403(ws_url: str) -> None:
    async with socket(ws_url) as ws:
        await ws.send({"type": "connection_init", "payload": {"authorization": "Bearer nope"}})
        assert (await ws.closed())[0] == 4403


async def test_connect_with_token_in_header_only_is_closed_with_4403(api: Api, ws_url: str) -> None:
    """The socket reads the token from connection_init alone, as browsers must send it."""
    org = await api.new_org()
    async with socket(ws_url) as ws:
        await ws.send({"type": "connection_init", "payload": {"token": org.token()}})
        assert (await ws.closed())[0] == 4403


async def test_subscribe_before_connection_init_is_closed_with_4401(ws_url: str) -> None:
    async with socket(ws_url) as ws:
        await ws.subscribe("1", EVENTS)
        assert (await ws.closed())[0] == 4401


async def test_connect_with_valid_token_is_acknowledged(api: Api, ws_url: str) -> None:
    org = await api.new_org()
    async with socket(ws_url) as ws:
        ack = await ws.init(org.token())
        assert ack == {"type": "connection_ack"}
        await ws.send({"type": "ping"})
        assert await ws.receive() == {"type": "pong"}


async def test_query_over_socket_is_refused(api: Api, ws_url: str) -> None:
    org = await api.new_org()
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("q", "{ viewer { user { email } } }")
        message = await ws.receive()
        assert message["type"] == "error" and message["id"] == "q", message
        assert message["payload"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_connection_closes_with_4403_when_access_token_expires(
    api: Api, ws_url: str, settings: Settings
) -> None:
    org = await api.new_org()
    ttl = timedelta(seconds=settings.access_token_ttl_seconds)
    # A token issued so long ago that it has two seconds left.
    with clock.held_at(clock.now() - ttl + timedelta(seconds=2)):
        session = await api.sign_in(org.users["owner"].email)
    async with signed_in(ws_url, session["accessToken"]) as ws:
        await ws.subscribe("1", EVENTS)
        code, reason = await ws.closed(within=10)
        assert (code, reason) == (4403, "access token expired")


async def test_revoked_session_is_closed_with_4403_at_the_next_delivery(
    api: Api, ws_url: str
) -> None:
    org = await api.new_org()
    other_session = await api.sign_in(org.users["owner"].email)
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", EVENTS)
        await ws.nothing(0.3)
        revoked = await api.data(
            "mutation { sessionRevoke { userErrors { code } } }", token=org.token()
        )
        assert revoked["sessionRevoke"]["userErrors"] == []
        org.tokens["owner"] = other_session["accessToken"]
        await customer(api, org)
        await run_jobs()
        assert (await ws.closed())[0] == 4403
        assert ws.drained == []  # the change made after the revocation was not sent


async def test_subscriptions_past_the_limit_per_connection_are_refused(
    api: Api, ws_url: str, settings: Settings
) -> None:
    org = await api.new_org()
    limit = settings.subscriptions_per_connection
    async with signed_in(ws_url, org.token()) as ws:
        for n in range(limit):
            await ws.subscribe(str(n), EVENTS)
        await ws.subscribe("over", EVENTS)
        refused = await ws.receive()
        assert (refused["id"], refused["type"]) == ("over", "error"), refused
        assert refused["payload"][0]["message"] == "Subscription limit reached"
        # Completing one makes room for another.
        await ws.send({"id": "0", "type": "complete"})
        await ws.subscribe("again", EVENTS)
        await ws.nothing(0.5)


async def test_text_over_its_limit_is_refused_before_the_subscription_starts(
    api: Api, ws_url: str
) -> None:
    org = await api.new_org()
    query = "subscription($t: [String!]) { eventsAdded(types: $t) { sequence } }"
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", query, {"t": ["x" * 100]})
        refused = await ws.receive()
        assert (refused["id"], refused["type"]) == ("1", "error"), refused
        assert refused["payload"][0]["extensions"] == {
            "code": "BAD_USER_INPUT",
            "field": ["types", 0],
        }
        assert "x" * 100 not in refused["payload"][0]["message"]


async def test_invalid_subscription_document_gets_a_validation_error(api: Api, ws_url: str) -> None:
    org = await api.new_org()
    async with signed_in(ws_url, org.token()) as ws:
        await ws.subscribe("1", "subscription { eventsAdded { sequence nope } }")
        refused = await ws.receive()
        assert (refused["id"], refused["type"]) == ("1", "error"), refused
        assert refused["payload"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
