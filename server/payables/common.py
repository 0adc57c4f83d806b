"""What bills, bill payments and purchase orders share: vendors, stored lines, checks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from server.actor import Actor
from server.crm.models import PartyStatus, PaymentTerms, Vendor
from server.errors import DomainError, ErrorCode, NotFound
from server.money import Money


async def vendor(actor: Actor, vendor_id: UUID, *, lock: bool = False) -> Vendor:
    """The organization's vendor; with `lock`, held until the transaction ends."""
    query = Vendor.filter(id=vendor_id, organization_id=actor.org)
    if lock:
        query = query.select_for_update()
    found = await query.first()
    if found is None:
        raise NotFound("vendor not found", field=["vendorId"])
    return found


def check_active(party: Vendor) -> None:
    if party.status == PartyStatus.ARCHIVED:
        raise DomainError(
            "the vendor is archived", code=ErrorCode.RECORD_ARCHIVED, field=["vendorId"]
        )


async def vendor_terms(actor: Actor, party: Vendor) -> PaymentTerms | None:
    if party.payment_terms_id is None:
        return None
    return await PaymentTerms.get_or_none(id=party.payment_terms_id, organization_id=actor.org)


def text(value: str | None, name: str, limit: int, *, required: bool = False) -> str | None:
    """A stripped text field: required ones may not be blank, none may be too long."""
    cleaned = value.strip() if value is not None else None
    if not cleaned:
        if required:
            raise DomainError(f"give the {name}", code=ErrorCode.REQUIRED, field=[name])
        return None
    if len(cleaned) > limit:
        raise DomainError(f"at most {limit} characters", code=ErrorCode.TOO_LONG, field=[name])
    return cleaned


def money(minor: int, currency: str) -> str:
    return str(Money.from_minor(minor, currency))


def amount_text(minor: int, currency: str) -> str:
    return str(Money.from_minor(minor, currency).amount)


def line_snapshot(rows: Sequence[Any], currency: str) -> list[dict[str, Any]]:
    return [
        {
            "lineNo": r.line_no,
            "description": r.description,
            "quantity": str(r.quantity),
            "unitPrice": amount_text(int(r.unit_price_minor), currency),
            "account": str(r.account_id),
            "amount": amount_text(int(r.amount_minor), currency),
            "tax": amount_text(int(r.tax_minor), currency),
        }
        for r in rows
    ]
