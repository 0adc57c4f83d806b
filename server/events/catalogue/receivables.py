"""Event types of receivables: invoices, payments received, credit notes, disputes."""

from __future__ import annotations

from server.events.payload import (
    BOOLEAN,
    DATE,
    DATE_TIME,
    ENUM,
    INTEGER,
    TEXT,
    EventType,
    Field,
    Items,
    Money,
    Node,
)

INVOICE = (
    Field("number", TEXT, "The invoice number; null on a draft."),
    Field("status", ENUM, "InvoiceStatus after the change."),
    Field("customer", Node("Customer"), "The customer invoiced."),
    Field("currency", TEXT, "The invoice's currency."),
    Field("issueDate", DATE, "The issue date."),
    Field("dueDate", DATE, "The due date."),
    Field("total", Money(), "The invoice total."),
)
ENTRY_NUMBER = Field(
    "entryNumber", INTEGER, "Number of the journal entry the change posted.", source="entry"
)
SETTLED = Items(
    (
        Field("invoice", Node("Invoice"), "The invoice paid."),
        Field("amount", Money(), "The amount applied to it."),
        Field("date", DATE, "The date of the allocation."),
        Field(
            "invoiceStatus",
            ENUM,
            "InvoiceStatus once this change is done: PAID when the invoice is settled.",
        ),
    )
)
DISCOUNTS = Items(
    (
        Field("invoice", Node("Invoice"), "The invoice."),
        Field("amount", Money(), "The early-payment discount taken on it."),
        Field("date", DATE, "The date of the discount."),
    )
)
PAYMENT = (
    Field("customer", Node("Customer"), "The customer who paid."),
    Field("date", DATE, "The date the money was received."),
    Field("amount", Money(), "The amount received."),
    Field("method", ENUM, "PaymentMethod."),
    Field("reference", TEXT, "The payer's reference."),
    Field("status", ENUM, "PaymentStatus after the change."),
)
UNALLOCATED = Field(
    "unallocated", Money(), "What is left of the payment after the change: the customer's credit."
)
CREDIT_NOTE = (
    Field("number", TEXT, "The credit note number; null on a draft."),
    Field("status", ENUM, "CreditNoteStatus after the change."),
    Field("customer", Node("Customer"), "The customer credited."),
    Field("invoice", Node("Invoice"), "The invoice it corrects, if any."),
    Field("issueDate", DATE, "The issue date."),
    Field("total", Money(), "The credit note total."),
)
DISPUTE = (
    Field("invoice", Node("Invoice"), "The invoice disputed."),
    Field("status", ENUM, "DisputeStatus after the change."),
    Field("reason", ENUM, "DisputeReason."),
    Field("openedOn", DATE, "When the dispute was opened."),
)

