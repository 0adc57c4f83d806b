"""`ledgerline worker` on PostgreSQL: pgqueuer dispatches, the runner runs.

pgqueuer hands each job to one worker at a time (SELECT ... FOR UPDATE SKIP LOCKED over
its own table), wakes workers through LISTEN/NOTIFY as jobs commit, and picks a job up
again when the heartbeat of the worker holding it stops. Its rows carry only our job's
id; the `jobs` row stays the record, and the runner's conditional claim on it is what
keeps one job from running twice even if two deliveries of it crossed. Beside it, the
polling loop runs schedules and the relay, and sweeps up jobs due for a while that no
wake-up reached.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from uuid import UUID

import asyncpg
from pgqueuer import PgQueuer
from pgqueuer.models import Job as QueuedJob

from server.jobs.loop import run_forever
from server.jobs.registry import HANDLERS
from server.jobs.runner import execute, stale_after

# A job due this long that pgqueuer has not started is taken by the sweep instead.
SWEEP_AFTER = timedelta(minutes=1)


def register(queue: PgQueuer, worker: str) -> None:
    """One pgqueuer entrypoint per job kind, so kinds can be limited separately later."""

    async def run(job: QueuedJob) -> None:
        if job.payload is not None:
            await execute(UUID(job.payload.decode()), worker)

    for kind in HANDLERS:
        queue.entrypoint(kind)(run)


async def serve(dsn: str, worker: str, stop: asyncio.Event, *, concurrency: int = 4) -> None:
    """Run jobs until `stop` is set."""
    connection = await asyncpg.connect(dsn)
    try:
        queue = PgQueuer.from_asyncpg_connection(connection)
        register(queue, worker)
        sweep = asyncio.ensure_future(run_forever(worker, stop, older_than=SWEEP_AFTER))
        dispatch = asyncio.ensure_future(
            queue.run(
                batch_size=concurrency,
                max_concurrent_tasks=2 * concurrency,
                heartbeat_timeout=stale_after(),
            )
        )
        await stop.wait()
        queue.shutdown.set()
        await asyncio.gather(sweep, dispatch, return_exceptions=True)
    finally:
        await connection.close()
