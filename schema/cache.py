"""A per-process cache of query results, keyed so that it can never serve stale data.

The key holds the organization's audit sequence, read by the same SQL statement that
authenticates the request. Every state change writes an audit event in its own
transaction, so any write by any process moves the sequence and retires every cached
result of that organization. The key also holds who asks, the policy version they were
authorised under, the document, its variables and the day (for date-relative fields).
Only successful queries are stored; mutations, errors, API keys and answers holding
something that expires by itself (signed PDF URLs) are never cached.
The cache is bounded by entries and by bytes (settings); its size is exported to /metrics.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import Any

import orjson
from graphql import ExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from schema.context import Context
from server import clock
from server.observability import CACHE_BYTES, CACHE_ENTRIES, CACHE_SKIPPED

MAX_ENTRIES = 2000
MAX_BYTES = 32 * 1024 * 1024
MAX_ENTRY_BYTES = 1024 * 1024
# What a stored key costs besides its document and variables (the tuple, ids, dates).
_KEY_OVERHEAD = 256


class ResultCache:
    """Least recently used answers, capped by count and by bytes.

    An answer is kept as its JSON, so the bytes counted are the bytes held: a decoded
    answer takes several times its JSON in Python objects. An answer over the per-entry
    cap is not kept at all (a large report would push out many small pages and rarely be
    asked again before the data changes).
    """

    def __init__(
        self,
        max_entries: int = MAX_ENTRIES,
        max_bytes: int = MAX_BYTES,
        max_entry_bytes: int = MAX_ENTRY_BYTES,
    ) -> None:
        self._entries: OrderedDict[tuple[Any, ...], tuple[bytes, int]] = OrderedDict()
        self._max = max_entries
        self._max_bytes = max_bytes
        self._max_entry_bytes = min(max_entry_bytes, max_bytes)
        self.bytes = 0
        self.hits = 0
        self.skipped = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: tuple[Any, ...]) -> bool:
        return key in self._entries

    def get(self, key: tuple[Any, ...]) -> ExecutionResult | None:
        found = self._entries.get(key)
        if found is None:
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return ExecutionResult(data=orjson.loads(found[0]), errors=None)

    def put(self, key: tuple[Any, ...], result: ExecutionResult) -> bool:
        """Keep a successful answer; False if it is too large to keep."""
        encoded = orjson.dumps(result.data)
        size = len(encoded) + _key_size(key)
        if size > self._max_entry_bytes:
            self.skipped += 1
            CACHE_SKIPPED.inc()
            return False
        self._forget(key)
        self._entries[key] = (encoded, size)
        self.bytes += size
        while self._entries and (len(self._entries) > self._max or self.bytes > self._max_bytes):
            self._forget(next(iter(self._entries)))
        self._report()
        return True

    def _forget(self, key: tuple[Any, ...]) -> None:
        gone = self._entries.pop(key, None)
        if gone is not None:
            self.bytes -= gone[1]

    def _report(self) -> None:
        CACHE_BYTES.set(self.bytes)
        CACHE_ENTRIES.set(len(self._entries))


def _key_size(key: tuple[Any, ...]) -> int:
    return _KEY_OVERHEAD + sum(len(part) for part in key if isinstance(part, str | bytes))


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
                and not ctx.context.expiring
                and key not in cache
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
        clock.today(),
        ctx.query,
        ctx.operation_name,
        variables,
    )
