"""The general ledger: accounts, journal entries and lines, rates, dimensions, settings."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.editing import RecordStatus
from server.identity.models import Organization


class AccountType(StrEnum):
    ASSET = "ASSET"
    LIABILITY = "LIABILITY"
    EQUITY = "EQUITY"
    INCOME = "INCOME"
    EXPENSE = "EXPENSE"


class AccountSubtype(StrEnum):
    BANK = "BANK"
    CASH = "CASH"
    ACCOUNTS_RECEIVABLE = "ACCOUNTS_RECEIVABLE"
    CURRENT_ASSET = "CURRENT_ASSET"
    INVENTORY = "INVENTORY"
    FIXED_ASSET = "FIXED_ASSET"
    TAX_RECEIVABLE = "TAX_RECEIVABLE"
    ACCOUNTS_PAYABLE = "ACCOUNTS_PAYABLE"
    CURRENT_LIABILITY = "CURRENT_LIABILITY"
    TAX_PAYABLE = "TAX_PAYABLE"
    LONG_TERM_LIABILITY = "LONG_TERM_LIABILITY"
    EQUITY = "EQUITY"
    RETAINED_EARNINGS = "RETAINED_EARNINGS"
    SALES = "SALES"
    OTHER_INCOME = "OTHER_INCOME"
    COST_OF_SALES = "COST_OF_SALES"
    OPERATING_EXPENSE = "OPERATING_EXPENSE"
    BAD_DEBT = "BAD_DEBT"
    EXCHANGE_GAIN_LOSS = "EXCHANGE_GAIN_LOSS"
    DISCOUNT = "DISCOUNT"
    OTHER_EXPENSE = "OTHER_EXPENSE"


# Accounts are archived as every record is (docs/api/conventions.md): one status enum.
AccountStatus = RecordStatus


class EntryStatus(StrEnum):
    DRAFT = "DRAFT"
    POSTED = "POSTED"


class Account(Model):
    """An account of the chart; balances are computed from posted lines, never stored."""

    id = fields.UUIDField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.RESTRICT
    )
    code = fields.CharField(max_length=20)
    name = fields.CharField(max_length=200)
    type = fields.CharEnumField(AccountType, max_length=16)
    subtype = fields.CharEnumField(AccountSubtype, max_length=32)
    parent: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    # Null: postings in any currency. Set: only lines in that currency (a foreign bank account).
    currency = fields.CharField(max_length=3, null=True)
    description = fields.CharField(max_length=500, null=True)
    # Control accounts (receivables, payables) take postings only from their documents.
    is_control = fields.BooleanField(default=False)
    # System accounts are what documents post to; they cannot be archived.
    is_system = fields.BooleanField(default=False)
    status = fields.CharEnumField(AccountStatus, max_length=16, default=AccountStatus.ACTIVE)
    created_at = fields.DatetimeField(auto_now_add=True)
    organization_id: UUID
    parent_id: UUID | None

    class Meta:
        table = "accounts"
        unique_together = (("organization_id", "code"),)


class LedgerSettings(Model):
    """Per-organization ledger state: the lock date and the next entry number.

    Its row is locked while an entry is posted, which makes numbers gapless and the lock
    date check race-free.
    """

    organization: fields.OneToOneRelation[Organization] = fields.OneToOneField(
        "models.Organization", related_name=False, on_delete=fields.CASCADE, primary_key=True
    )
    lock_date = fields.DateField(null=True)
    next_entry_number = fields.BigIntField(default=1)
    organization_id: UUID

    class Meta:
        table = "ledger_settings"


class JournalEntry(Model):
    """A balanced set of lines; immutable once posted (corrections are reversals)."""

    id = fields.UUIDField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.RESTRICT
    )
    number = fields.BigIntField(null=True)  # assigned when posted, gapless per organization
    status = fields.CharEnumField(EntryStatus, max_length=16)
    date = fields.DateField()
    memo = fields.CharField(max_length=500, null=True)
    # A draft's lines, as entered; posting validates them into journal_lines.
    draft_lines: Any = fields.JSONField(null=True)
    # What business document produced the entry (invoice, payment, ...); null for manual.
    source_type = fields.CharField(max_length=32, null=True)
    source_id = fields.UUIDField(null=True)
    # Unique: an entry is reversed at most once, even under concurrent requests.
    reversal_of: fields.OneToOneNullableRelation[JournalEntry] = fields.OneToOneField(
        "models.JournalEntry", related_name="reversed_by", null=True, on_delete=fields.RESTRICT
    )
    created_by_id = fields.UUIDField(null=True)
    posted_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    posted_at = fields.DatetimeField(null=True)
    organization_id: UUID
    reversal_of_id: UUID | None

    class Meta:
        table = "journal_entries"
        unique_together = (("organization_id", "number"),)
        indexes = (("organization_id", "date"),)


class JournalLine(Model):
    """One posted debit or credit: the transaction amount and its base-currency value.

    Only posted entries have rows here (drafts keep their lines on the entry), so the
    table is the ledger itself: rows are inserted, never changed.

    Exactly one of debit and credit is non-zero. Keeping both columns makes every report a
    plain SUM, on SQLite and PostgreSQL alike.
    """

    id = fields.BigIntField(primary_key=True)
    organization_id = fields.UUIDField()
    entry: fields.ForeignKeyRelation[JournalEntry] = fields.ForeignKeyField(
        "models.JournalEntry", related_name="lines", on_delete=fields.RESTRICT
    )
    line_no = fields.IntField()
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name=False, on_delete=fields.RESTRICT
    )
    currency = fields.CharField(max_length=3)
    debit_minor = fields.BigIntField(default=0)
    credit_minor = fields.BigIntField(default=0)
    base_debit_minor = fields.BigIntField(default=0)
    base_credit_minor = fields.BigIntField(default=0)
    # Units of base currency per unit of `currency`, as a decimal string ("1" for base).
    exchange_rate = fields.CharField(max_length=32, default="1")
    description = fields.CharField(max_length=500, null=True)
    customer_id = fields.UUIDField(null=True)
    vendor_id = fields.UUIDField(null=True)
    # Denormalised from the entry so reports filter lines without a join.
    date = fields.DateField()
    entry_id: UUID
    account_id: UUID

    class Meta:
        table = "journal_lines"
        indexes = (
            ("organization_id", "account_id", "date"),
            ("organization_id", "date"),
            ("entry_id", "line_no"),
        )


class ExchangeRate(Model):
    """How many units of the base currency one unit of `currency` was worth on a date."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    currency = fields.CharField(max_length=3)
    date = fields.DateField()
    rate = fields.CharField(max_length=32)

    class Meta:
        table = "exchange_rates"
        unique_together = (("organization_id", "currency", "date"),)


