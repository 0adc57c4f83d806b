"""Receivables benchmark: invoice pages over 100k and 1M invoices, and recording payments.

    python -m bench.receivables        # or: python -m bench.run --only receivables

Creates a throw-away database ledgerline_bench_receivables_<stamp> on 127.0.0.1:5432 (user
postgres), migrates it, creates the owner, the organization and 10,000 customers
(bench.generate), then for each invoice count (100,000, then 1,000,000: the second load
adds to the first):

1. bulk-loads issued invoices straight in SQL (INSERT ... SELECT over generate_series):
   invoices, 1-3 lines each on the income accounts, and their open items (receivables,
   open for the whole total); sets the invoice number sequence; VACUUM ANALYZE. No journal
   entries are written for them: the reads measured here do not look at the ledger;
2. starts `ledgerline serve --workers 2` with the query result cache off
   (LEDGERLINE_QUERY_CACHE_ENTRIES=0, so every request runs its SQL), signs in, counts the
   SQL statements of several page sizes and measures `invoices(first: 50)` with customer,
   lines and amountDue under `hey` (bench.run.measure: warm-up, fixed count, CPU from /proc,
   and the page's SQL straight through asyncpg from 16 connections);
3. the same page again on a server with the cache on (the default), where a repeated page
   is answered from the cache.

Then, on the 1M data, `paymentRecord` of one full payment of one open invoice per request
(a different invoice each time, so hey's single body cannot do it): a client of our own
(bench.keepalive: asyncio, `--concurrency` 16 keep-alive connections) sends them, its CPU
reported as hey's is; pg_stat_activity is sampled; afterwards SQL checks that every 200
answer recorded one payment, one allocation and a paid invoice. `--profile` also runs
py-spy over the workers during one more run of payments.

Writes bench/results/<YYYY-MM-DD>-receivables.md (also printed). Everything listens on and
connects to loopback only; every loop has a fixed count and a timeout.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import dataclasses
import json
import os
import platform
import sys
import time
import urllib.parse
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg

from bench import keepalive
from bench.bulk import INVOICE_FIRST_DAY as FIRST_DAY
from bench.bulk import INVOICES_PER_DAY as PER_DAY
from bench.bulk import load_invoices
from bench.ledger import POST_DATE, organization_accounts
from bench.observe import ActivitySampler, Profile, run_profile
from bench.run import (
    RESULTS,
    SQL_AUTH,
    Bench,
    HeyResult,
    LoadRun,
    Measurement,
    Raw,
    Workload,
    accounted_run,
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
    percentile,
    post,
    publish,
    require_hey,
    round_to_clients,
    run_hey,
    run_info,
    running_server,
    sign_in,
    split_text,
    throwaway_database,
)
from server.receivables.models import Invoice
from server.receivables.reads import INVOICE

# Goals stated for the project (the receivables issue).
GOAL_STATEMENTS = 4
GOAL_PAGE_RPS = 250.0
GOAL_PAYMENT_RPS = 300.0

INVOICES_PAGE = """
query InvoicesPage($first: Int, $after: String) {
  invoices(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id number status issueDate dueDate
        total { amount currency }
        amountDue { amount currency }
        customer { id name email }
        lines { lineNo description quantity unitPrice { amount } amount { amount } }
      }
    }
  }
}
"""

PAYMENT_RECORD = """
mutation RecordPayment($input: PaymentRecordInput!) {
  paymentRecord(input: $input) {
    payment { id status }
    userErrors { field message code }
  }
}
"""

# The statement of the page as the server sends it: the 50 newest invoices (and one more, to
# know whether a next page exists), each written as JSON by PostgreSQL with its customer,
# lines and open amount (schema/reads.py).
SQL_PAGE = items_statement(INVOICES_PAGE, INVOICE, Invoice, "issue_date", 51)


# ---------------------------------------------------------------- reads


@dataclass
class PageResult:
    invoices: int
    load_s: dict[str, float]
    pages: list[tuple[str, int, int]]  # (page, items, SQL statements), cache off
    uncached: Measurement
    cached: Measurement
    first_page: dict[str, Any]  # the first edge of the answer, for the report
    plans: list[tuple[str, str]] = field(default_factory=list)
    profile: Profile | None = None  # of the cache-off page, with --profile


async def page_queries(
    dsn: str, org: uuid.UUID, auth: tuple[Any, ...]
) -> tuple[list[Raw], list[tuple[str, str]]]:
    """The raw statements of the first page (auth, the page written as JSON) and the plan of
    the page's statement."""
    conn = await asyncpg.connect(dsn)
    try:
        # EXPLAIN takes no parameters: our own uuid, quoted, in its place.
        literal = SQL_PAGE.replace("$1", f"'{org}'")
        plan = await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {literal}")
    finally:
        await conn.close()
    page = (SQL_PAGE, (org,))
    auth_sql = (SQL_AUTH, auth)
    return [
        Raw("page written as JSON", [page]),
        Raw("auth + page written as JSON", [auth_sql, page]),
        Raw("auth + page written as JSON", [auth_sql, page], pooled=True),
    ], [("page", "\n".join(r[0] for r in plan))]


