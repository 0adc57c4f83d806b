"""Aging benchmark: arAging over 1M invoices and apAging over 100k bills, beside raw SQL.

    python -m bench.aging            # or: python -m bench.run --only aging

Creates a throw-away database ledgerline_bench_aging_<stamp> on 127.0.0.1:5432 (user
postgres), migrates it, creates the owner, the organization and 5,000 customers
(bench.generate), then generates the receivables and payables straight in SQL
(generate_series, deterministic for a --seed):

- receivables: --invoices (1,000,000) invoice open items over the customers and
  2025-01-01..2026-11-23, 5% in EUR; 45% fully paid and 15% partly paid by a payment open
  item each with one allocation (1% of those allocations undone later, 3% of the payments
  larger than what they settle: unapplied credit), 1% written off, 2% voided, 3% disputed
  (60% of the disputes resolved later); the `invoices` rows the disputes refer to (one per
  invoice);
- payables: --vendors (1,000) vendors and --bills (100,000) bill open items with `bills` rows,
  the same mix without disputes;

then VACUUM ANALYZE, starts `ledgerline serve --workers 2` and signs in. For each ledger and
two dates (everything, and the end of 2025): one request and one raw run first, then
--iterations rounds alternating one GraphQL request (timed by the client) and one run of
exactly the statement `server.documents.aging.aging_sql` builds, through asyncpg on one
connection; min / median / max of each, the ratio of the medians, the workers' and
PostgreSQL's CPU per call, the CPU other processes used meanwhile, the load average, the
x-sql-statements header, and EXPLAIN (ANALYZE, BUFFERS) of the statement. The GraphQL totals
and row count are checked against the SQL rows.

No journal entries are generated: the aging reads open items, allocations, disputes and the
party names only, so the ledger is not needed for a read benchmark (the tie of the aging to
the control accounts is proved by the test suite, not here).

`--profile` also records the workers with py-spy (`--py-spy`) during a few more arAging
requests and summarises where the time goes. The server is stopped, the database dropped
(unless --keep-database) and bench/results/<YYYY-MM-DD>-aging.md written. Everything
listens on and connects to loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg

from bench.bulk import VENDORS_SQL
from bench.run import (
    RESULTS,
    Bench,
    Server,
    add_common_arguments,
    check_common_arguments,
    check_response,
    cpu_seconds,
    generate_owner,
    loadavg,
    machine_busy_seconds,
    peak_rss_mib,
    post,
    postgres_pids,
    publish,
    run_info,
    running_server,
    sign_in,
    throwaway_database,
    worker_pids,
)
from server.documents.aging import DEFAULT_BUCKETS, AgingBasis, aging_sql
from server.documents.models import Ledger

# Goals stated for the project (receivables and payables issues): the report through the
# real server takes at most this many times the raw SQL of the same aggregation.
GOAL_RATIO = 1.5
# Peak resident memory of a server worker, large reports included.
GOAL_RSS_MIB = 150

FIRST_DAY = date(2025, 1, 1)
LAST_DAY = date(2026, 11, 23)
AS_OF_DATES = (LAST_DAY, date(2025, 12, 31))

_MONEY = "{ amount currency }"
AR_AGING = f"""
query ArAging($asOf: Date!) {{
  arAging(asOf: $asOf) {{
    aging {{
      asOf basis currency
      buckets {{ label minDays maxDays }}
      rows {{
        customer {{ id name }}
        buckets {_MONEY} disputed {_MONEY} unappliedCredits {_MONEY} total {_MONEY}
      }}
      totals {{ buckets {_MONEY} disputed {_MONEY} unappliedCredits {_MONEY} total {_MONEY} }}
    }}
    userErrors {{ field message code }}
  }}
}}
"""

AP_AGING = f"""
query ApAging($asOf: Date!) {{
  apAging(asOf: $asOf) {{
    aging {{
      asOf currency
      buckets {{ label minDays maxDays }}
      rows {{
        vendor {{ id name }}
        buckets {_MONEY} unappliedCredits {_MONEY} total {_MONEY}
      }}
      totals {{ buckets {_MONEY} disputed {_MONEY} unappliedCredits {_MONEY} total {_MONEY} }}
    }}
    userErrors {{ field message code }}
  }}
}}
"""


@dataclass(frozen=True)
class Side:
    """One ledger's documents: what the generator writes and the report to ask for."""

    ledger: Ledger
    field: str  # GraphQL field
    query: str
    party_table: str
    charge_kind: str
    credit_kind: str
    prefix: str  # document numbers
    disputes: bool


RECEIVABLES = Side(
    Ledger.RECEIVABLE, "arAging", AR_AGING, "customers", "INVOICE", "PAYMENT", "INV", True
)
PAYABLES = Side(
    Ledger.PAYABLE, "apAging", AP_AGING, "vendors", "BILL", "BILL_PAYMENT", "BILL", False
)


