"""Which deliveries a list shows, and the orders it can show them in: its filter as SQL
conditions and keyset orders for a page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from server.email.models import DeliveryStatus, TemplateKind
from server.keyset import SortKey, orders
from server.sql import Bounds, Where

DELIVERY_ORDERS = orders(SortKey("queued_at"), SortKey("sent_at"), SortKey("to_address"))


@dataclass(frozen=True, slots=True)
class DeliveryFilter:
    status: Sequence[DeliveryStatus] = ()
    kind: Sequence[TemplateKind] = ()
    queued_at: Bounds | None = None
    # A document's type and id; `nothing` when the client named a document that cannot exist.
    document: tuple[str, UUID] | None = None
    nothing: bool = False


def delivery_conditions(organization_id: UUID, f: DeliveryFilter) -> Where:
    """The organization's deliveries matching every condition of the filter."""
    where = Where().add('"organization_id" = {}', organization_id)
    if f.nothing:
        return where.add("1 = 0")
    where.one_of('"status"', f.status).one_of('"kind"', f.kind)
    where.within('"queued_at"', f.queued_at, end_inclusive=False)
    if f.document is not None:
        where.add('"document_type" = {}', f.document[0])
        where.add('"document_id" = {}', f.document[1])
    return where