class TrackingCategory(Model):
    """A dimension such as Department or Campaign."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    name = fields.CharField(max_length=100)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "tracking_categories"
        unique_together = (("organization_id", "name"),)


class TrackingOption(Model):
    """A value of a dimension, such as Campaign "Spring Sale"."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    category: fields.ForeignKeyRelation[TrackingCategory] = fields.ForeignKeyField(
        "models.TrackingCategory", related_name="options", on_delete=fields.RESTRICT
    )
    name = fields.CharField(max_length=100)
    category_id: UUID

    class Meta:
        table = "tracking_options"
        unique_together = (("category_id", "name"),)


class LineTag(Model):
    """A journal line tagged with one option of a dimension (at most one per dimension)."""

    id = fields.BigIntField(primary_key=True)
    organization_id = fields.UUIDField()
    line: fields.ForeignKeyRelation[JournalLine] = fields.ForeignKeyField(
        "models.JournalLine", related_name="tags", on_delete=fields.RESTRICT
    )
    category_id = fields.UUIDField()
    option: fields.ForeignKeyRelation[TrackingOption] = fields.ForeignKeyField(
        "models.TrackingOption", related_name=False, on_delete=fields.RESTRICT
    )
    option_id: UUID
    line_id: int

    class Meta:
        table = "journal_line_tags"
        unique_together = (("line_id", "category_id"),)
        indexes = (("organization_id", "option_id"),)


class IdempotencyRecord(Model):
    """The first result of a request made with an idempotency key, to replay it."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    key = fields.CharField(max_length=128)
    operation = fields.CharField(max_length=64)
    request_hash = fields.CharField(max_length=64)
    result_id = fields.UUIDField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "idempotency_records"
        unique_together = (("organization_id", "key"),)
