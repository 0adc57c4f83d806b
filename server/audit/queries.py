"""Reading the audit log of the actor's organization."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.queryset import QuerySet

from server.actor import Actor
from server.audit.log import chain_key
from server.audit.models import AuditEvent


@dataclass(frozen=True, slots=True)
class AuditFilter:
    actor: str | None = None  # user id or label (email)
    action: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    outcome: str | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None


def search(actor: Actor, flt: AuditFilter) -> QuerySet[AuditEvent]:
    query = AuditEvent.filter(chain_key=chain_key(actor.org))
    if flt.actor:
        if "@" in flt.actor:
            query = query.filter(actor_label=flt.actor.lower())
        else:
            query = query.filter(actor_id=flt.actor)
    if flt.action:
        query = query.filter(action=flt.action)
    if flt.object_type:
        query = query.filter(object_type=flt.object_type)
    if flt.object_id:
        query = query.filter(object_id=flt.object_id)
    if flt.outcome:
        query = query.filter(outcome=flt.outcome)
    if flt.occurred_from:
        query = query.filter(occurred_at__gte=flt.occurred_from)
    if flt.occurred_to:
        query = query.filter(occurred_at__lt=flt.occurred_to)
    return query
