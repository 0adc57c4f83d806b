"""Background work wired up: every package's job handlers, and the ways to run them.

`ledgerline worker` runs them as a process of its own; on the embedded SQLite default the
API process runs them itself, so the quick start sends e-mails and webhooks with no
second process.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import signal
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

from server.email import jobs as email_jobs
from server.jobs.enqueue import on_postgres
from server.jobs.loop import run_forever
from server.jobs.runner import worker_name
from server.live.listen import listen
from server.observability import logger
from server.pdf import attachments as pdf_attachments
from server.settings import Settings

# Modules that register job handlers, event consumers and schedules when imported.
# server.live.outlet announces the relay's batches to live subscriptions.
HANDLER_MODULES = (
    "server.jobs.housekeeping",
    "server.email.jobs",
    "server.webhooks.job",
    "server.live.outlet",
)


def load_handlers(settings: Settings) -> None:
    for module in (*HANDLER_MODULES, *settings.job_modules):
        importlib.import_module(module)
    email_jobs.configure(settings)
    pdf_attachments.register()


@contextlib.asynccontextmanager
async def in_process(settings: Settings) -> AsyncIterator[None]:
    """Run background work beside the API while the context is open, if configured to."""
    load_handlers(settings)
    if not settings.runs_jobs_in_process:
        yield
        return
    stop = asyncio.Event()
    runner = asyncio.ensure_future(run_forever(worker_name(), stop))
    logger().info("jobs_in_process", worker=worker_name())
    try:
        yield
    finally:
        stop.set()
        await asyncio.gather(runner, return_exceptions=True)


@contextlib.asynccontextmanager
async def live_updates(settings: Settings) -> AsyncIterator[None]:
    """On PostgreSQL, hear the relays' announcements (from any worker or API process) on
    one LISTEN connection while the context is open; on SQLite the relay running in this
    process tells the hub directly."""
    if not on_postgres():
        yield
        return
    stop = asyncio.Event()
    listener = asyncio.ensure_future(listen(_asyncpg_dsn(settings.database_url), stop))
    try:
        yield
    finally:
        stop.set()
        await asyncio.gather(listener, return_exceptions=True)


def _asyncpg_dsn(database_url: str) -> str:
    # Tortoise's URL may carry pool options as query parameters asyncpg does not know.
    parts = urlsplit(database_url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


async def run_worker(settings: Settings) -> None:
    """Run background work until SIGTERM or SIGINT; the job in hand is left to be retried."""
    from server.jobs import worker

    load_handlers(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    name = worker_name()
    logger().info("worker_started", worker=name, postgres=on_postgres())
    if on_postgres():
        await worker.serve(_asyncpg_dsn(settings.database_url), name, stop)
    else:
        await run_forever(name, stop)
    logger().info("worker_stopped", worker=name)
