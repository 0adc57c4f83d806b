"""Logs (JSON, with the request id), Prometheus metrics, and SQL statement counting."""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import structlog
from prometheus_client import Counter, Histogram

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


def configure_logging(settings: Settings) -> None:
    processors: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
    ]
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer()
        if settings.log_json
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[*processors, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelNamesMapping().get(settings.log_level.upper(), logging.INFO)
        ),
        logger_factory=structlog.PrintLoggerFactory(sys.stdout),
        cache_logger_on_first_use=True,
    )
    install_statement_counter()


def logger() -> structlog.stdlib.BoundLogger:
    return structlog.get_logger("ledgerline")
