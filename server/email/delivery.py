"""The work of an `email.send` job: render, build, send, and record what happened.

A delivery stays QUEUED while attempts fail for reasons that may pass (the server is down,
a 4xx reply); each such attempt is counted with its error. It becomes FAILED at once for
what will not get better by waiting (a 5xx reply, a template that no longer renders, a
document voided since, e-mail no longer configured), or after the last attempt; SENT once
the server accepts it. The status changes are audited as the system's; the counting of
attempts is the delivery's bookkeeping, as a job's own attempts are.

Running twice is harmless: a delivery no longer QUEUED is left alone. A crash between the
server's acceptance and the SENT mark sends the message again, with the same Message-ID.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID

import aiosmtplib
from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.email import context
from server.email.attachments import AttachmentsTooLarge, attachments_for, check_size
from server.email.message import build, transmit
from server.email.models import DeliveryStatus, EmailDelivery
from server.email.smtp_settings import effective_config
from server.email.snapshots import delivery_values as snapshot
from server.email.templates import Rendered, render, template_for
from server.errors import DomainError
from server.settings import Settings

ERROR_MAX = 1000
SYSTEM = Actor.system("email")


class Outcome(StrEnum):
    SENT = "SENT"
    RETRY = "RETRY"  # still QUEUED: try again later
    FAILED = "FAILED"
    SKIPPED = "SKIPPED"  # not QUEUED (sent or failed already, or gone)


class NotConfigured(Exception):
    """The organization has no SMTP settings and there are no global ones."""


def _is_permanent(error: Exception) -> bool:
    if isinstance(error, DomainError | AttachmentsTooLarge | NotConfigured):
        return True
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return all(r.code >= 500 for r in error.recipients)
    if isinstance(error, aiosmtplib.SMTPResponseException):
        return error.code >= 500
    return False


def _describe(error: Exception) -> str:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        text = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in error.recipients)
    elif isinstance(error, aiosmtplib.SMTPResponseException):
        text = f"{error.code} {error.message}"
    elif isinstance(error, DomainError):
        text = error.message
    else:
        text = str(error) or type(error).__name__
    return text[:ERROR_MAX]


async def _attempt(delivery: EmailDelivery, settings: Settings) -> None:
    config = await effective_config(delivery.organization_id, settings)
    if config is None:
        raise NotConfigured("e-mail is not configured for the organization")
    found = await context.target(
        delivery.organization_id, delivery.kind, delivery.document_id, delivery.parameters
    )
    template = await template_for(delivery.organization_id, delivery.kind)
    bodies = render(template, {**found.variables, "message": delivery.message})
    # The subject the sender saw when queueing is the one sent.
    rendered = Rendered(delivery.subject, bodies.text, bodies.html)
    attachments = await attachments_for(delivery)
    check_size(attachments, settings.email_attachments_max_bytes)
    message = build(delivery, config, rendered, attachments)
    await transmit(message, config, settings.smtp_timeout_seconds)


async def _finish(delivery_id: UUID, status: DeliveryStatus | None, error: str | None) -> None:
    """Count the attempt; with a status, move the delivery to it and audit the move."""
    async with in_transaction():
        delivery = await EmailDelivery.select_for_update().get(id=delivery_id)
        if delivery.status is not DeliveryStatus.QUEUED:
            return
        before = snapshot(delivery)
        changes: dict[str, Any] = {"attempts": delivery.attempts + 1, "last_error": error}
        if status is DeliveryStatus.SENT:
            changes["sent_at"] = clock.now()
        if status is not None:
            changes["status"] = status
        await delivery.update_from_dict(changes).save()
        if status is None:
            return
        after = snapshot(delivery)
        if status is DeliveryStatus.SENT:
            await audit.record(
                SYSTEM,
                "email.deliver",
                object_type="EmailDelivery",
                object_id=delivery.id,
                before=before,
                after=after,
                organization_id=delivery.organization_id,
            )
        else:
            await audit.record(
                SYSTEM,
                "email.fail",
                object_type="EmailDelivery",
                object_id=delivery.id,
                before=before,
                after=after,
                organization_id=delivery.organization_id,
            )


async def deliver(
    settings: Settings, delivery_id: UUID, attempt: int = 1, max_attempts: int = 1
) -> Outcome:
    """Send one queued delivery; `attempt` of `max_attempts` decides when a passing error
    becomes FAILED."""
    delivery = await EmailDelivery.get_or_none(id=delivery_id)
    if delivery is None or delivery.status is not DeliveryStatus.QUEUED:
        return Outcome.SKIPPED
    try:
        await _attempt(delivery, settings)
    except (DomainError, AttachmentsTooLarge, NotConfigured, aiosmtplib.SMTPException) as error:
        return await _failed(delivery_id, error, attempt >= max_attempts)
    except (OSError, TimeoutError) as error:
        return await _failed(delivery_id, error, attempt >= max_attempts)
    await _finish(delivery_id, DeliveryStatus.SENT, None)
    return Outcome.SENT


async def _failed(delivery_id: UUID, error: Exception, last: bool) -> Outcome:
    final = last or _is_permanent(error)
    await _finish(delivery_id, DeliveryStatus.FAILED if final else None, _describe(error))
    return Outcome.FAILED if final else Outcome.RETRY
