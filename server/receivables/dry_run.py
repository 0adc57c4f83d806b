"""Dry runs: the preview of what an operation would post, and the exception that undoes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from server.ledger.models import JournalLine


@dataclass(slots=True)
class PostingPreview:
    """What an operation would write, for dry runs."""

    number: str | None
    on: date
    due_date: date | None
    lines: list[dict[str, Any]] = field(default_factory=list)
    allocations: list[dict[str, Any]] = field(default_factory=list)


class DryRunDone(Exception):
    """Raised inside the transaction of a dry run so that nothing it did is kept."""

    def __init__(self, preview: PostingPreview) -> None:
        super().__init__("dry run")
        self.preview = preview


async def entry_preview(entry_id: UUID) -> list[dict[str, Any]]:
    """The posted lines of an entry, as a dry run reports them."""
    rows = await JournalLine.filter(entry_id=entry_id).order_by("line_no").select_related("account")
    return [
        {
            "account_id": ln.account_id,
            "account_code": ln.account.code,
            "account_name": ln.account.name,
            "currency": ln.currency,
            "debit_minor": ln.debit_minor,
            "credit_minor": ln.credit_minor,
            "base_debit_minor": ln.base_debit_minor,
            "base_credit_minor": ln.base_credit_minor,
            "description": ln.description,
        }
        for ln in rows
    ]
