"""Who may read the Prometheus metrics, and where.

Metrics tell an outsider how busy the service is, which operations it serves and how they
fail, so they are not public in production:
- `LEDGERLINE_METRICS_PORT` set: metrics are served on that port only (bound to
  `LEDGERLINE_METRICS_HOST`, loopback by default), and `/metrics` on the API port is absent;
- else `LEDGERLINE_METRICS_TOKEN` set: `/metrics` on the API port requires
  `Authorization: Bearer <token>`;
- else `/metrics` is open outside production and absent in production.

`ledgerline serve --workers N` runs N processes, each counting its own requests. They share
their figures through prometheus-client's multiprocess mode (a directory of memory-mapped
files named by PROMETHEUS_MULTIPROC_DIR, set up by `serve`), so whichever process answers
reports every worker's.
"""

from __future__ import annotations

import hmac
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from threading import Thread
from wsgiref.simple_server import WSGIServer

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    generate_latest,
    multiprocess,
    start_http_server,
)
from starlette.requests import Request
from starlette.responses import Response

from server.http_errors import error_response
from server.observability import logger
from server.settings import Settings


def on_api_port(settings: Settings) -> bool:
    """Whether the API port serves /metrics at all."""
    if settings.metrics_port is not None:
        return False
    return settings.metrics_token is not None or not settings.is_production


def _authorised(settings: Settings, request: Request) -> bool:
    if settings.metrics_token is None:
        return True
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    expected = settings.metrics_token.get_secret_value()
    # Bytes: compare_digest refuses text that is not ASCII, and a header can hold anything.
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode("utf-8", "surrogateescape"), expected.encode()
    )


async def metrics(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    if not on_api_port(settings):
        return error_response(404, "Not Found")
    if not _authorised(settings, request):
        return error_response(401, "a metrics token is required", "UNAUTHENTICATED")
    return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)


_MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"


def _registry() -> CollectorRegistry:
    """Every worker's figures in multiprocess mode, else this process's."""
    if not os.environ.get(_MULTIPROCESS_DIR):
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


@contextmanager
def shared_between_workers(workers: int) -> Iterator[None]:
    """Around serving with several worker processes: their metrics go to a directory they
    share, made empty for this run (figures of an earlier run would be added in) and removed
    afterwards. A directory the operator names in PROMETHEUS_MULTIPROC_DIR is used as it is.
    Must be entered before the workers start: prometheus-client chooses where values live
    when a process first imports it."""
    if workers <= 1 or os.environ.get(_MULTIPROCESS_DIR):
        yield
        return
    directory = tempfile.mkdtemp(prefix="ledgerline-metrics-")
    os.environ[_MULTIPROCESS_DIR] = directory
    try:
        yield
    finally:
        del os.environ[_MULTIPROCESS_DIR]
        shutil.rmtree(directory, ignore_errors=True)


def start_metrics_server(settings: Settings) -> tuple[WSGIServer, Thread] | None:
    """The separate metrics listener, if one is configured and its port is free.

    With several worker processes the first to start holds the port; the others say so and
    go on serving the API.
    """
    if settings.metrics_port is None:
        return None
    try:
        return start_http_server(
            settings.metrics_port, addr=settings.metrics_host, registry=_registry()
        )
    except OSError as error:
        logger().warning(
            "metrics.port_unavailable", port=settings.metrics_port, error=error.strerror
        )
        return None


def stop_metrics_server(started: tuple[WSGIServer, Thread] | None) -> None:
    if started is not None:
        server, thread = started
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
