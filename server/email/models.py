"""E-mail settings, document templates and delivery records, one set per organization."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class Security(StrEnum):
    """How the connection to the SMTP server is protected."""

    NONE = "NONE"
    STARTTLS = "STARTTLS"
    TLS = "TLS"


class TemplateKind(StrEnum):
    INVOICE = "INVOICE"
    CREDIT_NOTE = "CREDIT_NOTE"
    STATEMENT = "STATEMENT"
    REMINDER = "REMINDER"
    RECEIPT = "RECEIPT"
    REMITTANCE = "REMITTANCE"


class DeliveryStatus(StrEnum):
    QUEUED = "QUEUED"
    SENT = "SENT"
    FAILED = "FAILED"


class EmailSettings(Model):
    """An organization's own SMTP server; without a row the global settings apply."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField(unique=True)
    host = fields.CharField(max_length=253)
    port = fields.IntField()
    security = fields.CharEnumField(Security, max_length=16)
    username = fields.CharField(max_length=254, null=True)
    # Sealed with server.identity.sealing: the server must read it back to sign in.
    password_sealed = fields.TextField(null=True)
    from_address = fields.CharField(max_length=254)
    from_name = fields.CharField(max_length=200, null=True)
    reply_to = fields.CharField(max_length=254, null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "email_settings"


class DocumentTemplate(Model):
    """An organization's wording for one kind of document e-mail, and its PDF touches."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    kind = fields.CharEnumField(TemplateKind, max_length=16)
    subject = fields.CharField(max_length=500)
    text_body = fields.TextField()
    html_body = fields.TextField()
    pdf_footer = fields.CharField(max_length=1000, null=True)
    accent_color = fields.CharField(max_length=7, null=True)
    pdf_tax_id = fields.CharField(max_length=64, null=True)
    pdf_bank_details = fields.CharField(max_length=500, null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "document_templates"
        unique_together = (("organization_id", "kind"),)


class EmailDelivery(Model):
    """One document e-mail: queued by a send mutation, then sent or failed by its job."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    kind = fields.CharEnumField(TemplateKind, max_length=16)
    document_type = fields.CharField(max_length=32)  # the API's type name: Invoice, Customer...
    document_id = fields.UUIDField()
    to_address = fields.CharField(max_length=254)
    cc: Any = fields.JSONField(default=list)
    subject = fields.CharField(max_length=998)  # rendered when queued
    message = fields.TextField(null=True)  # the sender's own words, put into the template
    # What the document alone does not say, such as a statement's period.
    parameters: Any = fields.JSONField(default=dict)
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.QUEUED)
    attempts = fields.IntField(default=0)
    last_error = fields.TextField(null=True)
    # Chosen when queued, so every attempt carries the same one and receivers can dedupe.
    message_id = fields.CharField(max_length=255)
    queued_at = fields.DatetimeField()
    sent_at = fields.DatetimeField(null=True)
    created_by_id = fields.UUIDField(null=True)

    class Meta:
        table = "email_deliveries"
        indexes = (
            ("organization_id", "queued_at", "id"),
            ("organization_id", "status"),
            ("organization_id", "document_id"),
        )
