"""The `email.send` job: enqueued with each queued delivery, run by the job runner.

Its handler is registered when this module is imported, which the sending module does, so
that a delivery can always be enqueued. The runner's attempt decides when an error that
may pass becomes FAILED; a FAILED delivery ends its job as dead (Permanent), so the job
list shows it too. emailDeliveryRetry enqueues a new job.
"""

from __future__ import annotations

from uuid import UUID

from server.email.delivery import Outcome, deliver
from server.email.models import EmailDelivery
from server.jobs import JobContext, Permanent, enqueue, handler
from server.settings import Settings, get_settings

SEND_JOB = "email.send"
MAX_ATTEMPTS = 8


class NotYetSent(Exception):
    """The attempt failed for a reason that may pass; the runner tries again later."""


_configured: list[Settings] = []


def configure(settings: Settings) -> None:
    """The settings the handler sends with (SMTP fallback, the key opening sealed
    passwords): the process's own, given where it starts its runner."""
    _configured[:] = [settings]


async def enqueue_send(delivery: EmailDelivery) -> None:
    """Enqueue the delivery's job; call inside the transaction that queued it."""
    await enqueue(
        SEND_JOB, {"delivery_id": str(delivery.id)}, organization_id=delivery.organization_id
    )


@handler(SEND_JOB, max_attempts=MAX_ATTEMPTS)
async def send(ctx: JobContext) -> None:
    settings = _configured[0] if _configured else get_settings()
    delivery_id = UUID(str(ctx.payload["delivery_id"]))
    outcome = await deliver(settings, delivery_id, ctx.attempt, MAX_ATTEMPTS)
    if outcome is Outcome.RETRY:
        raise NotYetSent(f"delivery {delivery_id} not sent yet; see its last error")
    if outcome is Outcome.FAILED:
        raise Permanent(f"delivery {delivery_id} failed; see its last error")
