"""The relay's announcement of committed events: NOTIFY on PostgreSQL, the hub on SQLite.

Imported by the composition root (server/background.py) with the job handlers. Announcing
happens after the relay's batch has committed, never inside the writes that add events:
a NOTIFY there would serialise their commits (docs/decisions/domain-events.md).
"""

from __future__ import annotations

from uuid import UUID

import orjson
from tortoise import connections

from server.events.models import DomainEvent
from server.jobs import event_consumer, relay
from server.jobs.enqueue import on_postgres
from server.live.hub import HUB
from server.observability import logger

CHANNEL = "ledgerline_events"

# The highest sequence this process has announced per organization: the relay calls back
# once per consumer and batch, and one announcement of a sequence is enough.
_announced: dict[UUID, int] = {}


def message(organization_id: UUID, last_sequence: int) -> str:
    return orjson.dumps(
        {"organization": str(organization_id), "lastSequence": last_sequence}
    ).decode()


async def announce(organization_id: UUID, last_sequence: int) -> None:
    """Tell every API process that the organization's events up to `last_sequence` are in.

    A failure is logged, not raised: the relay's batch is committed already, and the
    subscriptions look at the feed again on their own after a while."""
    if last_sequence <= _announced.get(organization_id, 0):
        return
    try:
        if on_postgres():
            await connections.get("default").execute_query(
                "SELECT pg_notify($1, $2)", [CHANNEL, message(organization_id, last_sequence)]
            )
        else:
            HUB.publish(organization_id, last_sequence)
    except Exception as failure:
        logger().error("live_announce_failed", error=type(failure).__name__)
        return
    _announced[organization_id] = last_sequence


@event_consumer("live")
async def relayed(event: DomainEvent) -> None:
    """Nothing to do per event: consuming them makes the relay run, and announce, even where
    no other consumer is registered."""


if announce not in relay.AFTER_COMMIT:
    relay.AFTER_COMMIT.append(announce)
