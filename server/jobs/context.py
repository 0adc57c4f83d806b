"""What a running job's handler receives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from server.jobs.models import Job


@dataclass(slots=True)
class JobContext:
    job_id: UUID
    kind: str
    payload: dict[str, Any]
    organization_id: str | None
    attempt: int

    async def progress(self, done: int, total: int | None = None) -> None:
        """Record how far a long job has come; admins see it on the job."""
        await Job.filter(id=self.job_id).update(progress_done=done, progress_total=total)
