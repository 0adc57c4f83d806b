"""Receivables documents: invoices, credit notes, payments received and disputes.

Balances are not kept here: each document has an open item (server.documents.models) with
the same id that says what is still owed or unapplied.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.crm.models import Customer, PaymentTerms
from server.documents.models import DocumentLine
from server.fixed_point import FixedPointField
from server.ledger.models import Account


class InvoiceStatus(StrEnum):
    DRAFT = "DRAFT"
    ISSUED = "ISSUED"
    PARTIALLY_PAID = "PARTIALLY_PAID"
    PAID = "PAID"
    VOID = "VOID"
    WRITTEN_OFF = "WRITTEN_OFF"


class Invoice(Model):
    """A request for payment; posts to the ledger when issued."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name=False, on_delete=fields.RESTRICT
    )
    number = fields.CharField(max_length=32, null=True)  # given when issued, gapless
    status = fields.CharEnumField(InvoiceStatus, max_length=16, default=InvoiceStatus.DRAFT)
    currency = fields.CharField(max_length=3)
    issue_date = fields.DateField()
    due_date = fields.DateField(null=True)  # from the terms when issued, unless given
    terms: fields.ForeignKeyNullableRelation[PaymentTerms] = fields.ForeignKeyField(
        "models.PaymentTerms", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    reference = fields.CharField(max_length=100, null=True)  # the customer's order number
    memo = fields.CharField(max_length=1000, null=True)
    subtotal_minor = fields.BigIntField(default=0)
    tax_minor = fields.BigIntField(default=0)
    total_minor = fields.BigIntField(default=0)
    discount_percent = FixedPointField(null=True)
    discount_until = fields.DateField(null=True)
    entry_id = fields.UUIDField(null=True)
    void_entry_id = fields.UUIDField(null=True)
    voided_on = fields.DateField(null=True)
    written_off_on = fields.DateField(null=True)
    credit_limit_overridden = fields.BooleanField(default=False)
    created_by_id = fields.UUIDField(null=True)
    issued_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    issued_at = fields.DatetimeField(null=True)
    customer_id: UUID
    terms_id: UUID | None

    class Meta:
        table = "invoices"
        unique_together = (("organization_id", "number"),)
        indexes = (
            ("organization_id", "issue_date", "id"),
            ("organization_id", "customer_id", "issue_date"),
            ("organization_id", "status"),
            # The list's sorts by due date, total and entry, read from an index.
            ("organization_id", "due_date", "id"),
            ("organization_id", "total_minor", "id"),
            ("organization_id", "created_at", "id"),
        )


class InvoiceLine(DocumentLine):
    invoice: fields.ForeignKeyRelation[Invoice] = fields.ForeignKeyField(
        "models.Invoice", related_name="lines", on_delete=fields.CASCADE
    )
    invoice_id: UUID

    class Meta:
        table = "invoice_lines"
        indexes = (("invoice_id", "line_no"),)


class CreditNoteStatus(StrEnum):
    DRAFT = "DRAFT"
    ISSUED = "ISSUED"
    VOID = "VOID"


class CreditNote(Model):
    """Money the organization owes back to a customer: applied to invoices or refunded."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name=False, on_delete=fields.RESTRICT
    )
    invoice: fields.ForeignKeyNullableRelation[Invoice] = fields.ForeignKeyField(
        "models.Invoice", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    number = fields.CharField(max_length=32, null=True)
    status = fields.CharEnumField(CreditNoteStatus, max_length=16, default=CreditNoteStatus.DRAFT)
    currency = fields.CharField(max_length=3)
    issue_date = fields.DateField()
    reason = fields.CharField(max_length=500, null=True)
    subtotal_minor = fields.BigIntField(default=0)
    tax_minor = fields.BigIntField(default=0)
    total_minor = fields.BigIntField(default=0)
    entry_id = fields.UUIDField(null=True)
    created_by_id = fields.UUIDField(null=True)
    issued_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    customer_id: UUID
    invoice_id: UUID | None

    class Meta:
        table = "credit_notes"
        unique_together = (("organization_id", "number"),)
        indexes = (
            ("organization_id", "issue_date", "id"),
            ("organization_id", "customer_id"),
        )


class CreditNoteLine(DocumentLine):
    credit_note: fields.ForeignKeyRelation[CreditNote] = fields.ForeignKeyField(
        "models.CreditNote", related_name="lines", on_delete=fields.CASCADE
    )
    credit_note_id: UUID

    class Meta:
        table = "credit_note_lines"
        indexes = (("credit_note_id", "line_no"),)


class PaymentMethod(StrEnum):
    BANK_TRANSFER = "BANK_TRANSFER"
    CARD = "CARD"
    CASH = "CASH"
    CHECK = "CHECK"
    DIRECT_DEBIT = "DIRECT_DEBIT"
    OTHER = "OTHER"


class PaymentStatus(StrEnum):
    RECORDED = "RECORDED"
    VOID = "VOID"


class Payment(Model):
    """Money received from a customer; what is not allocated is the customer's credit."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name=False, on_delete=fields.RESTRICT
    )
    date = fields.DateField()
    currency = fields.CharField(max_length=3)
    amount_minor = fields.BigIntField()
    method = fields.CharEnumField(PaymentMethod, max_length=16)
    reference = fields.CharField(max_length=100, null=True)
    memo = fields.CharField(max_length=500, null=True)
    deposit_account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name=False, on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(PaymentStatus, max_length=16, default=PaymentStatus.RECORDED)
    entry_id = fields.UUIDField(null=True)
    void_entry_id = fields.UUIDField(null=True)
    voided_on = fields.DateField(null=True)
    created_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    customer_id: UUID
    deposit_account_id: UUID

    class Meta:
        table = "payments"
        indexes = (
            ("organization_id", "date", "id"),
            ("organization_id", "customer_id", "date"),
        )