# ---------------------------------------------------------------- data

# The fate of each charge is drawn once (f): voided, fully paid, partly paid, written off
# or left open; `r` draws are independent uniforms per document. Amounts are 100.00 to
# 5,000.00; EUR documents are booked at 1.08 and their payments at 1.10 (base USD), so
# charge- and credit-side base amounts of an allocation differ as in real life.
_CHARGES = """
CREATE TEMP TABLE bench_charges ON COMMIT DROP AS
SELECT s.n, md5($2 || '-charge-' || s.n)::uuid AS id, p.id AS party_id,
       s.d AS date, s.d + p.payment_terms_days AS due_date,
       s.amount, s.eur,
       CASE WHEN s.eur THEN round(s.amount * 1.08)::bigint ELSE s.amount END AS base,
       CASE WHEN s.f < 0.02 THEN 'void' WHEN s.f < 0.47 THEN 'paid'
            WHEN s.f < 0.62 THEN 'part' WHEN s.f < 0.63 THEN 'written_off' ELSE 'open' END
           AS fate,
       s.r1, s.r2, s.r3, s.r4
FROM (
    SELECT g AS n,
           floor($3::int * power(random(), 1.5))::int AS k,
           $4::date + floor(random() * $5::int)::int AS d,
           (10000 + floor(random() * 490000))::bigint AS amount,
           random() < 0.05 AS eur,
           random() AS f, random() AS r1, random() AS r2, random() AS r3, random() AS r4
    FROM generate_series(1, $1::int) g
) s
JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, payment_terms_days
      FROM {parties} WHERE organization_id = $6) p ON p.k = s.k
"""

# One payment per paid or partly paid charge: paid 0-74 days after the document date (not
# after the last day), the allocation on the same day; 1% of the allocations undone 10 days
# later; 3% of payments carry 50.00-500.00 more than they settle (unapplied credit).
_SETTLEMENTS = """
CREATE TEMP TABLE bench_settlements ON COMMIT DROP AS
SELECT c.n, c.id AS charge_id, md5($1 || '-credit-' || c.n)::uuid AS credit_id,
       md5($1 || '-allocation-' || c.n)::uuid AS allocation_id, c.party_id, c.eur,
       LEAST(c.date + floor(c.r1 * 75)::int, $2::date) AS date,
       CASE WHEN c.fate = 'paid' THEN c.amount
            ELSE greatest(1, round(c.amount * (0.2 + 0.6 * c.r2)))::bigint END AS applied,
       CASE WHEN c.r3 > 0.97 THEN (5000 + floor(c.r2 * 45000))::bigint ELSE 0 END AS extra,
       c.r4 < 0.01 AS undone
FROM bench_charges c WHERE c.fate IN ('paid', 'part')
"""

_OPEN_ITEM_COLUMNS = (
    "id, organization_id, ledger, kind, is_charge, party_id, number, currency, date, due_date, "
    "amount_minor, base_amount_minor, open_minor, open_base_minor, voided_on, created_at"
)

_CHARGE_ITEMS = f"""
INSERT INTO open_items ({_OPEN_ITEM_COLUMNS})
SELECT c.id, $1, $2, $3, true, c.party_id, $4 || '-' || lpad(c.n::text, 7, '0'),
       CASE WHEN c.eur THEN 'EUR' ELSE 'USD' END, c.date, c.due_date, c.amount, c.base,
       CASE WHEN c.fate IN ('void', 'paid', 'written_off') THEN 0
            WHEN c.fate = 'part' THEN c.amount - s.applied + CASE WHEN s.undone
                 THEN s.applied ELSE 0 END
            ELSE c.amount END,
       CASE WHEN c.fate IN ('void', 'paid', 'written_off') THEN 0
            WHEN c.fate = 'part' THEN c.base - CASE WHEN s.undone THEN 0 ELSE
                 CASE WHEN c.eur THEN round(s.applied * 1.08)::bigint ELSE s.applied END END
            ELSE c.base END,
       CASE WHEN c.fate = 'void' THEN c.date + 1 + floor(c.r2 * 20)::int END,
       c.date + time '09:00'
FROM bench_charges c LEFT JOIN bench_settlements s ON s.n = c.n
"""

_CREDIT_ITEMS = f"""
INSERT INTO open_items ({_OPEN_ITEM_COLUMNS})
SELECT s.credit_id, $1, $2, $3, false, s.party_id, NULL,
       CASE WHEN s.eur THEN 'EUR' ELSE 'USD' END, s.date, s.date,
       s.applied + s.extra,
       CASE WHEN s.eur THEN round((s.applied + s.extra) * 1.10)::bigint
            ELSE s.applied + s.extra END,
       s.extra + CASE WHEN s.undone THEN s.applied ELSE 0 END,
       CASE WHEN s.eur THEN round((s.extra + CASE WHEN s.undone THEN s.applied ELSE 0 END)
                                  * 1.10)::bigint
            ELSE s.extra + CASE WHEN s.undone THEN s.applied ELSE 0 END END,
       NULL, s.date + time '15:00'
FROM bench_settlements s
"""

