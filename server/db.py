"""Database configuration: the TORTOISE_ORM dict aerich reads, and connection helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tortoise import connections
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.transactions import in_transaction

from server.settings import get_settings

MODEL_MODULES = [
    "server.identity.models",
    "server.access.models",
    "server.events.models",
    "server.audit.models",
    "server.jobs.models",
    "server.crm.models",
    "server.ledger.models",
    "server.documents.models",
    "server.receivables.models",
    "server.payables.models",
    "server.email.models",
    "server.webhooks.models",
    "server.pdf.models",
    "server.portal.models",
    "server.persisted.models",
]


async def _keep_session(_connection: object) -> None:
    """Pool reset: asyncpg has already rolled back any open transaction; the application
    sets no session state (SET, LISTEN, advisory locks, cursors) to clear, so the default
    reset query, one more round trip after every statement run outside a transaction, is
    skipped."""


def _connection(url: str) -> str | dict[str, Any]:
    if url.startswith("sqlite://"):
        config = expand_db_url(url)
        # Tortoise's client, with the functions the read path needs (server/sqlite_client.py).
        config["engine"] = "server.sqlite_client"
        return config
    if not url.startswith(("postgres://", "asyncpg://")):
        return url
    config = expand_db_url(url)
    config["credentials"].setdefault("reset", _keep_session)
    return config


def tortoise_config(database_url: str | None = None) -> dict[str, Any]:
    url = database_url or get_settings().database_url
    return {
        "connections": {"default": _connection(url)},
        "apps": {
            "models": {
                "models": [*MODEL_MODULES, "aerich.models"],
                "default_connection": "default",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def ensure_sqlite_directory(database_url: str) -> None:
    """SQLite creates the file but not its folder (./var on a fresh checkout)."""
    if database_url.startswith("sqlite://") and ":memory:" not in database_url:
        path = database_url.removeprefix("sqlite://").split("?")[0]
        Path(path).parent.mkdir(parents=True, exist_ok=True)


TORTOISE_ORM = tortoise_config()


MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"


async def migrate(database_url: str) -> list[str]:
    """Apply every pending migration; returns the files applied."""
    from aerich import Command
    from tortoise.context import TortoiseContext

    ensure_sqlite_directory(database_url)
    # A context of its own, so running migrations never disturbs an application's context.
    with TortoiseContext():
        async with Command(
            tortoise_config=tortoise_config(database_url),
            app="models",
            location=str(MIGRATIONS_DIR),
        ) as command:
            return await command.upgrade(run_in_transaction=True)


@asynccontextmanager
async def read_snapshot() -> AsyncIterator[None]:
    """A read-only transaction whose every read sees the database as of one moment.

    PostgreSQL's default READ COMMITTED gives each statement its own snapshot, so two
    reads can disagree about a write committed between them; REPEATABLE READ keeps the
    first statement's snapshot for the whole transaction. SQLite (in WAL mode) keeps a
    read transaction's snapshot until it ends, and this process's writers wait for it.
    Inside a transaction already open, that transaction's view is used as it is.
    """
    if isinstance(connections.get("default"), TransactionalDBClient):
        yield
        return
    async with in_transaction() as connection:
        if isinstance(connection, AsyncpgDBClient):
            await connection.execute_script(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
            )
        yield
