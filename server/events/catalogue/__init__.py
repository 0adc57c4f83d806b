"""The catalogue of domain events: the event type each state-changing audit action writes,
and the actions that write none, each with the reason.

Every action the application audits is in exactly one of the two (a test scans server/
for the actions written, and writing an action in neither raises), so a new mutation cannot
change state without a domain event by forgetting one.
"""

from __future__ import annotations

from server.events.catalogue import email, ledger, organization, payables, receivables, records
from server.events.payload import EventType

# By area, in the order the reference (docs/api/events.md) lists them.
GROUPS: tuple[tuple[str, tuple[EventType, ...]], ...] = (
    ("The organization", organization.TYPES),
    ("Records", records.TYPES),
    ("General ledger", ledger.TYPES),
    ("Receivables", receivables.TYPES),
    ("Payables", payables.TYPES),
    ("E-mail", email.TYPES),
)
CATALOGUE: tuple[EventType, ...] = tuple(t for _, types in GROUPS for t in types)

BY_ACTION: dict[str, EventType] = {t.action: t for t in CATALOGUE}
BY_NAME: dict[str, EventType] = {t.name: t for t in CATALOGUE}

NOT_A_CHANGE = "not a state change: a read, a check or a refusal"
PERSONAL = (
    "a person's own sign-in or credentials: they belong to the person, not to the "
    "organization's data, and stay in the audit log"
)

BACKGROUND = (
    "steering background work (a job retried or cancelled) changes no record of the "
    "organization; the job's own effects write their events"
)

# Audited actions that write no domain event. A failed or denied outcome of any action
# writes none either.
NOT_EVENTS: dict[str, str] = {
    "access.denied": NOT_A_CHANGE,
    "audit.read": NOT_A_CHANGE,
    "audit.verify": NOT_A_CHANGE,
    "audit.digest": NOT_A_CHANGE,
    "audit.export": NOT_A_CHANGE,
    "invitation.accept": NOT_A_CHANGE + " (written only for a refused acceptance; an "
    "accepted one is member.join)",
    "session.reuse_detected": NOT_A_CHANGE + " (a refused refresh token)",
    "session.create": PERSONAL,
    "session.refresh": PERSONAL,
    "session.revoke": PERSONAL,
    "user.password_change": PERSONAL,
    "user.password_set": PERSONAL,
    "user.totp_enroll": PERSONAL,
    "user.totp_confirm": PERSONAL,
    "user.totp_disable": PERSONAL,
    "job.retry": BACKGROUND,
    "job.cancel": BACKGROUND,
    "user.create": (
        "an account on the platform, which belongs to no organization; joining one writes "
        "member.added or member.joined"
    ),
}


def _check() -> None:
    """Names and actions are unique, and no action is both an event and not one."""
    if len(BY_ACTION) != len(CATALOGUE) or len(BY_NAME) != len(CATALOGUE):
        raise RuntimeError("an event type or an action is in the catalogue twice")
    both = BY_ACTION.keys() & NOT_EVENTS.keys()
    if both:
        raise RuntimeError(f"actions both with and without an event: {sorted(both)}")


_check()
