"""A graphql-transport-ws client for tests, over the `websockets` package."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

PROTOCOL = "graphql-transport-ws"
WAIT = 10.0


class Socket:
    """One connection: connection_init, subscribe, and the messages that come back."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection
        self.drained: list[dict[str, Any]] = []

    async def send(self, message: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(message))

    async def receive(self, within: float = WAIT) -> dict[str, Any]:
        raw = await asyncio.wait_for(self.connection.recv(), within)
        assert isinstance(raw, str), "graphql-transport-ws messages are text frames"
        message: dict[str, Any] = json.loads(raw)
        return message

    async def init(self, token: str | None, **payload: Any) -> dict[str, Any]:
        if token is not None:
            payload["authorization"] = f"Bearer {token}"
        await self.send({"type": "connection_init", "payload": payload})
        return await self.receive()

    async def subscribe(self, id: str, query: str, variables: dict[str, Any] | None = None) -> None:
        await self.send(
            {"id": id, "type": "subscribe", "payload": {"query": query, "variables": variables}}
        )

    async def next(self, id: str, within: float = WAIT) -> dict[str, Any]:
        """The payload of the next `next` message for `id` (failing on anything else)."""
        message = await self.receive(within)
        assert message.get("id") == id and message["type"] == "next", message
        payload: dict[str, Any] = message["payload"]
        return payload

    async def nothing(self, seconds: float = 1.0) -> None:
        """Nothing arrives for `seconds`."""
        try:
            message = await self.receive(seconds)
        except TimeoutError:
            return
        raise AssertionError(f"unexpected message: {message}")

    async def closed(self, within: float = WAIT) -> tuple[int | None, str | None]:
        """The close code and reason, once the server has closed the connection; what
        arrived before the close is kept in `drained`."""
        try:
            while True:
                self.drained.append(
                    json.loads(await asyncio.wait_for(self.connection.recv(), within))
                )
        except ConnectionClosed as closed:
            received = closed.rcvd
            return (received.code, received.reason) if received else (None, None)


@asynccontextmanager
async def socket(url: str) -> AsyncIterator[Socket]:
    async with connect(url, subprotocols=[PROTOCOL], open_timeout=WAIT) as connection:  # type: ignore[list-item]
        assert connection.subprotocol == PROTOCOL
        yield Socket(connection)


@asynccontextmanager
async def signed_in(url: str, token: str) -> AsyncIterator[Socket]:
    """A connection acknowledged for `token`."""
    async with socket(url) as ws:
        ack = await ws.init(token)
        assert ack["type"] == "connection_ack", ack
        yield ws
