"""`jobs`, `job`, `jobRetry` and `jobCancel`: admins watching and steering background work."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from schema.context import Info
from schema.errors import UserError, user_errors
from schema.filters import bounds, order_key
from schema.ids import decode
from schema.jobs.types import Job, JobFilter, JobOrder
from schema.page_args import After, Before, First, Last
from schema.pagination import Connection, paginate_sql
from schema.permissions import requires
from schema.reads import by_id, page_item_sql
from server.errors import DomainError, NotFound
from server.jobs import admin as jobs
from server.jobs.models import Job as JobRow
from server.jobs.models import JobStatus as Status
from server.jobs.reads import JOB, JOB_ORDERS, job_conditions


@strawberry.input(description="The job to act on.")
class JobInput:
    id: strawberry.ID = strawberry.field(description="The job's global id.")


@strawberry.type(description="The job after the change; null if it was refused.")
class JobPayload:
    job: Job | None = strawberry.field(description="The job now.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


def _job_id(id: str) -> UUID:
    job_id = decode(id, "Job")
    if job_id is None:
        raise NotFound("no such job", field=["id"])
    return job_id


@strawberry.type
class JobsQuery:
    @requires(
        "job",
        "read",
        description="The organization's background jobs (newest first unless ordered): "
        "e-mails, webhook deliveries, scheduled runs.",
    )
    async def jobs(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[JobFilter | None, strawberry.argument(description="Conditions.")] = None,
        order_by: Annotated[
            JobOrder | None,
            strawberry.argument(description="Sort order; newest first if omitted."),
        ] = None,
    ) -> Connection[Job]:
        f = filter or JobFilter()
        order = order_by or JobOrder()
        statuses = [Status(s.name) for s in f.status or ()]
        return await paginate_sql(
            JobRow,
            job_conditions(info.context.signed_in().org, statuses, f.kind, bounds(f.created_at)),
            order_key(JOB_ORDERS, order.field, order.direction),
            Job.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            item_sql=page_item_sql(info, JOB),
        )

    @requires("job", "read", description="One background job by global id.")
    async def job(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> Job | None:
        async def stock(job_id: UUID) -> Any:
            found = await jobs.by_ids(info.context.signed_in(), [job_id])
            return Job.from_model(found[str(job_id)]) if found else None

        return await by_id(info, JOB, id, stock)


@strawberry.type
class JobsMutation:
    @requires(
        "job",
        "manage",
        mutation=True,
        description="Run a DEAD or CANCELLED job again, with a fresh set of attempts.",
    )
    async def job_retry(
        self,
        info: Info,
        input: Annotated[JobInput, strawberry.argument(description="The job.")],
    ) -> JobPayload:
        try:
            job = await jobs.retry(info.context.signed_in(), _job_id(input.id))
        except DomainError as error:
            return JobPayload(job=None, user_errors=user_errors(error))
        return JobPayload(job=Job.from_model(job), user_errors=[])

    @requires(
        "job",
        "manage",
        mutation=True,
        description="Cancel a waiting job, or ask a running one to stop.",
    )
    async def job_cancel(
        self,
        info: Info,
        input: Annotated[JobInput, strawberry.argument(description="The job.")],
    ) -> JobPayload:
        try:
            job = await jobs.cancel(info.context.signed_in(), _job_id(input.id))
        except DomainError as error:
            return JobPayload(job=None, user_errors=user_errors(error))
        return JobPayload(job=Job.from_model(job), user_errors=[])
