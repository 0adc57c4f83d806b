"""The organization's e-mail deliveries, filtered, for the emailDeliveries connection."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from tortoise.queryset import QuerySet

from server.actor import Actor
from server.email.models import DeliveryStatus, EmailDelivery, TemplateKind


@dataclass(frozen=True, slots=True)
class DeliveryFilter:
    status: DeliveryStatus | None = None
    kind: TemplateKind | None = None
    # A document's type and id; `nothing` when the client named a document that cannot exist.
    document: tuple[str, UUID] | None = None
    nothing: bool = False


def search(actor: Actor, f: DeliveryFilter) -> QuerySet[EmailDelivery]:
    query = EmailDelivery.filter(organization_id=actor.org)
    if f.nothing:
        return query.filter(id__in=[])
    if f.status is not None:
        query = query.filter(status=f.status)
    if f.kind is not None:
        query = query.filter(kind=f.kind)
    if f.document is not None:
        query = query.filter(document_type=f.document[0], document_id=f.document[1])
    return query
