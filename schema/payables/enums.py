"""GraphQL enums of payables, registered once before any type or input uses them."""

from __future__ import annotations

from typing import Any

import strawberry

from schema.receivables import enums as _receivables  # noqa: F401  (PaymentMethod, AllocationKind)
from server.documents import models as documents
from server.payables import models
from server.receivables.models import PaymentMethod


def _enum(enum: Any, name: str, description: str) -> None:
    # Receivables shares some enums; whichever side registers first names them.
    if "__strawberry_definition__" not in vars(enum):
        strawberry.enum(enum, name=name, description=description)


_enum(models.BillStatus, "BillStatus", "Where a bill is in its life.")
_enum(models.BillPaymentStatus, "BillPaymentStatus", "Recorded, or void.")
_enum(models.PurchaseOrderStatus, "PurchaseOrderStatus", "Where a purchase order is.")
_enum(PaymentMethod, "PaymentMethod", "How money was paid.")
_enum(documents.AllocationKind, "AllocationKind", "How an amount was applied to a document.")
