"""The relay: hands each committed domain event to every registered consumer, once.

The busiest writes only add their event to the outbox; enqueueing or notifying there
would serialise their commits (docs/decisions/domain-events.md). The relay reads the
outbox afterwards. An organization's events are numbered in commit order by its audit
chain head, so every event up to the head's committed number is already visible, and a
cursor per consumer and organization never skips one that committed late.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.audit.models import AuditChain
from server.events.models import DomainEvent
from server.jobs.models import EventCursor
from server.jobs.registry import CONSUMERS, ConsumerFunc
from server.observability import logger

ORG_CHAIN_PREFIX = "org:"
BATCH = 200

# Called after a batch is committed, with the organization and its new last sequence: how
# live subscriptions hear of new events without a NOTIFY in the writes themselves.
AFTER_COMMIT: list[Callable[[UUID, int], Awaitable[None]]] = []


async def _heads() -> dict[UUID, int]:
    rows = await AuditChain.filter(
        key__startswith=ORG_CHAIN_PREFIX, last_event_sequence__gt=0
    ).values_list("key", "last_event_sequence")
    return {UUID(key.removeprefix(ORG_CHAIN_PREFIX)): int(head) for key, head in rows}


async def relay_once() -> int:
    """Relay what is pending for every consumer; the number of events handed over."""
    if not CONSUMERS:
        return 0
    heads = await _heads()
    handed = 0
    for name, consumer in CONSUMERS.items():
        done = dict(
            await EventCursor.filter(consumer=name).values_list("organization_id", "last_sequence")
        )
        for org, head in heads.items():
            if done.get(org, 0) < head:
                handed += await _relay(name, consumer, org, head)
    return handed


async def _relay(name: str, consumer: ConsumerFunc, org: UUID, head: int) -> int:
    try:
        async with in_transaction():
            cursor = await _cursor(name, org)
            if cursor is None:
                return 0  # another worker holds it
            events = (
                await DomainEvent.filter(
                    organization_id=org, sequence__gt=cursor.last_sequence, sequence__lte=head
                )
                .order_by("sequence")
                .limit(BATCH)
            )
            for event in events:
                await consumer(event)
            if not events:
                return 0
            cursor.last_sequence = events[-1].sequence
            await cursor.save(update_fields=["last_sequence"])
    except IntegrityError:
        return 0  # two workers created the cursor at once; the next round goes on
    except Exception as failure:
        # The cursor stays put, so the same events come again next round.
        logger().error(
            "event_relay_failed",
            consumer=name,
            organization_id=str(org),
            error=type(failure).__name__,
        )
        return 0
    for listener in AFTER_COMMIT:
        await listener(org, events[-1].sequence)
    return len(events)


async def _cursor(name: str, org: UUID) -> EventCursor | None:
    cursor = (
        await EventCursor.select_for_update(skip_locked=True)
        .filter(consumer=name, organization_id=org)
        .first()
    )
    if cursor is None and not await EventCursor.exists(consumer=name, organization_id=org):
        cursor = await EventCursor.create(consumer=name, organization_id=org, last_sequence=0)
    return cursor
