"""Memory the query result cache holds when filled with report-sized answers.

Fills a cache with as many distinct answers as its entry cap allows, first the way answers
used to be kept (the decoded objects, capped by entries only), then through ResultCache
with its byte caps, and reports the bytes Python allocated for each (tracemalloc) and the
process's peak RSS. No database or server: this measures the cache alone.

    .venv/bin/python -m bench.cache_memory [--rows 200] [--entries 2000]
"""

from __future__ import annotations

import argparse
import resource
import tracemalloc
from collections import OrderedDict
from typing import Any

from graphql import ExecutionResult

from schema.cache import MAX_BYTES, MAX_ENTRIES, MAX_ENTRY_BYTES, ResultCache


def report(rows: int, seed: int) -> ExecutionResult:
    """An answer shaped like an aging or statement page: rows of strings and amounts."""
    return ExecutionResult(
        data={
            "arAging": {
                "rows": [
                    {
                        "customer": {
                            "id": f"Q3VzdG9tZXI6{seed:08d}{n:06d}",
                            "name": f"Customer {n}",
                        },
                        "current": {"amount": f"{n * 13 % 9973}.{n % 100:02d}", "currency": "USD"},
                        "days30": {"amount": f"{n * 7 % 997}.00", "currency": "USD"},
                        "days60": {"amount": "0.00", "currency": "USD"},
                        "total": {"amount": f"{n * 20 % 10007}.{n % 100:02d}", "currency": "USD"},
                    }
                    for n in range(rows)
                ]
            }
        },
        errors=None,
    )


def _key(n: int) -> tuple[Any, ...]:
    return (
        "user",
        "org",
        1,
        1,
        "2026-12-07",
        "{ arAging { rows { ... } } }",
        None,
        str(n).encode(),
    )


def _measure(fill: Any) -> int:
    tracemalloc.start()
    held = fill()
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del held
    return current


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--entries", type=int, default=MAX_ENTRIES)
    args = parser.parse_args()

    def by_entries() -> Any:
        kept: OrderedDict[tuple[Any, ...], ExecutionResult] = OrderedDict()
        for n in range(args.entries):
            kept[_key(n)] = report(args.rows, n)
        return kept

    def by_bytes() -> Any:
        cache = ResultCache(args.entries, MAX_BYTES, MAX_ENTRY_BYTES)
        for n in range(args.entries):
            cache.put(_key(n), report(args.rows, n))
        return cache

    old = _measure(by_entries)
    cache = by_bytes()
    new = _measure(by_bytes)
    mib = 1024 * 1024
    print(f"answers: {args.entries} of {args.rows} rows")
    print(f"objects, capped by entries only: {old / mib:.1f} MiB")
    print(
        f"ResultCache (cap {MAX_BYTES / mib:.0f} MiB): {new / mib:.1f} MiB held, "
        f"{len(cache)} answers kept, {cache.bytes / mib:.1f} MiB counted, {cache.skipped} skipped"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
