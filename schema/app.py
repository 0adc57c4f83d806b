"""The GraphQL HTTP endpoint: context per request, persisted documents, GraphiQL only outside
production."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.extensions import SchemaExtension
from strawberry.http import GraphQLHTTPResponse
from strawberry.http.base import BaseRequestProtocol
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from schema import build_schema, graphiql
from schema.cache import ResultCache, cache_extension
from schema.context import Context
from schema.http_json import decode_body, encode_response
from schema.persisted.caching import ERRORS_KEY, cache_for_get
from schema.persisted.documents import KnownDocument, PersistedDocuments
from schema.persisted.http import STATE_KEY, PersistedRequests, Refused, read_body, replay
from schema.subscriptions.connection import accept
from schema.subscriptions.protocol import TextWebSocket, TransportHandler
from server.access.control import AccessControl
from server.actor import RequestInfo
from server.http_errors import error_response
from server.observability import LATENCY, OPERATIONS
from server.settings import Settings

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_MAX_LABELS = 200
_seen_names: set[str] = set()


def _metric_name(name: str | None) -> str:
    """Operation names come from clients: bound the label set Prometheus keeps."""
    if not name or not _NAME.fullmatch(name):
        return "anonymous" if not name else "other"
    if name not in _seen_names and len(_seen_names) >= _MAX_LABELS:
        return "other"
    _seen_names.add(name)
    return name


class OperationObserver(SchemaExtension):
    """Records the operation name for the audit trail and its latency and outcome."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        ctx = self.execution_context
        name = _metric_name(ctx.operation_name)
        errors = ctx.result.errors if ctx.result is not None else None
        OPERATIONS.labels(name, "error" if errors else "ok").inc()
        # Over a socket only subscriptions run, and one lasts as long as the client stays
        # subscribed: its duration says nothing about how fast the service answers.
        if not (isinstance(ctx.context, Context) and ctx.context.websocket is not None):
            LATENCY.labels(name).observe(time.perf_counter() - started)

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        if isinstance(context, Context):
            context.request_info = replace(
                context.request_info, operation_name=self.execution_context.operation_name
            )
        yield


class LedgerlineGraphQL(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = TransportHandler
    websocket_adapter_class = TextWebSocket

    def __init__(self, settings: Settings, access: AccessControl, **kwargs: Any) -> None:
        super().__init__(
            # Subscriptions speak graphql-transport-ws only (docs/decisions/subscriptions.md).
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=settings.subscription_init_seconds),
            max_subscriptions_per_connection=settings.subscriptions_per_connection,
            # A page on another origin may open a socket only from the origins CORS allows.
            allowed_origins=settings.cors_origins,
            **kwargs,
        )
        self.settings = settings
        self.access = access
        self.documents = PersistedDocuments(settings)
        self.persisted = PersistedRequests(self.documents)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            scope, receive, known = await self._persisted(scope, receive)
            response = await self.run(Request(scope=scope, receive=receive))
        except Refused as refused:
            response = refused.response()
        except HTTPException as refused:
            # The view refuses bodies, methods and content types with plain text; clients
            # read errors in the GraphQL shape whatever went wrong.
            response = error_response(refused.status_code, refused.reason)
        else:
            if known is not None and scope["method"] == "GET":
                cache_for_get(response, scope, self.settings.persisted_get_max_age_seconds)
        await response(scope, receive, send)

    async def _persisted(
        self, scope: Scope, receive: Receive
    ) -> tuple[Scope, Receive, KnownDocument | None]:
        """The request strawberry reads, with the text of the persisted document it names."""
        if scope["method"] == "GET":
            scope, known = await self.persisted.prepare_get(scope)
        elif scope["method"] == "POST":
            body, known = await self.persisted.prepare_post(await read_body(receive))
            receive = replay(body, receive)
        else:
            return scope, receive, None
        if known is not None:
            scope.setdefault("state", {})[STATE_KEY] = known
        return scope, receive, known

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        # Whether the answer holds errors decides whether a GET answer may be cached.
        request.scope.setdefault("state", {})[ERRORS_KEY] = bool(result.errors)
        return await super().process_result(request, result)

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        # A GET naming a persisted document is a query, whatever it accepts.
        params = request.query_params
        return (
            "extensions" not in params
            and "documentId" not in params
            and super().should_render_graphql_ide(request)
        )

    def encode_json(self, data: object) -> bytes:
        # orjson is several times faster than the standard library on large pages.
        return encode_response(data)

    def decode_json(self, data: str | bytes) -> object:
        return decode_body(data)

    def parse_json(self, data: str | bytes) -> Any:
        parsed = super().parse_json(data)
        if not isinstance(parsed, dict | list):
            raise HTTPException(400, "The request body must be a JSON object.")
        if isinstance(parsed, dict):
            name = parsed.get("operationName")
            if name is not None and not isinstance(name, str):
                raise HTTPException(
                    400, "The GraphQL operation's `operationName` must be a string or null."
                )
        return parsed

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        # The page loads GraphiQL from this server's own pinned files (schema/graphiql).
        return graphiql.page()

    async def on_ws_connect(self, context: Context) -> UnsetType:
        await accept(context)
        return UNSET

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        # Cheap on purpose: this runs even for requests refused later. Authentication is lazy.
        client = request.client.host if request.client else None
        info = RequestInfo(
            # A socket passes no request middleware: it gets its id here.
            request_id=request.scope.get("state", {}).get("request_id")
            or (uuid.uuid4().hex if request.scope["type"] == "websocket" else None),
            client_ip=client,
            user_agent=(request.headers.get("user-agent") or "")[:512] or None,
        )
        return Context(
            request=request,
            response=response,
            settings=self.settings,
            access=self.access,
            request_info=info,
            persisted=request.scope.get("state", {}).get(STATE_KEY),
            documents=self.documents,
        )


def graphql_app(settings: Settings, access: AccessControl) -> LedgerlineGraphQL:
    extensions: list[Any] = [OperationObserver]
    if settings.query_cache_entries and settings.query_cache_bytes:
        cache = ResultCache(
            settings.query_cache_entries,
            settings.query_cache_bytes,
            settings.query_cache_max_entry_bytes,
        )
        extensions.append(cache_extension(cache))
    schema = build_schema(settings, extra_extensions=extensions)
    return LedgerlineGraphQL(
        settings,
        access,
        schema=schema,
        graphql_ide=None if settings.is_production else "graphiql",
        # GET runs persisted queries only: ad-hoc ones are refused before strawberry reads
        # the request (schema/persisted/http.py), and strawberry refuses anything but
        # queries over GET.
        allow_queries_via_get=True,
        multipart_uploads_enabled=False,
    )
