"""When a failed delivery is tried again: about three days in all, dense at first.

Attempt 1 is made as soon as the event is relayed; each later one waits the delay at its
place after the attempt before it. Ten attempts over 3 days, 3 hours and 35 minutes: a
receiver that is briefly down gets its messages within minutes, one that is down over a
weekend gets them when it is back on Monday.
"""

from __future__ import annotations

from datetime import timedelta

RETRY_DELAYS: tuple[timedelta, ...] = (
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=14),
    timedelta(hours=20),
    timedelta(hours=24),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


def delay_after(attempt: int) -> timedelta | None:
    """The wait after failed attempt number `attempt` (from 1); None after the last."""
    if 1 <= attempt < MAX_ATTEMPTS:
        return RETRY_DELAYS[attempt - 1]
    return None
