"""GraphQL type of one invoice line, with its rounded figures."""

from __future__ import annotations

from typing import Self
from uuid import UUID

import strawberry

from schema.context import Info
from schema.ids import encode
from schema.ledger import loaders as ledger_loaders
from schema.ledger.types import Account
from schema.permissions import requires
from schema.scalars import Money, Percent, Quantity
from server.fixed_point import plain_decimal
from server.receivables import models


def _node_id(type_name: str, value: UUID | None) -> strawberry.ID | None:
    return strawberry.ID(encode(type_name, value)) if value else None


@strawberry.type(description="One line of an invoice, with its rounded figures.")
class InvoiceLine:
    line_no: int = strawberry.field(description="Position on the invoice, from 1.")
    description: str | None = strawberry.field(description="What was sold.")
    quantity: Quantity = strawberry.field(description="Quantity sold.")
    unit_price: Money = strawberry.field(description="Price of one unit.")
    discount_percent: Percent = strawberry.field(description="Discount on the line, percent.")
    amount: Money = strawberry.field(description="Net amount: quantity x price less discount.")
    tax: Money = strawberry.field(description="Tax on the line.")
    item_id: strawberry.ID | None = strawberry.field(description="The item sold, if any.")
    tax_rate_id: strawberry.ID | None = strawberry.field(description="The tax rate applied.")
    dimension_option_ids: list[strawberry.ID] = strawberry.field(
        description="Dimension options the line is tagged with."
    )
    account_id: strawberry.Private[UUID]

    @requires("account", "read", description="The income account the line posts to.")
    async def account(self, info: Info) -> Account | None:
        found = await ledger_loaders.accounts(info.context).load(self.account_id)
        return Account.from_model(found) if found else None

    @classmethod
    def from_model(cls, line: models.InvoiceLine, currency: str) -> Self:
        return cls(
            line_no=line.line_no,
            description=line.description,
            quantity=Quantity(str(plain_decimal(line.quantity))),
            unit_price=Money.of(line.unit_price_minor, currency),
            discount_percent=Percent(str(plain_decimal(line.discount_percent))),
            amount=Money.of(line.amount_minor, currency),
            tax=Money.of(line.tax_minor, currency),
            item_id=_node_id("Item", line.item_id),
            tax_rate_id=_node_id("TaxRate", line.tax_rate_id),
            dimension_option_ids=[
                strawberry.ID(encode("TrackingOption", o)) for o in line.dimension_option_ids
            ],
            account_id=line.account_id,
        )
