"""What admins do with an organization's jobs: look, retry, cancel."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound
from server.jobs.enqueue import on_postgres, wake
from server.jobs.models import WAITING, Job, JobStatus

RETRYABLE = (JobStatus.DEAD, JobStatus.CANCELLED)


async def get(actor: Actor, job_id: UUID) -> Job:
    """The organization's job; another organization's, or the platform's, reads as missing."""
    job = await Job.get_or_none(id=job_id, organization_id=actor.org)
    if job is None:
        raise NotFound("no such job", field=["id"])
    return job


async def by_ids(actor: Actor, ids: Sequence[UUID]) -> dict[str, Job]:
    """The organization's jobs among `ids`, by the id's text."""
    return {str(j.id): j for j in await Job.filter(id__in=list(ids), organization_id=actor.org)}


async def retry(actor: Actor, job_id: UUID) -> Job:
    """Run a dead or cancelled job again, with a fresh set of attempts."""
    async with in_transaction() as connection:
        job = await get(actor, job_id)
        before = job.status
        moved = await Job.filter(id=job.id, status__in=list(RETRYABLE)).update(
            status=JobStatus.QUEUED,
            attempts=0,
            run_at=clock.now(),
            cancel_requested=False,
            finished_at=None,
        )
        if not moved:
            raise DomainError(
                f"only a dead or cancelled job can be retried; this one is {before.value}",
                code=ErrorCode.INVALID_STATUS,
                field=["id"],
            )
        if on_postgres(connection):
            await wake(connection, job, timedelta(0))
        await audit.record(
            actor,
            "job.retry",
            object_type="Job",
            object_id=job.id,
            before={"status": before.value},
            after={"kind": job.kind, "status": JobStatus.QUEUED.value},
        )
    return await Job.get(id=job.id)


async def cancel(actor: Actor, job_id: UUID) -> Job:
    """Cancel a waiting job at once; ask a running one to stop (its worker stops it at the
    next heartbeat, and the job ends CANCELLED)."""
    async with in_transaction():
        job = await get(actor, job_id)
        before = job.status
        if job.status in WAITING:
            await Job.filter(id=job.id, status__in=list(WAITING)).update(
                status=JobStatus.CANCELLED, finished_at=clock.now()
            )
        elif job.status is JobStatus.RUNNING:
            await Job.filter(id=job.id).update(cancel_requested=True)
        else:
            raise DomainError(
                f"a {before.value} job has already finished",
                code=ErrorCode.INVALID_STATUS,
                field=["id"],
            )
        await audit.record(
            actor,
            "job.cancel",
            object_type="Job",
            object_id=job.id,
            before={"status": before.value},
            after={"kind": job.kind, "cancelRequested": True},
        )
    return await Job.get(id=job.id)
