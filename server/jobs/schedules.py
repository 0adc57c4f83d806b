"""Cron-like schedules: each due slot becomes one job, whichever worker sees it first.

A slot's job carries the key `schedule:<name>:<slot>`, so a second worker, or the same
one after a restart, enqueues nothing more for it. Only the latest slot is enqueued: after
downtime the missed work is caught up once, by a handler that computes what is due from
the database rather than from the slot it was given.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from croniter import croniter

from server import clock
from server.jobs.enqueue import enqueue
from server.jobs.registry import SCHEDULES


def latest_slot(cron: str, now: datetime) -> datetime:
    """The latest time at or before `now` that `cron` names, in UTC."""
    # Cron names minutes: start from the minute after `now`'s and step back once.
    start = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    result: datetime = croniter(cron, start).get_prev(datetime)
    return result


# The key of each schedule's slot this process has already seen enqueued (by itself or
# another worker): a round asks the database only when a schedule reaches a new slot, not
# once a second for the slot it has.
_SEEN: dict[str, str] = {}


async def tick() -> int:
    """Enqueue each schedule's latest slot if nobody has; how many were enqueued."""
    now = clock.now()
    enqueued = 0
    for item in SCHEDULES.values():
        slot = latest_slot(item.cron, now)
        key = f"schedule:{item.name}:{slot.isoformat()}"
        if _SEEN.get(item.name) == key:
            continue
        job = await enqueue(
            item.kind, {**item.payload, "slot": slot.isoformat()}, run_at=slot, key=key
        )
        _SEEN[item.name] = key
        enqueued += job is not None
    return enqueued
