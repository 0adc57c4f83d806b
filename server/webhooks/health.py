"""An endpoint's run of failures, and disabling it when every attempt has failed for long.

The rule: an endpoint is disabled when at least DISABLE_AFTER_FAILURES attempts in a row
have failed and the first of them is at least DISABLE_AFTER old. Both must hold. The count
alone would disable a healthy receiver after a short outage during a burst of events (a
hundred events failing in one minute); the time alone would disable one that failed twice,
days apart, with no events in between. DISABLE_AFTER_FAILURES is one event's whole retry
schedule (server/webhooks/schedule.py), and DISABLE_AFTER about its length, so an endpoint
is disabled at the earliest when one event has exhausted its retries with no success in
between. Any successful attempt ends the run.

Disabling is a change made by the system: it writes `webhook_endpoint.disable` to the
audit log and so the `webhook_endpoint.disabled` domain event, which the feed shows, the
organization's other endpoints receive, and admins see with the endpoint's
`disabledReason`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.webhooks.models import WebhookEndpoint
from server.webhooks.schedule import MAX_ATTEMPTS

DISABLE_AFTER = timedelta(days=3)
DISABLE_AFTER_FAILURES = MAX_ATTEMPTS
SYSTEM = Actor.system("webhooks")


def should_disable(failures: int, failing_since: datetime | None, now: datetime) -> bool:
    return (
        failures >= DISABLE_AFTER_FAILURES
        and failing_since is not None
        and now - failing_since >= DISABLE_AFTER
    )


async def after_attempt(endpoint_id: object, succeeded: bool, error: str | None) -> bool:
    """Count the attempt in the endpoint's run; True if this attempt disabled it."""
    now = clock.now()
    async with in_transaction():
        endpoint = await WebhookEndpoint.filter(id=endpoint_id).select_for_update().first()
        if endpoint is None:
            return False
        if succeeded:
            if endpoint.consecutive_failures or endpoint.failing_since:
                await WebhookEndpoint.filter(id=endpoint.id).update(
                    consecutive_failures=0, failing_since=None
                )
            return False
        failures = endpoint.consecutive_failures + 1
        since = endpoint.failing_since or now
        await WebhookEndpoint.filter(id=endpoint.id).update(
            consecutive_failures=failures, failing_since=since
        )
        if not endpoint.enabled or not should_disable(failures, since, now):
            return False
        await _disable(endpoint, failures, since, error)
    return True


async def _disable(
    endpoint: WebhookEndpoint, failures: int, since: datetime, error: str | None
) -> None:
    reason = (
        f"Disabled automatically: all {failures} delivery attempts since "
        f"{since.isoformat(timespec='seconds')} failed" + (f"; the last: {error}" if error else "")
    )[:500]
    await WebhookEndpoint.filter(id=endpoint.id).update(
        enabled=False, disabled_reason=reason, disabled_at=clock.now()
    )
    await audit.record(
        SYSTEM,
        "webhook_endpoint.disable",
        object_type="WebhookEndpoint",
        object_id=endpoint.id,
        organization_id=endpoint.organization_id,
        before={"enabled": True},
        after={"enabled": False, "reason": reason, "failedAttempts": failures},
    )
