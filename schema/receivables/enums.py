"""GraphQL enums of receivables, registered once before any type uses them."""

from __future__ import annotations

from schema.enums import described_enum
from server.documents import models as doc_models
from server.receivables import models

I = models.InvoiceStatus  # noqa: E741
described_enum(
    I,
    name="InvoiceStatus",
    description="Where an invoice stands.",
    values={
        I.DRAFT: "Being prepared: editable, not numbered, not in the ledger.",
        I.ISSUED: "Numbered, posted to the ledger and owed in full.",
        I.PARTIALLY_PAID: "Issued, with part of the total settled.",
        I.PAID: "Settled in full by payments, credits or discounts.",
        I.VOID: "Cancelled; its ledger entry is reversed. Kept for history.",
        I.WRITTEN_OFF: "The open balance was written off as bad debt.",
    },
)
P = models.PaymentStatus
described_enum(
    P,
    name="PaymentStatus",
    description="Recorded, or void.",
    values={
        P.RECORDED: "The money was received and is posted to the ledger.",
        P.VOID: "Cancelled (for example a bounced payment); its ledger entry is reversed.",
    },
)
M = models.PaymentMethod
described_enum(
    M,
    name="PaymentMethod",
    description="How money was paid.",
    values={
        M.BANK_TRANSFER: "A bank transfer (wire, ACH, SEPA credit transfer).",
        M.CARD: "A credit or debit card.",
        M.CASH: "Cash.",
        M.CHECK: "A cheque.",
        M.DIRECT_DEBIT: "A direct debit collected from the payer's bank account.",
        M.OTHER: "Any other way.",
    },
)
A = doc_models.AllocationKind
described_enum(
    A,
    name="AllocationKind",
    description="Settlement of a charge by a credit, write-off, discount or refund.",
    values={
        A.SETTLEMENT: "A credit (payment or credit note) applied to a charge.",
        A.WRITE_OFF: "A charge closed without a credit, as bad debt.",
        A.DISCOUNT: "A charge reduced by an early-payment discount.",
        A.REFUND: "A credit paid back out to the party.",
    },
)
C = models.CreditNoteStatus
described_enum(
    C,
    name="CreditNoteStatus",
    description="Draft, issued or void.",
    values={
        C.DRAFT: "Being prepared: editable, not numbered, not in the ledger.",
        C.ISSUED: "Numbered and posted; its amount can be applied to invoices or refunded.",
        C.VOID: "Cancelled; its ledger entry is reversed. Kept for history.",
    },
)
D = models.DisputeStatus
described_enum(
    D,
    name="DisputeStatus",
    description="Open, upheld or rejected.",
    values={
        D.OPEN: "Not resolved yet; the invoice is held apart in aging and skipped by reminders.",
        D.UPHELD: "Resolved in the customer's favour, by a credit note or write-off.",
        D.REJECTED: "Resolved against the customer; the invoice stays owed.",
    },
)
R = models.DisputeReason
described_enum(
    R,
    name="DisputeReason",
    description="Why a customer disputes.",
    values={
        R.PRICING: "The price or amount charged is wrong.",
        R.QUALITY: "The goods or services were faulty or not as agreed.",
        R.NOT_RECEIVED: "The goods or services were not received.",
        R.DUPLICATE: "The customer was charged twice for the same thing.",
        R.OTHER: "Another reason; the dispute's note says which.",
    },
)
DR = models.DisputeResolution
described_enum(
    DR,
    name="DisputeResolution",
    description="How a dispute ended: credit note, write-off, or rejected.",
    values={
        DR.CREDIT_NOTE: "Upheld: a credit note was issued for the disputed amount.",
        DR.WRITE_OFF: "Upheld: the disputed amount was written off.",
        DR.REJECTED: "Rejected: the invoice stays owed as issued.",
    },
)
RC = models.ReminderChannel
described_enum(
    RC,
    name="ReminderChannel",
    description="How a payment reminder was sent: email, letter, phone call or otherwise.",
    values={
        RC.EMAIL: "By email.",
        RC.LETTER: "By post.",
        RC.PHONE: "By a phone call.",
        RC.OTHER: "Some other way.",
    },
)
