"""Running one job: claim it, run its handler while beating its heartbeat, record how it
ended. The same code runs under pgqueuer's worker, the in-process runner and the tests."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from datetime import timedelta
from uuid import UUID

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from server import clock
from server.jobs.context import JobContext
from server.jobs.enqueue import on_postgres, wake
from server.jobs.models import WAITING, Job, JobStatus
from server.jobs.registry import Handler, Permanent, handler_for
from server.observability import logger
from server.settings import get_settings


def stale_after() -> timedelta:
    """How long a running job may go untouched before it counts as abandoned and is
    claimed again, as its next attempt; while a handler runs, its worker touches the job
    six times as often."""
    return timedelta(seconds=get_settings().job_stale_seconds)


# Enough of an error to act on; a traceback's worth would bloat the row and the API.
ERROR_CHARS = 2000


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def _claimable(stale: Q) -> Q:
    return Q(status__in=list(WAITING), run_at__lte=clock.now()) | stale


def _stale() -> Q:
    return Q(status=JobStatus.RUNNING, heartbeat_at__lt=clock.now() - stale_after())


async def due(limit: int, *, older_than: timedelta | None = None) -> list[UUID]:
    """Jobs a worker may claim now, oldest first; with `older_than`, only waiting jobs due
    for at least that long (the ones pgqueuer has not picked up), and every abandoned one.

    An abandoned job is taken as soon as it is stale, however recently it was due:
    pgqueuer re-picks it when its own heartbeat (beaten less often than ours) goes stale,
    and when ours is not stale yet at that moment the claim fails and pgqueuer lets the
    job go, leaving it to this sweep."""
    if older_than is None:
        query = Job.filter(_claimable(_stale()))
    else:
        waiting = Q(status__in=list(WAITING), run_at__lte=clock.now() - older_than)
        query = Job.filter(waiting | _stale())
    ids = await query.order_by("run_at").limit(limit).values_list("id", flat=True)
    return [UUID(str(i)) for i in ids]


async def claim(job_id: UUID, worker: str) -> Job | None:
    """Take the job if it is waiting and due, or running with a dead worker. The update is
    conditional, so of two workers racing for a job exactly one gets it."""
    now = clock.now()
    taken = await Job.filter(Q(id=job_id) & _claimable(_stale())).update(
        status=JobStatus.RUNNING,
        attempts=F("attempts") + 1,
        worker=worker,
        started_at=now,
        heartbeat_at=now,
        finished_at=None,
    )
    return await Job.get(id=job_id) if taken == 1 else None


async def execute(job_id: UUID, worker: str) -> JobStatus | None:
    """Run the job if this worker can claim it; the status it ended in, or None."""
    job = await claim(job_id, worker)
    if job is None:
        return None
    handler = handler_for(job.kind)
    if handler is None:
        return await _end(job, worker, JobStatus.DEAD, f"no handler for job kind {job.kind!r}")
    if job.attempts > job.max_attempts:
        return await _end(job, worker, JobStatus.DEAD, "its worker stopped during the last attempt")
    return await _run(job, handler, worker)


async def _run(job: Job, handler: Handler, worker: str) -> JobStatus | None:
    ctx = JobContext(
        job_id=job.id,
        kind=job.kind,
        payload=dict(job.payload),
        organization_id=str(job.organization_id) if job.organization_id else None,
        attempt=job.attempts,
    )
    work = asyncio.ensure_future(handler.func(ctx))
    beat = asyncio.ensure_future(_beat(job.id, worker, work))
    try:
        await work
    except asyncio.CancelledError:
        if not work.cancelled() or not beat.done():
            raise  # the worker itself is stopping; the job goes stale and is retried
        if beat.result() is LOST:
            return None  # another worker holds the job now; its outcome is that worker's
        return await _end(job, worker, JobStatus.CANCELLED, "cancelled while running")
    except Permanent as failure:
        return await _end(job, worker, JobStatus.DEAD, _describe(failure))
    except Exception as failure:
        logger().warning(
            "job_failed",
            job_id=str(job.id),
            kind=job.kind,
            attempt=job.attempts,
            error=type(failure).__name__,
        )
        if job.attempts >= job.max_attempts:
            return await _end(job, worker, JobStatus.DEAD, _describe(failure))
        return await _retry(job, handler, worker, _describe(failure))
    finally:
        beat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await beat
    return await _end(job, worker, JobStatus.SUCCEEDED, None)


LOST = "lost"
CANCELLED = "cancelled"


async def _beat(job_id: UUID, worker: str, work: asyncio.Future[None]) -> str | None:
    """Keep the claim alive; stop the handler when an admin cancels the job, or when the
    claim was lost: a worker that stalled past stale_after() (a pause, a long GC, a
    suspended VM) finds another worker holding its job and stops at its next beat, so two
    runs of one job overlap at most one beat."""
    while not work.done():
        await asyncio.sleep(stale_after().total_seconds() / 6)
        held = await Job.filter(id=job_id, worker=worker, status=JobStatus.RUNNING).update(
            heartbeat_at=clock.now()
        )
        if not held:
            work.cancel()
            return LOST
        if await Job.filter(id=job_id, cancel_requested=True).exists():
            work.cancel()
            return CANCELLED
    return None


def _describe(failure: BaseException) -> str:
    text = f"{type(failure).__name__}: {failure}" if str(failure) else type(failure).__name__
    return text[:ERROR_CHARS]


async def _end(job: Job, worker: str, status: JobStatus, error: str | None) -> JobStatus:
    # Only while this worker still holds the job: one that lost its claim (it stalled
    # past stale_after() and another worker took over) must not overwrite the outcome.
    await Job.filter(id=job.id, worker=worker, status=JobStatus.RUNNING).update(
        status=status, finished_at=clock.now(), last_error=error
    )
    return status


async def _retry(job: Job, handler: Handler, worker: str, error: str) -> JobStatus:
    run_at = clock.now() + handler.delay(job.attempts)
    async with in_transaction() as connection:
        moved = await Job.filter(id=job.id, worker=worker, status=JobStatus.RUNNING).update(
            status=JobStatus.RETRYING, run_at=run_at, last_error=error
        )
        if moved and on_postgres(connection):
            await wake(connection, job, run_at - clock.now())
    return JobStatus.RETRYING
