"""A keep-alive connection is closed after its allowance of requests (server/app.py)."""

from __future__ import annotations

from typing import Any

from starlette.types import Message, Receive, Scope, Send

from server.app import RequestMiddleware


async def _ok(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})


async def _connection_headers(
    middleware: RequestMiddleware, client: tuple[str, int], requests: int
) -> list[bytes | None]:
    """The `connection` header of each of `requests` answers on one client connection."""
    seen: list[bytes | None] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            seen.append(dict(message["headers"]).get(b"connection"))

    for _ in range(requests):
        scope: dict[str, Any] = {
            "type": "http",
            "method": "POST",
            "path": "/graphql",
            "headers": [],
            "client": client,
        }
        await middleware(scope, receive, send)
    return seen


async def test_every_nth_answer_on_a_connection_closes_it() -> None:
    middleware = RequestMiddleware(_ok, 1024, expose_statements=False, keepalive_requests=3)
    first = await _connection_headers(middleware, ("10.0.0.1", 5000), 7)
    assert first == [None, None, b"close", None, None, b"close", None]
    # Each connection counts its own requests.
    other = await _connection_headers(middleware, ("10.0.0.1", 5001), 2)
    assert other == [None, None]
    assert (await _connection_headers(middleware, ("10.0.0.1", 5000), 2)) == [None, b"close"]


async def test_no_allowance_keeps_connections_open() -> None:
    middleware = RequestMiddleware(_ok, 1024, expose_statements=False, keepalive_requests=0)
    assert await _connection_headers(middleware, ("10.0.0.2", 6000), 30) == [None] * 30
