"""Which deliveries a list shows: its filter as SQL conditions for a keyset page."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from server.email.models import DeliveryStatus, TemplateKind
from server.sql import Where


@dataclass(frozen=True, slots=True)
class DeliveryFilter:
    status: DeliveryStatus | None = None
    kind: TemplateKind | None = None
    # A document's type and id; `nothing` when the client named a document that cannot exist.
    document: tuple[str, UUID] | None = None
    nothing: bool = False


def delivery_conditions(organization_id: UUID, f: DeliveryFilter) -> Where:
    """The organization's deliveries matching every condition of the filter."""
    where = Where().add('"organization_id" = {}', organization_id)
    if f.nothing:
        return where.add("1 = 0")
    if f.status is not None:
        where.add('"status" = {}', f.status)
    if f.kind is not None:
        where.add('"kind" = {}', f.kind)
    if f.document is not None:
        where.add('"document_type" = {}', f.document[0])
        where.add('"document_id" = {}', f.document[1])
    return where
