"""The append-only audit log and the head of each organization's hash chain."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class AuditChain(Model):
    """Head of one hash chain; its row lock serialises appends to the chain.

    It also numbers the organization's domain events (server/events): each is written with
    an audit event, under this lock, so the outbox needs no lock or counter of its own.
    """

    key = fields.CharField(max_length=64, primary_key=True)
    last_sequence = fields.BigIntField(default=0)
    last_hash = fields.CharField(max_length=64)
    last_event_sequence = fields.BigIntField(default=0)

    class Meta:
        table = "audit_chains"


class AuditEvent(Model):
    """One thing that happened: who did what to which object, and with what result."""

    id = fields.BigIntField(primary_key=True)
    chain_key = fields.CharField(max_length=64)
    organization_id = fields.UUIDField(null=True)
    sequence = fields.BigIntField()
    occurred_at = fields.DatetimeField()
    actor_type = fields.CharField(max_length=16)
    actor_id = fields.CharField(max_length=64, null=True)
    actor_label = fields.CharField(max_length=254, null=True)
    actor_roles: Any = fields.JSONField(default=list)
    action = fields.CharField(max_length=64)
    object_type = fields.CharField(max_length=64, null=True)
    object_id = fields.CharField(max_length=64, null=True)
    outcome = fields.CharField(max_length=16)
    before: Any = fields.JSONField(null=True)
    after: Any = fields.JSONField(null=True)
    request_id = fields.CharField(max_length=64, null=True)
    client_ip = fields.CharField(max_length=64, null=True)
    user_agent = fields.CharField(max_length=512, null=True)
    operation_name = fields.CharField(max_length=128, null=True)
    idempotency_key = fields.CharField(max_length=128, null=True)
    prev_hash = fields.CharField(max_length=64)
    hash = fields.CharField(max_length=64)

    class Meta:
        table = "audit_events"
        unique_together = (("chain_key", "sequence"),)
        indexes = (("organization_id", "occurred_at"),)
