"""Putting a job on the queue, in the caller's transaction."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from pgqueuer.queries import Queries
from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import clock
from server.jobs.models import Job, JobStatus
from server.jobs.registry import handler_for


def on_postgres(client: BaseDBAsyncClient | None = None) -> bool:
    return (client or connections.get("default")).capabilities.dialect == "postgres"


async def enqueue(
    kind: str,
    payload: dict[str, Any],
    *,
    organization_id: UUID | str | None = None,
    run_at: datetime | None = None,
    key: str | None = None,
) -> Job | None:
    """Write a `kind` job, due at `run_at` (now if None). Call it inside the transaction of
    the change that causes it: a rolled-back change then leaves no job, and a committed one
    always has its job. With `key`, a job already enqueued under that key makes this a
    no-op (None is returned)."""
    handler = handler_for(kind)
    if handler is None:
        raise LookupError(f"no handler is registered for job kind {kind!r}")
    now = clock.now()
    due = run_at or now
    # A savepoint inside the caller's transaction (or a transaction of its own): a key
    # taken by a concurrent enqueue rolls back this insert only.
    try:
        async with in_transaction() as connection:
            if key is not None and await Job.exists(key=key):
                return None
            job = await Job.create(
                id=uuid4(),
                organization_id=organization_id,
                kind=kind,
                payload=payload,
                status=JobStatus.QUEUED,
                max_attempts=handler.max_attempts,
                run_at=due,
                key=key,
                created_at=now,
            )
            if on_postgres(connection):
                await wake(connection, job, max(due - now, timedelta(0)))
    except IntegrityError:
        if key is not None and await Job.exists(key=key):
            return None
        raise
    return job


async def wake(connection: BaseDBAsyncClient, job: Job, after: timedelta) -> None:
    """On PostgreSQL, hand the job to pgqueuer, on the same connection and so in the same
    transaction: its insert trigger notifies the workers at commit, and its heartbeat lets
    another worker pick the job up again if the one running it dies."""
    async with connection.acquire_connection() as raw:
        await Queries.from_asyncpg_connection(raw).enqueue(
            job.kind, str(job.id).encode(), execute_after=after
        )
