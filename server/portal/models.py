"""Portal links: a random token, kept only as its hash, that opens one invoice."""

from __future__ import annotations

from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.receivables.models import Invoice


class PortalLink(Model):
    """A link to one invoice for someone without an account; expires, and can be revoked."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    invoice: fields.ForeignKeyRelation[Invoice] = fields.ForeignKeyField(
        "models.Invoice", related_name=False, on_delete=fields.RESTRICT
    )
    # SHA-256 of the token: the token itself is shown once, to whoever created the link.
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    created_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    invoice_id: UUID

    class Meta:
        table = "portal_links"
        indexes = (("organization_id", "invoice_id"),)
