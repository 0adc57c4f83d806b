"""Logs (JSON, with the request id), Prometheus metrics, and SQL statement counting."""

from __future__ import annotations

import json
import logging
import re
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from typing import IO, Any

import orjson
import structlog
from prometheus_client import Counter, Gauge, Histogram

from server.redaction import REDACTED, redact
from server.settings import Settings

REQUESTS = Counter("ledgerline_http_requests_total", "HTTP requests", ["method", "path", "status"])
OPERATIONS = Counter(
    "ledgerline_graphql_operations_total", "GraphQL operations", ["operation", "outcome"]
)
LATENCY = Histogram(
    "ledgerline_graphql_operation_seconds",
    "GraphQL operation latency",
    ["operation"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
SQL_STATEMENTS = Counter("ledgerline_sql_statements_total", "SQL statements executed")
# Each worker process holds its own cache: with several workers the gauges add up the live ones.
CACHE_BYTES = Gauge(
    "ledgerline_query_cache_bytes",
    "Bytes held by the query result cache (answers and keys)",
    multiprocess_mode="livesum",
)
CACHE_ENTRIES = Gauge(
    "ledgerline_query_cache_entries",
    "Answers held by the query result cache",
    multiprocess_mode="livesum",
)
CACHE_SKIPPED = Counter(
    "ledgerline_query_cache_skipped_total", "Answers not cached because they were too large"
)


@dataclass
class StatementCount:
    value: int = 0


_statements: ContextVar[StatementCount | None] = ContextVar("sql_statements", default=None)


def count_statement() -> None:
    SQL_STATEMENTS.inc()
    current = _statements.get()
    if current is not None:
        current.value += 1


class _StatementCountingLogger(logging.Logger):
    """`tortoise.db_client`, on which Tortoise logs each statement at DEBUG as
    ("%s: %s", sql, values): counted here, never printed.

    Counting in `debug` itself rather than in a Handler skips the LogRecord that
    `Logger.debug` builds first (the caller's frame, the process and thread ids): about
    10 µs a statement, which every request paid for each of its statements."""

    def debug(self, msg: object, *args: object, **kwargs: Any) -> None:
        if len(args) == 2:
            count_statement()


def start_statement_count() -> StatementCount:
    """Count the statements the current request (task context) executes from now on."""
    counter = StatementCount()
    _statements.set(counter)
    return counter


def install_statement_counter() -> None:
    db_logger = logging.getLogger("tortoise.db_client")
    # Tortoise made this logger at import; it is given the counting class in place, since
    # its clients hold the instance itself.
    db_logger.__class__ = _StatementCountingLogger
    db_logger.setLevel(logging.DEBUG)
    db_logger.propagate = False


# Names that are secrets in logs though not in the audit log, where an account's `code` is
# plain data: one-time codes arrive in fields named just `code`.
LOG_SECRET_NAMES = frozenset({"code", "otp", "pin"})
# An access token (a JWT) written inside a message or a traceback, whatever its field.
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
_HANDLER_NAME = "ledgerline-json"


def redact_event(
    _logger: Any, _method: str, event_dict: structlog.types.EventDict
) -> structlog.types.EventDict:
    """structlog processor: secrets out of every field, at any depth, and out of text."""
    clean: structlog.types.EventDict = redact(event_dict, LOG_SECRET_NAMES)
    for key, value in clean.items():
        if isinstance(value, str) and "eyJ" in value:
            clean[key] = _JWT.sub(REDACTED, value)
    return clean


def _shared_processors() -> list[structlog.types.Processor]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]


def log_formatter(log_json: bool = True) -> logging.Formatter:
    """Renders every record, ours and every library's, as one line: a JSON object by default.

    Exceptions become a field of that object (`exception`), never lines of their own.
    """
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer(serializer=_json)
        if log_json
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_shared_processors(),
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.StackInfoRenderer(),
            structlog.processors.format_exc_info,
            redact_event,
            renderer,
        ],
    )


def _json(value: Any, **_kwargs: Any) -> str:
    try:
        return orjson.dumps(value, default=str).decode()
    except TypeError:  # a lone surrogate, which orjson refuses: escaped instead
        return json.dumps(value, default=str)


class _StdoutHandler(logging.StreamHandler):
    """Writes to the sys.stdout of the moment a record is emitted, not of start-up, so that a
    replaced stdout (a test's capture, since closed) is never written to."""

    @property
    def stream(self) -> IO[str]:
        return sys.stdout

    @stream.setter
    def stream(self, _value: IO[str]) -> None:
        pass


def _quiet_libraries(level: int) -> None:
    """Libraries whose records would carry request content or repeat what we log."""
    # uvicorn's access line holds the query string; the request line replaces it.
    access = logging.getLogger("uvicorn.access")
    access.handlers.clear()
    access.propagate = False
    access.disabled = True
    # aiosqlite logs each statement with its parameters at DEBUG, and httpx and httpcore
    # each outbound request's URL, query string included, at INFO and DEBUG.
    logging.getLogger("aiosqlite").setLevel(max(level, logging.INFO))
    # casbin prints the whole model and policy at INFO on every load.
    for name in ("httpx", "httpcore", "casbin"):
        logging.getLogger(name).setLevel(max(level, logging.WARNING))


def configure_logging(settings: Settings, stream: IO[str] | None = None) -> None:
    """Route every logger (ours, strawberry, graphql, uvicorn, tortoise, asyncio, warnings)
    through one handler on the root logger. Safe to call again: the handler is replaced."""
    level = logging.getLevelNamesMapping().get(settings.log_level.upper(), logging.INFO)
    handler = logging.StreamHandler(stream) if stream else _StdoutHandler()
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(log_formatter(settings.log_json))
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # uvicorn's own configuration gives its loggers plain-text handlers; ours are used instead.
    for name in ("uvicorn", "uvicorn.error"):
        library = logging.getLogger(name)
        library.handlers.clear()
        library.propagate = True
    _quiet_libraries(level)
    logging.captureWarnings(True)
    structlog.configure(
        processors=[*_shared_processors(), structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.stdlib.LoggerFactory(),
        cache_logger_on_first_use=True,
    )
    install_statement_counter()


def uvicorn_log_config(settings: Settings) -> dict[str, Any]:
    """uvicorn's logging configuration: its records go to the root logger, rendered as ours."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "ledgerline": {
                "()": "server.observability.log_formatter",
                "log_json": settings.log_json,
            }
        },
        "handlers": {
            _HANDLER_NAME: {
                "class": "logging.StreamHandler",
                "formatter": "ledgerline",
                "stream": "ext://sys.stdout",
            }
        },
        "root": {"handlers": [_HANDLER_NAME], "level": settings.log_level.upper()},
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            "uvicorn.access": {"handlers": [], "propagate": False},
        },
    }


def logger() -> structlog.stdlib.BoundLogger:
    return structlog.get_logger("ledgerline")
