"""The cost of the domain event in the statement that appends a payment's audit event.

    python -m bench.outbox [--rounds 3] [--statements 1600] [--concurrency 16]

Creates a throw-away migrated database (bench.run.throwaway_database) and one organization's
audit chain, then times, in alternating rounds:

- building the statement in Python (audit.event_fields + audit.append_sql), and
- running it straight through asyncpg from `--concurrency` connections, all on the one chain
  (as concurrent payments of one organization are), and from one connection,

for `payment.record` (which writes its `payment.recorded` event in the statement) and for
the same fields under an action that writes no event (`audit.read`): the two statements
differ only by the event. Prints a Markdown table; no result file.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import timeit
import uuid
from typing import Any

import asyncpg

from bench.run import add_common_arguments, check_common_arguments, throwaway_database
from server.actor import Actor
from server.audit import log

WITH_EVENT, WITHOUT = "payment.record", "audit.read"


def statement(action: str, organization: uuid.UUID) -> tuple[str, list[Any]]:
    """A payment's appending statement, as posting.post writes it (the entry number `Later`)."""
    fields = log.event_fields(
        Actor.system("bench"),
        action,
        object_type="Payment",
        object_id=uuid.uuid4(),
        organization_id=organization,
        after={
            "customer": str(uuid.uuid4()),
            "date": "2026-01-02",
            "amount": "100.00 USD",
            "method": "BANK_TRANSFER",
            "reference": None,
            "status": "RECORDED",
            "unallocated": "0.00 USD",
            "entry": log.Later("number"),
            "allocations": [
                {
                    "invoice": str(uuid.uuid4()),
                    "amount": "100.00 USD",
                    "date": "2026-01-02",
                    "invoiceStatus": "PAID",
                }
            ],
            "discounts": [],
        },
    )
    params: list[Any] = []
    sql = f"WITH n AS (SELECT 7 AS number), {log.append_sql(fields, 'n', params)}\nSELECT 1"
    return sql, params


async def run(dsn: str, action: str, organization: uuid.UUID, conns: int, total: int) -> str:
    """Statements per second, p50 and p99 ms; the statements are built before the clock
    starts, so the database's work is timed, not the client's."""
    connections = [await asyncpg.connect(dsn) for _ in range(conns)]
    built = [[statement(action, organization) for _ in range(total // conns)] for _ in connections]
    latencies: list[float] = []

    async def client(conn: asyncpg.Connection, statements: list[tuple[str, list[Any]]]) -> None:
        for sql, params in statements:
            started = time.perf_counter()
            await conn.fetch(sql, *params)
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(client(c, b) for c, b in zip(connections, built, strict=True)))
    wall = time.perf_counter() - started
    for conn in connections:
        await conn.close()
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99)] * 1000
    return f"{len(latencies) / wall:,.0f} | {p50:.2f} | {p99:.2f}"


async def measure(dsn: str, rounds: int, total: int, concurrency: int) -> None:
    organization = uuid.uuid4()
    conn = await asyncpg.connect(dsn)
    await conn.execute(
        "INSERT INTO audit_chains (key, last_sequence, last_hash) VALUES ($1, 0, $2)",
        log.chain_key(organization),
        "0" * 64,
    )
    await conn.close()
    print(
        f"| round | action | build µs | {concurrency} connections: statements/s | p50 ms "
        "| p99 ms | 1 connection: statements/s | p50 ms | p99 ms |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for round_ in range(1, rounds + 1):
        for action in (WITH_EVENT, WITHOUT):
            build = min(
                timeit.repeat(lambda a=action: statement(a, organization), number=500, repeat=5)
            )
            many = await run(dsn, action, organization, concurrency, total)
            one = await run(dsn, action, organization, 1, total // 4)
            print(
                f"| {round_} | `{action}` | {build / 500 * 1e6:.0f} | {many} | {one} |", flush=True
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--statements", type=int, default=1600)
    args = parser.parse_args()
    check_common_arguments(parser, args)
    with throwaway_database(args, "outbox") as bench:
        asyncio.run(measure(bench.dsn, args.rounds, args.statements, args.concurrency))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
