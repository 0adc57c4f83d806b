"""Background work's own upkeep: finished jobs do not pile up forever."""

from __future__ import annotations

from datetime import timedelta

from tortoise.expressions import Q

from server import clock
from server.jobs.context import JobContext
from server.jobs.models import FINISHED, Job
from server.jobs.registry import handler, schedule

KEEP_FINISHED = timedelta(days=30)
PRUNE = "jobs.prune"


@handler(PRUNE, max_attempts=3)
async def prune(ctx: JobContext) -> None:
    """Delete jobs finished over KEEP_FINISHED ago. A job with a key stays: its key is what
    stops a schedule's slot or a once-only effect from being enqueued again."""
    deleted = await Job.filter(
        Q(status__in=list(FINISHED)),
        Q(finished_at__lt=clock.now() - KEEP_FINISHED),
        Q(key__isnull=True),
    ).delete()
    await ctx.progress(deleted, deleted)


schedule("jobs-prune", "17 3 * * *", PRUNE)