def measure_pages(
    args: argparse.Namespace, bench: Bench, dataset: dict[str, Any], invoices: int
) -> tuple[
    list[tuple[str, int, int]],
    Measurement,
    Measurement,
    dict[str, Any],
    list[tuple[str, str]],
    Profile | None,
]:
    org = uuid.UUID(dataset["organization_id"])
    body = {"query": INVOICES_PAGE, "variables": {"first": 50}}
    profile = None
    uncached_bench = dataclasses.replace(
        bench, env={**bench.env, "LEDGERLINE_QUERY_CACHE_ENTRIES": "0"}
    )
    with running_server(uncached_bench, args.workers) as server:
        token = sign_in(server.url, dataset["email"], dataset["password"])
        claims = jwt_claims(token)
        auth = (uuid.UUID(claims["sid"]), uuid.UUID(claims["sub"]), org)
        answer = post(server.url, body, token)[0]
        check_response(answer, "invoices(first: 50)")
        edges = answer["data"]["invoices"]["edges"]
        if len(edges) != 50 or not all(e["node"]["lines"] and e["node"]["customer"] for e in edges):
            raise RuntimeError(f"invoices(first: 50): unexpected answer {edges[:1]}")
        raws, plans = asyncio.run(page_queries(bench.dsn, org, auth))
        pages = page_statement_counts(server.url, token, INVOICES_PAGE, "invoices")
        workload = Workload(
            name=f"invoices(first: 50), {invoices:,} invoices, cache off",
            description="every request runs its SQL",
            body=body,
            raw=raws,
            goal_rps=True,
        )
        uncached = measure(args, server.url, token, workload, server.pid, bench.workdir, bench.dsn)
        if args.profile and invoices == args.invoice_counts[-1]:
            print(f"  profiling {args.profile_pages} pages with py-spy", flush=True)
            body_file = bench.workdir / "invoices-page.json"
            body_file.write_text(json.dumps(body))
            profile = run_profile(
                args.py_spy,
                server.pid,
                bench.workdir / "profile-page.txt",
                lambda: run_hey(
                    server.url, body_file, token, args.profile_pages, args.concurrency, 120
                ),
                PAGE_FUNCTIONS,
            )
    with running_server(bench, args.workers) as server:
        token = sign_in(server.url, dataset["email"], dataset["password"])
        # Each worker has a cache of its own; a few requests fill both, so the request that
        # measure() checks and reads x-sql-statements from is a repeated one.
        for _ in range(8):
            check_response(post(server.url, body, token)[0], "invoices(first: 50)")
        workload = Workload(
            name=f"invoices(first: 50), {invoices:,} invoices, cache on",
            description="the same page repeated: answered from the query result cache",
            body=body,
            raw=[],
        )
        cached = measure(args, server.url, token, workload, server.pid, bench.workdir, bench.dsn)
    return pages, uncached, cached, edges[0]["node"], plans, profile


# Functions whose inclusive share the profile of the page reports.
PAGE_FUNCTIONS = (
    ("permission gate (authenticate + authorize)", r"^Gate\.has_permission \("),
    (
        "under graphql-core or strawberry (resolvers and their SQL included)",
        r"\((graphql|strawberry)/",
    ),
    (
        "  receivables types (Invoice, InvoiceLine fields)",
        r"\(schema/receivables/(types|lines)\.py",
    ),
    ("  DataLoader batches", r"\(strawberry/dataloader\.py"),
    ("paginate_sql (the page's statement and its edges)", r"^paginate_sql \("),
    ("  the page's items written as JSON by PostgreSQL", r"^page_items \("),
    ("tortoise (any frame)", r"\(tortoise/"),
    ("asyncpg: all calls", r"\(asyncpg/"),
    ("asyncpg: pool release (reset query round trip)", r"^PoolConnectionHolder\.release \("),
    ("logging (any frame)", r"\(logging/"),
)


