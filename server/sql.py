"""Raw SQL for reports, written once for SQLite and PostgreSQL.

Queries are written with PostgreSQL's numbered placeholders ($1, $2, ...), each used once
and in order; on SQLite they become `?`. Values are adapted to what each driver expects.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from uuid import UUID

from tortoise import connections

_PLACEHOLDER = re.compile(r"\$\d+")


def dialect() -> str:
    return str(connections.get("default").schema_generator.DIALECT)


async def fetch(sql: str, *params: Any) -> list[dict[str, Any]]:
    conn = connections.get("default")
    if dialect() == "sqlite":
        sql = _PLACEHOLDER.sub("?", sql)
        params = tuple(
            str(p) if isinstance(p, UUID) else p.isoformat() if isinstance(p, date) else p
            for p in params
        )
    rows: list[dict[str, Any]] = await conn.execute_query_dict(sql, list(params))
    return rows


def days_between(later: str, earlier: str) -> str:
    """SQL for the whole days from one date expression to another, on either database."""
    if dialect() == "sqlite":
        return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"
    return f"({later} - {earlier})"