_ALLOCATION_COLUMNS = (
    "id, organization_id, ledger, kind, charge_id, credit_id, amount_minor, "
    "charge_base_minor, credit_base_minor, date, reversed_on, created_at"
)

_SETTLEMENT_ALLOCATIONS = f"""
INSERT INTO allocations ({_ALLOCATION_COLUMNS})
SELECT s.allocation_id, $1, $2, 'SETTLEMENT', s.charge_id, s.credit_id, s.applied,
       CASE WHEN s.eur THEN round(s.applied * 1.08)::bigint ELSE s.applied END,
       CASE WHEN s.eur THEN round(s.applied * 1.10)::bigint ELSE s.applied END,
       s.date, CASE WHEN s.undone THEN s.date + 10 END, s.date + time '15:00'
FROM bench_settlements s
"""

# Written off 120 days after falling due (or on the last day), for the whole base amount.
_WRITE_OFFS = f"""
INSERT INTO allocations ({_ALLOCATION_COLUMNS})
SELECT md5($3 || '-write-off-' || c.n)::uuid, $1, $2, 'WRITE_OFF', c.id, NULL, c.amount,
       c.base, 0, LEAST(c.due_date + 120, $4::date), NULL, c.date + time '17:00'
FROM bench_charges c WHERE c.fate = 'written_off'
"""

_INVOICES = """
INSERT INTO invoices (id, organization_id, number, status, currency, issue_date, due_date,
    subtotal_minor, tax_minor, total_minor, voided_on, written_off_on, credit_limit_overridden,
    created_at, updated_at, issued_at, customer_id)
SELECT c.id, $1, $2 || '-' || lpad(c.n::text, 7, '0'),
       CASE c.fate WHEN 'void' THEN 'VOID' WHEN 'paid' THEN 'PAID'
            WHEN 'part' THEN 'PARTIALLY_PAID' WHEN 'written_off' THEN 'WRITTEN_OFF'
            ELSE 'ISSUED' END,
       CASE WHEN c.eur THEN 'EUR' ELSE 'USD' END, c.date, c.due_date,
       c.amount, 0, c.amount,
       CASE WHEN c.fate = 'void' THEN c.date + 1 + floor(c.r2 * 20)::int END,
       CASE WHEN c.fate = 'written_off' THEN LEAST(c.due_date + 120, $3::date) END,
       false, c.date + time '09:00', c.date + time '09:00', c.date + time '09:00', c.party_id
FROM bench_charges c
"""

_BILLS = """
INSERT INTO bills (id, organization_id, vendor_reference, status, currency, bill_date,
    due_date, subtotal_minor, tax_minor, total_minor, tolerance_overridden, voided_on,
    created_at, updated_at, approved_at, vendor_id)
SELECT c.id, $1, $2 || '-' || lpad(c.n::text, 7, '0'),
       CASE c.fate WHEN 'void' THEN 'VOID' WHEN 'paid' THEN 'PAID'
            WHEN 'part' THEN 'PARTIALLY_PAID' ELSE 'APPROVED' END,
       CASE WHEN c.eur THEN 'EUR' ELSE 'USD' END, c.date, c.due_date,
       c.amount, 0, c.amount,
       false, CASE WHEN c.fate = 'void' THEN c.date + 1 + floor(c.r2 * 20)::int END,
       c.date + time '09:00', c.date + time '09:00', c.date + time '10:00', c.party_id
FROM bench_charges c
"""

# 3% of the invoices that were not voided are disputed 5-44 days after their date (not
# after the last day); 60% of the disputes are resolved 10-69 days after being opened.
_DISPUTES = """
INSERT INTO disputes (id, organization_id, status, reason, opened_on, resolution,
    resolved_on, created_at, invoice_id)
SELECT md5($2 || '-dispute-' || d.n)::uuid, $1,
       CASE WHEN d.resolved_on IS NULL THEN 'OPEN' WHEN d.upheld THEN 'UPHELD'
            ELSE 'REJECTED' END,
       (ARRAY['PRICING', 'QUALITY', 'NOT_RECEIVED', 'DUPLICATE', 'OTHER'])[1 + d.n % 5],
       d.opened_on,
       CASE WHEN d.resolved_on IS NULL THEN NULL WHEN d.upheld THEN 'WRITE_OFF'
            ELSE 'REJECTED' END,
       d.resolved_on, d.opened_on + time '11:00', d.id
FROM (
    SELECT c.n, c.id, LEAST(c.date + 5 + floor(c.r2 * 40)::int, $3::date) AS opened_on,
           CASE WHEN c.r4 < 0.6 THEN LEAST(c.date + 5 + floor(c.r2 * 40)::int
                + 10 + floor(c.r1 * 60)::int, $3::date) END AS resolved_on,
           c.r1 < 0.3 AS upheld
    FROM bench_charges c WHERE c.fate <> 'void' AND c.r3 < 0.03
) d
"""


