"""GraphQL types of bill and purchase order lines."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import strawberry

from schema.context import Info
from schema.ledger import loaders as ledger_loaders
from schema.ledger.types import Account, TrackingOption
from schema.payables import enums as _enums  # noqa: F401  (registered before use)
from schema.payables.type_fields import _quantity, _uuids
from schema.permissions import requires
from schema.scalars import Money, Percent, Quantity
from server.documents import models as documents
from server.payables import models


@strawberry.interface(description="A line of a bill or purchase order.")
class PurchaseLine:
    line_no: int = strawberry.field(description="Position in the document, from 1.")
    description: str | None = strawberry.field(description="What was bought.")
    quantity: Quantity = strawberry.field(description="Quantity bought.")
    unit_price: Money = strawberry.field(description="Price of one unit, before discount and tax.")
    discount_percent: Percent = strawberry.field(description="Line discount in percent.")
    amount: Money = strawberry.field(description="Net amount of the line, rounded half-up.")
    tax: Money = strawberry.field(description="Tax of the line, rounded half-up.")
    account_id: strawberry.Private[UUID]
    option_ids: strawberry.Private[list[UUID]]

    @requires("account", "read", description="The expense or asset account the line posts to.")
    async def account(self, info: Info) -> Account | None:
        found = await ledger_loaders.accounts(info.context).load(self.account_id)
        return Account.from_model(found) if found else None

    @requires("account", "read", description="Dimension options the line is tagged with.")
    async def dimensions(self, info: Info) -> list[TrackingOption] | None:
        found = [await ledger_loaders.options(info.context).load(o) for o in self.option_ids]
        return [TrackingOption.from_model(o) for o in found if o]


def _line_fields(ln: documents.DocumentLine, currency: str) -> dict[str, Any]:
    """The fields bill and purchase order lines share, read off their record."""
    return {
        "line_no": ln.line_no,
        "description": ln.description,
        "quantity": Quantity(_quantity(ln.quantity)),
        "unit_price": Money.of(ln.unit_price_minor, currency),
        "discount_percent": Percent(_quantity(ln.discount_percent)),
        "amount": Money.of(ln.amount_minor, currency),
        "tax": Money.of(ln.tax_minor, currency),
        "account_id": ln.account_id,
        "option_ids": _uuids(str(o) for o in ln.dimension_option_ids or []),
    }


@strawberry.type(description="A line of a bill.")
class BillLine(PurchaseLine):
    purchase_order_line_id: strawberry.ID | None = strawberry.field(
        description="The purchase order line it bills, if any."
    )

    @classmethod
    def from_model(cls, ln: models.BillLine, currency: str) -> BillLine:
        return cls(
            **_line_fields(ln, currency),
            purchase_order_line_id=(
                strawberry.ID(str(ln.purchase_order_line_id)) if ln.purchase_order_line_id else None
            ),
        )


@strawberry.type(description="A line of a purchase order.")
class PurchaseOrderLine(PurchaseLine):
    id: strawberry.ID = strawberry.field(
        description="Identifies the line within its order (purchaseOrderLineId of bill lines)."
    )
    billed_quantity: Quantity = strawberry.field(description="Quantity billed on approved bills.")

    @classmethod
    def from_model(cls, ln: models.PurchaseOrderLine, currency: str) -> PurchaseOrderLine:
        return cls(
            **_line_fields(ln, currency),
            id=strawberry.ID(str(ln.id)),
            billed_quantity=Quantity(_quantity(ln.billed_quantity)),
        )
