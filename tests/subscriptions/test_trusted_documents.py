"""In trusted-only mode a subscription runs a registered document only, as over HTTP."""

from __future__ import annotations

import asyncio
import hashlib
import socket
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import uvicorn

from server import clock
from server.app import create_app
from server.persisted.registry import TrustedDocument, register_trusted
from server.settings import Settings
from tests.subscriptions.client import signed_in
from tests.support import Api

EVENTS = "subscription Events {{ eventsAdded {{ sequence }} }} # {tag}"


@pytest.fixture(scope="module")
async def trusted_ws_url(settings: Settings) -> AsyncIterator[str]:
    application: Any = create_app(
        Settings(**{**settings.model_dump(), "trusted_documents_only": True}),
        manage_database=False,
    )
    await application.state.access.refresh()
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.bind(("127.0.0.1", 0))
    port = listening.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(application, lifespan="off", log_level="warning"))
    serving = asyncio.ensure_future(server.serve(sockets=[listening]))
    while not server.started:  # noqa: ASYNC110  (uvicorn offers no event to wait on)
        await asyncio.sleep(0.01)
    yield f"ws://127.0.0.1:{port}/graphql"
    server.should_exit = True
    await serving


async def test_trusted_only_subscription_of_ad_hoc_document_refused(
    api: Api, trusted_ws_url: str
) -> None:
    org = await api.new_org()
    async with signed_in(trusted_ws_url, org.token()) as ws:
        await ws.subscribe("1", EVENTS.format(tag=uuid.uuid4().hex))
        refused = await ws.receive()
        assert (refused["id"], refused["type"]) == ("1", "error"), refused
        assert refused["payload"][0]["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"


async def test_trusted_only_subscription_of_registered_document_runs(
    api: Api, trusted_ws_url: str
) -> None:
    org = await api.new_org()
    text = EVENTS.format(tag=uuid.uuid4().hex)
    sha256 = hashlib.sha256(text.encode()).hexdigest()
    await register_trusted([TrustedDocument(sha256=sha256, body=text, name=None)], clock.now())
    async with signed_in(trusted_ws_url, org.token()) as ws:
        await ws.subscribe("1", text)
        await ws.nothing(1.0)
