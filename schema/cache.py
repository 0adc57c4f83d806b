"""A per-process cache of query results, keyed so that it can never serve stale data.

The key holds the organization's audit sequence, read by the same SQL statement that
authenticates the request. Every state change writes an audit event in its own
transaction, so any write by any process moves the sequence and retires every cached
result of that organization. The key also holds who asks, the policy version they were
authorised under, the document, its variables and the day (for date-relative fields).
Only successful queries are stored; mutations, errors and API keys are never cached.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import orjson
from graphql import ExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from schema.context import Context

MAX_ENTRIES = 2000


class ResultCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[tuple[Any, ...], ExecutionResult] = OrderedDict()
        self._max = max_entries
        self.hits = 0

    def get(self, key: tuple[Any, ...]) -> ExecutionResult | None:
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
            self.hits += 1
        return found

    def put(self, key: tuple[Any, ...], result: ExecutionResult) -> None:
        self._entries[key] = result
        self._entries.move_to_end(key)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)


def cache_extension(cache: ResultCache) -> type[SchemaExtension]:
    class QueryResultCache(SchemaExtension):
        async def on_execute(self) -> AsyncIterator[None]:
            ctx = self.execution_context
            # A request refused before execution has its answer already.
            key = None if ctx.result is not None else await _key(ctx)
            if key is not None:
                cached = cache.get(key)
                if cached is not None:
                    ctx.result = cached
            yield
            result = ctx.result
            if (
                key is not None
                and isinstance(result, ExecutionResult)
                and not result.errors
                and cache.get(key) is None
            ):
                cache.put(key, result)

    return QueryResultCache


async def _key(ctx: Any) -> tuple[Any, ...] | None:
    context = ctx.context
    if not isinstance(context, Context) or ctx.operation_type != OperationType.QUERY:
        return None
    if context.bearer_token() is None:
        return None
    actor = await context.actor()
    if actor is None or actor.key_id is not None or actor.data_version is None:
        return None
    try:
        variables = orjson.dumps(ctx.variables or {}, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # text that is not valid UTF-8: not worth a cache entry
        return None
    return (
        actor.subject,
        actor.organization_id,
        actor.data_version,
        context.access.version,
        datetime.now(UTC).date(),
        ctx.query,
        ctx.operation_name,
        variables,
    )
