"""GraphQL payloads of payables mutations, with the warnings a bill can raise."""

from __future__ import annotations

from enum import Enum
from uuid import UUID

import strawberry

from schema.context import Info
from schema.enums import described_enum
from schema.errors import UserError
from schema.payables import loaders
from schema.payables.order_types import PurchaseOrder
from schema.payables.types import Bill, BillPayment
from schema.permissions import requires
from server.payables.bill_checks import DUPLICATE_WINDOW_DAYS


class BillWarningCode(Enum):
    POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE"


described_enum(
    BillWarningCode,
    name="BillWarningCode",
    description="Why a bill needs a second look before it is saved.",
    values={
        BillWarningCode.POSSIBLE_DUPLICATE: (
            "Another bill of the same vendor has the same"
            f" total and a bill date within {DUPLICATE_WINDOW_DAYS} days; see bill."
        ),
    },
)


@strawberry.type(description="Something to acknowledge (acknowledgeWarnings: true) to proceed.")
class BillWarning:
    code: BillWarningCode = strawberry.field(description="What kind of warning.")
    message: str = strawberry.field(description="What looks wrong, for a person to read.")
    bill_id: strawberry.Private[UUID]

    @requires("bill", "read", description="The other bill it resembles.")
    async def bill(self, info: Info) -> Bill | None:
        found = await loaders.bills(info.context).load(self.bill_id)
        return Bill.from_model(found) if found else None


@strawberry.type(description="The bill, warnings to acknowledge, or why it was refused.")
class BillPayload:
    bill: Bill | None = requires("bill", "read", description="The bill after the change.")
    warnings: list[BillWarning] = strawberry.field(
        description="When not empty and not acknowledged, nothing was saved."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The payment, or why it was refused.")
class BillPaymentPayload:
    bill_payment: BillPayment | None = strawberry.field(description="The payment recorded.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The purchase order, or why the change was refused.")
class PurchaseOrderPayload:
    purchase_order: PurchaseOrder | None = strawberry.field(description="The order after it.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")
