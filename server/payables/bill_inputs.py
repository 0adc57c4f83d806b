"""New and changed bills as clients state them, and what saving one answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from server.documents.lines import LineDraft
from server.payables.models import Bill


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True, slots=True)
class BillDraft:
    """A new bill as the client states it."""

    vendor_id: UUID
    vendor_reference: str
    bill_date: date
    lines: Sequence[LineDraft]
    due_date: date | None = None
    currency: str | None = None
    memo: str | None = None
    # The order line each line bills, parallel to `lines` (None for lines off the order).
    order_line_ids: Sequence[int | None] = ()
    acknowledge_warnings: bool = False


@dataclass(slots=True)
class BillChanges:
    """Changes to a draft; UNSET leaves a field as it is."""

    vendor_reference: Any = UNSET
    bill_date: Any = UNSET
    due_date: Any = UNSET  # None: from the vendor's terms again
    memo: Any = UNSET
    lines: Any = UNSET
    order_line_ids: Sequence[int | None] = ()
    acknowledge_warnings: bool = False


@dataclass(frozen=True, slots=True)
class Warning:
    """Something the client must acknowledge before the bill is saved."""

    code: str
    message: str
    bill_id: UUID


@dataclass(slots=True)
class BillResult:
    bill: Bill | None
    warnings: list[Warning] = field(default_factory=list)
