"""Payables benchmark: the bills(first: 50) page over 100k bills, beside its raw SQL.

    python -m bench.payables        # or: python -m bench.run --only payables

Creates a throw-away database ledgerline_bench_payables_<stamp> on 127.0.0.1:5432 (user
postgres), migrates it, creates the owner and the organization (bench.generate, with a
handful of customers: the page does not read them), inserts --vendors (1,000) vendors
straight in SQL (bench.bulk), then:

1. bulk-loads --bills (100,000) approved bills straight in SQL, in one transaction
   (INSERT ... SELECT over generate_series, deterministic for --seed): USD, vendor invoice
   numbers VINV-0000001.. in date order from 2025-01-01, due 30 days after the bill date, a
   vendor each, 1-3 lines each (2 on average) on expense accounts of the organization's
   chart, no tax, and each bill's payables open item, open for the whole total; then
   VACUUM ANALYZE. No journal entries are written for them: the page does not read the
   ledger;
2. starts `ledgerline serve --workers 2` with the query result cache off
   (LEDGERLINE_QUERY_CACHE_ENTRIES=0, so every request runs its SQL), signs in, checks one
   answer, counts the SQL statements of several page sizes and measures `bills(first: 50)`
   with vendor, lines and amountDue under `hey` (bench.run.measure: warm-up, fixed count,
   CPU from /proc, and the page's SQL straight through asyncpg from 16 connections).

Writes bench/results/<YYYY-MM-DD>-payables.md (also printed). Everything listens on and
connects to loopback only; every loop has a fixed count and a timeout.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import platform
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg

from bench.bulk import BILL_EXPENSE_ACCOUNTS as EXPENSE_ACCOUNTS
from bench.bulk import BILL_FIRST_DAY as FIRST_DAY
from bench.bulk import BILLS_PER_DAY as PER_DAY
from bench.bulk import load_bills, load_vendors
from bench.ledger import organization_accounts
from bench.receivables import _cpu_row, _statuses
from bench.run import (
    RESULTS,
    SQL_AUTH,
    Bench,
    Measurement,
    Raw,
    Workload,
    add_common_arguments,
    check_common_arguments,
    check_response,
    generate_owner,
    global_id,
    items_statement,
    jwt_claims,
    loadavg,
    measure,
    page_statement_counts,
    post,
    publish,
    require_hey,
    round_to_clients,
    run_info,
    running_server,
    sign_in,
    throwaway_database,
)
from server.payables.models import Bill
from server.payables.reads import BILL

# Goals stated for the project (the payables issue).
GOAL_STATEMENTS = 4
GOAL_PAGE_RPS = 250.0

CUSTOMERS = 10  # bench.generate makes the owner and the organization; bills need no customers

# The same selection as the receivables page: scalars, two amounts, the party and the lines.
# A bill has no number of its own: vendorReference is the vendor's invoice number.
BILLS_PAGE = """
query BillsPage($first: Int, $after: String) {
  bills(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id vendorReference status billDate dueDate
        total { amount currency }
        amountDue { amount currency }
        vendor { id name email }
        lines { lineNo description quantity unitPrice { amount } amount { amount } }
      }
    }
  }
}
"""

# The page's statement as the server sends it: the page in the default order (newest bill
# date first, ties by id), each bill written as JSON by PostgreSQL with its vendor, lines
# and open amount (schema/reads.py).
SQL_BILLS = items_statement(BILLS_PAGE, BILL, Bill, "bill_date", 51)


# ---------------------------------------------------------------- the page


@dataclass
class PageRun:
    pages: list[tuple[str, int, int]]  # (page, items, SQL statements)
    measurement: Measurement
    first_bill: dict[str, Any]  # the first node of the checked answer, for the report


async def raw_statements(
    dsn: str, org: uuid.UUID, auth: tuple[Any, ...], first_id: str
) -> list[Raw]:
    """The first page's statements (auth, the page written as JSON); the page must start
    where the server's answer did."""
    conn = await asyncpg.connect(dsn)
    try:
        rows = (await conn.fetch(SQL_BILLS, org))[:50]
    finally:
        await conn.close()
    if not rows or global_id("Bill", rows[0]["item__id"]) != first_id:
        raise RuntimeError("the raw page does not start with the bill the server answered")
    page = (SQL_BILLS, (org,))
    session = (SQL_AUTH, auth)
    return [
        Raw("page written as JSON", [page]),
        Raw("auth + page written as JSON", [session, page]),
        Raw("auth + page written as JSON", [session, page], pooled=True),
    ]