# ---------------------------------------------------------------- a client of our own


@dataclass
class Driven:
    """A load run of distinct request bodies, with what the answers said."""

    load: HeyResult
    statements: collections.Counter[int]
    refused: int  # 200 answers with GraphQL errors or userErrors
    examples: list[str]  # the first few of them


def drive(
    url: str,
    token: str,
    bodies: list[dict[str, Any]],
    concurrency: int,
    check: Callable[[dict[str, Any]], str | None],
    timeout: float = 600,
) -> Driven:
    """Send each body once from `concurrency` keep-alive connections (each client takes the
    next body when its answer is in) with bench.keepalive. `check` returns why an answer
    is not a success."""
    target = urllib.parse.urlsplit(url)
    host, port = target.hostname or "127.0.0.1", target.port or 80
    headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}
    requests = [
        keepalive.post_request(host, port, target.path, headers, json.dumps(b).encode())
        for b in bodies
    ]
    latencies: list[float] = []
    statuses: collections.Counter[str] = collections.Counter()
    statements: collections.Counter[int] = collections.Counter()
    errors: list[str] = []
    examples: list[str] = []
    refused = 0

    def on_answer(answer: keepalive.Answer) -> None:
        nonlocal refused
        latencies.append(answer.seconds)
        statuses[str(answer.status)] += 1
        statements[int(answer.headers.get("x-sql-statements", "-1"))] += 1
        if answer.status == 200:
            problem = check(json.loads(answer.body))
            if problem:
                refused += 1
                if len(examples) < 3:
                    examples.append(problem[:300])

    async def run() -> float:
        started = time.perf_counter()
        await asyncio.wait_for(
            keepalive.send_all(host, port, requests, concurrency, on_answer, errors.append),
            timeout,
        )
        return time.perf_counter() - started

    cpu = time.thread_time()
    elapsed = asyncio.run(run())
    cpu = time.thread_time() - cpu
    done = sum(statuses.values())
    load = HeyResult(
        requests=done,
        rps=done / elapsed,
        p50_ms=percentile(latencies, 50) * 1000 if latencies else 0.0,
        p99_ms=percentile(latencies, 99) * 1000 if latencies else 0.0,
        statuses=dict(statuses),
        errors=errors[:5],
        cpu_s=cpu,
    )
    return Driven(load=load, statements=statements, refused=refused, examples=examples)


# ---------------------------------------------------------------- payments


@dataclass
class PaymentChecks:
    payments: int  # recorded in the organization
    allocations: int
    paid_invoices: int  # of the invoices paid in the runs: open 0 and status PAID
    unpaid_targets: int  # of those whose payment answered 200 without userErrors
    entries: int
    entries_gapless: bool

    def ok(self, expected: int) -> bool:
        return (
            self.payments == expected
            and self.allocations == expected
            and self.paid_invoices == expected
            and self.entries_gapless
        )


@dataclass
class PaymentResult:
    statements: collections.Counter[int]
    warmup: Driven
    measured: Driven
    run: LoadRun
    activity: list[tuple[str, str, float]]
    activity_samples: int
    checks: PaymentChecks
    expected: int
    profile: Profile | None = None
    sample_body: dict[str, Any] = field(default_factory=dict)


async def open_invoices(dsn: str, org: uuid.UUID, count: int) -> list[asyncpg.Record]:
    """The oldest `count` invoices still wholly open, in number order."""
    conn = await asyncpg.connect(dsn)
    try:
        return list(
            await conn.fetch(
                """SELECT i.id, i.customer_id, i.total_minor FROM invoices i
                   JOIN open_items o ON o.id = i.id
                   WHERE i.organization_id = $1 AND o.open_minor = i.total_minor
                   ORDER BY i.number LIMIT $2""",
                org,
                count,
            )
        )
    finally:
        await conn.close()


def payment_body(invoice: asyncpg.Record, deposit: uuid.UUID) -> dict[str, Any]:
    total = int(invoice["total_minor"])
    amount = f"{total // 100}.{total % 100:02d}"
    return {
        "query": PAYMENT_RECORD,
        "variables": {
            "input": {
                "customerId": global_id("Customer", invoice["customer_id"]),
                "date": POST_DATE.isoformat(),
                "amount": amount,
                "depositAccountId": global_id("Account", deposit),
                "reference": f"BENCH-{str(invoice['id'])[:8]}",
                "allocations": [
                    {"invoiceId": global_id("Invoice", invoice["id"]), "amount": amount}
                ],
            }
        },
    }


