"""Webhook tests: a receiver on a free port, and an application that may post to it.

The session's application keeps the default rules, which refuse loopback addresses; the
one here is configured as for development (LEDGERLINE_WEBHOOKS_ALLOW_PRIVATE=1), so its
endpoints can point at the local receiver.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.settings import Settings
from server.webhooks.models import WebhookEndpoint
from tests.support import Api
from tests.webhooks.receiver import Receiver, running


@pytest.fixture(scope="session")
def local_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"webhooks_allow_private": True})


@pytest.fixture(scope="session")
async def local_app(local_settings: Settings, database: None) -> Any:
    application = create_app(local_settings, manage_database=False)
    await application.state.access.refresh()
    return application


@pytest.fixture
async def local_api(local_app: Any) -> AsyncIterator[Api]:
    transport = httpx.ASGITransport(app=local_app, client=("203.0.113.7", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield Api(c)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    """A receiver for one test. Its endpoints are disabled afterwards, so the background
    work of later tests does not keep retrying deliveries to a port nobody listens on."""
    with running() as r:
        yield r
    await WebhookEndpoint.filter(url__startswith=r.url("/")).update(enabled=False)
