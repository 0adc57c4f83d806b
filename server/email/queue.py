"""Handing a queued delivery to the job runner.

The job kind is `email.send`; its payload is the delivery's id. Call inside the transaction
that queued the delivery, so that a rolled-back send enqueues nothing.
"""

from __future__ import annotations

from server.email.models import EmailDelivery

SEND_JOB = "email.send"
MAX_ATTEMPTS = 8


def job_payload(delivery: EmailDelivery) -> dict[str, str]:
    return {"delivery_id": str(delivery.id)}


async def enqueue_send(delivery: EmailDelivery) -> None:
    """Enqueue the delivery's `email.send` job.

    Until the job runner (server.jobs) is part of the application, the QUEUED row is the
    only record of the work, and `server.email.delivery.deliver` is what a job runs.
    """
    return None