def payment_problem(answer: dict[str, Any]) -> str | None:
    if answer.get("errors"):
        return f"errors: {answer['errors']}"
    payload = (answer.get("data") or {}).get("paymentRecord") or {}
    if payload.get("userErrors") != [] or not payload.get("payment"):
        return f"refused: {payload}"
    return None


async def payment_checks(dsn: str, org: uuid.UUID, invoice_ids: list[uuid.UUID]) -> PaymentChecks:
    conn = await asyncpg.connect(dsn)
    try:
        payments = await conn.fetchval(
            "SELECT count(*) FROM payments WHERE organization_id = $1", org
        )
        allocations = await conn.fetchval(
            "SELECT count(*) FROM allocations WHERE organization_id = $1 AND kind = 'SETTLEMENT'"
            " AND reversed_on IS NULL",
            org,
        )
        paid = await conn.fetchval(
            """SELECT count(*) FROM invoices i JOIN open_items o ON o.id = i.id
               WHERE i.id = ANY($1::uuid[]) AND o.open_minor = 0 AND i.status = 'PAID'""",
            invoice_ids,
        )
        numbers = await conn.fetchrow(
            """SELECT count(*) AS n, COALESCE(max(number), 0) AS hi,
                      count(DISTINCT number) AS d, COALESCE(min(number), 1) AS lo
               FROM journal_entries WHERE organization_id = $1 AND status = 'POSTED'""",
            org,
        )
    finally:
        await conn.close()
    n = int(numbers["n"])
    return PaymentChecks(
        payments=int(payments),
        allocations=int(allocations),
        paid_invoices=int(paid),
        unpaid_targets=len(invoice_ids) - int(paid),
        entries=n,
        entries_gapless=n == int(numbers["d"]) == int(numbers["hi"]) and int(numbers["lo"]) == 1,
    )


# Functions whose inclusive share the profile reports.
PAYMENT_FUNCTIONS = (
    ("permission gate (authenticate + authorize)", r"^Gate\.has_permission \("),
    ("payments.record (the service, all of it)", r"^record \(.*server/receivables/payments\.py"),
    ("  entries.post_document (journal entry)", r"^post_document \(.*server/documents/entries"),
    ("    posting.post", r"^post \(.*server/ledger/posting\.py"),
    ("    resolution.resolve (reads and checks)", r"^resolve \(.*server/ledger/resolution\.py"),
    ("  allocation (open items, guarded updates)", r"\(.*server/documents/allocation\.py"),
    ("  audit.record", r"^record \(.*server/audit/log\.py"),
    ("  idempotency replay check", r"^replay \(.*server/ledger/idempotency\.py"),
    ("  BEGIN / COMMIT", r"^TransactionContextPooled\.__a(enter|exit)__ \("),
    ("Model.create / save (tortoise)", r"^Model\.(create|save) \(.*tortoise/models\.py"),
    ("pypika: SQL text built for every query", r"\(pypika_tortoise/"),
    ("asyncpg: all calls", r"\(asyncpg/"),
    ("asyncpg: pool release (reset query round trip)", r"^PoolConnectionHolder\.release \("),
    (
        "under graphql-core or strawberry (resolvers and their SQL included)",
        r"\((graphql|strawberry)/",
    ),
)


