"""Notes and activities logged against customers."""

from __future__ import annotations

from collections import defaultdict
from uuid import UUID

from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.crm.models import Customer, CustomerNote
from server.errors import DomainError, ErrorCode, NotFound

BODY_MAX = 10_000


async def add_note(actor: Actor, customer_id: UUID, body: str) -> CustomerNote:
    text = (body or "").strip()
    if not text:
        raise DomainError("a note needs some text", code=ErrorCode.REQUIRED, field=["body"])
    if len(text) > BODY_MAX:
        raise DomainError(
            f"a note is at most {BODY_MAX} characters", code=ErrorCode.TOO_LONG, field=["body"]
        )
    async with in_transaction():
        if not await Customer.exists(id=customer_id, organization_id=actor.org):
            raise NotFound("customer not found", field=["customerId"])
        note = await CustomerNote.create(
            organization_id=actor.org, customer_id=customer_id, author_id=actor.user_id, body=text
        )
        await audit.record(
            actor,
            "customer.note_add",
            object_type="Customer",
            object_id=customer_id,
            after={"noteId": str(note.id), "body": text},
        )
    return note


async def notes_by_customer(
    actor: Actor, customer_ids: list[UUID]
) -> dict[UUID, list[CustomerNote]]:
    """Newest first, for a batch of customers in one statement."""
    grouped: dict[UUID, list[CustomerNote]] = defaultdict(list)
    notes = await CustomerNote.filter(
        customer_id__in=customer_ids, organization_id=actor.org
    ).order_by("-created_at", "-id")
    for note in notes:
        grouped[note.customer_id].append(note)
    return grouped
