"""The polling runner: schedules, the relay and due jobs, one round after another.

It is the whole of background work on SQLite (inside the API process, or in `ledgerline
worker`), what tests drive round by round, and on PostgreSQL the sweep beside pgqueuer
that takes up what pgqueuer did not (a job whose worker died, a wake-up lost).
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta

from server.jobs import relay, schedules
from server.jobs.models import JobStatus
from server.jobs.runner import due, execute
from server.observability import logger

ROUND_JOBS = 20


async def run_round(
    worker: str, *, older_than: timedelta | None = None, with_schedules: bool = True
) -> list[JobStatus]:
    """One round: enqueue due schedule slots, relay pending events, run due jobs."""
    if with_schedules:
        await schedules.tick()
    await relay.relay_once()
    ended: list[JobStatus] = []
    for job_id in await due(ROUND_JOBS, older_than=older_than):
        status = await execute(job_id, worker)
        if status is not None:
            ended.append(status)
    return ended


async def run_forever(
    worker: str,
    stop: asyncio.Event,
    *,
    poll: timedelta = timedelta(seconds=1),
    older_than: timedelta | None = None,
) -> None:
    """Rounds until `stop` is set; a failing round is logged and the next one goes on."""
    while not stop.is_set():
        ran: list[JobStatus] = []
        try:
            ran = await run_round(worker, older_than=older_than)
        except Exception as failure:
            logger().error("job_round_failed", error=type(failure).__name__, detail=str(failure))
        if not ran:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), poll.total_seconds())
