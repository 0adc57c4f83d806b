"""graphql-transport-ws as Ledgerline speaks it: subscriptions only, as text frames.

Queries and mutations go over HTTP, where each request is authenticated, limited and
logged on its own; over the socket they are refused with an error for their id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import GraphQLError, OperationType, get_operation_ast, parse
from graphql.error import GraphQLSyntaxError
from starlette.websockets import WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage

from schema.context import Context
from schema.http_json import encode_response
from schema.subscriptions.connection import stop_expiry


class TextWebSocket(ASGIWebSocketAdapter):
    """Messages as text frames, which graphql-transport-ws requires (the HTTP view encodes
    to bytes); a message for a connection already closed is dropped."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        if self.ws.application_state == WebSocketState.DISCONNECTED:
            return
        await self.ws.send_text(encode_response(message).decode())


def _operation_type(payload: Any, max_tokens: int) -> OperationType | None:
    """The operation's type, or None when the document is not one to judge here (strawberry
    then refuses it the protocol's way)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
        return None
    name = payload.get("operationName")
    try:
        operation = get_operation_ast(
            parse(payload["query"], max_tokens=max_tokens), name if isinstance(name, str) else None
        )
    except GraphQLSyntaxError:
        return None
    return operation.operation if operation is not None else None


class TransportHandler(BaseGraphQLTransportWSHandler[Context, None]):
    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        kind = _operation_type(message.get("payload"), self.context.settings.max_tokens)
        if self.connection_acknowledged and kind not in (None, OperationType.SUBSCRIPTION):
            refused = GraphQLError(
                "Only subscriptions are served over WebSocket; send queries and mutations "
                "over HTTP.",
                extensions={"code": "BAD_USER_INPUT"},
            )
            await self.send_message(
                {"id": message["id"], "type": "error", "payload": [refused.formatted]}
            )
            return
        await super().handle_subscribe(message)

    async def shutdown(self) -> None:
        stop_expiry(self.context)
        await super().shutdown()
