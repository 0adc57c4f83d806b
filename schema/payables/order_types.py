"""GraphQL type of purchase orders."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Self
from uuid import UUID

import strawberry
from strawberry import relay

from schema.context import Info
from schema.crm.types import Vendor
from schema.identity.types import UserType
from schema.payables import enums as _enums  # noqa: F401  (registered before use)
from schema.payables import loaders
from schema.payables.lines import PurchaseOrderLine
from schema.payables.type_fields import _user, _uuids, _vendor
from schema.permissions import authorize, requires
from schema.reads import lookup
from schema.scalars import CurrencyCode, Money
from server.payables import models
from server.payables.reads import PURCHASE_ORDER


@strawberry.type(description="What the organization agreed to buy, before it is billed.")
class PurchaseOrder(relay.Node):
    id: relay.NodeID[str]
    number: str = strawberry.field(description="Gapless number, e.g. PO-000001.")
    status: models.PurchaseOrderStatus = strawberry.field(
        description="DRAFT, APPROVED, PARTIALLY_BILLED, BILLED or CANCELLED."
    )
    currency: CurrencyCode = strawberry.field(description="The vendor's currency.")
    order_date: date = strawberry.field(description="When it was ordered.")
    expected_date: date | None = strawberry.field(description="When delivery is expected.")
    memo: str | None = strawberry.field(description="Internal note.")
    subtotal: Money = strawberry.field(description="Sum of the line amounts, net of tax.")
    tax: Money = strawberry.field(description="Sum of the line taxes.")
    total: Money = strawberry.field(description="Subtotal plus tax.")
    approved_at: datetime | None = strawberry.field(description="When it was approved.")
    created_at: datetime = strawberry.field(description="When it was entered.")
    vendor_id: strawberry.Private[UUID]
    created_by_id: strawberry.Private[UUID | None]
    approved_by_id: strawberry.Private[UUID | None]

    @requires("vendor", "read", description="The vendor ordered from.")
    async def vendor(self, info: Info) -> Vendor | None:
        return await _vendor(info, self.vendor_id)

    @strawberry.field(description="Its lines, in order, with what is billed of each.")
    async def lines(self, info: Info) -> list[PurchaseOrderLine]:
        rows = await loaders.order_lines(info.context).load(UUID(self.id))
        return [PurchaseOrderLine.from_model(r, self.currency) for r in rows]

    @requires("member", "read", description="Who entered it.")
    async def created_by(self, info: Info) -> UserType | None:
        return await _user(info, self.created_by_id)

    @requires("member", "read", description="Who approved it.")
    async def approved_by(self, info: Info) -> UserType | None:
        return await _user(info, self.approved_by_id)

    @classmethod
    def from_model(cls, o: models.PurchaseOrder) -> Self:
        return cls(
            id=str(o.id),
            number=o.number,
            status=o.status,
            currency=CurrencyCode(o.currency),
            order_date=o.order_date,
            expected_date=o.expected_date,
            memo=o.memo,
            subtotal=Money.of(o.subtotal_minor, o.currency),
            tax=Money.of(o.tax_minor, o.currency),
            total=Money.of(o.total_minor, o.currency),
            approved_at=o.approved_at,
            created_at=o.created_at,
            vendor_id=o.vendor_id,
            created_by_id=o.created_by_id,
            approved_by_id=o.approved_by_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[PurchaseOrder | None]:
        ids = list(node_ids)
        await authorize(info.context, "purchase_order", "read")
        embedded = await lookup(info, PURCHASE_ORDER, ids)
        if embedded is not None:
            return embedded
        org = info.context.signed_in().org
        found = {
            str(o.id): o
            for o in await models.PurchaseOrder.filter(id__in=_uuids(ids), organization_id=org)
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]
