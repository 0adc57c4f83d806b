"""Job kinds the tests run: each does what its payload tells it to."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

from server.events.models import DomainEvent
from server.jobs import JobContext, Permanent, event_consumer, handler
from server.jobs.registry import SCHEDULES, schedule

RUNS: defaultdict[str, list[int]] = defaultdict(list)  # job id -> attempts seen
RELAYED: list[tuple[str, int, str]] = []  # (organization, sequence, type)


@handler("test.work", max_attempts=3)
async def work(ctx: JobContext) -> None:
    """Fails its first `fail` attempts, sleeps `sleep` seconds, reports progress."""
    RUNS[str(ctx.job_id)].append(ctx.attempt)
    payload: dict[str, Any] = ctx.payload
    if payload.get("permanent"):
        raise Permanent("the record it needs is gone")
    if ctx.attempt <= payload.get("fail", 0):
        raise RuntimeError(f"attempt {ctx.attempt} failed on purpose")
    if payload.get("sleep"):
        await asyncio.sleep(payload["sleep"])
    await ctx.progress(payload.get("total", 1), payload.get("total", 1))


@event_consumer("test-recorder")
async def record(event: DomainEvent) -> None:
    RELAYED.append((str(event.organization_id), event.sequence, event.type))


def hourly_schedule() -> str:
    if "test-hourly" not in SCHEDULES:
        schedule("test-hourly", "0 * * * *", "test.work", {"total": 1})
    return "test-hourly"
