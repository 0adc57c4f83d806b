"""Authorization rules that belong to one organization (custom roles and their grants)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class CasbinRule(Model):
    """One Casbin policy line (`p` or `g`), the storage of the database adapter."""

    id = fields.IntField(primary_key=True)
    ptype = fields.CharField(max_length=8)
    v0 = fields.CharField(max_length=255, default="")
    v1 = fields.CharField(max_length=255, default="")
    v2 = fields.CharField(max_length=255, default="")
    v3 = fields.CharField(max_length=255, default="")
    v4 = fields.CharField(max_length=255, default="")
    v5 = fields.CharField(max_length=255, default="")

    class Meta:
        table = "casbin_rules"
        unique_together = (("ptype", "v0", "v1", "v2", "v3", "v4", "v5"),)


class PolicyState(Model):
    """A counter bumped with every rule change, so each process knows to reload."""

    id = fields.IntField(primary_key=True)
    version = fields.BigIntField(default=0)

    class Meta:
        table = "policy_state"


class Role(Model):
    """A custom role of one organization; its grants are Casbin `p` rules."""

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField()
    name = fields.CharField(max_length=64)
    description = fields.CharField(max_length=500, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "roles"
        unique_together = (("organization_id", "name"),)
