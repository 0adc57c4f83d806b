"""The GraphQL HTTP endpoint: context per request, GraphiQL only outside production."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL
from strawberry.extensions import SchemaExtension
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from schema import build_schema
from schema.cache import ResultCache, cache_extension
from schema.context import Context
from schema.errors import with_code
from server.access.control import AccessControl
from server.actor import RequestInfo
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
        LATENCY.labels(name).observe(time.perf_counter() - started)

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        if isinstance(context, Context):
            context.request_info = replace(
                context.request_info, operation_name=self.execution_context.operation_name
            )
        yield


class LedgerlineGraphQL(GraphQL[Context, None]):
    def __init__(self, settings: Settings, access: AccessControl, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.settings = settings
        self.access = access

    def encode_json(self, data: object) -> bytes:
        # orjson is several times faster than the standard library on large pages.
        try:
            return orjson.dumps(data)
        except TypeError:
            # A message quoting a client's lone surrogate cannot be UTF-8: replace it.
            return json.dumps(data, ensure_ascii=False).encode("utf-8", "replace")

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        # Parse errors leave before the schema's extensions run: give them their code here.
        if result.errors:
            result.errors = [with_code(error) for error in result.errors]
        return await super().process_result(request, result)

    async def get_context(self, request: Request, response: Response | None) -> Context:  # type: ignore[override]
        # Cheap on purpose: this runs even for requests refused later. Authentication is lazy.
        client = request.client.host if request.client else None
        info = RequestInfo(
            request_id=request.scope.get("state", {}).get("request_id"),
            client_ip=client,
            user_agent=(request.headers.get("user-agent") or "")[:512] or None,
        )
        return Context(
            request=request,
            response=response,
            settings=self.settings,
            access=self.access,
            request_info=info,
        )


def graphql_app(settings: Settings, access: AccessControl) -> LedgerlineGraphQL:
    extensions: list[Any] = [OperationObserver]
    if settings.query_cache_entries:
        extensions.append(cache_extension(ResultCache(settings.query_cache_entries)))
    schema = build_schema(settings, extra_extensions=extensions)
    return LedgerlineGraphQL(
        settings,
        access,
        schema=schema,
        graphql_ide=None if settings.is_production else "graphiql",
        allow_queries_via_get=False,
        multipart_uploads_enabled=False,
    )