def measure_page(args: argparse.Namespace, bench: Bench, dataset: dict[str, Any]) -> PageRun:
    """bills(first: 50) on a server whose query result cache is off."""
    org = uuid.UUID(dataset["organization_id"])
    body = {"query": BILLS_PAGE, "variables": {"first": 50}}
    no_cache = dataclasses.replace(bench, env={**bench.env, "LEDGERLINE_QUERY_CACHE_ENTRIES": "0"})
    with running_server(no_cache, args.workers) as server:
        token = sign_in(server.url, dataset["email"], dataset["password"])
        claims = jwt_claims(token)
        answer = post(server.url, body, token)[0]
        check_response(answer, "bills(first: 50)")
        nodes = [edge["node"] for edge in answer["data"]["bills"]["edges"]]
        complete = [n for n in nodes if n["vendor"] and n["lines"] and n["amountDue"]]
        if len(nodes) != 50 or len(complete) != 50:
            raise RuntimeError(f"bills(first: 50): unexpected answer {nodes[:1]}")
        auth = (uuid.UUID(claims["sid"]), uuid.UUID(claims["sub"]), org)
        raws = asyncio.run(raw_statements(bench.dsn, org, auth, nodes[0]["id"]))
        pages = page_statement_counts(server.url, token, BILLS_PAGE, "bills")
        workload = Workload(
            name=f"bills(first: 50), {args.bills:,} bills, cache off",
            description="vendor, lines and amountDue; every request runs its SQL",
            body=body,
            raw=raws,
            goal_rps=True,
        )
        measured = measure(args, server.url, token, workload, server.pid, bench.workdir, bench.dsn)
    return PageRun(pages=pages, measurement=measured, first_bill=nodes[0])


# ---------------------------------------------------------------- report

COLUMNS = (
    "workload",
    "req/s",
    "p50 ms",
    "p99 ms",
    "SQL/req",
    "worker CPU ms/req",
    "PostgreSQL CPU ms/req",
    "client CPU ms/req",
    "CPU-bound ceiling req/s",
    "other processes' CPU (cores)",
    "peak RSS MiB (max / sum)",
)


def _table(columns: tuple[str, ...], left: tuple[int, ...] = (0,)) -> list[str]:
    """A markdown table's header and rule; the columns at `left` are aligned left."""
    align = ["---" if i in left else "---:" for i in range(len(columns))]
    return ["| " + " | ".join(columns) + " |", "|" + "|".join(align) + "|"]


def _goals(args: argparse.Namespace, run: PageRun, cpus: int) -> list[str]:
    m = run.measurement
    worst = max(count for _, _, count in run.pages)
    statements = (
        f"**met** (at most {worst} for every page size tried)."
        if worst <= GOAL_STATEMENTS
        else f"**not met** (up to {worst})."
    )
    if m.hey.rps >= GOAL_PAGE_RPS:
        rate = f"**met** ({m.hey.rps:.0f} req/s)."
    else:
        cost = m.worker_cpu_ms + m.postgres_cpu_ms + m.hey_cpu_ms
        rate = (
            f"**not met**: {m.hey.rps:.0f} req/s, {100 * m.hey.rps / GOAL_PAGE_RPS:.0f}% of the "
            f"goal, with {m.other_cores:.2f} cores taken by other processes (CPU-bound "
            f"ceiling at the measured CPU per request: {cpus * 1000 / cost:.0f} req/s)."
        )
    return [
        f"- {args.bills:,} bills, at most {GOAL_STATEMENTS} SQL statements per "
        f"`bills(first: 50)` page: {statements}",
        f"- {args.bills:,} bills, `bills(first: 50)` at {GOAL_PAGE_RPS:.0f} req/s with every "
        f"request running its SQL ({args.workers} workers): {rate}",
    ]