@dataclass
class Loaded:
    charges: int
    credits: int
    allocations: int
    disputes: int
    seconds: float


async def load_side(
    conn: asyncpg.Connection, side: Side, org: uuid.UUID, charges: int, seed: int
) -> Loaded:
    """Generate one ledger's documents in one transaction (see the module docstring)."""
    started = time.perf_counter()
    tag = f"{seed}-{side.ledger.value}"
    async with conn.transaction():
        await conn.execute(f"SELECT setseed({(seed % 1000) / 1000 - 0.5})")
        parties = await conn.fetchval(
            f"SELECT count(*) FROM {side.party_table} WHERE organization_id = $1", org
        )
        span = (LAST_DAY - FIRST_DAY).days + 1
        await conn.execute(
            _CHARGES.format(parties=side.party_table), charges, tag, parties, FIRST_DAY, span, org
        )
        await conn.execute(_SETTLEMENTS, tag, LAST_DAY)
        ledger = side.ledger.value
        await conn.execute(_CHARGE_ITEMS, org, ledger, side.charge_kind, side.prefix)
        await conn.execute(_CREDIT_ITEMS, org, ledger, side.credit_kind)
        await conn.execute(_SETTLEMENT_ALLOCATIONS, org, ledger)
        await conn.execute(_WRITE_OFFS, org, ledger, tag, LAST_DAY)
        if side.ledger == Ledger.RECEIVABLE:
            await conn.execute(_INVOICES, org, side.prefix, LAST_DAY)
        else:
            await conn.execute(_BILLS, org, side.prefix)
        if side.disputes:
            await conn.execute(_DISPUTES, org, tag, LAST_DAY)
        counts = await conn.fetchrow(
            """SELECT (SELECT count(*) FROM open_items WHERE organization_id = $1
                         AND ledger = $2 AND is_charge) AS charges,
                      (SELECT count(*) FROM open_items WHERE organization_id = $1
                         AND ledger = $2 AND NOT is_charge) AS credits,
                      (SELECT count(*) FROM allocations WHERE organization_id = $1
                         AND ledger = $2) AS allocations,
                      (SELECT count(*) FROM disputes WHERE organization_id = $1
                         AND $2 = 'RECEIVABLE') AS disputes""",
            org,
            ledger,
        )
    return Loaded(
        charges=counts["charges"],
        credits=counts["credits"],
        allocations=counts["allocations"],
        disputes=counts["disputes"],
        seconds=time.perf_counter() - started,
    )


async def load_data(
    dsn: str, org: uuid.UUID, invoices: int, vendors: int, bills: int, seed: int
) -> tuple[Loaded, Loaded, float]:
    """Receivables, vendors and payables, then VACUUM ANALYZE: (receivables, payables, s)."""
    conn = await asyncpg.connect(dsn)
    try:
        receivables = await load_side(conn, RECEIVABLES, org, invoices, seed)
        await conn.execute(VENDORS_SQL, org, str(seed), vendors)
        payables = await load_side(conn, PAYABLES, org, bills, seed)
        started = time.perf_counter()
        await conn.execute(
            "VACUUM (ANALYZE) open_items, allocations, disputes, invoices, bills, customers, "
            "vendors"
        )
        vacuum = time.perf_counter() - started
    finally:
        await conn.close()
    return receivables, payables, vacuum


# ---------------------------------------------------------------- measuring


@dataclass
class Samples:
    first_s: float  # the first call, not in the statistics
    samples: list[float]

    @property
    def min_s(self) -> float:
        return min(self.samples)

    @property
    def median_s(self) -> float:
        return statistics.median(self.samples)

    @property
    def max_s(self) -> float:
        return max(self.samples)


@dataclass
class AgingResult:
    side: Side
    as_of: date
    charges: int  # charges dated up to as_of
    rows: int
    total: str
    statements: int
    response_bytes: int
    graphql: Samples  # every request computes the report (a distinct query text)
    raw: Samples
    cached: Samples  # the same request repeated: answered from the workers' result cache
    worker_cpu_ms: float  # per GraphQL request, both workers
    postgres_cpu_graphql_ms: float  # PostgreSQL CPU per GraphQL request
    postgres_cpu_raw_ms: float  # PostgreSQL CPU per raw run
    other_cores: float  # CPU used by processes outside the benchmark during the rounds
    load_before: str
    load_after: str
    plan: str
    # VmHWM of each worker after this report's requests: the peak since the worker started,
    # so it covers every report measured before it too.
    rss_max_mib: float
    rss_sum_mib: float

    @property
    def ratio(self) -> float:
        return self.graphql.median_s / self.raw.median_s