TYPES = (
    EventType(
        "invoice.created", 1, "invoice.create", "Invoice", "A draft invoice was created.", INVOICE
    ),
    EventType(
        "invoice.updated",
        1,
        "invoice.update",
        "Invoice",
        "A draft invoice was changed.",
        INVOICE,
        changes=True,
    ),
    EventType(
        "invoice.issued",
        1,
        "invoice.issue",
        "Invoice",
        "An invoice was issued and posted to the ledger.",
        (
            *INVOICE,
            ENTRY_NUMBER,
            Field(
                "creditLimitOverridden",
                BOOLEAN,
                "The customer's credit limit was passed by an explicit override.",
            ),
        ),
    ),
    EventType(
        "invoice.voided",
        1,
        "invoice.void",
        "Invoice",
        "An invoice was voided; an issued one is reversed in the ledger.",
        (
            *INVOICE,
            Field("previousStatus", ENUM, "InvoiceStatus before.", source="status", before=True),
        ),
    ),
    EventType(
        "invoice.written_off",
        1,
        "invoice.write_off",
        "Invoice",
        "What was open on an invoice was written off as bad debt.",
        (*INVOICE, Field("writtenOff", Money(), "The amount written off.")),
    ),
    EventType(
        "invoice.reminded",
        1,
        "invoice.remind",
        "Invoice",
        "A payment reminder for an overdue invoice was recorded.",
        (
            Field("reminder", Node("InvoiceReminder"), "The reminder."),
            Field("level", INTEGER, "1 for the first reminder, then 2, 3..."),
            Field("sentOn", DATE, "When it was sent."),
            Field("channel", ENUM, "ReminderChannel."),
            Field("amountDue", Money(), "What the invoice owed when reminded."),
        ),
    ),
    EventType(
        "dispute.opened",
        1,
        "invoice.dispute_open",
        "Dispute",
        "A customer disputed an invoice.",
        DISPUTE,
    ),
    EventType(
        "dispute.resolved",
        1,
        "invoice.dispute_resolve",
        "Dispute",
        "A dispute was resolved.",
        (
            *DISPUTE,
            Field("resolution", ENUM, "DisputeResolution."),
            Field("resolvedOn", DATE, "When it was resolved."),
        ),
    ),
    EventType(
        "payment.recorded",
        1,
        "payment.record",
        "Payment",
        "Money received was recorded, posted, and applied to the invoices named. An invoice it "
        "settles shows PAID in `allocations`; no separate event is written for the invoice.",
        (
            *PAYMENT,
            UNALLOCATED,
            ENTRY_NUMBER,
            Field("allocations", SETTLED, "The invoices it paid."),
            Field("discounts", DISCOUNTS, "Early-payment discounts earned by paying in time."),
        ),
    ),
    EventType(
        "payment.allocated",
        1,
        "payment.allocate",
        "Payment",
        "A payment's unallocated amount was applied to invoices.",
        (
            *PAYMENT,
            UNALLOCATED,
            Field("allocations", SETTLED, "The invoices it paid."),
            Field("discounts", DISCOUNTS, "Early-payment discounts earned by paying in time."),
        ),
    ),
    EventType(
        "payment.unallocated",
        1,
        "payment.unallocate",
        "Payment",
        "An allocation of a payment was taken back; the invoice is open again.",
        (
            *PAYMENT,
            UNALLOCATED,
            Field("allocation", Node("Allocation"), "The allocation taken back.", before=True),
            Field("invoice", Node("Invoice"), "The invoice it had paid.", before=True),
            Field("discountsUndone", INTEGER, "Early-payment discounts undone with it."),
        ),
    ),
    EventType(
        "payment.refunded",
        1,
        "payment.refund",
        "Payment",
        "Part of a payment's credit was paid back to the customer.",
        (*PAYMENT, UNALLOCATED, Field("refunded", Money(), "The amount paid back.")),
    ),
    EventType(
        "payment.voided",
        1,
        "payment.void",
        "Payment",
        "A payment was voided (a bounced cheque): its allocations were undone, its entry reversed.",
        (
            *PAYMENT,
            Field("allocationsUndone", INTEGER, "Allocations undone.", source="undone"),
            Field("discountsUndone", INTEGER, "Early-payment discounts undone."),
        ),
    ),
    EventType(
        "credit_note.created",
        1,
        "credit_note.create",
        "CreditNote",
        "A draft credit note was created.",
        CREDIT_NOTE,
    ),
    EventType(
        "credit_note.issued",
        1,
        "credit_note.issue",
        "CreditNote",
        "A credit note was issued and posted to the ledger.",
        (*CREDIT_NOTE, ENTRY_NUMBER),
    ),
    EventType(
        "credit_note.allocated",
        1,
        "credit_note.allocate",
        "CreditNote",
        "A credit note was applied to invoices.",
        (*CREDIT_NOTE, Field("allocations", SETTLED, "The invoices it paid.")),
    ),
    EventType(
        "credit_note.refunded",
        1,
        "credit_note.refund",
        "CreditNote",
        "Part of a credit note was paid back to the customer.",
        (*CREDIT_NOTE, Field("refunded", Money(), "The amount paid back.")),
    ),
    EventType(
        "invoice.portal_link_created",
        1,
        "invoice.portal_link_create",
        "PortalLink",
        "A link was made for someone without an account to open an invoice.",
        (
            Field("invoice", Node("Invoice"), "The invoice the link opens."),
            Field("expiresAt", DATE_TIME, "When the link stops working."),
        ),
    ),
    EventType(
        "invoice.portal_link_revoked",
        1,
        "invoice.portal_link_revoke",
        "PortalLink",
        "A portal link was revoked before it expired.",
        (
            Field("invoice", Node("Invoice"), "The invoice the link opened."),
            Field("revokedAt", DATE_TIME, "When it was revoked."),
        ),
    ),
)