def measure_payments(
    args: argparse.Namespace, bench: Bench, dataset: dict[str, Any]
) -> PaymentResult:
    org = uuid.UUID(dataset["organization_id"])
    deposit = asyncio.run(organization_accounts(bench.dsn, org))["1010"]
    profile_count = args.profile_payments if args.profile else 0
    total = 1 + args.payment_warmup + args.payments + profile_count
    invoices = asyncio.run(open_invoices(bench.dsn, org, total))
    if len(invoices) < total:
        raise RuntimeError(f"{total} open invoices needed, {len(invoices)} found")
    bodies = [payment_body(invoice, deposit) for invoice in invoices]
    first, warm = bodies[0], bodies[1 : 1 + args.payment_warmup]
    measured = bodies[1 + args.payment_warmup : 1 + args.payment_warmup + args.payments]
    profiled = bodies[len(bodies) - profile_count :] if profile_count else []
    with running_server(bench, args.workers) as server:
        token = sign_in(server.url, dataset["email"], dataset["password"])
        answer, headers = post(server.url, first, token)
        problem = payment_problem(answer)
        if problem:
            raise RuntimeError(f"paymentRecord: {problem}")
        statements = collections.Counter([int(headers.get("x-sql-statements", "-1"))])
        print(f"  paymentRecord: warm-up {len(warm)} payments", flush=True)
        warmup = drive(server.url, token, warm, args.concurrency, payment_problem)
        print(f"  paymentRecord: {len(measured)} payments, {args.concurrency} clients", flush=True)
        sampler = ActivitySampler(bench.dsn, bench.database)
        sampler.start()
        driven: list[Driven] = []
        try:

            def measured_load() -> HeyResult:
                driven.append(drive(server.url, token, measured, args.concurrency, payment_problem))
                return driven[0].load

            run = accounted_run(server.pid, measured_load)
        finally:
            sampler.done.set()
            sampler.join(timeout=10)
        profile = None
        if profiled:
            print(f"  profiling {len(profiled)} payments with py-spy", flush=True)
            profile = run_profile(
                args.py_spy,
                server.pid,
                bench.workdir / "profile.txt",
                lambda: drive(server.url, token, profiled, args.concurrency, payment_problem).load,
                PAYMENT_FUNCTIONS,
            )
    ok = [invoice["id"] for invoice in invoices[: 1 + len(warm) + len(measured)]]
    expected = (
        1
        + warmup.load.statuses.get("200", 0)
        - warmup.refused
        + driven[0].load.statuses.get("200", 0)
        - driven[0].refused
    )
    if profile is not None:
        expected += profile.requests
        ok += [invoice["id"] for invoice in invoices[len(invoices) - profile_count :]]
    checks = asyncio.run(payment_checks(bench.dsn, org, ok))
    return PaymentResult(
        statements=statements + driven[0].statements,
        warmup=warmup,
        measured=driven[0],
        run=run,
        activity=sampler.averages(),
        activity_samples=sampler.samples,
        checks=checks,
        expected=expected,
        profile=profile,
        sample_body=first,
    )


# ---------------------------------------------------------------- report


def _statuses(load: HeyResult) -> str:
    text = ", ".join(f"{code} x {n}" for code, n in sorted(load.statuses.items()))
    return text + (f" (errors: {' | '.join(load.errors)})" if load.errors else "")


def _cpu_row(name: str, run: LoadRun | Measurement, statements: str, cpus: int) -> str:
    hey = run.hey
    total = run.worker_cpu_ms + run.postgres_cpu_ms + run.hey_cpu_ms
    return (
        f"| {name} | {hey.rps:.0f} | {hey.p50_ms:.1f} | {hey.p99_ms:.1f} | {statements} "
        f"| {run.worker_cpu_ms:.2f} | {run.postgres_cpu_ms:.2f} | {run.hey_cpu_ms:.2f} "
        f"| {cpus * 1000 / total:.0f} | {run.other_cores:.2f} "
        f"| {run.rss_max_mib:.0f} / {run.rss_sum_mib:.0f} |"
    )


def profile_lines(prof: Profile, what: str) -> list[str]:
    return [
        "",
        f"### Where the workers' time goes (py-spy), {what}",
        "",
        f"py-spy (200 Hz, every worker, 25 s) during one more run of {prof.requests:,} "
        f"requests ({prof.rps:.0f}/s while profiled); {prof.samples:,} samples in a worker "
        "(idle ones left out); C and Cython code counts for the Python frame that called it "
        "(uvloop's own work shows as the event loop).",
        "",
        "| innermost frame in | share of busy samples |",
        "|---|---:|",
        *(f"| {name} | {share:.1f}% |" for name, share in prof.by_area if share >= 0.5),
        "",
        "| inclusive: samples under | share |",
        "|---|---:|",
        *(f"| {label} | {share:.1f}% |" for label, share in prof.inclusive),
    ]


