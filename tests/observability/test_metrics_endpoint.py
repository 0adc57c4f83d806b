"""/metrics is open only where it is meant to be: a token, a separate port, or development."""

from __future__ import annotations

import asyncio
import io
import json
import socket
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.metrics_endpoint import on_api_port, start_metrics_server, stop_metrics_server
from server.observability import configure_logging
from server.settings import Settings

TOKEN = "metrics-token-0123456789abcdef"


def _variant(settings: Settings, **changes: Any) -> Settings:
    return Settings(**{**settings.model_dump(), **changes})


async def _client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    application = create_app(settings, manage_database=False)
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture
async def production(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async for client in _client(_variant(settings, env="production")):
        yield client


@pytest.fixture
async def with_token(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async for client in _client(_variant(settings, env="production", metrics_token=TOKEN)):
        yield client


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
        text: str = answer.read().decode()
        return text


async def test_metrics_in_production_without_token_or_port_absent(
    production: httpx.AsyncClient,
) -> None:
    response = await production.get("/metrics")
    assert response.status_code == 404
    assert "ledgerline_http_requests_total" not in response.text


async def test_metrics_in_development_open(client: httpx.AsyncClient) -> None:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert "ledgerline_http_requests_total" in response.text


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer wrong-token-0123456789",
        f"Basic {TOKEN}",
        f"Bearer {TOKEN}x",
        # Header bytes outside ASCII: compared as bytes, refused like any wrong token.
        b"Bearer \xe9",
        f"Bearer {TOKEN}".encode() + b"\xff",
    ],
)
async def test_metrics_with_token_setting_refused_without_the_token(
    with_token: httpx.AsyncClient, authorization: str | bytes | None
) -> None:
    headers = {"authorization": authorization} if authorization is not None else {}
    response = await with_token.get("/metrics", headers=headers)
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "ledgerline_http_requests_total" not in response.text


async def test_metrics_with_token_setting_served_with_the_token(
    with_token: httpx.AsyncClient,
) -> None:
    response = await with_token.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    assert "ledgerline_http_requests_total" in response.text


async def test_metrics_with_port_setting_served_there_and_not_on_the_api_port(
    settings: Settings,
) -> None:
    port = _free_port()
    changed = _variant(settings, metrics_port=port, metrics_token=TOKEN)
    assert not on_api_port(changed)
    application = create_app(changed, manage_database=False)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as api:
            response = await api.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
            assert response.status_code == 404
        scraped = await asyncio.to_thread(_scrape, port)
        assert "ledgerline_http_requests_total" in scraped
    # The listener stops with the application.
    with pytest.raises(urllib.error.URLError):
        await asyncio.to_thread(_scrape, port)


def test_metrics_port_taken_by_another_process_reported_not_fatal(settings: Settings) -> None:
    port = _free_port()
    stream = io.StringIO()
    configure_logging(settings, stream)
    first = start_metrics_server(_variant(settings, metrics_port=port))
    try:
        assert first is not None
        assert start_metrics_server(_variant(settings, metrics_port=port)) is None
        lines = [json.loads(line) for line in stream.getvalue().splitlines()]
        assert [line["event"] for line in lines] == ["metrics.port_unavailable"]
    finally:
        stop_metrics_server(first)
        configure_logging(settings)


def test_metrics_token_setting_refuses_short_tokens(settings: Settings) -> None:
    with pytest.raises(ValueError, match="at least 16"):
        _variant(settings, metrics_token="short")
