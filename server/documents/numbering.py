"""Gapless document numbers per organization and kind (INV-000001, CN-000001, PO-000001)."""

from __future__ import annotations

from uuid import UUID

from server.documents.models import NumberSequence
from server.sql import fetch


async def take(organization_id: UUID, kind: str) -> int:
    """The next number of `kind`; call inside the transaction that uses it.

    The UPDATE locks the sequence row until that transaction ends, so a rolled-back document
    gives its number back and numbers stay gapless.
    """
    sql = (
        "UPDATE number_sequences SET next_number = next_number + 1"
        " WHERE organization_id = $1 AND kind = $2 RETURNING next_number"
    )
    rows = await fetch(sql, organization_id, kind)
    if not rows:
        # First document of its kind. A racing first document fails on the unique
        # constraint and its transaction rolls back, so no number is ever given twice.
        await NumberSequence.create(organization_id=organization_id, kind=kind, next_number=2)
        return 1
    return int(rows[0]["next_number"]) - 1


def formatted(prefix: str, number: int) -> str:
    return f"{prefix}-{number:06d}"
