"""Background jobs as rows: what the API shows admins and what a restart resumes from."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class JobStatus(StrEnum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    RETRYING = "RETRYING"
    SUCCEEDED = "SUCCEEDED"
    DEAD = "DEAD"
    CANCELLED = "CANCELLED"


# A worker may take a job in these states once it is due.
WAITING = (JobStatus.QUEUED, JobStatus.RETRYING)
FINISHED = (JobStatus.SUCCEEDED, JobStatus.DEAD, JobStatus.CANCELLED)


class Job(Model):
    """One piece of background work and its history.

    The row is the record: a worker claims it with a conditional update, beats its
    heartbeat while it runs, and writes the outcome. A job whose heartbeat stops (its worker
    was killed) is claimed again as its next attempt.
    """

    id = fields.UUIDField(primary_key=True)
    organization_id = fields.UUIDField(null=True)
    kind = fields.CharField(max_length=64)
    payload: Any = fields.JSONField()
    status = fields.CharEnumField(JobStatus, max_length=16, default=JobStatus.QUEUED)
    attempts = fields.IntField(default=0)
    max_attempts = fields.IntField()
    run_at = fields.DatetimeField()
    # Makes an enqueue idempotent: a schedule's slot, an effect that must happen once.
    key = fields.CharField(max_length=200, null=True, unique=True)
    last_error = fields.TextField(null=True)
    progress_done = fields.IntField(null=True)
    progress_total = fields.IntField(null=True)
    cancel_requested = fields.BooleanField(default=False)
    worker = fields.CharField(max_length=100, null=True)
    created_at = fields.DatetimeField()
    started_at = fields.DatetimeField(null=True)
    heartbeat_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "jobs"
        indexes = (("status", "run_at"), ("organization_id", "created_at"))


class EventCursor(Model):
    """How far one consumer of domain events has read an organization's feed."""

    id = fields.IntField(primary_key=True)
    consumer = fields.CharField(max_length=64)
    organization_id = fields.UUIDField()
    last_sequence = fields.BigIntField(default=0)

    class Meta:
        table = "event_cursors"
        unique_together = (("consumer", "organization_id"),)
