"""An organization's logo, kept in the database beside its other settings."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class OrganizationLogo(Model):
    """The image printed on an organization's documents: one per organization.

    A table of its own, so reading an organization never loads the image."""

    organization_id = fields.UUIDField(primary_key=True)
    media_type = fields.CharField(max_length=32)  # image/png or image/jpeg
    data = fields.BinaryField()
    sha256 = fields.CharField(max_length=64)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "organization_logos"
