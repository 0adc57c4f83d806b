"""Idempotency keys: replaying an earlier posting's result and remembering a new one."""

from __future__ import annotations

import hashlib
from typing import Any
from uuid import UUID

import orjson

from server.actor import Actor
from server.errors import DomainError, ErrorCode
from server.ledger.errors import IdempotencyConflict
from server.ledger.models import IdempotencyRecord


def request_hash(operation: str, payload: Any) -> str:
    return hashlib.sha256(
        orjson.dumps([operation, payload], option=orjson.OPT_SORT_KEYS, default=str)
    ).hexdigest()


async def replay(
    actor: Actor, key: str | None, operation: str, payload: Any
) -> IdempotencyRecord | None:
    """The earlier result of this key, if any; a key reused for other input is refused."""
    if key is None:
        return None
    if not 1 <= len(key) <= 128:
        raise DomainError(
            "idempotency keys are 1 to 128 characters",
            code=ErrorCode.INVALID,
            field=["idempotencyKey"],
        )
    record = await IdempotencyRecord.get_or_none(organization_id=actor.org, key=key)
    if record is None:
        return None
    if record.operation != operation or record.request_hash != request_hash(operation, payload):
        raise IdempotencyConflict()
    return record


async def remember(
    actor: Actor, key: str | None, operation: str, payload: Any, result: UUID
) -> None:
    """Store the result under the key, in the transaction that produced it."""
    if key is not None:
        await IdempotencyRecord.create(
            organization_id=actor.org,
            key=key,
            operation=operation,
            request_hash=request_hash(operation, payload),
            result_id=result,
        )
