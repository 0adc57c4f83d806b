"""The status every archivable record shares: customers, vendors, accounts, items, tax rates
and payment terms are archived the same way (docs/api/conventions.md)."""

from __future__ import annotations

from schema.enums import described_enum
from server.editing import RecordStatus

__all__ = ["RecordStatus"]

described_enum(
    RecordStatus,
    name="RecordStatus",
    description="In use, or archived (kept for history). A record is archived by its "
    "`...Archive` mutation and stays on the documents that name it.",
    values={
        RecordStatus.ACTIVE: "In use: can be chosen on new documents and postings.",
        RecordStatus.ARCHIVED: "Kept for history; cannot be chosen on new documents or postings.",
    },
)
