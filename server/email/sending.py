"""Sending a document by e-mail: check it, queue a delivery, write its audit event and
enqueue the job that sends it, all in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from email.utils import make_msgid
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.email import context
from server.email.headers import check_recipients
from server.email.jobs import enqueue_send
from server.email.models import DeliveryStatus, EmailDelivery, TemplateKind
from server.email.smtp_settings import effective_config
from server.email.snapshots import delivery_values as snapshot
from server.email.templates import render, template_for
from server.errors import DomainError, ErrorCode, NotFound
from server.settings import Settings
from server.validation import check_length

MESSAGE_MAX = 5000


@dataclass(frozen=True, slots=True)
class SendRequest:
    kind: TemplateKind
    document_id: UUID
    to: str | None = None
    cc: list[str] = field(default_factory=list)
    message: str | None = None
    parameters: dict[str, Any] = field(default_factory=dict)  # a statement's from and to


def _domain(address: str) -> str:
    return address.rpartition("@")[2] or "localhost"


async def queue(actor: Actor, settings: Settings, request: SendRequest) -> EmailDelivery:
    """Queue an e-mail of a document to its party's address (or `to`), with copies to `cc`.

    Refused with a userError for a document missing, another organization's or not in a
    state to send, a bad or missing address, e-mail not configured, or a template that
    cannot be rendered for this document.
    """
    problems = check_length(request.message, MESSAGE_MAX, "message")
    if problems:
        raise problems[0]
    async with in_transaction():
        target = await context.target(
            actor.org, request.kind, request.document_id, request.parameters
        )
        to = request.to or target.party_email
        if not to:
            raise DomainError(
                "the recipient has no e-mail address: give one in `to`",
                code=ErrorCode.NO_RECIPIENT,
                field=["to"],
            )
        check_recipients(to, request.cc)
        config = await effective_config(actor.org, settings)
        if config is None:
            raise DomainError(
                "e-mail is not configured: set the organization's e-mail settings",
                code=ErrorCode.EMAIL_NOT_CONFIGURED,
            )
        template = await template_for(actor.org, request.kind)
        rendered = render(template, {**target.variables, "message": request.message or None})
        delivery = await EmailDelivery.create(
            organization_id=actor.org,
            kind=request.kind,
            document_type=target.document_type,
            document_id=target.document_id,
            to_address=to,
            cc=list(request.cc),
            subject=rendered.subject,
            message=request.message or None,
            parameters=request.parameters,
            message_id=make_msgid(domain=_domain(config.from_address)),
            queued_at=clock.now(),
            created_by_id=actor.author_id,
        )
        await audit.record(
            actor,
            "email.queue",
            object_type="EmailDelivery",
            object_id=delivery.id,
            after=snapshot(delivery),
        )
        await enqueue_send(delivery)
    return delivery


async def retry(actor: Actor, delivery_id: UUID) -> EmailDelivery:
    """Queue a FAILED delivery again, its attempts counted afresh."""
    async with in_transaction():
        delivery = await EmailDelivery.select_for_update().get_or_none(
            id=delivery_id, organization_id=actor.org
        )
        if delivery is None:
            raise NotFound("e-mail delivery not found", field=["id"])
        if delivery.status is not DeliveryStatus.FAILED:
            raise DomainError(
                f"only a failed delivery is retried; this one is {delivery.status.value.lower()}",
                code=ErrorCode.INVALID_STATUS,
                field=["id"],
            )
        before = snapshot(delivery)
        delivery.status = DeliveryStatus.QUEUED
        delivery.attempts = 0
        delivery.queued_at = clock.now()
        await delivery.save(update_fields=["status", "attempts", "queued_at"])
        await audit.record(
            actor,
            "email.retry",
            object_type="EmailDelivery",
            object_id=delivery.id,
            before=before,
            after=snapshot(delivery),
        )
        await enqueue_send(delivery)
    return delivery
