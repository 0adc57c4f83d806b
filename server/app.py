"""create_app(): routes, middleware and lifespan of the HTTP service."""

from __future__ import annotations

import gc
import re
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import structlog
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

from server.access.control import AccessControl
from server.audit_http import export_audit
from server.background import in_process, live_updates
from server.db import ensure_sqlite_directory, tortoise_config
from server.documents_http import document_pdf, portal_page, portal_pdf
from server.http_errors import error_response
from server.identity import passwords
from server.metrics_endpoint import metrics, start_metrics_server, stop_metrics_server
from server.observability import (
    REQUESTS,
    configure_logging,
    logger,
    start_statement_count,
)
from server.settings import Settings, get_settings

_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_KNOWN_PATHS = {
    "/graphql",
    "/healthz",
    "/readyz",
    "/metrics",
    "/audit/export",
    "/documents/{token}",
    "/portal/{token}",
}
# Paths whose last parts are secrets (a signed document URL, a portal link): the log and
# the metrics keep only the prefix.
_TOKEN_PATHS = ("/documents/", "/portal/")
# Of a path the service does not serve, the log keeps this much: enough to see what a
# scanner probes, not a body's worth of URL.
_LOGGED_PATH_CHARS = 200
# Allocations between young collections (CPython's default is 700).
YOUNG_COLLECTION_THRESHOLD = 10_000
MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations" / "models"


_MAX_TRACKED_CONNECTIONS = 10_000
# Request headers the API itself reads, always allowed from the configured origins.
API_HEADERS = ("authorization", "content-type", "x-request-id")


class RequestMiddleware:
    """Request id, body size limit, access log and request metrics, as plain ASGI."""

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        expose_statements: bool,
        keepalive_requests: int = 0,
    ) -> None:
        self.app = app
        self.max_body = max_body_bytes
        # Outside production each response tells how many SQL statements it cost, so
        # tests and benchmarks can hold query counts to a budget.
        self.expose_statements = expose_statements
        # A keep-alive connection stays with the worker that accepted it; closing each after
        # this many requests (0: never) lets its client's next connection go to whichever
        # worker accepts first, usually the less busy one.
        self.keepalive_requests = keepalive_requests
        self._served: dict[Any, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        given = headers.get("x-request-id", "")
        request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        statements = start_statement_count()
        started = time.perf_counter()
        status = 500

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _BodyTooLarge
            return message

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                extra = [(b"x-request-id", request_id.encode())]
                if self._last_on_connection(scope):
                    extra.append((b"connection", b"close"))
                if self.expose_statements:
                    extra.append((b"x-sql-statements", str(statements.value).encode()))
                message["headers"] = [*message["headers"], *extra]
            await send(message)

        length = headers.get("content-length")
        too_large = length is not None and (not length.isdigit() or int(length) > self.max_body)
        try:
            if too_large:
                raise _BodyTooLarge
            await self.app(scope, limited_receive, send_with_id)
        except _BodyTooLarge:
            too_large_response = error_response(
                413, f"request body over the limit of {self.max_body} bytes"
            )
            await too_large_response(scope, receive, send_with_id)
        finally:
            self._finish(scope, status, started, statements.value)

    def _last_on_connection(self, scope: Scope) -> bool:
        """Whether this response ends its connection's allowance of requests."""
        client = scope.get("client")
        if not self.keepalive_requests or client is None:
            return False
        key = tuple(client)
        served = self._served.get(key, 0) + 1
        if served < self.keepalive_requests:
            if len(self._served) >= _MAX_TRACKED_CONNECTIONS:
                # Connections that closed by themselves are never seen again: forget them
                # all now and then rather than track each connection's end.
                self._served.clear()
            self._served[key] = served
            return False
        self._served.pop(key, None)
        return True

    @staticmethod
    def _finish(
        scope: Scope,
        status: int,
        started: float,  # float ok: a perf_counter reading, not money
        statements: int,
    ) -> None:
        logged = _logged_path(scope["path"])
        path = logged if logged in _KNOWN_PATHS else "other"
        REQUESTS.labels(scope["method"], path, str(status)).inc()
        logger().info(
            "request",
            method=scope["method"],
            path=logged[:_LOGGED_PATH_CHARS],
            status=status,
            duration_ms=round((time.perf_counter() - started) * 1000, 2),
            sql_statements=statements,
        )


def _logged_path(path: str) -> str:
    for prefix in _TOKEN_PATHS:
        if path.startswith(prefix):
            return prefix + "{token}"
    return path


class _BodyTooLarge(Exception):
    pass


async def healthz(_request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(_request: Request) -> Response:
    """Ready when the database answers and every migration file has been applied."""
    try:
        rows = await connections.get("default").execute_query_dict(
            "SELECT version FROM aerich WHERE app = 'models'"
        )
    except Exception as exc:  # any database failure means "not ready"
        return JSONResponse({"status": "unavailable", "reason": type(exc).__name__}, 503)
    applied = {row["version"] for row in rows}
    pending = sorted(p.name for p in MIGRATIONS.glob("*.py") if p.name not in applied)
    if pending:
        return JSONResponse({"status": "migrations pending", "pending": pending}, 503)
    return JSONResponse({"status": "ready"})


def settle_heap() -> None:
    """Keep the cycle collector off what lives as long as the process.

    A list page allocates tens of thousands of short-lived objects, and every collection
    they trigger used to walk the whole start-up heap as well (the schema, the policies,
    the ORM's metadata): about a tenth of a page's CPU. That heap is frozen out of the
    collector once it is built, and young collections run less often.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, 10, 10)


def create_app(settings: Settings | None = None, *, manage_database: bool = True) -> Starlette:
    """The ASGI application. Tests that start Tortoise themselves pass manage_database=False."""
    # The GraphQL surface depends on server, not the reverse.
    from schema import graphiql
    from schema.app import graphql_app

    settings = settings or get_settings()
    configure_logging(settings)
    passwords.configure(settings)
    access = AccessControl()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        metrics_server = start_metrics_server(settings)
        try:
            if not manage_database:
                await access.refresh()
                yield
                return
            ensure_sqlite_directory(settings.database_url)
            async with (
                RegisterTortoise(app, config=tortoise_config(settings.database_url)),
                in_process(settings),
                live_updates(settings),
            ):
                await access.refresh()
                settle_heap()
                yield
        finally:
            stop_metrics_server(metrics_server)

    middleware = [
        Middleware(
            RequestMiddleware,
            max_body_bytes=settings.max_body_bytes,
            expose_statements=not settings.is_production,
            keepalive_requests=settings.keepalive_requests,
        ),
        Middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            # GET carries persisted queries (docs/decisions/persisted-operations.md).
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=[*API_HEADERS, *settings.cors_allow_headers],
            expose_headers=["x-request-id"],
            max_age=600,
        ),
    ]
    gql: Any = graphql_app(settings, access)
    # GraphiQL's own files, served where GraphiQL is (outside production).
    ide_routes = [] if settings.is_production else [graphiql.asset_route()]
    app = Starlette(
        routes=[
            Route("/graphql", gql, methods=["GET", "POST"]),
            # Subscriptions, over graphql-transport-ws (docs/decisions/subscriptions.md).
            WebSocketRoute("/graphql", gql),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
            Route("/audit/export", export_audit, methods=["GET"]),
            Route("/documents/{token}", document_pdf, methods=["GET"]),
            Route("/portal/{token}", portal_page, methods=["GET"]),
            Route("/portal/{token}/pdf", portal_pdf, methods=["GET"]),
            *ide_routes,
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.access = access
    app.state.settings = settings
    return app