class DisputeStatus(StrEnum):
    OPEN = "OPEN"
    UPHELD = "UPHELD"
    REJECTED = "REJECTED"


class DisputeReason(StrEnum):
    PRICING = "PRICING"
    QUALITY = "QUALITY"
    NOT_RECEIVED = "NOT_RECEIVED"
    DUPLICATE = "DUPLICATE"
    OTHER = "OTHER"


class DisputeResolution(StrEnum):
    CREDIT_NOTE = "CREDIT_NOTE"
    WRITE_OFF = "WRITE_OFF"
    REJECTED = "REJECTED"


class Dispute(Model):
    """A customer's challenge of an invoice; while open, the invoice is held apart."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    invoice: fields.ForeignKeyRelation[Invoice] = fields.ForeignKeyField(
        "models.Invoice", related_name="disputes", on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(DisputeStatus, max_length=16, default=DisputeStatus.OPEN)
    reason = fields.CharEnumField(DisputeReason, max_length=16)
    note = fields.CharField(max_length=1000, null=True)
    opened_on = fields.DateField()
    opened_by_id = fields.UUIDField(null=True)
    resolution = fields.CharEnumField(DisputeResolution, max_length=16, null=True)
    resolution_note = fields.CharField(max_length=1000, null=True)
    resolved_on = fields.DateField(null=True)
    resolved_by_id = fields.UUIDField(null=True)
    credit_note: fields.ForeignKeyNullableRelation[CreditNote] = fields.ForeignKeyField(
        "models.CreditNote", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    invoice_id: UUID

    class Meta:
        table = "disputes"
        indexes = (("organization_id", "invoice_id"), ("organization_id", "status"))


class ReminderChannel(StrEnum):
    EMAIL = "EMAIL"
    LETTER = "LETTER"
    PHONE = "PHONE"
    OTHER = "OTHER"


class InvoiceReminder(Model):
    """A payment reminder the organization sent for an overdue invoice (dunning).

    Ledgerline records reminders; it does not send them. Levels count up per invoice from 1
    in the order the reminders were recorded, which is also their date order.
    """

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    invoice: fields.ForeignKeyRelation[Invoice] = fields.ForeignKeyField(
        "models.Invoice", related_name="reminders", on_delete=fields.RESTRICT
    )
    level = fields.IntField()  # 1 for the invoice's first reminder, then 2, 3 ...
    sent_on = fields.DateField()
    channel = fields.CharEnumField(ReminderChannel, max_length=16)
    note = fields.CharField(max_length=500, null=True)
    amount_due_minor = fields.BigIntField()  # open when it was sent, in the invoice currency
    created_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    invoice_id: UUID

    class Meta:
        table = "invoice_reminders"
        unique_together = (("invoice_id", "level"),)
        indexes = (("organization_id", "invoice_id"),)
