"""GraphQL enums of receivables, registered once before any type uses them."""

from __future__ import annotations

import strawberry

from server.documents import models as doc_models
from server.receivables import models

strawberry.enum(models.InvoiceStatus, name="InvoiceStatus", description="Where an invoice stands.")
strawberry.enum(models.PaymentStatus, name="PaymentStatus", description="Recorded, or void.")
strawberry.enum(models.PaymentMethod, name="PaymentMethod", description="How money was paid.")
strawberry.enum(
    doc_models.AllocationKind,
    name="AllocationKind",
    description="Settlement of a charge by a credit, write-off, discount or refund.",
)
strawberry.enum(
    models.CreditNoteStatus, name="CreditNoteStatus", description="Draft, issued or void."
)
strawberry.enum(models.DisputeStatus, name="DisputeStatus", description="Open, upheld or rejected.")
strawberry.enum(models.DisputeReason, name="DisputeReason", description="Why a customer disputes.")
strawberry.enum(
    models.DisputeResolution,
    name="DisputeResolution",
    description="How a dispute ended: credit note, write-off, or rejected.",
)
strawberry.enum(
    models.ReminderChannel,
    name="ReminderChannel",
    description="How a payment reminder was sent: email, letter, phone call or otherwise.",
)
