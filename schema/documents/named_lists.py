"""Filters and orders of the tax rate and payment terms lists."""

from __future__ import annotations

from enum import Enum

import strawberry

from schema.documents.types import RecordStatus
from schema.enums import described_enum
from schema.filters import OrderDirection


class TaxRateOrderField(Enum):
    NAME = "name"
    CREATED_AT = "created_at"


described_enum(
    TaxRateOrderField,
    name="TaxRateOrderField",
    description="Field to sort tax rates by.",
    values={
        TaxRateOrderField.NAME: "The rate's name, alphabetically.",
        TaxRateOrderField.CREATED_AT: "When the rate was created.",
    },
)


@strawberry.input(description="Sort order of the tax rate list.")
class TaxRateOrder:
    field: TaxRateOrderField = strawberry.field(
        default=TaxRateOrderField.NAME, description="Field to sort by; ties are broken by id."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Ascending or descending."
    )


@strawberry.input(description="Narrow the tax rate list; conditions combine with AND.")
class TaxRateFilter:
    status: list[RecordStatus] | None = strawberry.field(
        default=None, description="Only these statuses; every status if omitted."
    )
    search: str | None = strawberry.field(
        default=None, description="Text found in the name (case-insensitive)."
    )


class PaymentTermsOrderField(Enum):
    NAME = "name"
    DAYS = "days"
    CREATED_AT = "created_at"


described_enum(
    PaymentTermsOrderField,
    name="PaymentTermsOrderField",
    description="Field to sort payment terms by.",
    values={
        PaymentTermsOrderField.NAME: "The terms' name, alphabetically.",
        PaymentTermsOrderField.DAYS: "The number of days the terms count.",
        PaymentTermsOrderField.CREATED_AT: "When the terms were created.",
    },
)


@strawberry.input(description="Sort order of the payment terms list.")
class PaymentTermsOrder:
    field: PaymentTermsOrderField = strawberry.field(
        default=PaymentTermsOrderField.NAME,
        description="Field to sort by; ties are broken by id.",
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Ascending or descending."
    )


@strawberry.input(description="Narrow the payment terms list; conditions combine with AND.")
class PaymentTermsFilter:
    status: list[RecordStatus] | None = strawberry.field(
        default=None, description="Only these statuses; every status if omitted."
    )
    search: str | None = strawberry.field(
        default=None, description="Text found in the name (case-insensitive)."
    )
