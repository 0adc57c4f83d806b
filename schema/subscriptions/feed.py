"""New events of an organization as they commit, for the subscriptions that follow them."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from uuid import UUID

from server.events.models import DomainEvent
from server.live import watch
from server.live.hub import HUB


async def new_events(
    organization_id: UUID,
    recheck_seconds: float,  # float ok: a duration, not money
) -> AsyncIterator[list[DomainEvent]]:
    """Batches of the organization's events committed after this call, in order.

    Woken by the hub when the relay announces a batch; without an announcement it looks at
    the feed every `recheck_seconds`, so a lost announcement only delays events. The watch
    starts before the head is read: an announcement in between still wakes it."""
    with HUB.watch(organization_id) as woken:
        last = await watch.head(organization_id)
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(woken.wait(), recheck_seconds)
            woken.clear()
            while True:
                batch = await watch.after(organization_id, last)
                if not batch:
                    break
                last = batch[-1].sequence
                yield batch
                if len(batch) < watch.BATCH:
                    break
