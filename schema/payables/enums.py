"""GraphQL enums of payables, registered once before any type or input uses them."""

from __future__ import annotations

from schema.enums import described_enum
from schema.receivables import enums as _receivables  # noqa: F401  (PaymentMethod, AllocationKind)
from server.payables import models

B = models.BillStatus
described_enum(
    B,
    name="BillStatus",
    description="Where a bill is in its life.",
    values={
        B.DRAFT: "Being entered: editable, not in the ledger.",
        B.SUBMITTED: "Submitted for approval; no longer editable, not yet in the ledger.",
        B.APPROVED: "Approved and posted to the ledger; owed to the vendor in full.",
        B.PARTIALLY_PAID: "Approved, with part of the total paid.",
        B.PAID: "Paid in full (payments and discounts).",
        B.VOID: "Cancelled; any ledger entry is reversed. Kept for history.",
    },
)
BP = models.BillPaymentStatus
described_enum(
    BP,
    name="BillPaymentStatus",
    description="Recorded, or void.",
    values={
        BP.RECORDED: "The money was paid to the vendor and is posted to the ledger.",
        BP.VOID: "Cancelled; its ledger entry is reversed.",
    },
)
PO = models.PurchaseOrderStatus
described_enum(
    PO,
    name="PurchaseOrderStatus",
    description="Where a purchase order is.",
    values={
        PO.DRAFT: "Being prepared: editable; bills cannot be matched to it yet.",
        PO.APPROVED: "Agreed with the vendor; bills can be matched to it.",
        PO.PARTIALLY_BILLED: "Some of the ordered quantities have been billed.",
        PO.BILLED: "Every ordered quantity has been billed.",
        PO.CANCELLED: "Cancelled; no more bills can be matched to it.",
    },
)
