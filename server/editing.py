"""Editing an organization's records: partial changes, what changed, archiving.

A change names only the fields it sets: UNSET leaves a field as it is, None clears it. The
audit event of a change keeps only what changed. A record that others refer to is archived,
never deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from enum import StrEnum
from typing import Any
from uuid import UUID

from server.errors import DomainError, ErrorCode, ValidationFailed
from server.sql import Where


class RecordStatus(StrEnum):
    ACTIVE = "ACTIVE"
    ARCHIVED = "ARCHIVED"


def named_records(
    organization_id: UUID,
    statuses: Sequence[RecordStatus] | None = None,
    search: str | None = None,
) -> Where:
    """An organization's records of a named kind (tax rates, payment terms), of any of
    `statuses` (every status if none) and with `search` in their name, as SQL conditions."""
    where = Where().add('"organization_id" = {}', organization_id)
    where.one_of('"status"', statuses)
    if search:
        where.search(search, '"name"')
    return where


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def given(changes: Any) -> dict[str, Any]:
    """The fields of a changes dataclass that were set (None included: it clears)."""
    return {
        f.name: getattr(changes, f.name)
        for f in fields(changes)
        if getattr(changes, f.name) is not UNSET
    }


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The values that changed, as (before, after) for an audit event."""
    return (
        {k: v for k, v in before.items() if after[k] != v},
        {k: v for k, v in after.items() if before[k] != v},
    )


def refuse_nulls(nulled: Any, required: dict[str, str]) -> None:
    """Refuse an update that sets a required field to null: `nulled` are the fields the
    client sent as null, `required` the required ones with their names in the API. Partial
    updates (docs/api/conventions.md): an omitted field stays, null clears an optional one."""
    refused = [
        DomainError(f"{api_name} cannot be null", code=ErrorCode.REQUIRED, field=[api_name])
        for name, api_name in required.items()
        if name in nulled
    ]
    if refused:
        raise ValidationFailed(refused)
