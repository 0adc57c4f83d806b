"""What kinds of job exist, who consumes domain events, and what runs on a schedule.

Domain packages register at import time; the composition root (server/job_handlers.py)
imports them all before a worker or the in-process runner starts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from croniter import croniter

if TYPE_CHECKING:
    from server.events.models import DomainEvent
    from server.jobs.context import JobContext

DEFAULT_MAX_ATTEMPTS = 8
# Exponential backoff: 10 s, 20 s, 40 s, ... capped at an hour.
BACKOFF_BASE = timedelta(seconds=10)
BACKOFF_CAP = timedelta(hours=1)

HandlerFunc = Callable[["JobContext"], Awaitable[None]]
ConsumerFunc = Callable[["DomainEvent"], Awaitable[None]]


class Permanent(Exception):
    """A failure retrying cannot cure (the data it needs is gone or invalid): the job is
    dead at once, with this message as its last error."""


@dataclass(frozen=True, slots=True)
class Handler:
    kind: str
    func: HandlerFunc
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    # One delay per retry; past its end the last one repeats. None: exponential backoff.
    delays: Sequence[timedelta] | None = None

    def delay(self, attempt: int) -> timedelta:
        """How long to wait after failed attempt number `attempt` (1-based)."""
        if self.delays:
            return self.delays[min(attempt, len(self.delays)) - 1]
        return min(BACKOFF_BASE * 2 ** (attempt - 1), BACKOFF_CAP)


@dataclass(frozen=True, slots=True)
class Schedule:
    """A job enqueued at each time a cron expression names (UTC), once per slot."""

    name: str
    cron: str
    kind: str
    payload: dict[str, Any] = field(default_factory=dict)


HANDLERS: dict[str, Handler] = {}
CONSUMERS: dict[str, ConsumerFunc] = {}
SCHEDULES: dict[str, Schedule] = {}


def handler(
    kind: str,
    *,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    delays: Sequence[timedelta] | None = None,
) -> Callable[[HandlerFunc], HandlerFunc]:
    """Register `func` as what runs a job of `kind`. It must be idempotent: a job whose
    worker died mid-way runs again."""
    if max_attempts < 1:
        raise ValueError("max_attempts is at least 1")

    def register(func: HandlerFunc) -> HandlerFunc:
        if kind in HANDLERS and HANDLERS[kind].func is not func:
            raise RuntimeError(f"job kind {kind!r} is registered twice")
        HANDLERS[kind] = Handler(kind, func, max_attempts, tuple(delays) if delays else None)
        return func

    return register


def event_consumer(name: str) -> Callable[[ConsumerFunc], ConsumerFunc]:
    """Register `func` to be called once per committed domain event, in order per
    organization, in the transaction that moves its cursor on."""

    def register(func: ConsumerFunc) -> ConsumerFunc:
        if name in CONSUMERS and CONSUMERS[name] is not func:
            raise RuntimeError(f"event consumer {name!r} is registered twice")
        CONSUMERS[name] = func
        return func

    return register


def schedule(name: str, cron: str, kind: str, payload: dict[str, Any] | None = None) -> None:
    """Enqueue a `kind` job at every time `cron` names; a slot missed while nothing ran is
    caught up once, not once per missed slot."""
    if not croniter.is_valid(cron):
        raise ValueError(f"schedule {name!r}: {cron!r} is not a cron expression")
    SCHEDULES[name] = Schedule(name, cron, kind, dict(payload or {}))


def handler_for(kind: str) -> Handler | None:
    return HANDLERS.get(kind)
