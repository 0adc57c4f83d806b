"""Read-path benchmark: every list page and lookup, the server beside its own SQL and PostGraphile.

    python -m bench.reads                       # 10k then 100k rows of every list
    python -m bench.reads --small 2000 --large 20000 --seconds 4 --sql-iterations 800  # quicker

Creates a throw-away database ledgerline_bench_reads_<stamp> on 127.0.0.1:5432 (user
postgres), migrates it, creates the owner and the organization (bench.generate), then for
each size (--small, then --large; the second load adds to the first) grows every list to
that many rows (bench.reads_data) and, on a server started for that size
(`ledgerline serve --workers 2`, query result cache off, development mode):

1. checks each workload's answer once (bench.reads_workloads), and PostGraphile's, while
   counting the statements PostGraphile sends (its SQL debug log, one process);
2. records the statements the application sends for each request, with their parameters
   (bench.statements: the application in process, asyncpg query loggers);
3. for each workload, one after the other on the same data: the server under
   `hey -n <count> -c 16` after --warmup requests, the count being what the warm-up's rate
   serves in --seconds (at least 160, at most --requests), with the workers' CPU and peak
   RSS from /proc; the recorded statements replayed straight through asyncpg, each client
   on its own connection (--sql-iterations from 16 connections); PostGraphile v4 the same
   way as the server (its own cluster of --workers processes).

Workloads: the 50-item page of customers, invoices, bills, payments, credit notes, journal
entries and audit events at both sizes; customer(id), invoice(id), bill(id), node(id) and
`{ __typename }` signed in on the larger data.

Writes bench/results/<YYYY-MM-DD>-reads.md (also printed). PostGraphile is installed with
npm into --postgraphile-dir if missing; without node, npm or the network the report says
so and leaves its column out. Everything listens on and connects to loopback only; every
loop has a fixed count and a timeout.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import re
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg

from bench import postgraphile
from bench.ledger import organization_accounts
from bench.reads_checks import Result, check_postgraphile, check_server, record_statements
from bench.reads_data import load_size
from bench.reads_report import report
from bench.reads_workloads import LOOKUPS, PAGES, TYPENAME, ReadWorkload
from bench.run import (
    RESULTS,
    Bench,
    LoadRun,
    Raw,
    add_common_arguments,
    check_common_arguments,
    generate_owner,
    load_run,
    loadavg,
    peak_rss_mib,
    publish,
    raw_loop,
    require_hey,
    round_to_clients,
    run_hey,
    run_info,
    running_server,
    sign_in,
    throwaway_database,
)
from bench.statements import Statement

MIN_REQUESTS = 160  # the fewest measured requests of a run


@dataclass
class Phase:
    size: int
    loaded_s: dict[str, float]
    results: list[Result]
    loadavg: str


# ---------------------------------------------------------------- measuring


def http_load(
    args: argparse.Namespace,
    bench: Bench,
    url: str,
    body: dict[str, Any],
    token: str | None,
    pid: int,
    processes: list[int] | None,
    stem: str,
) -> LoadRun:
    """--warmup requests, then `hey -n <count> -c --concurrency` with the CPU of the
    server's `processes` (None: the uvicorn workers) and of the benchmark database's
    backends. The count is what the warm-up's rate serves in --seconds, between
    MIN_REQUESTS and --requests: a slow page does not take minutes, a fast lookup is not
    over in a second."""
    body_file = bench.workdir / f"{stem}.json"
    body_file.write_text(json.dumps(body))
    warm = run_hey(url, body_file, token, args.warmup, args.concurrency, timeout=600)
    wanted = min(args.requests, max(MIN_REQUESTS, int(warm.rps * args.seconds)))
    return load_run(
        *(url, body_file, token, round_to_clients(wanted, args.concurrency)),
        *(args.concurrency, pid),
        workers=processes,
        database=bench.database,
    )


def replay(args: argparse.Namespace, bench: Bench, result: Result) -> None:
    """The recorded statements through asyncpg: once to see that they run, then
    --sql-iterations times from --concurrency connections."""
    if not result.statements:
        result.notes.append("raw: no statements to replay")
        return
    try:
        asyncio.run(_run_once(bench.dsn, result.statements))
    except (asyncpg.PostgresError, OSError) as exc:
        result.notes.append(f"raw: the recorded statements fail when replayed: {exc!r}")
        return
    raw = Raw("recorded statements", result.statements)
    result.raw = asyncio.run(
        raw_loop(raw, bench.dsn, args.sql_iterations, args.concurrency, bench.database)
    )


async def _run_once(dsn: str, statements: list[Statement]) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        for sql, values in statements:
            await conn.fetch(sql, *values)
    finally:
        await conn.close()


def measure_size(
    args: argparse.Namespace,
    bench: Bench,
    dataset: dict[str, Any],
    size: int,
    command: Path | None,
    workloads: list[ReadWorkload],
) -> list[Result]:
    """Every workload on the data as it is now, on a server and a PostGraphile of its own."""
    org = uuid.UUID(dataset["organization_id"])
    results = {w.name: Result(w, size) for w in workloads}
    uncached = dataclasses.replace(bench, env={**bench.env, "LEDGERLINE_QUERY_CACHE_ENTRIES": "0"})
    with running_server(uncached, args.workers) as server:
        token = sign_in(server.url, dataset["email"], dataset["password"])
        bodies = check_server(server.url, token, results)
        pg_bodies: dict[str, dict[str, Any]] = {}
        if command is not None:
            log = bench.workdir / f"postgraphile-{size}-sql.log"
            try:
                checking = postgraphile.running(command, bench.database_url, 1, log, debug_sql=True)
                with checking as pg:
                    pg_bodies = check_postgraphile(pg, results, bodies, org)
            except RuntimeError as exc:  # e.g. a schema it cannot map: the run goes on
                command = None
                for result in results.values():
                    result.notes.append(f"PostGraphile left out: {str(exc)[:300]}")
        print(f"bench: {size:,} rows: recording the statements of each request", flush=True)
        record_statements(uncached, dataset, results, bodies)
        log = bench.workdir / f"postgraphile-{size}.log"
        with _maybe_postgraphile(command, bench, args.workers, log) as pg:
            for result in results.values():
                _measure_one(args, bench, result, server, token, bodies, pg, pg_bodies)
    return list(results.values())


@contextlib.contextmanager
def _maybe_postgraphile(
    command: Path | None, bench: Bench, workers: int, log: Path
) -> Iterator[postgraphile.PostGraphile | None]:
    if command is None:
        yield None
        return
    with postgraphile.running(command, bench.database_url, workers, log) as pg:
        yield pg


def _measure_one(
    args: argparse.Namespace,
    bench: Bench,
    result: Result,
    server: Any,
    token: str,
    bodies: dict[str, dict[str, Any]],
    pg: postgraphile.PostGraphile | None,
    pg_bodies: dict[str, dict[str, Any]],
) -> None:
    name = result.workload.name
    stem = re.sub(r"[^a-z0-9]+", "-", f"{name} {result.size}".lower()).strip("-")
    if name in bodies:
        print(f"  {name}, {result.size:,} rows: Ledgerline", flush=True)
        result.server = http_load(
            args, bench, server.url, bodies[name], token, server.pid, None, stem
        )
        print(f"  {name}, {result.size:,} rows: its statements through asyncpg", flush=True)
        replay(args, bench, result)
    if pg is not None and name in pg_bodies:
        print(f"  {name}, {result.size:,} rows: PostGraphile", flush=True)
        result.postgraphile = http_load(
            args, bench, pg.url, pg_bodies[name], None, pg.pid, pg.processes(), f"{stem}-pg"
        )
        result.pg_rss_mib = max(peak_rss_mib(pid) for pid in pg.workers())


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.reads",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_common_arguments(parser)
    parser.add_argument("--small", type=int, default=10_000, help="rows of every list, first")
    parser.add_argument("--large", type=int, default=100_000, help="rows of every list, then")
    parser.add_argument("--vendors", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--seconds",
        type=float,
        default=10,
        help="aim of each measured HTTP run: the requests the warm-up's rate serves in it",
    )
    parser.add_argument(
        "--requests", type=int, default=3200, help="the most measured requests of a run"
    )
    parser.add_argument("--warmup", type=int, default=96, help="per workload and server")
    parser.add_argument("--sql-iterations", type=int, default=1600, help="raw asyncpg loop")
    parser.add_argument(
        "--postgraphile-dir",
        type=Path,
        default=postgraphile.DEFAULT_DIRECTORY,
        help="where PostGraphile is (npm-installed if missing; keep it outside the repository)",
    )
    parser.add_argument("--no-postgraphile", action="store_true", help="leave its column out")
    parser.add_argument(
        "--output", type=Path, help="report file (default bench/results/<date>-reads.md)"
    )
    args = parser.parse_args(argv)
    for name in ("requests", "warmup"):
        setattr(args, name, round_to_clients(getattr(args, name), args.concurrency))
    check_common_arguments(parser, args)
    if not 100 <= args.small <= args.large:
        parser.error(
            "--small: at least 100 (the lookups ask for the page's items), and "
            "--large at least --small"
        )
    if args.vendors < 1 or args.seed < 0 or args.seconds <= 0:
        parser.error("--vendors: at least 1; --seed: zero or more; --seconds: more than 0")
    if args.postgraphile_dir.resolve().is_relative_to(Path(__file__).resolve().parents[1]):
        parser.error("--postgraphile-dir: outside the repository")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not require_hey():
        return 2
    command, why = (
        (None, "--no-postgraphile")
        if args.no_postgraphile
        else postgraphile.ensure(args.postgraphile_dir)
    )
    if command is None:
        print(f"bench: PostGraphile left out: {why}", flush=True)
    output = args.output or RESULTS / f"{date.today().isoformat()}-reads.md"
    started = time.monotonic()
    load_at_start = loadavg()
    sizes = [args.small] if args.small == args.large else [args.small, args.large]
    phases: list[Phase] = []
    with throwaway_database(args, "reads") as bench:
        dataset = generate_owner(bench, 0)
        org, user = uuid.UUID(dataset["organization_id"]), uuid.UUID(dataset["user_id"])
        accounts = asyncio.run(organization_accounts(bench.dsn, org))
        loaded = 0
        for size in sizes:
            print(f"bench: growing every list to {size:,} rows", flush=True)
            took = asyncio.run(
                load_size(
                    bench.database_url,
                    bench.dsn,
                    org,
                    user,
                    accounts,
                    loaded,
                    size,
                    args.vendors,
                    args.seed,
                )
            )
            loaded = size
            workloads = [*PAGES, *((*LOOKUPS, TYPENAME) if size == sizes[-1] else ())]
            at = loadavg()
            results = measure_size(args, bench, dataset, size, command, workloads)
            phases.append(Phase(size, took, results, at))
        info = {
            **run_info(bench.dsn),
            "loadavg": load_at_start,
            "elapsed_s": time.monotonic() - started,
            "postgraphile": postgraphile.VERSION if command else None,
            "postgraphile_note": why,
        }
        log_path = bench.log_path

    publish(output, report(args, info, phases), started, log_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
