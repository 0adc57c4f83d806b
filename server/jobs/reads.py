"""Jobs as the database writes them (server.reads), and which ones a list shows."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from server.jobs.models import Job, JobStatus
from server.keyset import SortKey, orders
from server.reads.shape import Shape, boolean_column, column, enum_column, instant_column, node_id
from server.sql import Bounds, Where

JOB = Shape(
    "Job",
    {
        "id": node_id("Job"),
        "kind": column("kind"),
        "status": enum_column("status", JobStatus),
        "attempts": column("attempts"),
        "maxAttempts": column("max_attempts"),
        "lastError": column("last_error"),
        "progressDone": column("progress_done"),
        "progressTotal": column("progress_total"),
        "cancelRequested": boolean_column("cancel_requested"),
        "runAt": instant_column("run_at"),
        "createdAt": instant_column("created_at"),
        "startedAt": instant_column("started_at"),
        "finishedAt": instant_column("finished_at"),
    },
    Job._meta.db_table,
)


JOB_ORDERS = orders(SortKey("created_at"), SortKey("run_at"), SortKey("finished_at"))


def job_conditions(
    organization_id: UUID,
    status: Sequence[JobStatus] = (),
    kind: str | None = None,
    created_at: Bounds | None = None,
) -> Where:
    """The organization's jobs (the platform's own are nobody's to see), narrowed."""
    where = Where().add('"organization_id" = {}', organization_id)
    where.one_of('"status"', status)
    if kind is not None:
        where.add('"kind" = {}', kind)
    return where.within('"created_at"', created_at, end_inclusive=False)