def report(
    args: argparse.Namespace,
    info: dict[str, Any],
    pages: list[PageResult],
    payments: PaymentResult | None,
) -> str:
    cpus = os.cpu_count() or 1
    header = (
        "| workload | req/s | p50 ms | p99 ms | SQL/req | worker CPU ms/req "
        "| PostgreSQL CPU ms/req | client CPU ms/req | CPU-bound ceiling req/s "
        "| other processes' CPU (cores) | peak RSS MiB (max / sum) |"
    )
    rule = "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"
    lines = [
        f"# Receivables benchmark, {info['date']}",
        "",
        "Generated by `python -m bench.receivables` (see bench/README.md).",
        "",
        "## Setup",
        "",
        f"- Commit `{info['commit']}`{' (working tree modified)' if info['dirty'] else ''}",
        f"- Machine: {cpus} CPUs ({info['cpu']}), Python {platform.python_version()}, "
        f"{info['postgres']}",
        f"- Server: `ledgerline serve --workers {args.workers}` on loopback, "
        "LEDGERLINE_ENV=development, log level WARNING; PostgreSQL, the server and the load "
        "client share the machine",
        f"- Load average when the run started: {info['loadavg']}; "
        + "; ".join(f"{name}: {value}" for name, value in info["loads"]),
        f"- Data: one organization, {args.customers:,} customers (COPY); invoices inserted "
        f"in SQL, numbered INV-000001.. in date order from {FIRST_DAY} ({PER_DAY:,} a day), "
        "1-3 lines each (2 on average) on the Sales and Service revenue accounts, status "
        "ISSUED, open for their whole total, each with its receivables open item. **No "
        "journal entries exist for the bulk invoices**: nothing measured here reads the "
        "ledger for them (a payment posts its own entry).",
        f"- Whole run: {info['elapsed_s']:.0f}s",
        "",
        "## invoices(first: 50) with customer, lines and amountDue",
        "",
        "```graphql",
        INVOICES_PAGE.strip(),
        "```",
        "",
        "*Cache off* is a server started with `LEDGERLINE_QUERY_CACHE_ENTRIES=0`: every "
        "request authenticates and runs the page's SQL, which is what the goal is about. "
        "*Cache on* is the default server, where the same page asked again (the same "
        "organization, user, variables and audit sequence) is answered from the per-process "
        "query result cache at one statement. Each: one request to check the answer, "
        f"{args.warmup} warm-up requests, then `hey -n {args.requests} -c {args.concurrency}`. "
        "Client CPU is hey's.",
        "",
        header,
        rule,
    ]
    for p in pages:
        for m in (p.uncached, p.cached):
            lines.append(_cpu_row(m.workload.name, m, str(m.statements), cpus))
    lines += [
        "",
        "The CPU-bound ceiling is "
        f"{cpus} CPUs x 1000 ms / (worker + PostgreSQL + client CPU per request): what this "
        "machine could serve with perfect scheduling at the measured CPU cost, were nothing "
        "else running. Other processes' CPU is what processes outside the benchmark used "
        "meanwhile; it lowers req/s, not CPU per request.",
        "",
        "HTTP status codes: "
        + "; ".join(
            f"{m.workload.name}: {_statuses(m.hey)}" for p in pages for m in (p.uncached, p.cached)
        ),
        "",
        "Worker CPU split (each worker's part of the workers' CPU, percent, busiest first; "
        "a keep-alive connection stays on the worker that accepted it): "
        + "; ".join(
            f"{m.workload.name}: {split_text(m.worker_split)}"
            for p in pages
            for m in (p.uncached, p.cached)
        ),
        "",
        "Busiest processes outside the benchmark during each run are not listed by "
        "bench.run.measure; the load averages above give the picture.",
        "",
        "### SQL statements per page (cache off)",
        "",
        "| invoices | page | items | SQL statements |",
        "|---:|---|---:|---:|",
        *(
            f"| {p.invoices:,} | `{page}` | {items} | {count} |"
            for p in pages
            for page, items, count in p.pages
        ),
        "",
        "Statements: authentication (one), and the page, each invoice written as JSON by "
        "PostgreSQL with its customer, lines and open amount (one statement, "
        "schema/reads.py). The header counts the statements the application sends; "
        "asyncpg's reset on releasing a connection to the pool is not counted.",
        "",
        "### The same SQL straight through asyncpg (same run, same database)",
        "",
        "The page's statements as the server sends them (the 50 newest invoices written as "
        f"JSON with their customers, lines and open amounts), {args.sql_iterations:,} "
        "iterations from "
        f"{args.concurrency} connections; *pool* acquires and releases a pooled connection "
        "around every statement as Tortoise does.",
        "",
        "| invoices | statements | iterations/s | p50 ms | p99 ms | server req/s (cache off) "
        "as % |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for p in pages:
        for r in p.uncached.raw:
            lines.append(
                f"| {p.invoices:,}: {r.name} | {r.statements} | {r.per_second:.0f} "
                f"| {r.p50_ms:.2f} | {r.p99_ms:.2f} "
                f"| {100 * p.uncached.hey.rps / r.per_second:.0f}% |"
            )
    last = pages[-1]
    for name, plan in last.plans:
        lines += [
            "",
            f"Plan of the {name} query over {last.invoices:,} invoices (EXPLAIN ANALYZE, BUFFERS):",
            "",
            "```",
            plan,
            "```",
        ]
    if last.profile is not None:
        lines += profile_lines(last.profile, f"pages over {last.invoices:,} invoices, cache off")
    lines += [
        "",
        f"First invoice of the page over {last.invoices:,} invoices (as answered):",
        "",
        "```json",
        json.dumps(last.first_page, indent=1)[:1500],
        "```",
    ]
    if payments is not None:
        r, c = payments.run, payments.checks
        counts = ", ".join(f"{n} x {k}" for k, n in sorted(payments.statements.items()))
        lines += [
            "",
            "## paymentRecord with one allocation",
            "",
            f"On the {pages[-1].invoices:,}-invoice data. Each request pays one different "
            "open invoice in full (the oldest invoices first): customer, date "
            f"{POST_DATE}, amount = the invoice total, deposit into 1010 Bank, one allocation "
            "of the whole amount. hey sends one body, so a client of our own does it: "
            f"bench.keepalive (asyncio streams, requests built before the run), "
            f"{args.concurrency} keep-alive connections, each sending its "
            "next payment when the answer to the previous one is in; client CPU is that "
            f"client's (its thread's CPU time). One payment first, {payments.warmup.load.requests} "
            f"warm-up payments, then {r.hey.requests:,} measured.",
            "",
            header,
            rule,
            _cpu_row("paymentRecord", r, counts, cpus),
            "",
            "SQL/req lists how many answers carried each `x-sql-statements` count "
            "(count x statements). HTTP status codes: "
            + _statuses(r.hey)
            + f"; answers refused or with errors: {payments.measured.refused}"
            + (f" ({' | '.join(payments.measured.examples)})" if payments.measured.examples else "")
            + "; warm-up: "
            + _statuses(payments.warmup.load)
            + f", {payments.warmup.refused} refused. Worker CPU split (percent, busiest "
            f"first): {split_text(r.worker_split)}.",
            "",
            "Processes outside the benchmark that used CPU during the measured run: "
            + (
                "; ".join(f"`{command}` {cores:.2f} cores" for command, cores in r.others)
                if r.others
                else "none seen above 0.05 cores"
            )
            + ".",
            "",
            "### What the database sessions were doing",
            "",
            f"pg_stat_activity of the benchmark database every 50 ms during the measured run "
            f"({payments.activity_samples} samples): average client sessions in each state.",
            "",
            "| state | wait event | average sessions |",
            "|---|---|---:|",
            *(
                f"| {state} | {wait or '(none: running)'} | {avg:.2f} |"
                for state, wait, avg in payments.activity
                if avg >= 0.005
            ),
            "",
            "### Checks in SQL after the load",
            "",
            f"- Payments recorded: {c.payments:,}; settlement allocations: {c.allocations:,}; "
            f"invoices paid by the runs now PAID with nothing open: {c.paid_invoices:,}; "
            f"successful answers: {payments.expected:,}: "
            + ("**all equal**." if c.ok(payments.expected) else "**NOT all equal**."),
            f"- Journal entries (the payments' own): {c.entries:,}, numbers "
            + ("**gapless 1..N**." if c.entries_gapless else "**NOT gapless**."),
        ]
        if payments.profile is not None:
            lines += profile_lines(payments.profile, "payments")
    lines += ["", "## Goals", ""]
    for p in pages:
        worst = max(count for _, _, count in p.pages)
        m = p.uncached
        total = m.worker_cpu_ms + m.postgres_cpu_ms + m.hey_cpu_ms
        lines.append(
            f"- {p.invoices:,} invoices, at most {GOAL_STATEMENTS} statements per page: "
            + (
                f"**met** (at most {worst} for every page size tried)."
                if worst <= GOAL_STATEMENTS
                else f"**not met** (up to {worst})."
            )
        )
        lines.append(
            f"- {p.invoices:,} invoices, `invoices(first: 50)` at {GOAL_PAGE_RPS:.0f} req/s "
            "with every request running its SQL: "
            + (
                f"**met** ({m.hey.rps:.0f} req/s)."
                if m.hey.rps >= GOAL_PAGE_RPS
                else f"**not met**: {m.hey.rps:.0f} req/s, "
                f"{100 * m.hey.rps / GOAL_PAGE_RPS:.0f}% of the goal, with "
                f"{m.other_cores:.2f} cores taken by other processes (CPU-bound ceiling at the "
                f"measured CPU per request: {cpus * 1000 / total:.0f} req/s)."
            )
            + f" A repeated page with the cache on: {p.cached.hey.rps:.0f} req/s."
        )
    if payments is not None:
        r = payments.run
        total = r.worker_cpu_ms + r.postgres_cpu_ms + r.hey_cpu_ms
        lines.append(
            f"- `paymentRecord` with one allocation at {args.concurrency} clients reaches "
            f"{GOAL_PAYMENT_RPS:.0f}/s: "
            + (
                f"**met** ({r.hey.rps:.0f}/s)."
                if r.hey.rps >= GOAL_PAYMENT_RPS and payments.checks.ok(payments.expected)
                else f"**not met**: {r.hey.rps:.0f}/s, {100 * r.hey.rps / GOAL_PAYMENT_RPS:.0f}% "
                f"of the goal, with {r.other_cores:.2f} cores taken by other processes "
                f"(CPU-bound ceiling at the measured CPU per payment: {cpus * 1000 / total:.0f}/s)."
            )
        )
    lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.receivables",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_common_arguments(parser)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument(
        "--invoices",
        default="100000,1000000",
        help="invoice counts to measure at, ascending, comma-separated (each load adds)",
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--requests", type=int, default=1600, help="per page workload")
    parser.add_argument("--warmup", type=int, default=160, help="per page workload")
    parser.add_argument("--sql-iterations", type=int, default=2000, help="raw asyncpg loop")
    parser.add_argument("--payments", type=int, default=2000, help="0: skip paymentRecord")
    parser.add_argument("--payment-warmup", type=int, default=160)
    parser.add_argument(
        "--profile", action="store_true", help="py-spy the workers (last page size, payments)"
    )
    parser.add_argument("--py-spy", default="/tmp/pyspy/bin/py-spy", help="py-spy executable")
    parser.add_argument("--profile-payments", type=int, default=800)
    parser.add_argument("--profile-pages", type=int, default=480)
    parser.add_argument(
        "--output", type=Path, help="report file (default bench/results/<date>-receivables.md)"
    )
    args = parser.parse_args(argv)
    for name in ("requests", "warmup"):
        setattr(args, name, round_to_clients(getattr(args, name), args.concurrency))
    check_common_arguments(parser, args)
    try:
        args.invoice_counts = [int(n) for n in args.invoices.split(",")]
    except ValueError:
        parser.error("--invoices takes comma-separated numbers")
    counts = args.invoice_counts
    if not counts or counts != sorted(counts) or counts[0] < 100:
        parser.error("--invoices: ascending counts of at least 100")
    if args.profile and not Path(args.py_spy).exists():
        parser.error(f"py-spy not found at {args.py_spy} (pip install --target /tmp/pyspy py-spy)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not require_hey():
        return 2
    output = args.output or RESULTS / f"{date.today().isoformat()}-receivables.md"
    started = time.monotonic()
    loads = [("start", loadavg())]
    load_at_start = loadavg()
    with throwaway_database(args, "receivables") as bench:
        dataset = generate_owner(bench, args.customers)
        org, user = uuid.UUID(dataset["organization_id"]), uuid.UUID(dataset["user_id"])
        accounts = asyncio.run(organization_accounts(bench.dsn, org))
        pages: list[PageResult] = []
        loaded = 0
        for count in args.invoice_counts:
            print(f"bench: loading invoices {loaded + 1:,}..{count:,}", flush=True)
            timing = asyncio.run(
                load_invoices(bench.dsn, org, user, accounts, loaded + 1, count, args.seed)
            )
            loaded = count
            print(
                f"bench: inserted in {timing['insert']:.1f}s, VACUUM ANALYZE "
                f"{timing['vacuum']:.1f}s",
                flush=True,
            )
            loads.append((f"before the {count:,}-invoice reads", loadavg()))
            measured = measure_pages(args, bench, dataset, count)
            pages.append(PageResult(count, timing, *measured))
        payments = None
        if args.payments > 0:
            loads.append(("before the payments", loadavg()))
            payments = measure_payments(args, bench, dataset)
        loads.append(("end", loadavg()))
        info = {
            **run_info(bench.dsn),
            "loadavg": load_at_start,
            "loads": loads[1:],
            "elapsed_s": time.monotonic() - started,
        }
        log_path = bench.log_path

    text = report(args, info, pages, payments)
    publish(output, text, started, log_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
