"""The application's clock: every business date and every time the rules compare with.

Rules ask this module, never `date.today()` or `datetime.now()`, so that a test can set
the time (a due date passing, a token expiring, a TOTP step) instead of waiting for it or
racing it. Outside tests the clock is the system's UTC clock. Timestamps the ORM fills in
by itself (`auto_now`) stay on the system clock: they record when a row was written.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta


class _Setting:
    """The moment the clock is held at, if any; one per process, like the system clock."""

    held: datetime | None = None


def now() -> datetime:
    """The current instant, time-zone aware, in UTC."""
    held = _Setting.held
    return held if held is not None else datetime.now(UTC)


def today() -> date:
    """The current date in UTC: the day business dates default to."""
    return now().date()


class HeldClock:
    """A clock standing still at a moment until told to move."""

    def __init__(self, moment: datetime) -> None:
        self.set(moment)

    @property
    def moment(self) -> datetime:
        held = _Setting.held
        assert held is not None, "the clock is no longer held"
        return held

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("the clock holds time-zone aware moments only")
        _Setting.held = moment.astimezone(UTC)

    def advance(self, delta: timedelta) -> datetime:
        self.set(self.moment + delta)
        return self.moment


@contextmanager
def held_at(moment: datetime) -> Iterator[HeldClock]:
    """Hold the clock at `moment` inside the block (for tests); the system clock after."""
    previous = _Setting.held
    try:
        yield HeldClock(moment)
    finally:
        _Setting.held = previous
