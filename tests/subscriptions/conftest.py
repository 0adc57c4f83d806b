"""An in-process server for WebSocket tests: the session's application under uvicorn, in
the tests' event loop, on a free port, so it shares the tests' database connections."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
import uvicorn

import server.live.outlet  # noqa: F401  (the relay announces to subscriptions)
from server.background import live_updates
from server.settings import Settings


@pytest.fixture(scope="session")
async def ws_url(app: Any, settings: Settings) -> AsyncIterator[str]:
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.bind(("127.0.0.1", 0))
    port = listening.getsockname()[1]
    config = uvicorn.Config(app, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    async with live_updates(settings):
        serving = asyncio.ensure_future(server.serve(sockets=[listening]))
        while not server.started:  # noqa: ASYNC110  (uvicorn offers no event to wait on)
            await asyncio.sleep(0.01)
        yield f"ws://127.0.0.1:{port}/graphql"
        server.should_exit = True
        await serving
