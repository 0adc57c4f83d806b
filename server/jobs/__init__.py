"""Background work: jobs, the relay of domain events to their consumers, schedules.

Domain packages register handlers (`handler`), event consumers (`event_consumer`) and
schedules (`schedule`) and call `enqueue` inside the transaction of the change that
causes the work. See docs/decisions/background-jobs.md.
"""

from server.jobs.context import JobContext
from server.jobs.enqueue import enqueue
from server.jobs.registry import Permanent, event_consumer, handler, schedule

__all__ = ["JobContext", "Permanent", "enqueue", "event_consumer", "handler", "schedule"]
