"""The outbox: one domain event per state change, written with the change's audit event."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class DomainEvent(Model):
    """Something that changed in an organization, as its catalogue type describes it.

    `sequence` numbers an organization's events from 1 without gaps, in commit order: the
    audit chain head's row lock, held to the commit, hands the numbers out. Like the audit
    log, the table names its organization by id, without a foreign key: the insert rides in
    the busiest writes, where a key check would cost a lookup each time. For the same reason
    the id is a number the database counts up: each insert adds to the right edge of the
    primary key's index, where a random uuid would dirty a page of it anywhere.
    """

    id = fields.BigIntField(primary_key=True)
    organization_id = fields.UUIDField()
    sequence = fields.BigIntField()
    type = fields.CharField(max_length=64)
    version = fields.SmallIntField()
    occurred_at = fields.DatetimeField()
    actor_type = fields.CharField(max_length=16)
    actor_id = fields.CharField(max_length=64, null=True)
    object_type = fields.CharField(max_length=64)
    object_id = fields.CharField(max_length=64)
    payload: Any = fields.JSONField()
    audit_sequence = fields.BigIntField()

    class Meta:
        table = "domain_events"
        unique_together = (("organization_id", "sequence"),)
