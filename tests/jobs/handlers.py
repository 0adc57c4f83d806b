"""Job kinds the tests run: each does what its payload tells it to."""

from __future__ import annotations

import asyncio
import os
import time
from collections import defaultdict
from pathlib import Path
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
    if payload.get("log"):
        # Worker processes of the PostgreSQL tests report what they ran through a file.
        _note(payload["log"], f"{ctx.job_id} {os.getpid()} {ctx.attempt} start {time.time()}")
    if payload.get("permanent"):
        raise Permanent("the record it needs is gone")
    if ctx.attempt <= payload.get("fail", 0):
        raise RuntimeError(f"attempt {ctx.attempt} failed on purpose")
    if payload.get("sleep"):
        await asyncio.sleep(payload["sleep"])
    if payload.get("sleep_first") and ctx.attempt == 1:
        await asyncio.sleep(payload["sleep_first"])
    if payload.get("log"):
        _note(payload["log"], f"{ctx.job_id} {os.getpid()} {ctx.attempt} end {time.time()}")
    await ctx.progress(payload.get("total", 1), payload.get("total", 1))


def _note(path: str, line: str) -> None:
    # One short append per run: not worth a thread in a test handler.
    with Path(path).open("a") as log:
        log.write(line + "\n")


@event_consumer("test-recorder")
async def record(event: DomainEvent) -> None:
    RELAYED.append((str(event.organization_id), event.sequence, event.type))


def hourly_schedule() -> str:
    if "test-hourly" not in SCHEDULES:
        schedule("test-hourly", "0 * * * *", "test.work", {"total": 1})
    return "test-hourly"
