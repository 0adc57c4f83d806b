"""GraphQL types of background jobs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.enums import described_enum
from schema.filters import DateTimeRange, OrderDirection
from schema.permissions import authorize
from schema.reads import canonical, lookup
from server.jobs import admin as jobs
from server.jobs.reads import JOB


@strawberry.enum(description="Where a job is in its life.")
class JobStatus(Enum):
    QUEUED = strawberry.enum_value("QUEUED", description="Waiting for its time and a worker.")
    RUNNING = strawberry.enum_value("RUNNING", description="A worker is running it now.")
    RETRYING = strawberry.enum_value(
        "RETRYING", description="Its last attempt failed; it runs again at runAt."
    )
    SUCCEEDED = strawberry.enum_value("SUCCEEDED", description="Done.")
    DEAD = strawberry.enum_value(
        "DEAD", description="Failed on every attempt (or for a reason retrying cannot cure)."
    )
    CANCELLED = strawberry.enum_value("CANCELLED", description="Cancelled by an admin.")


@strawberry.type(
    description="A piece of background work (sending an e-mail, delivering a webhook, a "
    "scheduled run) and how it went."
)
class Job(relay.Node):
    id: relay.NodeID[str]
    kind: str = strawberry.field(description="What the job does, such as `email.send`.")
    status: JobStatus = strawberry.field(description="Where the job is in its life.")
    attempts: int = strawberry.field(description="Attempts started so far.")
    max_attempts: int = strawberry.field(description="Attempts it gets before it is DEAD.")
    last_error: str | None = strawberry.field(
        description="Why the last failed attempt failed; null if none failed."
    )
    progress_done: int | None = strawberry.field(
        description="Units of work done, for a long job that reports its progress."
    )
    progress_total: int | None = strawberry.field(
        description="Units of work in all, when the job knows them."
    )
    cancel_requested: bool = strawberry.field(
        description="An admin asked a running job to stop; it ends CANCELLED shortly."
    )
    run_at: datetime = strawberry.field(
        description="When it is (or was) due: at enqueue, or after a failure's backoff."
    )
    created_at: datetime = strawberry.field(description="When it was enqueued.")
    started_at: datetime | None = strawberry.field(description="When its last attempt started.")
    finished_at: datetime | None = strawberry.field(description="When it finished, if it has.")

    @classmethod
    def from_model(cls, job: Any) -> Job:
        return cls(
            id=str(job.id),
            kind=job.kind,
            status=JobStatus[str(job.status)],
            attempts=job.attempts,
            max_attempts=job.max_attempts,
            last_error=job.last_error,
            progress_done=job.progress_done,
            progress_total=job.progress_total,
            cancel_requested=bool(job.cancel_requested),
            run_at=job.run_at,
            created_at=job.created_at,
            started_at=job.started_at,
            finished_at=job.finished_at,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Job | None]:
        ids = list(node_ids)
        await authorize(info.context, "job", "read")
        embedded = await lookup(info, JOB, ids)
        if embedded is not None:
            return embedded
        wanted = [u for u in (canonical(i) for i in ids) if u is not None]
        found = await jobs.by_ids(info.context.signed_in(), wanted)
        return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.input(description="Narrow the jobs listed; conditions combine with AND.")
class JobFilter:
    status: list[JobStatus] | None = strawberry.field(
        default=None, description="Only jobs in one of these states."
    )
    kind: str | None = strawberry.field(default=None, description="Only jobs of this kind.")
    created_at: DateTimeRange | None = strawberry.field(
        default=None, description="Created within this range."
    )


class JobOrderField(Enum):
    CREATED_AT = "created_at"
    RUN_AT = "run_at"
    FINISHED_AT = "finished_at"


described_enum(
    JobOrderField,
    name="JobOrderField",
    description="What jobs are sorted by.",
    values={
        JobOrderField.CREATED_AT: "When the job was enqueued.",
        JobOrderField.RUN_AT: "When the job is (or was) due to run.",
        JobOrderField.FINISHED_AT: "When the job finished; unfinished jobs come last "
        "ascending, first descending.",
    },
)


@strawberry.input(description="Sort order of jobs; ties are broken by id.")
class JobOrder:
    field: JobOrderField = strawberry.field(
        default=JobOrderField.CREATED_AT, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )
