"""Running background work inside a test, deterministically."""

from __future__ import annotations

from server.jobs.loop import run_round
from server.jobs.models import JobStatus

TEST_WORKER = "test-worker"


async def run_jobs(*, rounds: int = 50, with_schedules: bool = False) -> list[JobStatus]:
    """Relay pending events and run due jobs until a round finds nothing to do; the
    statuses the jobs ended in. Jobs due later (a retry's backoff) wait for the clock;
    schedules are left alone unless asked, so a test sees only the jobs it caused."""
    ended: list[JobStatus] = []
    for _ in range(rounds):
        ran = await run_round(TEST_WORKER, with_schedules=with_schedules)
        if not ran:
            return ended
        ended.extend(ran)
    raise AssertionError(f"background work still going after {rounds} rounds")
