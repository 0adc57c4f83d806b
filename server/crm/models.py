"""Customers and vendors, the parties an organization trades with, and its payment terms."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.editing import RecordStatus
from server.fixed_point import FixedPointField
from server.identity.models import Organization

# Parties are archived as every record is (docs/api/conventions.md): one status enum.
PartyStatus = RecordStatus


class Party(Model):
    """Fields customers and vendors share."""

    id = fields.UUIDField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.RESTRICT
    )
    name = fields.CharField(max_length=200)
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=40, null=True)
    billing_address: Any = fields.JSONField(null=True)
    tax_id = fields.CharField(max_length=64, null=True)
    currency = fields.CharField(max_length=3)
    payment_terms_days = fields.IntField(default=30)
    # Named terms (PaymentTerms below) win over payment_terms_days when set.
    payment_terms_id = fields.UUIDField(null=True)
    status = fields.CharEnumField(PartyStatus, max_length=16, default=PartyStatus.ACTIVE)
    # Stored as ",tag1,tag2," so one LIKE finds a whole tag on SQLite and PostgreSQL alike.
    tags_text = fields.CharField(max_length=1000, default=",")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    organization_id: UUID

    class Meta:
        abstract = True

    @property
    def tags(self) -> list[str]:
        return [t for t in self.tags_text.split(",") if t]


class Customer(Party):
    """Someone the organization sells to."""

    credit_limit_minor = fields.BigIntField(null=True)

    class Meta:
        table = "customers"
        unique_together = (("organization_id", "email"),)
        indexes = (("organization_id", "name", "id"), ("organization_id", "created_at", "id"))


class Vendor(Party):
    """Someone the organization buys from."""

    class Meta:
        table = "vendors"
        unique_together = (("organization_id", "email"),)
        indexes = (("organization_id", "name", "id"), ("organization_id", "created_at", "id"))


class CustomerNote(Model):
    """A note or activity logged against a customer."""

    id = fields.UUIDField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.RESTRICT
    )
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="notes", on_delete=fields.CASCADE
    )
    author_id = fields.UUIDField(null=True)
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)
    organization_id: UUID
    customer_id: UUID

    class Meta:
        table = "customer_notes"
        indexes = (("customer_id", "created_at"),)


class TermsKind(StrEnum):
    NET = "NET"  # due a number of days after the document date
    DUE_ON_RECEIPT = "DUE_ON_RECEIPT"
    END_OF_MONTH = "END_OF_MONTH"  # due at the end of the month, plus `days` if any


class PaymentTerms(Model):
    """When a document falls due, and the discount for paying early (2/10 net 30)."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    name = fields.CharField(max_length=100)
    kind = fields.CharEnumField(TermsKind, max_length=16)
    days = fields.IntField(default=0)
    discount_percent = FixedPointField(null=True)
    discount_days = fields.IntField(null=True)
    status = fields.CharEnumField(RecordStatus, max_length=16, default=RecordStatus.ACTIVE)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "payment_terms"
        unique_together = (("organization_id", "name"),)
