"""Payables documents: purchase orders, bills and bill payments.

As with receivables, balances live in each document's open item (server.documents.models).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.crm.models import PaymentTerms, Vendor
from server.documents.models import DocumentLine
from server.fixed_point import FixedPointField
from server.ledger.models import Account
from server.receivables.models import PaymentMethod


class PurchaseOrderStatus(StrEnum):
    DRAFT = "DRAFT"
    APPROVED = "APPROVED"
    PARTIALLY_BILLED = "PARTIALLY_BILLED"
    BILLED = "BILLED"
    CANCELLED = "CANCELLED"


class PurchaseOrder(Model):
    """What the organization agreed to buy, at what price, before the vendor bills it."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    vendor: fields.ForeignKeyRelation[Vendor] = fields.ForeignKeyField(
        "models.Vendor", related_name=False, on_delete=fields.RESTRICT
    )
    number = fields.CharField(max_length=32)
    status = fields.CharEnumField(
        PurchaseOrderStatus, max_length=16, default=PurchaseOrderStatus.DRAFT
    )
    currency = fields.CharField(max_length=3)
    order_date = fields.DateField()
    expected_date = fields.DateField(null=True)
    memo = fields.CharField(max_length=1000, null=True)
    subtotal_minor = fields.BigIntField(default=0)
    tax_minor = fields.BigIntField(default=0)
    total_minor = fields.BigIntField(default=0)
    created_by_id = fields.UUIDField(null=True)
    approved_by_id = fields.UUIDField(null=True)
    approved_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    vendor_id: UUID

    class Meta:
        table = "purchase_orders"
        unique_together = (("organization_id", "number"),)
        indexes = (("organization_id", "order_date", "id"), ("organization_id", "vendor_id"))


class PurchaseOrderLine(DocumentLine):
    purchase_order: fields.ForeignKeyRelation[PurchaseOrder] = fields.ForeignKeyField(
        "models.PurchaseOrder", related_name="lines", on_delete=fields.CASCADE
    )
    billed_quantity = FixedPointField(default=Decimal(0))
    purchase_order_id: UUID

    class Meta:
        table = "purchase_order_lines"
        indexes = (("purchase_order_id", "line_no"),)


class BillStatus(StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    PARTIALLY_PAID = "PARTIALLY_PAID"
    PAID = "PAID"
    VOID = "VOID"


class Bill(Model):
    """A vendor's invoice to the organization; posts to the ledger when approved."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    vendor: fields.ForeignKeyRelation[Vendor] = fields.ForeignKeyField(
        "models.Vendor", related_name=False, on_delete=fields.RESTRICT
    )
    vendor_reference = fields.CharField(max_length=64)  # the vendor's invoice number
    status = fields.CharEnumField(BillStatus, max_length=16, default=BillStatus.DRAFT)
    currency = fields.CharField(max_length=3)
    bill_date = fields.DateField()
    due_date = fields.DateField(null=True)
    terms: fields.ForeignKeyNullableRelation[PaymentTerms] = fields.ForeignKeyField(
        "models.PaymentTerms", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    purchase_order: fields.ForeignKeyNullableRelation[PurchaseOrder] = fields.ForeignKeyField(
        "models.PurchaseOrder", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    memo = fields.CharField(max_length=1000, null=True)
    subtotal_minor = fields.BigIntField(default=0)
    tax_minor = fields.BigIntField(default=0)
    total_minor = fields.BigIntField(default=0)
    discount_percent = FixedPointField(null=True)
    discount_until = fields.DateField(null=True)
    rejection_reason = fields.CharField(max_length=1000, null=True)
    tolerance_overridden = fields.BooleanField(default=False)
    entry_id = fields.UUIDField(null=True)
    void_entry_id = fields.UUIDField(null=True)
    voided_on = fields.DateField(null=True)
    created_by_id = fields.UUIDField(null=True)
    submitted_by_id = fields.UUIDField(null=True)
    approved_by_id = fields.UUIDField(null=True)
    approved_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    vendor_id: UUID
    terms_id: UUID | None
    purchase_order_id: UUID | None

    class Meta:
        table = "bills"
        indexes = (
            ("organization_id", "bill_date", "id"),
            ("organization_id", "vendor_id", "vendor_reference"),
            ("organization_id", "status", "due_date"),
            # The list's sorts by due date, total and entry, read from an index.
            ("organization_id", "due_date", "id"),
            ("organization_id", "total_minor", "id"),
            ("organization_id", "created_at", "id"),
        )


class BillLine(DocumentLine):
    bill: fields.ForeignKeyRelation[Bill] = fields.ForeignKeyField(
        "models.Bill", related_name="lines", on_delete=fields.CASCADE
    )
    purchase_order_line: fields.ForeignKeyNullableRelation[PurchaseOrderLine] = (
        fields.ForeignKeyField(
            "models.PurchaseOrderLine", related_name=False, null=True, on_delete=fields.RESTRICT
        )
    )
    bill_id: UUID
    purchase_order_line_id: int | None

    class Meta:
        table = "bill_lines"
        indexes = (("bill_id", "line_no"),)


class BillPaymentStatus(StrEnum):
    RECORDED = "RECORDED"
    VOID = "VOID"


class BillPayment(Model):
    """Money paid to a vendor for one or many bills; any excess is a credit with the vendor."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    vendor: fields.ForeignKeyRelation[Vendor] = fields.ForeignKeyField(
        "models.Vendor", related_name=False, on_delete=fields.RESTRICT
    )
    date = fields.DateField()
    currency = fields.CharField(max_length=3)
    amount_minor = fields.BigIntField()
    method = fields.CharEnumField(PaymentMethod, max_length=16)
    reference = fields.CharField(max_length=100, null=True)
    memo = fields.CharField(max_length=500, null=True)
    bank_account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name=False, on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(
        BillPaymentStatus, max_length=16, default=BillPaymentStatus.RECORDED
    )
    entry_id = fields.UUIDField(null=True)
    void_entry_id = fields.UUIDField(null=True)
    voided_on = fields.DateField(null=True)
    created_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    vendor_id: UUID
    bank_account_id: UUID

    class Meta:
        table = "bill_payments"
        indexes = (("organization_id", "date", "id"), ("organization_id", "vendor_id", "date"))
