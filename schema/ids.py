"""Global ids: base64 of "Type:uuid", opaque to clients."""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from strawberry.relay import from_base64
from tortoise.models import Model

from server.global_ids import encode

M = TypeVar("M", bound=Model)

__all__ = ["decode", "encode", "own"]


def decode(global_id: str, type_name: str) -> UUID | None:
    """The uuid inside a global id of the expected type, or None for anything else.

    A malformed id, another type's id and another organization's id all end as "not
    found", so ids reveal nothing.
    """
    try:
        kind, raw = from_base64(global_id)
        return UUID(raw) if kind == type_name else None
    except (ValueError, TypeError):
        return None


async def own(model: type[M], global_id: str, type_name: str, organization_id: UUID) -> M | None:
    """The organization's record behind a global id; None for anything else.

    Another organization's id, another type's id and a malformed id all read as missing.
    """
    record_id = decode(global_id, type_name)
    if record_id is None:
        return None
    return await model.get_or_none(id=record_id, organization_id=organization_id)