def _minor(amount: str) -> int:
    return int(Decimal(amount) * 100)


def check_against_sql(
    side: Side, as_of: date, answer: dict[str, Any], rows: list[asyncpg.Record]
) -> None:
    """The GraphQL report must say what the SQL rows say: row count and every total."""
    aging = answer["aging"]
    if aging is None:
        raise RuntimeError(f"{side.field}({as_of}): no report: {answer['userErrors']}")
    columns = len(aging["buckets"])
    sql_buckets = [sum(int(r[f"b{k}"]) for r in rows) for k in range(columns)]
    sql_disputed = sum(int(r["disputed"]) for r in rows)
    sql_credits = sum(int(r["credits"]) for r in rows)
    totals = aging["totals"]
    got = (
        [_minor(b["amount"]) for b in totals["buckets"]],
        _minor(totals["disputed"]["amount"]),
        _minor(totals["unappliedCredits"]["amount"]),
        _minor(totals["total"]["amount"]),
        len(aging["rows"]),
    )
    want = (
        sql_buckets,
        sql_disputed,
        sql_credits,
        sum(sql_buckets) + sql_disputed + sql_credits,
        len(rows),
    )
    if got != want:
        raise RuntimeError(f"{side.field}({as_of}) disagrees with SQL: {got} != {want}")


def measure_aging(
    server: Server, token: str, dsn: str, org: uuid.UUID, side: Side, as_of: date, rounds: int
) -> AgingResult:
    """One request and one raw run, then `rounds` rounds alternating the two."""
    sql, params = aging_sql(org, side.ledger, as_of, AgingBasis.DUE_DATE, DEFAULT_BUCKETS)
    # The server keeps successful query results per worker, keyed by (among others) the
    # query text: a comment that differs per request makes every timed request compute the
    # report. The same text again is answered from that cache (measured apart).
    run_tag = uuid.uuid4().hex[:8]

    def graphql_once(tag: str | None) -> tuple[float, dict[str, Any], dict[str, str]]:
        query = side.query if tag is None else f"# {run_tag} {tag}\n{side.query}"
        body = {"query": query, "variables": {"asOf": as_of.isoformat()}}
        started = time.perf_counter()
        result, headers = post(server.url, body, token)
        took = time.perf_counter() - started
        check_response(result, side.field)
        return took, result, headers

    async def run() -> AgingResult:
        conn = await asyncpg.connect(dsn)
        try:
            charges = await conn.fetchval(
                "SELECT count(*) FROM open_items WHERE organization_id = $1 AND ledger = $2 "
                "AND is_charge AND date <= $3",
                org,
                side.ledger.value,
                as_of,
            )

            async def raw_once() -> tuple[float, list[asyncpg.Record]]:
                started = time.perf_counter()
                rows = await conn.fetch(sql, *params)
                return time.perf_counter() - started, rows

            first_g, result, headers = await asyncio.to_thread(graphql_once, "first")
            first_r, rows = await raw_once()
            check_against_sql(side, as_of, result["data"][side.field], rows)

            workers, pg = worker_pids(server.pid), postgres_pids()
            load_before = loadavg()
            g_times: list[float] = []
            r_times: list[float] = []
            worker_cpu = pg_graphql = pg_raw = 0.0
            busy_before, clock = machine_busy_seconds(), time.perf_counter()
            own_before = time.process_time()  # this process: the client side of both
            for index in range(rounds):
                # Alternate which goes first so neither always follows the other's caching.
                for kind in ("graphql", "raw") if index % 2 == 0 else ("raw", "graphql"):
                    w0, p0 = cpu_seconds(workers), cpu_seconds(pg)
                    if kind == "graphql":
                        took, again, _ = await asyncio.to_thread(graphql_once, f"round {index}")
                        g_times.append(took)
                        worker_cpu += cpu_seconds(workers) - w0
                        pg_graphql += cpu_seconds(pg) - p0
                    else:
                        took, rows = await raw_once()
                        r_times.append(took)
                        pg_raw += cpu_seconds(pg) - p0
            busy, elapsed = machine_busy_seconds() - busy_before, time.perf_counter() - clock
            ours = worker_cpu + pg_graphql + pg_raw + time.process_time() - own_before
            load_after = loadavg()
            check_against_sql(side, as_of, again["data"][side.field], rows)
            # The same request again and again: the first fills a worker's result cache.
            cached = [(await asyncio.to_thread(graphql_once, None))[0] for _ in range(rounds)]
            rss = [peak_rss_mib(pid) for pid in workers]
            explain = await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", *params)
        finally:
            await conn.close()
        answer = again["data"][side.field]["aging"]
        return AgingResult(
            side=side,
            as_of=as_of,
            charges=int(charges),
            rows=len(answer["rows"]),
            total=answer["totals"]["total"]["amount"],
            statements=int(headers.get("x-sql-statements", "-1")),
            response_bytes=len(json.dumps(again, separators=(",", ":"))),
            graphql=Samples(first_g, g_times),
            cached=Samples(cached[0], cached[1:] or cached),
            raw=Samples(first_r, r_times),
            worker_cpu_ms=worker_cpu / rounds * 1000,
            postgres_cpu_graphql_ms=pg_graphql / rounds * 1000,
            postgres_cpu_raw_ms=pg_raw / rounds * 1000,
            other_cores=max(0.0, busy - ours) / elapsed,
            load_before=load_before,
            load_after=load_after,
            plan="\n".join(r[0] for r in explain),
            rss_max_mib=max(rss, default=0.0),
            rss_sum_mib=sum(rss),
        )

    return asyncio.run(run())


