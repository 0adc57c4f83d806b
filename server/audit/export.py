"""Streaming export of audit events for auditors: CSV or JSON Lines, a batch at a time."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import orjson

from server.audit.chain import HASHED_FIELDS
from server.audit.models import AuditEvent
from server.exports import csv_safe

COLUMNS = ("sequence", *[f for f in HASHED_FIELDS if f != "sequence"], "prev_hash", "hash")
_BATCH = 500


async def rows(
    chain_key: str, start: datetime | None, end: datetime | None
) -> AsyncIterator[dict[str, Any]]:
    """Events of one chain in sequence order, keyset-paged so memory stays flat."""
    after = 0
    while True:
        query = AuditEvent.filter(chain_key=chain_key, sequence__gt=after)
        if start is not None:
            query = query.filter(occurred_at__gte=start)
        if end is not None:
            query = query.filter(occurred_at__lt=end)
        batch = await query.order_by("sequence").limit(_BATCH).values(*COLUMNS)
        if not batch:
            return
        for row in batch:
            yield row
        after = batch[-1]["sequence"]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict | list):
        return orjson.dumps(value).decode()
    return "" if value is None else str(value) if not isinstance(value, int) else value


async def jsonl(events: AsyncIterator[dict[str, Any]]) -> AsyncIterator[bytes]:
    async for event in events:
        yield orjson.dumps(event, default=str) + b"\n"


async def as_csv(events: AsyncIterator[dict[str, Any]]) -> AsyncIterator[bytes]:
    buffer = io.StringIO()
    writer = csv_safe.writer(buffer)
    writer.writerow(COLUMNS)
    async for event in events:
        writer.writerow([_plain(event[c]) for c in COLUMNS])
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()
