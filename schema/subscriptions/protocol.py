"""graphql-transport-ws as Ledgerline speaks it: subscriptions only, as text frames.

Queries and mutations go over HTTP, where each request is authenticated, limited and
logged on its own; over the socket they are refused with an error for their id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import GraphQLError, GraphQLSchema, OperationType, get_operation_ast, parse, validate
from graphql.error import GraphQLSyntaxError
from starlette.websockets import WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage

from schema.context import Context
from schema.http_json import encode_response
from schema.input_check import check_request
from schema.subscriptions.connection import stop_expiry


class TextWebSocket(ASGIWebSocketAdapter):
    """Messages as text frames, which graphql-transport-ws requires (the HTTP view encodes
    to bytes); a message for a connection already closed is dropped."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        if self.ws.application_state == WebSocketState.DISCONNECTED:
            return
        await self.ws.send_text(encode_response(message).decode())


ONLY_SUBSCRIPTIONS = (
    "Only subscriptions are served over WebSocket; send queries and mutations over HTTP."
)


def refusal(schema: GraphQLSchema, payload: Any, max_tokens: int) -> list[GraphQLError]:
    """Why a subscribe message is refused before it runs: not a subscription, or text its
    arguments may not carry (schema/input_check.py, which the HTTP path runs as an
    extension; strawberry's subscribe path does not heed an extension's refusal). Nothing
    when the document is not one to judge here: strawberry then refuses it the protocol's
    way (a parse error closes the socket, a validation error answers `error`)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
        return []
    name = payload.get("operationName")
    name = name if isinstance(name, str) else None
    try:
        document = parse(payload["query"], max_tokens=max_tokens)
    except GraphQLSyntaxError:
        return []
    operation = get_operation_ast(document, name)
    if operation is None:
        return []
    if operation.operation != OperationType.SUBSCRIPTION:
        return [GraphQLError(ONLY_SUBSCRIPTIONS, extensions={"code": "BAD_USER_INPUT"})]
    if validate(schema, document):
        return []
    return check_request(schema, document, name, payload.get("variables"))


class TransportHandler(BaseGraphQLTransportWSHandler[Context, None]):
    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        if self.connection_acknowledged and message["id"] not in self.operations:
            refused = refusal(
                self.schema._schema,  # type: ignore[attr-defined]
                message.get("payload"),
                self.context.settings.max_tokens,
            )
            if refused:
                payload = [error.formatted for error in refused]
                await self.send_message({"id": message["id"], "type": "error", "payload": payload})
                return
        await super().handle_subscribe(message)

    async def shutdown(self) -> None:
        stop_expiry(self.context)
        await super().shutdown()