# ---------------------------------------------------------------- profile

# Inclusive shares reported for an aging request: (label, regex on a frame).
PROFILE_FUNCTIONS = (
    ("the resolver (arAging / apAging), all of it", r"\.(ar|ap)_aging \("),
    ("  aging(): the SQL and building the rows", r"^aging \(.*server/documents/aging\.py"),
    ("    asyncpg (the query's round trip and decoding)", r"\(asyncpg/"),
    ("  customers / vendors by id (dataloader)", r"(dataloader\.py|crm/parties\.py)"),
    ("  Money values (from_minor)", r"from_minor \("),
    ("GraphQL result completion (graphql-core)", r"^Executor\.complete_"),
    ("JSON encoding of the response", r"(encode_json|json/encoder\.py|orjson)"),
    ("permission gate (authenticate + authorize)", r"has_permission \("),
)


@dataclass
class Profile:
    samples: int
    requests: int
    by_area: list[tuple[str, float]]
    inclusive: list[tuple[str, float]]


def run_profile(
    args: argparse.Namespace, server: Server, token: str, as_of: date, workdir: Path
) -> Profile | None:
    """py-spy over every worker while `--profile-requests` arAging requests run one by one."""
    import re

    from bench.observe import AREAS

    out = workdir / "aging-profile.txt"
    tag = uuid.uuid4().hex[:8]
    recorder = subprocess.Popen(
        [
            *(args.py_spy, "record", "--pid", str(server.pid), "--subprocesses"),
            *("--rate", "100", "--format", "raw", "--output", str(out), "--nonblocking"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(2)  # let py-spy attach
        for index in range(args.profile_requests):
            # A distinct query text each time, so that every request computes the report.
            body = {"query": f"# {tag} {index}\n{AR_AGING}", "variables": {"asOf": str(as_of)}}
            check_response(post(server.url, body, token)[0], "arAging")
    finally:
        recorder.send_signal(2)  # SIGINT: py-spy writes what it has and exits
        try:
            recorder.wait(timeout=60)
        except subprocess.TimeoutExpired:
            recorder.kill()
            recorder.wait(timeout=10)
    if not out.exists():
        stderr = recorder.stderr.read().decode() if recorder.stderr else ""
        print(f"bench: py-spy wrote no profile: {stderr[-500:]}", flush=True)
        return None
    stacks = []
    for line in out.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            frames = stack.split(";")
            if any("spawn_main" in frame for frame in frames[:3]):
                stacks.append((frames, int(count)))
    total = sum(n for _, n in stacks) or 1
    areas: collections.Counter[str] = collections.Counter()
    for frames, n in stacks:
        leaf = frames[-1]
        areas[next((name for key, name in AREAS if key in leaf), "other (Python runtime, C)")] += n
    inclusive = []
    for label, pattern in PROFILE_FUNCTIONS:
        regex = re.compile(pattern)
        hits = sum(n for frames, n in stacks if any(regex.search(f) for f in frames))
        inclusive.append((label, 100 * hits / total))
    return Profile(
        samples=total,
        requests=args.profile_requests,
        by_area=[(name, 100 * n / total) for name, n in areas.most_common()],
        inclusive=inclusive,
    )


# ---------------------------------------------------------------- report


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def _loaded_line(name: str, loaded: Loaded, side: Side) -> str:
    credit = "payments" if side.ledger == Ledger.RECEIVABLE else "bill payments"
    return (
        f"- {name}: {loaded.charges:,} {side.charge_kind.lower()} open items, "
        f"{loaded.credits:,} {credit}, {loaded.allocations:,} allocations"
        + (f", {loaded.disputes:,} disputes" if side.disputes else "")
        + f" (generated in SQL in {loaded.seconds:.1f}s)"
    )


def report(
    args: argparse.Namespace,
    info: dict[str, Any],
    loaded: tuple[Loaded, Loaded],
    results: list[AgingResult],
    profile: Profile | None,
) -> str:
    cpus = os.cpu_count() or 1
    lines = [
        f"# Aging benchmark, {info['date']}",
        "",
        "Generated by `python -m bench.aging` (see bench/README.md).",
        "",
        "## Setup",
        "",
        f"- Commit `{info['commit']}`{' (working tree modified)' if info['dirty'] else ''}",
        f"- Machine: {cpus} CPUs ({info['cpu']}), Python {platform.python_version()}, "
        f"{info['postgres']}",
        f"- Server: `ledgerline serve --workers {args.workers}` on loopback, "
        "LEDGERLINE_ENV=development, log level WARNING; PostgreSQL, the server and the client "
        "share the machine",
        f"- Load average when the run started: {info['loadavg']}; whole run "
        f"{info['elapsed_s']:.0f}s",
        f"- Data: one organization (base USD), {args.customers:,} customers and "
        f"{args.vendors:,} vendors, documents dated {FIRST_DAY} to {LAST_DAY}:",
        _loaded_line("receivables", loaded[0], RECEIVABLES),
        _loaded_line("payables", loaded[1], PAYABLES),
        f"- then VACUUM ANALYZE in {info['vacuum_s']:.1f}s. Charges: 45% fully and 15% partly "
        "paid (one payment each, 1% of those allocations undone 10 days later, 3% of the "
        "payments larger than what they settle), 1% written off, 2% voided, the rest open; "
        "5% in EUR (charges at 1.08, payments at 1.10). Receivables: 3% of the invoices "
        "disputed, 60% of the disputes resolved later. `invoices` and `bills` rows exist for "
        "every charge; no journal entries, lines, or payment documents (the aging reads "
        "only open items, allocations, disputes and the party names).",
        "",
        "## Aging through the server beside its raw SQL",
        "",
        f"For each report and date: one GraphQL request and one raw run first (the *first* "
        f"columns, not in the statistics), then {args.iterations} rounds of one GraphQL "
        "request (timed by the client, end to end over HTTP) and one run of the statement "
        "`server.documents.aging.aging_sql` builds for the same arguments (DUE_DATE basis, "
        "default buckets), straight through asyncpg on one connection, alternating which goes "
        "first. Each of those GraphQL requests starts with a different comment, so that none "
        "is answered from the workers' per-process result cache (schema/cache.py, keyed on "
        "the query text among others) and every one computes the report. The GraphQL totals "
        "and row counts were checked against the SQL rows. Ratio = GraphQL median / raw SQL "
        "median. *Cached* is the same request sent again and again afterwards (answered from "
        "the result cache once a worker has it; median of the repeats), for reference only.",
        "",
        "| report | asOf | charges to date | rows | total | SQL/req | GraphQL first ms "
        "| GraphQL min / median / max ms | raw first ms | raw min / median / max ms "
        "| ratio | cached median ms | response KiB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        g, w = r.graphql, r.raw
        lines.append(
            f"| {r.side.field} | {r.as_of} | {r.charges:,} | {r.rows:,} | {r.total} "
            f"| {r.statements} | {_ms(g.first_s)} | {_ms(g.min_s)} / {_ms(g.median_s)} / "
            f"{_ms(g.max_s)} | {_ms(w.first_s)} | {_ms(w.min_s)} / {_ms(w.median_s)} / "
            f"{_ms(w.max_s)} | **{r.ratio:.2f}** | {_ms(r.cached.median_s)} "
            f"| {r.response_bytes / 1024:.0f} |"
        )
    lines += [
        "",
        "### CPU and load during the rounds",
        "",
        "CPU read from /proc before and after each call. PostgreSQL's CPU is summed over "
        "every `postgres` process on the machine, so other databases' work during a call "
        "counts too. *Other processes* is the machine's busy CPU during the rounds less the "
        "workers', PostgreSQL's and this client's, in cores: other jobs sharing the machine, "
        "which stretch both sides' times. *Peak RSS* is VmHWM of each worker read after the "
        "report's cached repeats: the high-water mark since the worker started, so it covers "
        "every report measured before it as well.",
        "",
        "| report | asOf | worker CPU ms/req | PostgreSQL CPU ms per GraphQL req "
        "| PostgreSQL CPU ms per raw run | other processes (cores) | load average before "
        "-> after | peak RSS MiB (max / sum) |",
        "|---|---|---:|---:|---:|---:|---|---:|",
        *(
            f"| {r.side.field} | {r.as_of} | {r.worker_cpu_ms:.0f} | "
            f"{r.postgres_cpu_graphql_ms:.0f} | {r.postgres_cpu_raw_ms:.0f} | "
            f"{r.other_cores:.2f} | {r.load_before} -> {r.load_after} "
            f"| {r.rss_max_mib:.0f} / {r.rss_sum_mib:.0f} |"
            for r in results
        ),
    ]
    for r in results:
        if r.as_of != AS_OF_DATES[0]:
            continue
        lines += [
            "",
            f"### Plan of the {r.side.field} statement for asOf {r.as_of} "
            "(EXPLAIN ANALYZE, BUFFERS)",
            "",
            "```",
            r.plan,
            "```",
        ]
    if profile is not None:
        lines += [
            "",
            "### Where the workers' time goes (py-spy)",
            "",
            f"py-spy (100 Hz, every worker) during {profile.requests} more arAging requests "
            f"for {AS_OF_DATES[0]}, one at a time; {profile.samples:,} busy samples in the "
            "workers (py-spy leaves out idle ones; C and Cython code counts for the Python "
            "frame that called it).",
            "",
            "| innermost frame in | share of busy samples |",
            "|---|---:|",
            *(f"| {name} | {share:.1f}% |" for name, share in profile.by_area),
            "",
            "| inclusive: samples under | share |",
            "|---|---:|",
            *(f"| {label} | {share:.1f}% |" for label, share in profile.inclusive),
        ]
    lines += ["", "## Goals", ""]
    for field_name, goal in (
        ("arAging", f"over {loaded[0].charges:,} invoices"),
        ("apAging", f"over {loaded[1].charges:,} bills"),
    ):
        main = next(r for r in results if r.side.field == field_name and r.as_of == LAST_DAY)
        verdict = "**met**" if main.ratio <= GOAL_RATIO else "**not met**"
        lines.append(
            f"- `{field_name}(asOf: {LAST_DAY})` {goal} takes at most {GOAL_RATIO}x the raw "
            f"SQL of the same aggregation in the same run: {verdict} (median "
            f"{_ms(main.graphql.median_s)} ms against {_ms(main.raw.median_s)} ms: "
            f"{main.ratio:.2f}x; load average {main.load_before} before the rounds)."
        )
    peak = max(r.rss_max_mib for r in results)
    verdict = "**met**" if peak <= GOAL_RSS_MIB else "**not met**"
    lines.append(
        f"- Peak RSS per worker at most {GOAL_RSS_MIB} MiB through every report above: "
        f"{verdict} (largest VmHWM of a worker {peak:.0f} MiB)."
    )
    lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.aging",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_common_arguments(parser)
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=5_000)
    parser.add_argument("--bills", type=int, default=100_000)
    parser.add_argument("--vendors", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--iterations", type=int, default=7, help="rounds per report and date")
    parser.add_argument("--profile", action="store_true", help="py-spy the workers")
    parser.add_argument("--py-spy", default="/tmp/pyspy/bin/py-spy", help="py-spy executable")
    parser.add_argument("--profile-requests", type=int, default=8)
    parser.add_argument(
        "--output", type=Path, help="report file (default bench/results/<date>-aging.md)"
    )
    args = parser.parse_args(argv)
    check_common_arguments(parser, args)
    if min(args.invoices, args.customers, args.bills, args.vendors, args.iterations) < 1:
        parser.error("counts and --iterations must be positive")
    if args.profile and not Path(args.py_spy).exists():
        parser.error(f"py-spy not found at {args.py_spy} (pip install --target /tmp/pyspy py-spy)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    output = args.output or RESULTS / f"{date.today().isoformat()}-aging.md"
    started = time.monotonic()
    load_at_start = loadavg()
    bench: Bench
    with throwaway_database(args, "aging") as bench:
        dataset = generate_owner(bench, customers=args.customers)
        org = uuid.UUID(dataset["organization_id"])
        # The server starts right after the migration (its /readyz compares the applied
        # migrations with the files), then sits idle while the documents are generated.
        with running_server(bench, args.workers) as server:
            token = sign_in(server.url, dataset["email"], dataset["password"])
            print(
                f"bench: generating {args.invoices:,} invoices and {args.bills:,} bills",
                flush=True,
            )
            receivables, payables, vacuum = asyncio.run(
                load_data(bench.dsn, org, args.invoices, args.vendors, args.bills, args.seed)
            )
            print(
                f"bench: receivables {receivables.seconds:.1f}s, payables "
                f"{payables.seconds:.1f}s, VACUUM ANALYZE {vacuum:.1f}s",
                flush=True,
            )
            results = []
            for side in (RECEIVABLES, PAYABLES):
                for as_of in AS_OF_DATES:
                    print(f"  {side.field}(asOf: {as_of}): {args.iterations} rounds", flush=True)
                    results.append(
                        measure_aging(server, token, bench.dsn, org, side, as_of, args.iterations)
                    )
            profile = None
            if args.profile:
                print(f"  profiling {args.profile_requests} arAging requests", flush=True)
                profile = run_profile(args, server, token, AS_OF_DATES[0], bench.workdir)
        info = {
            **run_info(bench.dsn),
            "loadavg": load_at_start,
            "vacuum_s": vacuum,
            "elapsed_s": time.monotonic() - started,
        }
        log_path = bench.log_path

    text = report(args, info, (receivables, payables), results, profile)
    publish(output, text, started, log_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
