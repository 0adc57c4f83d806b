"""`eventsAdded`, `invoiceChanged` and `jobProgress`: what a client can follow live."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from typing import Annotated, Any
from uuid import UUID

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.events.types import Event
from schema.ids import decode
from schema.jobs.types import Job
from schema.permissions import requires
from schema.receivables.types import Invoice
from schema.subscriptions.connection import recheck
from schema.subscriptions.feed import new_events
from server.actor import Actor
from server.errors import DomainError
from server.events import feed
from server.jobs import admin as jobs
from server.jobs.models import FINISHED
from server.live import watch
from server.receivables import models as m

# How often a followed job's row is read; slower once it has finished, since only an
# admin's retry moves it again.
JOB_POLL_SECONDS = 0.5
FINISHED_JOB_POLL_SECONDS = 5.0


def _bad_input(error: DomainError) -> GraphQLError:
    return GraphQLError(error.message, extensions={"code": "BAD_USER_INPUT"})


def _not_found(what: str) -> GraphQLError:
    # An id that names nothing the caller can see, another organization's included: the
    # client's input to correct, as a query would answer null for it.
    return GraphQLError(f"no such {what}", extensions={"code": "BAD_USER_INPUT"})


def _job_state(job: Any) -> tuple[Any, ...]:
    """What a follower of the job sees change; the heartbeat alone is no change."""
    return (
        job.status,
        job.attempts,
        job.progress_done,
        job.progress_total,
        job.cancel_requested,
        job.last_error,
        job.run_at,
        job.started_at,
        job.finished_at,
    )


@strawberry.type(description="Live updates, over graphql-transport-ws on WebSocket /graphql.")
class SubscriptionRoot:
    @requires(
        "event",
        "read",
        subscription=True,
        description="The organization's domain events as they commit, in sequence order, "
        "from the moment of subscribing. After a reconnect, catch up with the `events` feed "
        "from the last sequence handled.",
    )
    async def events_added(
        self,
        info: Info,
        types: Annotated[
            list[str] | None,
            strawberry.argument(description="Only these event types, such as `invoice.issued`."),
        ] = None,
    ) -> AsyncGenerator[Event, None]:
        context = info.context
        if types is not None:
            try:
                feed.check_types(types, ["types"])
            except DomainError as error:
                raise _bad_input(error) from error
        org = context.signed_in().org
        async for batch in new_events(org, context.settings.subscription_recheck_seconds):
            chosen = watch.matching(batch, types)
            if chosen:
                await recheck(context, "event", "read")
                for event in chosen:
                    yield Event.from_model(event)

    @requires(
        "invoice",
        "read",
        subscription=True,
        description="The invoice now, then again each time a change to it commits: its own "
        "events, and payments, credit notes and disputes that name it.",
    )
    async def invoice_changed(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The invoice's global id.")],
    ) -> AsyncGenerator[Invoice, None]:
        context = info.context
        org = context.signed_in().org
        invoice_id = decode(id, "Invoice")
        found = (
            await m.Invoice.get_or_none(id=invoice_id, organization_id=org) if invoice_id else None
        )
        if invoice_id is None or found is None:
            raise _not_found("invoice")
        yield Invoice.from_model(found)
        async for batch in new_events(org, context.settings.subscription_recheck_seconds):
            if any(watch.concerns(e, "Invoice", invoice_id) for e in batch):
                await recheck(context, "invoice", "read")
                found = await m.Invoice.get_or_none(id=invoice_id, organization_id=org)
                if found is None:
                    return
                yield Invoice.from_model(found)

    @requires(
        "job",
        "read",
        subscription=True,
        description="The background job now, then again each time its status, attempts, "
        "progress or error changes.",
    )
    async def job_progress(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The job's global id.")],
    ) -> AsyncGenerator[Job, None]:
        context = info.context
        actor = context.signed_in()  # the connection's organization, fixed by its token
        job_id = decode(id, "Job")
        found = await _job(actor, job_id)
        if found is None:
            raise _not_found("job")
        seen = _job_state(found)
        yield Job.from_model(found)
        while True:
            finished = found.status in FINISHED
            await asyncio.sleep(FINISHED_JOB_POLL_SECONDS if finished else JOB_POLL_SECONDS)
            found = await _job(actor, job_id)
            if found is None:
                return  # pruned
            if _job_state(found) != seen:
                await recheck(context, "job", "read")
                seen = _job_state(found)
                yield Job.from_model(found)


async def _job(actor: Actor, job_id: UUID | None) -> Any:
    if job_id is None:
        return None
    return (await jobs.by_ids(actor, [job_id])).get(str(job_id))
