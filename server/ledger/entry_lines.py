"""The lines and entries handed to posting, as stated and as resolved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from server.ledger.models import Account, TrackingOption


class Side(StrEnum):
    DEBIT = "DEBIT"
    CREDIT = "CREDIT"


@dataclass(frozen=True, slots=True)
class LineInput:
    """A line as a client or a document states it."""

    account_id: UUID
    side: Side
    amount: str
    currency: str | None = None  # the base currency when omitted
    description: str | None = None
    customer_id: UUID | None = None
    vendor_id: UUID | None = None
    dimension_option_ids: tuple[UUID, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "accountId": str(self.account_id),
            "side": self.side.value,
            "amount": self.amount,
            "currency": self.currency,
            "description": self.description,
            "customerId": str(self.customer_id) if self.customer_id else None,
            "vendorId": str(self.vendor_id) if self.vendor_id else None,
            "dimensionOptionIds": [str(o) for o in self.dimension_option_ids],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineInput:
        return cls(
            account_id=UUID(data["accountId"]),
            side=Side(data["side"]),
            amount=data["amount"],
            currency=data.get("currency"),
            description=data.get("description"),
            customer_id=UUID(data["customerId"]) if data.get("customerId") else None,
            vendor_id=UUID(data["vendorId"]) if data.get("vendorId") else None,
            dimension_option_ids=tuple(UUID(o) for o in data.get("dimensionOptionIds", [])),
        )


@dataclass(frozen=True, slots=True)
class EntryInput:
    date: date
    lines: Sequence[LineInput]
    memo: str | None = None
    source_type: str | None = None
    source_id: UUID | None = None


@dataclass(slots=True)
class ResolvedLine:
    line_no: int
    account: Account
    currency: str
    debit: int
    credit: int
    base_debit: int = 0
    base_credit: int = 0
    rate: Decimal = Decimal(1)
    description: str | None = None
    customer_id: UUID | None = None
    vendor_id: UUID | None = None
    options: list[TrackingOption] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Known:
    """What a document has already read in its request: posting checks these accounts (status,
    control, currency) without reading them again, and takes these parties as found."""

    accounts: Sequence[Account] = ()
    customer_ids: frozenset[UUID] = frozenset()
    vendor_ids: frozenset[UUID] = frozenset()


NOTHING_KNOWN = Known()
