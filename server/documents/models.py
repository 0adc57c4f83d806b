"""What receivables and payables share: tax rates, items, numbering, open items.

Every invoice, payment, credit note, bill and bill payment has an open item with the same id.
The open item carries what is still owed or still unapplied; allocations move amounts between
a charge (invoice, bill) and a credit (payment, credit note, bill payment). Aging, customer and
vendor balances and the ties to the control accounts are all read from these two tables.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.editing import RecordStatus
from server.fixed_point import FixedPointField
from server.ledger.models import Account


class TaxRate(Model):
    """A percentage charged on sales (and reclaimed on purchases) into one tax account."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    name = fields.CharField(max_length=100)
    rate = FixedPointField()
    inclusive = fields.BooleanField(default=False)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name=False, on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(RecordStatus, max_length=16, default=RecordStatus.ACTIVE)
    created_at = fields.DatetimeField(auto_now_add=True)
    account_id: UUID

    class Meta:
        table = "tax_rates"
        unique_together = (("organization_id", "name"),)


class Item(Model):
    """A product or service sold or bought, with its defaults for document lines."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    code = fields.CharField(max_length=40, null=True)
    name = fields.CharField(max_length=200)
    description = fields.CharField(max_length=500, null=True)
    unit_price_minor = fields.BigIntField(null=True)  # in the organization's base currency
    income_account: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    expense_account: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    tax_rate: fields.ForeignKeyNullableRelation[TaxRate] = fields.ForeignKeyField(
        "models.TaxRate", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(RecordStatus, max_length=16, default=RecordStatus.ACTIVE)
    created_at = fields.DatetimeField(auto_now_add=True)
    income_account_id: UUID | None
    expense_account_id: UUID | None
    tax_rate_id: UUID | None

    class Meta:
        table = "items"
        unique_together = (("organization_id", "code"),)
        indexes = (("organization_id", "name", "id"),)


class NumberSequence(Model):
    """The next gapless number of one kind of document (invoice, credit note, order)."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    kind = fields.CharField(max_length=32)
    next_number = fields.BigIntField(default=1)

    class Meta:
        table = "number_sequences"
        unique_together = (("organization_id", "kind"),)


class Ledger(StrEnum):
    RECEIVABLE = "RECEIVABLE"
    PAYABLE = "PAYABLE"


class OpenItemKind(StrEnum):
    INVOICE = "INVOICE"
    CREDIT_NOTE = "CREDIT_NOTE"
    PAYMENT = "PAYMENT"
    BILL = "BILL"
    BILL_PAYMENT = "BILL_PAYMENT"


CHARGE_KINDS = frozenset({OpenItemKind.INVOICE, OpenItemKind.BILL})


class OpenItem(Model):
    """The balance side of one document: what is still owed on it, or still unapplied.

    `open_minor` can only be changed by a guarded UPDATE (`open_minor >= amount`), so two
    concurrent allocations can never take the same amount twice.
    """

    id = fields.UUIDField(primary_key=True)  # the document's own id
    organization_id = fields.UUIDField()
    ledger = fields.CharEnumField(Ledger, max_length=16)
    kind = fields.CharEnumField(OpenItemKind, max_length=16)
    is_charge = fields.BooleanField()  # invoices and bills; credits reduce them
    party_id = fields.UUIDField()  # the customer or vendor
    number = fields.CharField(max_length=64, null=True)
    currency = fields.CharField(max_length=3)
    date = fields.DateField()
    due_date = fields.DateField()
    amount_minor = fields.BigIntField()
    base_amount_minor = fields.BigIntField()
    open_minor = fields.BigIntField()
    open_base_minor = fields.BigIntField()
    voided_on = fields.DateField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "open_items"
        indexes = (
            ("organization_id", "ledger", "party_id"),
            ("organization_id", "ledger", "date"),
        )


class AllocationKind(StrEnum):
    SETTLEMENT = "SETTLEMENT"  # a credit applied to a charge
    WRITE_OFF = "WRITE_OFF"  # a charge closed without a credit (bad debt)
    DISCOUNT = "DISCOUNT"  # a charge reduced by an early-payment discount
    REFUND = "REFUND"  # a credit paid back out


class Allocation(Model):
    """An amount applied between two open items, dated; undoing it keeps the row."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    ledger = fields.CharEnumField(Ledger, max_length=16)
    kind = fields.CharEnumField(AllocationKind, max_length=16)
    charge: fields.ForeignKeyNullableRelation[OpenItem] = fields.ForeignKeyField(
        "models.OpenItem", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    credit: fields.ForeignKeyNullableRelation[OpenItem] = fields.ForeignKeyField(
        "models.OpenItem", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    amount_minor = fields.BigIntField()  # in the documents' currency
    # The same amount in base currency at each side's own rate; the difference is the
    # realized exchange gain or loss posted when the allocation is made.
    charge_base_minor = fields.BigIntField(default=0)
    credit_base_minor = fields.BigIntField(default=0)
    date = fields.DateField()
    reversed_on = fields.DateField(null=True)
    entry_id = fields.UUIDField(null=True)  # exchange difference, write-off or refund entry
    reversal_entry_id = fields.UUIDField(null=True)
    memo = fields.CharField(max_length=500, null=True)
    created_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    reversed_by_id = fields.UUIDField(null=True)
    charge_id: UUID | None
    credit_id: UUID | None

    class Meta:
        table = "allocations"
        indexes = (
            ("organization_id", "charge_id"),
            ("organization_id", "credit_id"),
            ("organization_id", "ledger", "date"),
        )


class DocumentLine(Model):
    """Fields every invoice, credit note, bill and order line has."""

    id = fields.BigIntField(primary_key=True)
    line_no = fields.IntField()
    item: fields.ForeignKeyNullableRelation[Item] = fields.ForeignKeyField(
        "models.Item", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    description = fields.CharField(max_length=500, null=True)
    quantity = FixedPointField()
    unit_price_minor = fields.BigIntField()
    discount_percent = FixedPointField(default=Decimal(0))
    tax_rate: fields.ForeignKeyNullableRelation[TaxRate] = fields.ForeignKeyField(
        "models.TaxRate", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name=False, on_delete=fields.RESTRICT
    )
    amount_minor = fields.BigIntField()  # net of discount and of tax
    tax_minor = fields.BigIntField(default=0)
    dimension_option_ids: Any = fields.JSONField(default=list)
    item_id: UUID | None
    tax_rate_id: UUID | None
    account_id: UUID

    class Meta:
        abstract = True