def report(
    args: argparse.Namespace, info: dict[str, Any], loaded: dict[str, float], run: PageRun
) -> str:
    cpus = os.cpu_count() or 1
    m = run.measurement
    modified = " (working tree modified)" if info["dirty"] else ""
    lines = [
        f"# Payables benchmark, {info['date']}",
        "",
        "Generated by `python -m bench.payables` (see bench/README.md).",
        "",
        "## Setup",
        "",
        f"- Commit `{info['commit']}`{modified}",
        f"- Machine: {cpus} CPUs ({info['cpu']}), Python {platform.python_version()}, "
        f"{info['postgres']}",
        f"- Server: `ledgerline serve --workers {args.workers}` on loopback with "
        "`LEDGERLINE_QUERY_CACHE_ENTRIES=0` (no query result cache: every request "
        "authenticates and runs the page's SQL), LEDGERLINE_ENV=development, log level "
        "WARNING; PostgreSQL, the server and hey share the machine",
        f"- Load average when the run started: {info['loadavg']}; "
        + "; ".join(f"{name}: {value}" for name, value in info["loads"]),
        f"- Data: one organization with {args.vendors:,} vendors (inserted in SQL in "
        f"{loaded['vendors']:.1f}s) and {args.bills:,} bills inserted in SQL in one "
        f"transaction ({loaded['insert']:.1f}s, then VACUUM ANALYZE {loaded['vacuum']:.1f}s): "
        f"status APPROVED, USD, vendor invoice numbers VINV-0000001.. in date order from "
        f"{FIRST_DAY} ({PER_DAY:,} a day), due 30 days later, 1-3 lines each (2 on average) "
        f"on the expense accounts {', '.join(EXPENSE_ACCOUNTS)}, no tax, each with its "
        "payables open item open for the whole total. **No journal entries exist for these "
        "bills**: the page does not read the ledger. Seed "
        f"{args.seed}.",
        f"- Whole run: {info['elapsed_s']:.0f}s",
        "",
        "## bills(first: 50) with vendor, lines and amountDue",
        "",
        "```graphql",
        BILLS_PAGE.strip(),
        "```",
        "",
        f"One request to check the answer (50 bills, each with its vendor, lines and amount "
        f"due), {args.warmup} warm-up requests, then `hey -n {args.requests} -c "
        f"{args.concurrency}`. Client CPU is hey's.",
        "",
        *_table(COLUMNS, left=(0, 4)),  # SQL/req as the receivables report
        _cpu_row(m.workload.name, m, str(m.statements), cpus),
        "",
        f"The CPU-bound ceiling is {cpus} CPUs x 1000 ms / (worker + PostgreSQL + client CPU "
        "per request): the rate this machine could reach at the measured CPU cost with "
        "nothing else running. CPU other processes used meanwhile lowers req/s, not CPU per "
        "request.",
        "",
        f"HTTP status codes: {_statuses(m.hey)}; response {m.response_bytes:,} bytes.",
        "",
        "### SQL statements per page",
        "",
        *_table(("page", "items", "SQL statements")),
        *(f"| `{page}` | {items} | {count} |" for page, items, count in run.pages),
        "",
        "Statements: authentication (one), and the page, each bill written as JSON by "
        "PostgreSQL with its vendor, lines and open amount (one statement, "
        "`schema/reads.py`). The header counts the statements the application sends, not "
        "the reset asyncpg runs when a connection goes back to the pool.",
        "",
        "### The same SQL straight through asyncpg (same run, same database)",
        "",
        "The page's statements as the server sends them (the 50 newest bills written as JSON "
        f"with their vendors, lines and open amounts), {args.sql_iterations:,} iterations from "
        f"{args.concurrency} connections; *pool* acquires and releases a pooled connection "
        "around every statement as Tortoise does.",
        "",
        *_table(
            ("statements run", "count", "iterations/s", "p50 ms", "p99 ms", "server req/s as %")
        ),
        *(
            f"| {r.name} | {r.statements} | {r.per_second:.0f} | {r.p50_ms:.2f} "
            f"| {r.p99_ms:.2f} | {100 * m.hey.rps / r.per_second:.0f}% |"
            for r in m.raw
        ),
        "",
        "First bill of the page (as answered):",
        "",
        "```json",
        json.dumps(run.first_bill, indent=1)[:1500],
        "```",
        "",
        "## Goals",
        "",
        *_goals(args, run, cpus),
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.payables",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_common_arguments(parser)
    parser.add_argument("--vendors", type=int, default=1_000)
    parser.add_argument("--bills", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--requests", type=int, default=1600, help="measured page requests")
    parser.add_argument("--warmup", type=int, default=160, help="warm-up page requests")
    parser.add_argument("--sql-iterations", type=int, default=2000, help="raw asyncpg loop")
    parser.add_argument(
        "--output", type=Path, help="report file (default bench/results/<date>-payables.md)"
    )
    args = parser.parse_args(argv)
    for name in ("requests", "warmup"):
        setattr(args, name, round_to_clients(getattr(args, name), args.concurrency))
    check_common_arguments(parser, args)
    if args.bills < 100:
        parser.error("--bills: at least 100 (the largest page measured is 100)")
    if args.vendors < 1:
        parser.error("--vendors: at least 1")
    if args.seed < 0:
        parser.error("--seed: zero or more")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not require_hey():
        return 2
    output = args.output or RESULTS / f"{date.today().isoformat()}-payables.md"
    started = time.monotonic()
    load_at_start = loadavg()
    loads: list[tuple[str, str]] = []
    with throwaway_database(args, "payables") as bench:
        dataset = generate_owner(bench, CUSTOMERS)
        org, user = uuid.UUID(dataset["organization_id"]), uuid.UUID(dataset["user_id"])
        accounts = asyncio.run(organization_accounts(bench.dsn, org))
        print(f"bench: inserting {args.vendors:,} vendors", flush=True)
        vendors_s = asyncio.run(load_vendors(bench.dsn, org, args.vendors, args.seed))
        print(f"bench: loading {args.bills:,} bills", flush=True)
        loaded = {
            "vendors": vendors_s,
            **asyncio.run(load_bills(bench.dsn, org, user, accounts, args.bills, args.seed)),
        }
        print(
            f"bench: inserted in {loaded['insert']:.1f}s, VACUUM ANALYZE {loaded['vacuum']:.1f}s",
            flush=True,
        )
        loads.append(("before the reads", loadavg()))
        run = measure_page(args, bench, dataset)
        loads.append(("end", loadavg()))
        info = {
            **run_info(bench.dsn),
            "loadavg": load_at_start,
            "loads": loads,
            "elapsed_s": time.monotonic() - started,
        }
        log_path = bench.log_path

    text = report(args, info, loaded, run)
    publish(output, text, started, log_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
