"""Ledger benchmark: posting journal entries and the trial balance over 1M journal lines.

    python -m bench.ledger            # or: python -m bench.run --only ledger

Creates a throw-away database ledgerline_bench_ledger_<stamp> on 127.0.0.1:5432 (user
postgres), migrates it, creates the owner and organization (bench.generate, no customers),
bulk-loads 500,000 balanced two-line posted entries (1,000,000 journal lines, dates over
2025-2026) with COPY, sets the next entry number, VACUUM ANALYZE, starts
`ledgerline serve --workers 2` and signs in. Then:

1. trialBalance(asOf) over the 1M lines: a few sequential GraphQL requests (min / median /
   max), beside the raw aggregation of reports.totals_by_account through asyncpg the same
   number of times, and its EXPLAIN ANALYZE; the GraphQL totals are checked against SQL.
2. journalEntryCreate(post: true) of a 3-line entry (Dr 6300 rent 100.00, Dr 1400 tax 20.00,
   Cr 1010 bank 120.00) under `hey -c 16`: req/s, p50/p99, SQL statements per request,
   worker/PostgreSQL/hey CPU per request and what the database sessions were doing
   (pg_stat_activity sampled every 50 ms). Afterwards SQL checks that entry numbers are
   gapless 1..N, that the new entries are exactly the 200 responses, each with 3 balanced
   lines and one audit event, and that the next entry number is N + 1.
3. The database work of one posting straight through asyncpg from 16 connections (the
   same statements in the same transaction, no Python application around them), for
   comparison; the numbers stay gapless.

`--profile` also runs py-spy (`--py-spy`, not a project dependency) over every worker
during one more posting run and summarises where the time goes. Then the server is
stopped, the database dropped and bench/results/<YYYY-MM-DD>-ledger.md written.
Everything listens on and connects to loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg

from bench.observe import ActivitySampler, Profile, run_profile
from bench.run import (
    RESULTS,
    SQL_AUTH,
    Bench,
    LoadRun,
    Server,
    add_common_arguments,
    check_common_arguments,
    check_response,
    cpu_seconds,
    generate_owner,
    global_id,
    jwt_claims,
    load_run,
    loadavg,
    percentile,
    post,
    postgres_pids,
    publish,
    require_hey,
    round_to_clients,
    run_hey,
    run_info,
    running_server,
    sign_in,
    throwaway_database,
    worker_pids,
)

# Goals stated for the project (the ledger issue).
GOAL_POST_RPS = 300.0
GOAL_TRIAL_BALANCE_S = 1.0

POST_ENTRY = """
mutation PostEntry($input: JournalEntryCreateInput!) {
  journalEntryCreate(input: $input) {
    journalEntry { id number status date }
    userErrors { field message code }
  }
}
"""

TRIAL_BALANCE = """
query TrialBalance($asOf: Date!) {
  trialBalance(asOf: $asOf) {
    asOf
    rows {
      account { id code name }
      debit { amount currency }
      credit { amount currency }
    }
    totalDebit { amount currency }
    totalCredit { amount currency }
  }
}
"""

# reports.totals_by_account for trial_balance, as the server sends it.
SQL_TOTALS = """SELECT l.account_id AS account_id,
                   SUM(l.base_debit_minor) AS debit, SUM(l.base_credit_minor) AS credit
            FROM journal_lines l WHERE l.organization_id = $1 AND l.date <= $2  GROUP BY \
l.account_id"""

ENTRY_COLUMNS = (
    "id",
    "organization_id",
    "number",
    "status",
    "date",
    "memo",
    "created_by_id",
    "posted_by_id",
    "created_at",
    "posted_at",
)
LINE_COLUMNS = (
    "organization_id",
    "entry_id",
    "line_no",
    "account_id",
    "currency",
    "debit_minor",
    "credit_minor",
    "base_debit_minor",
    "base_credit_minor",
    "exchange_rate",
    "date",
)

# (debit account code, credit account code, memo) of the bulk-loaded entries.
ENTRY_KINDS = (
    ("1100", "4000", "Invoice"),
    ("1100", "4100", "Service invoice"),
    ("1010", "1100", "Customer payment"),
    ("5000", "1200", "Cost of goods sold"),
    ("1200", "2000", "Stock purchase"),
    ("2000", "1010", "Supplier payment"),
    ("6000", "1010", "Advertising"),
    ("6100", "1010", "Bank fees"),
    ("6200", "2000", "Office supplies"),
    ("6300", "1010", "Rent"),
    ("6400", "1010", "Utilities"),
    ("6500", "1010", "Payroll"),
    ("6700", "1010", "Software subscription"),
    ("1010", "2500", "Loan drawdown"),
)
FIRST_DAY, LAST_DAY = date(2025, 1, 1), date(2026, 12, 31)

POSTED_LINES = (
    ("6300", "DEBIT", "100.00"),
    ("1400", "DEBIT", "20.00"),
    ("1010", "CREDIT", "120.00"),
)
POST_DATE = date(2026, 11, 23)


# ---------------------------------------------------------------- bulk data


async def organization_accounts(dsn: str, org: uuid.UUID) -> dict[str, uuid.UUID]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            'SELECT "code", "id" FROM "accounts" WHERE "organization_id" = $1', org
        )
    finally:
        await conn.close()
    return {r["code"]: r["id"] for r in rows}


async def load_entries(
    dsn: str,
    org: uuid.UUID,
    user: uuid.UUID,
    accounts: dict[str, uuid.UUID],
    entries: int,
    seed: int,
    chunk: int = 50_000,
    first_number: int = 1,
) -> dict[str, float]:
    """COPY `entries` posted two-line entries (numbered from `first_number` in date order)
    and their lines, set the next entry number, VACUUM ANALYZE; the seconds each step took.
    The ids come from `seed`: a later load needs a seed of its own."""
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days + 1
    days = sorted(rng.randrange(span) for _ in range(entries))
    timings: dict[str, float] = {}
    conn = await asyncpg.connect(dsn)
    try:
        started = time.perf_counter()
        async with conn.transaction():
            for first in range(0, entries, chunk):
                entry_rows, line_rows = [], []
                for index in range(first, min(first + chunk, entries)):
                    on = FIRST_DAY + timedelta(days=days[index])
                    debit, credit, memo = ENTRY_KINDS[rng.randrange(len(ENTRY_KINDS))]
                    amount = rng.randrange(100, 500_000)
                    entry_id = uuid.UUID(int=rng.getrandbits(128), version=4)
                    at = datetime(on.year, on.month, on.day, 9, tzinfo=UTC) + timedelta(
                        seconds=rng.randrange(8 * 3600)
                    )
                    number = first_number + index
                    entry_rows.append(
                        (entry_id, org, number, "POSTED", on, memo, user, user, at, at)
                    )
                    for line_no, code, dr, cr in ((1, debit, amount, 0), (2, credit, 0, amount)):
                        line_rows.append(
                            (org, entry_id, line_no, accounts[code], "USD", dr, cr, dr, cr, "1", on)
                        )
                await conn.copy_records_to_table(
                    "journal_entries", records=entry_rows, columns=ENTRY_COLUMNS
                )
                await conn.copy_records_to_table(
                    "journal_lines", records=line_rows, columns=LINE_COLUMNS
                )
            await conn.execute(
                'UPDATE "ledger_settings" SET "next_entry_number" = $1 '
                'WHERE "organization_id" = $2',
                first_number + entries,
                org,
            )
        timings["copy"] = time.perf_counter() - started
        started = time.perf_counter()
        await conn.execute("VACUUM (ANALYZE) journal_entries, journal_lines")
        timings["vacuum"] = time.perf_counter() - started
    finally:
        await conn.close()
    return timings


# ---------------------------------------------------------------- trial balance


@dataclass
class Timings:
    """Sequential timings of one operation, in seconds."""

    name: str
    first_s: float  # the first (warm-up) call, not in the statistics
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
class TrialBalanceResult:
    as_of: date
    lines: int  # journal lines of the organization dated up to as_of
    rows: int  # accounts with a balance in the answer
    total: str  # total debit = total credit
    statements: int
    response_bytes: int
    graphql: Timings
    raw: Timings
    worker_cpu_ms: float  # per GraphQL request, both workers
    plan: str


def expected_totals(rows: list[asyncpg.Record]) -> tuple[int, int]:
    """(accounts with a balance, total debit balance) computed from the raw SQL sums."""
    nets = [int(r["debit"]) - int(r["credit"]) for r in rows]
    return sum(1 for n in nets if n), sum(n for n in nets if n > 0)


def measure_trial_balance(
    server: Server, token: str, dsn: str, org: uuid.UUID, as_of: date, iterations: int
) -> TrialBalanceResult:
    body = {"query": TRIAL_BALANCE, "variables": {"asOf": as_of.isoformat()}}

    def one() -> tuple[float, dict[str, Any], dict[str, str]]:
        started = time.perf_counter()
        result, headers = post(server.url, body, token)
        return time.perf_counter() - started, result, headers

    first, result, headers = one()
    check_response(result, "trialBalance")
    answer = result["data"]["trialBalance"]
    workers = worker_pids(server.pid)
    cpu_before = cpu_seconds(workers)
    samples = []
    for _ in range(iterations):
        took, again, _ = one()
        check_response(again, "trialBalance")
        samples.append(took)
    worker_cpu_ms = (cpu_seconds(workers) - cpu_before) / iterations * 1000

    async def raw() -> tuple[Timings, int, list[asyncpg.Record], str]:
        conn = await asyncpg.connect(dsn)
        try:
            lines = await conn.fetchval(
                "SELECT count(*) FROM journal_lines WHERE organization_id = $1 AND date <= $2",
                org,
                as_of,
            )
            times = []
            rows: list[asyncpg.Record] = []
            for _ in range(iterations + 1):
                started = time.perf_counter()
                rows = await conn.fetch(SQL_TOTALS, org, as_of)
                times.append(time.perf_counter() - started)
            plan = await conn.fetch(
                f"EXPLAIN (ANALYZE, BUFFERS) {SQL_TOTALS}".replace("$1", f"'{org}'").replace(
                    "$2", f"'{as_of.isoformat()}'"
                )
            )
        finally:
            await conn.close()
        text = "\n".join(r[0] for r in plan)
        return Timings("raw SQL", times[0], times[1:]), int(lines), rows, text

    raw_timings, lines, rows, plan = asyncio.run(raw())
    count, total_minor = expected_totals(rows)
    debit, credit = answer["totalDebit"]["amount"], answer["totalCredit"]["amount"]
    if Decimal(debit) != Decimal(credit):
        raise RuntimeError(f"trialBalance({as_of}) does not balance: {debit} != {credit}")
    if Decimal(debit) != Decimal(total_minor) / 100 or len(answer["rows"]) != count:
        raise RuntimeError(
            f"trialBalance({as_of}) disagrees with SQL: {debit} over {len(answer['rows'])} rows, "
            f"SQL {Decimal(total_minor) / 100} over {count}"
        )
    return TrialBalanceResult(
        as_of=as_of,
        lines=lines,
        rows=count,
        total=debit,
        statements=int(headers.get("x-sql-statements", "-1")),
        response_bytes=len(json.dumps(result, separators=(",", ":"))),
        graphql=Timings("trialBalance", first, samples),
        raw=raw_timings,
        worker_cpu_ms=worker_cpu_ms,
        plan=plan,
    )


# ---------------------------------------------------------------- posting


@dataclass
class Verification:
    entries: int  # in the organization after the run
    first_number: int
    last_number: int
    distinct_numbers: int
    next_number: int
    new_entries: int
    expected_new: int  # 200 responses (hey + the checks made one by one)
    new_lines: int
    bad_entries: int  # new entries without exactly 3 lines that balance
    audit_events: int  # journal_entry.post events for the new entries

    @property
    def gapless(self) -> bool:
        return (
            self.first_number == 1
            and self.last_number == self.entries
            and self.distinct_numbers == self.entries
            and self.next_number == self.entries + 1
        )

    @property
    def ok(self) -> bool:
        return (
            self.gapless
            and self.new_entries == self.expected_new
            and self.new_lines == 3 * self.new_entries
            and self.bad_entries == 0
            and self.audit_events == self.new_entries
        )


async def entry_count(dsn: str, org: uuid.UUID) -> int:
    conn = await asyncpg.connect(dsn)
    try:
        return int(
            await conn.fetchval(
                "SELECT count(*) FROM journal_entries WHERE organization_id = $1", org
            )
        )
    finally:
        await conn.close()


async def verify(dsn: str, org: uuid.UUID, before: int, expected_new: int) -> Verification:
    conn = await asyncpg.connect(dsn)
    try:
        numbers = await conn.fetchrow(
            """SELECT count(*) AS n, min(number) AS lo, max(number) AS hi,
                      count(DISTINCT number) AS d
               FROM journal_entries WHERE organization_id = $1 AND status = 'POSTED'""",
            org,
        )
        next_number = await conn.fetchval(
            "SELECT next_entry_number FROM ledger_settings WHERE organization_id = $1", org
        )
        new = await conn.fetchrow(
            """SELECT count(*) AS entries,
                      COALESCE(sum(n), 0) AS lines,
                      count(*) FILTER (WHERE n <> 3 OR dr <> cr OR dr <> 12000) AS bad
               FROM (SELECT e.id, count(l.id) AS n, sum(l.base_debit_minor) AS dr,
                            sum(l.base_credit_minor) AS cr
                     FROM journal_entries e LEFT JOIN journal_lines l ON l.entry_id = e.id
                     WHERE e.organization_id = $1 AND e.number > $2
                     GROUP BY e.id) AS per_entry""",
            org,
            before,
        )
        audit = await conn.fetchval(
            """SELECT count(*) FROM audit_events a JOIN journal_entries e
                 ON a.object_id = e.id::text
               WHERE a.organization_id = $1 AND a.action = 'journal_entry.post'
                 AND e.organization_id = $1 AND e.number > $2""",
            org,
            before,
        )
    finally:
        await conn.close()
    return Verification(
        entries=int(numbers["n"]),
        first_number=int(numbers["lo"] or 0),
        last_number=int(numbers["hi"] or 0),
        distinct_numbers=int(numbers["d"]),
        next_number=int(next_number),
        new_entries=int(new["entries"]),
        expected_new=expected_new,
        new_lines=int(new["lines"]),
        bad_entries=int(new["bad"]),
        audit_events=int(audit),
    )


@dataclass
class PostingResult:
    statements: int
    sample_response: dict[str, Any]
    warmup_statuses: dict[str, int]
    run: LoadRun
    activity: list[tuple[str, str, float]]
    activity_samples: int
    verification: Verification
    raw: list[RawPosting] = field(default_factory=list)
    raw_verification: Verification | None = None
    profile: Profile | None = None


def posting_body(accounts: dict[str, uuid.UUID]) -> dict[str, Any]:
    return {
        "query": POST_ENTRY,
        "variables": {
            "input": {
                "date": POST_DATE.isoformat(),
                "memo": "Office rent November",
                "post": True,
                "lines": [
                    {"accountId": global_id("Account", accounts[code]), "side": side, "amount": x}
                    for code, side, x in POSTED_LINES
                ],
            }
        },
    }


def post_one(server: Server, body: dict[str, Any], token: str) -> tuple[dict[str, Any], int]:
    """One posting; (the answer, SQL statements), after checking it has no userErrors."""
    result, headers = post(server.url, body, token)
    check_response(result, "journalEntryCreate")
    payload = result["data"]["journalEntryCreate"]
    if payload["userErrors"] != [] or not payload["journalEntry"]:
        raise RuntimeError(f"journalEntryCreate refused: {payload}")
    return result, int(headers.get("x-sql-statements", "-1"))


def measure_posting(
    args: argparse.Namespace,
    bench: Bench,
    server: Server,
    token: str,
    org: uuid.UUID,
    accounts: dict[str, uuid.UUID],
) -> PostingResult:
    body = posting_body(accounts)
    body_file = bench.workdir / "post-entry.json"
    body_file.write_text(json.dumps(body))
    before = asyncio.run(entry_count(bench.dsn, org))

    first, statements = post_one(server, body, token)
    number = first["data"]["journalEntryCreate"]["journalEntry"]["number"]
    if number != before + 1:
        raise RuntimeError(f"first posted entry has number {number}, expected {before + 1}")

    print(f"  posting: warm-up {args.post_warmup} requests", flush=True)
    warmup = run_hey(server.url, body_file, token, args.post_warmup, args.concurrency, 120)

    print(f"  posting: {args.post_requests} requests, {args.concurrency} concurrent", flush=True)
    sampler = ActivitySampler(bench.dsn, bench.database)
    sampler.start()
    try:
        run = load_run(
            server.url, body_file, token, args.post_requests, args.concurrency, server.pid
        )
    finally:
        sampler.done.set()
        sampler.join(timeout=10)

    sample, _ = post_one(server, body, token)  # a sample answer, after the load
    ok = warmup.statuses.get("200", 0) + run.hey.statuses.get("200", 0) + 2
    verification = asyncio.run(verify(bench.dsn, org, before, ok))
    return PostingResult(
        statements=statements,
        sample_response=sample,
        warmup_statuses=warmup.statuses,
        run=run,
        activity=sampler.averages(),
        activity_samples=sampler.samples,
        verification=verification,
    )


# ---------------------------------------------------------------- raw posting


@dataclass
class RawPosting:
    name: str
    round_trips: int  # per posting, BEGIN and COMMIT included
    under_lock: int  # round trips while ledger_settings is locked, COMMIT included
    iterations: int
    per_second: float
    p50_ms: float
    p99_ms: float
    client_cpu_ms: float  # the asyncpg client (this process), per iteration
    postgres_cpu_ms: float


SQL_ORGANIZATION = 'SELECT "base_currency" FROM "organizations" WHERE "id" = $1 LIMIT 2'
SQL_ACCOUNTS = (
    'SELECT "id", "code", "type", "subtype", "currency", "is_control", "status" '
    'FROM "accounts" WHERE "organization_id" = $1 AND "id" = ANY($2::uuid[])'
)
SQL_LOCK_SETTINGS = (
    'SELECT "next_entry_number", "lock_date" FROM "ledger_settings" '
    'WHERE "organization_id" = $1 FOR UPDATE'
)
SQL_INSERT_ENTRY = (
    'INSERT INTO "journal_entries" ("id", "organization_id", "number", "status", "date", '
    '"memo", "created_by_id", "posted_by_id", "created_at", "posted_at") '
    "VALUES ($1, $2, $3, 'POSTED', $4, $5, $6, $6, $7, $7)"
)
SQL_BUMP_NUMBER = (
    'UPDATE "ledger_settings" SET "next_entry_number" = $1 WHERE "organization_id" = $2'
)
_LINE_INSERT = (
    'INSERT INTO "journal_lines" ("organization_id", "entry_id", "line_no", "account_id", '
    '"currency", "debit_minor", "credit_minor", "base_debit_minor", "base_credit_minor", '
    '"exchange_rate", "date") '
)
SQL_INSERT_LINES = (
    _LINE_INSERT + "SELECT $1, $2, n, a, 'USD', d, c, d, c, '1', $3 FROM unnest("
    "$4::int[], $5::uuid[], $6::bigint[], $7::bigint[]) AS t(n, a, d, c)"
)
# Number, entry and lines in one statement: the number is taken by the UPDATE (which waits
# for the row lock and re-reads the row, so numbers stay gapless) and the lock is held from
# here to COMMIT only.
SQL_ENTRY_IN_ONE = (
    """WITH n AS (
  UPDATE "ledger_settings" SET "next_entry_number" = "next_entry_number" + 1
  WHERE "organization_id" = $1 AND ("lock_date" IS NULL OR "lock_date" < $3)
  RETURNING "next_entry_number" - 1 AS number
), e AS (
  INSERT INTO "journal_entries" ("id", "organization_id", "number", "status", "date", "memo",
    "created_by_id", "posted_by_id", "created_at", "posted_at")
  SELECT $2, $1, n.number, 'POSTED', $3, $4, $5, $5, $6, $6 FROM n
  RETURNING "id", "number"
), l AS ("""
    + _LINE_INSERT
    + """
  SELECT $1, e.id, t.n, t.a, 'USD', t.d, t.c, t.d, t.c, '1', $3
  FROM e, unnest($7::int[], $8::uuid[], $9::bigint[], $10::bigint[]) AS t(n, a, d, c)
  RETURNING 1
)
SELECT e.number FROM e"""
)
SQL_LOCK_CHAIN = (
    'SELECT "last_sequence", "last_hash" FROM "audit_chains" WHERE "key" = $1 FOR UPDATE'
)
_EVENT_INSERT = (
    'INSERT INTO "audit_events" ("chain_key", "organization_id", "sequence", "occurred_at", '
    '"actor_type", "actor_id", "actor_label", "actor_roles", "action", "object_type", '
    '"object_id", "outcome", "after", "client_ip", "user_agent", "prev_hash", "hash") '
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13::jsonb, $14, $15, "
    "$16, $17)"
)
SQL_INSERT_EVENT = _EVENT_INSERT
SQL_UPDATE_CHAIN = (
    'UPDATE "audit_chains" SET "last_sequence" = $1, "last_hash" = $2 WHERE "key" = $3'
)
SQL_EVENT_IN_ONE = (
    "WITH ev AS ("
    + _EVENT_INSERT
    + ' RETURNING 1) UPDATE "audit_chains" SET "last_sequence" = $3, "last_hash" = $17 '
    'WHERE "key" = $1'
)


async def raw_posting(
    dsn: str,
    org: uuid.UUID,
    user: uuid.UUID,
    auth: tuple[uuid.UUID, uuid.UUID, uuid.UUID],
    accounts: dict[str, uuid.UUID],
    iterations: int,
    conc: int,
    compact: bool,
) -> RawPosting:
    """What one posting asks of the database, one connection per client, no application.

    The same reads (session check, organization, the three accounts) and the same writes
    in one transaction: lock ledger_settings, insert the entry, bump the number, insert the
    lines, lock the audit chain head, insert the event with its real hash, update the head.
    `compact` sends the ledger writes as one statement and the event and head as another.
    """
    from server.audit.chain import event_hash

    account_ids = [accounts[code] for code, _, _ in POSTED_LINES]
    debits, credits = [10_000, 2_000, 0], [0, 0, 12_000]
    chain = f"org:{org}"
    memo = "Office rent November (raw asyncpg)"
    latencies: list[float] = []

    async def audit(conn: asyncpg.Connection, entry_id: uuid.UUID, number: int, now: Any) -> None:
        head = await conn.fetchrow(SQL_LOCK_CHAIN, chain)
        fields = {
            "chain_key": chain,
            "organization_id": str(org),
            "sequence": head["last_sequence"] + 1,
            "occurred_at": now,
            "actor_type": "USER",
            "actor_id": str(user),
            "actor_label": "bench raw posting",
            "actor_roles": ["owner"],
            "action": "journal_entry.post",
            "object_type": "JournalEntry",
            "object_id": str(entry_id),
            "outcome": "SUCCESS",
            "before": None,
            "after": {"number": number, "date": POST_DATE.isoformat()},
            "request_id": None,
            "client_ip": "127.0.0.1",
            "user_agent": "bench",
            "operation_name": None,
            "idempotency_key": None,
        }
        digest = event_hash(head["last_hash"], fields)
        values = (
            *(chain, org, fields["sequence"], now, fields["actor_type"], fields["actor_id"]),
            *(fields["actor_label"], json.dumps(fields["actor_roles"]), fields["action"]),
            *(fields["object_type"], fields["object_id"], fields["outcome"]),
            *(json.dumps(fields["after"]), fields["client_ip"], fields["user_agent"]),
            *(head["last_hash"], digest),
        )
        if compact:
            await conn.execute(SQL_EVENT_IN_ONE, *values)
        else:
            await conn.execute(SQL_INSERT_EVENT, *values)
            await conn.execute(SQL_UPDATE_CHAIN, fields["sequence"], digest, chain)

    async def one(conn: asyncpg.Connection, count: int) -> None:
        for _ in range(count):
            started = time.perf_counter()
            await conn.fetchrow(SQL_AUTH, *auth)
            await conn.fetchrow(SQL_ORGANIZATION, org)
            await conn.fetch(SQL_ACCOUNTS, org, account_ids)
            entry_id, now = uuid.uuid4(), datetime.now(UTC)
            async with conn.transaction():
                if compact:
                    number = await conn.fetchval(
                        SQL_ENTRY_IN_ONE,
                        *(org, entry_id, POST_DATE, memo, user, now),
                        *([1, 2, 3], account_ids, debits, credits),
                    )
                    if number is None:
                        raise RuntimeError("raw posting refused (lock date?)")
                else:
                    settings = await conn.fetchrow(SQL_LOCK_SETTINGS, org)
                    number = settings["next_entry_number"]
                    await conn.execute(
                        SQL_INSERT_ENTRY, entry_id, org, number, POST_DATE, memo, user, now
                    )
                    await conn.execute(SQL_BUMP_NUMBER, number + 1, org)
                    await conn.execute(
                        SQL_INSERT_LINES,
                        *(org, entry_id, POST_DATE, [1, 2, 3], account_ids, debits, credits),
                    )
                await audit(conn, entry_id, number, now)
            latencies.append(time.perf_counter() - started)

    connections = [await asyncpg.connect(dsn) for _ in range(conc)]
    try:
        await asyncio.gather(*(one(c, 2) for c in connections))  # warm the statement caches
        latencies.clear()
        shares = [iterations // conc + (1 if i < iterations % conc else 0) for i in range(conc)]
        pg = postgres_pids()
        pg_before, cpu_before = cpu_seconds(pg), time.process_time()
        started = time.perf_counter()
        await asyncio.wait_for(
            asyncio.gather(*(one(c, n) for c, n in zip(connections, shares, strict=True))),
            timeout=300,
        )
        elapsed = time.perf_counter() - started
        client_cpu, pg_cpu = time.process_time() - cpu_before, cpu_seconds(pg) - pg_before
    finally:
        for conn in connections:
            await conn.close()
    done = len(latencies)
    return RawPosting(
        name=(
            "compact: ledger writes in 1 statement, event + head in 1"
            if compact
            else "the server's statements, one by one"
        ),
        round_trips=8 if compact else 12,
        under_lock=4 if compact else 8,
        iterations=done,
        per_second=done / elapsed,
        p50_ms=percentile(latencies, 50) * 1000,
        p99_ms=percentile(latencies, 99) * 1000,
        client_cpu_ms=client_cpu / done * 1000,
        postgres_cpu_ms=pg_cpu / done * 1000,
    )


# ---------------------------------------------------------------- profile


# ---------------------------------------------------------------- profile

# Functions whose inclusive share is reported: (label, regex on a frame).
POSTING_FUNCTIONS = (
    ("permission gate (authenticate + authorize)", r"^Gate\.has_permission \("),
    ("  authenticate (session check)", r"^authenticate \(.*server/identity/"),
    ("strawberry argument conversion", r"^convert_arguments \(.*strawberry/"),
    ("posting.post (the service, all of it)", r"^post \(.*server/ledger/posting\.py"),
    ("  resolution.resolve (6 reads and checks)", r"^resolve \(.*server/ledger/resolution\.py"),
    ("  posting._lock_settings", r"^_lock_settings \(.*server/ledger/posting\.py"),
    ("  posting._write_lines (executemany)", r"^_write_lines \(.*server/ledger/posting\.py"),
    ("  audit.record", r"^record \(.*server/audit/log\.py"),
    ("  BEGIN / COMMIT", r"^TransactionContextPooled\.__a(enter|exit)__ \("),
    ("Model.create (JournalEntry, AuditEvent)", r"^Model\.create \(.*tortoise/models\.py"),
    ("tortoise filters (Q resolution)", r"^AwaitableQuery\.resolve_filters \("),
    ("pypika: SQL text built for every query", r"\(pypika_tortoise/"),
    ("asyncpg: all calls", r"\(asyncpg/"),
    ("asyncpg: pool release (reset query round trip)", r"^PoolConnectionHolder\.release \("),
    ("logging a DEBUG record per statement (statement counter)", r"^Logger\.debug \("),
)


def profile_postings(
    args: argparse.Namespace, bench: Bench, server: Server, token: str
) -> Profile | None:
    """py-spy over every worker during one more hey run of postings."""
    body_file = bench.workdir / "post-entry.json"
    return run_profile(
        args.py_spy,
        server.pid,
        bench.workdir / "profile.txt",
        lambda: run_hey(server.url, body_file, token, args.profile_requests, args.concurrency, 120),
        POSTING_FUNCTIONS,
    )


# ---------------------------------------------------------------- report


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def report(
    args: argparse.Namespace,
    info: dict[str, Any],
    balances: list[TrialBalanceResult],
    posting: PostingResult,
) -> str:
    run, v = posting.run, posting.verification
    cpus = os.cpu_count() or 1
    cpu_total = run.worker_cpu_ms + run.postgres_cpu_ms + run.hey_cpu_ms
    lines = [
        f"# Ledger benchmark, {info['date']}",
        "",
        "Generated by `python -m bench.ledger` (see bench/README.md).",
        "",
        "## Setup",
        "",
        f"- Commit `{info['commit']}`{' (working tree modified)' if info['dirty'] else ''}",
        f"- Machine: {cpus} CPUs ({info['cpu']}), Python {platform.python_version()}, "
        f"{info['postgres']}",
        f"- Server: `ledgerline serve --workers {args.workers}` on loopback, "
        "LEDGERLINE_ENV=development, log level WARNING; PostgreSQL, the server and hey "
        "share the machine",
        f"- Load average when the run started: {info['loadavg']}",
        f"- Data: one organization with the starting chart; {args.entries:,} posted two-line "
        f"entries ({2 * args.entries:,} journal lines, USD, dates {FIRST_DAY} to {LAST_DAY}, "
        f"numbers 1..{args.entries:,} in date order) copied in with COPY in "
        f"{info['copy_s']:.1f}s, then VACUUM ANALYZE in {info['vacuum_s']:.1f}s",
        f"- Whole run: {info['elapsed_s']:.0f}s",
        "",
        "## trialBalance(asOf) over the bulk-loaded ledger",
        "",
        f"{args.tb_iterations} sequential requests after one more (its time is the *first* "
        "column and is not in min/median/max); the raw aggregation of "
        "`reports.totals_by_account` through asyncpg on one connection the same number of "
        "times, in the same run. The GraphQL totals were checked against the SQL sums.",
        "",
        "| asOf | journal lines | rows | total debit = credit | SQL/req | first ms | min ms "
        "| median ms | max ms | raw SQL first ms | raw SQL min / median / max ms "
        "| worker CPU ms/req |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for b in balances:
        g, r = b.graphql, b.raw
        lines.append(
            f"| {b.as_of} | {b.lines:,} | {b.rows} | {b.total} | {b.statements} | "
            f"{_ms(g.first_s)} | {_ms(g.min_s)} | {_ms(g.median_s)} | {_ms(g.max_s)} | "
            f"{_ms(r.first_s)} | {_ms(r.min_s)} / {_ms(r.median_s)} / {_ms(r.max_s)} | "
            f"{b.worker_cpu_ms:.1f} |"
        )
    lines += [
        "",
        f"Plan of the aggregation for asOf {balances[0].as_of} (EXPLAIN ANALYZE, BUFFERS):",
        "",
        "```",
        balances[0].plan,
        "```",
        "",
        "## journalEntryCreate(post: true), 3 lines",
        "",
        "Dr 6300 Rent 100.00, Dr 1400 Tax receivable 20.00, Cr 1010 Bank 120.00, dated "
        f"{POST_DATE}, the same body for every request. One request first (its "
        f"`x-sql-statements` is below), {args.post_warmup} warm-up requests, then "
        f"`hey -n {args.post_requests} -c {args.concurrency} -m POST`.",
        "",
        "| req/s | p50 ms | p99 ms | SQL/req | worker CPU ms/req | PostgreSQL CPU ms/req "
        "| hey CPU ms/req | CPU-bound ceiling req/s | other processes' CPU (cores) "
        "| peak RSS MiB (max / sum) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {run.hey.rps:.0f} | {run.hey.p50_ms:.1f} | {run.hey.p99_ms:.1f} | "
        f"{posting.statements} | {run.worker_cpu_ms:.2f} | {run.postgres_cpu_ms:.2f} | "
        f"{run.hey_cpu_ms:.2f} | {cpus * 1000 / cpu_total:.0f} | {run.other_cores:.2f} | "
        f"{run.rss_max_mib:.0f} / {run.rss_sum_mib:.0f} |",
        "",
        f"The CPU-bound ceiling is {cpus} CPUs x 1000 ms / (worker + PostgreSQL + hey CPU per "
        "request): what this machine could do with perfect scheduling at the measured CPU "
        "cost. SQL/req is the `x-sql-statements` header (statements Tortoise sent, including "
        "BEGIN/COMMIT if counted there; not the reset asyncpg's pool runs on release).",
        "",
        "Processes outside the benchmark that used CPU during the measured run: "
        + (
            "; ".join(f"`{command}` {cores:.2f} cores" for command, cores in run.others)
            if run.others
            else "none seen above 0.05 cores"
        )
        + " (CPU they take lowers req/s, not the CPU per request).",
        "",
        "HTTP status codes: "
        + ", ".join(f"{code} x {n}" for code, n in sorted(run.hey.statuses.items()))
        + (f" (errors: {' | '.join(run.hey.errors)})" if run.hey.errors else "")
        + "; warm-up: "
        + ", ".join(f"{code} x {n}" for code, n in sorted(posting.warmup_statuses.items())),
        "",
        "A response after the load (userErrors must be `[]`):",
        "",
        "```json",
        json.dumps(posting.sample_response, indent=1),
        "```",
        "",
        "### What the database sessions were doing",
        "",
        f"pg_stat_activity of the benchmark database sampled every 50 ms during the measured "
        f"run ({posting.activity_samples} samples): average number of client sessions in each "
        "state. `idle in transaction` is a session holding a transaction open while the "
        "application works between statements; `Lock:transactionid` / `Lock:tuple` is a session "
        "waiting for a row lock (ledger_settings or the audit chain head).",
        "",
        "| state | wait event | average sessions |",
        "|---|---|---:|",
        *(
            f"| {state} | {wait or '(none: running)'} | {avg:.2f} |"
            for state, wait, avg in posting.activity
            if avg >= 0.005
        ),
        "",
        "### Checks in SQL after the load",
        "",
        f"- Entries in the organization: {v.entries:,}; numbers {v.first_number}.."
        f"{v.last_number:,}, {v.distinct_numbers:,} distinct; next_entry_number "
        f"{v.next_number:,}: " + ("**gapless 1..N**." if v.gapless else "**NOT gapless**."),
        f"- New entries: {v.new_entries:,}; 200 responses (hey warm-up and run, plus the 2 "
        f"single requests): {v.expected_new:,}: "
        + ("**equal**" if v.new_entries == v.expected_new else "**DIFFERENT**")
        + " (a 200 answer carrying userErrors would post nothing and make them differ).",
        f"- Their lines: {v.new_lines:,} (3 per entry: "
        + ("yes" if v.new_lines == 3 * v.new_entries else "NO")
        + f"); entries without 3 balanced lines of 120.00: {v.bad_entries}; "
        f"journal_entry.post audit events for them: {v.audit_events:,}.",
    ]
    if posting.raw:
        rv = posting.raw_verification
        lines += [
            "",
            "### The same database work straight through asyncpg",
            "",
            f"{args.concurrency} clients on one connection each, {args.raw_iterations:,} "
            "postings per variant, from one Python process (this one). Per posting: the "
            "session check of authenticate(), the organization, the three accounts, then one "
            "transaction: lock ledger_settings, insert the entry, bump the number, insert the "
            "3 lines, lock the audit chain head, insert the event (its real hash), update the "
            "head. No HTTP, GraphQL or ORM. *Round trips under lock* counts the statements "
            "sent while the ledger_settings row is locked, COMMIT (and its WAL flush) included: "
            "postings of one organization take turns there, so that is what bounds them.",
            "",
            "| variant | round trips | under lock | postings/s | p50 ms | p99 ms "
            "| client CPU ms/posting | PostgreSQL CPU ms/posting | server req/s as % |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
            *(
                f"| {r.name} | {r.round_trips} | {r.under_lock} | {r.per_second:.0f} | "
                f"{r.p50_ms:.2f} | {r.p99_ms:.2f} | {r.client_cpu_ms:.2f} | "
                f"{r.postgres_cpu_ms:.2f} | {100 * run.hey.rps / r.per_second:.0f}% |"
                for r in posting.raw
            ),
        ]
        if rv is not None:
            lines += [
                "",
                f"Afterwards: {rv.entries:,} entries, numbers {rv.first_number}.."
                f"{rv.last_number:,}, "
                + ("gapless" if rv.gapless else "NOT gapless")
                + f"; {rv.new_entries:,} new ones with {rv.bad_entries} bad and "
                f"{rv.audit_events:,} audit events"
                + (" (all as expected)." if rv.ok else " (NOT as expected)."),
            ]
    prof = posting.profile
    if prof is not None:
        lines += [
            "",
            "### Where the workers' time goes (py-spy)",
            "",
            f"py-spy (200 Hz, every worker) during one more run of {prof.requests:,} postings "
            f"({prof.rps:.0f} req/s while profiled); {prof.samples:,} samples "
            "were taken in a worker; C and Cython code counts for the Python frame that called "
            "it (uvloop's loop for asyncio's Runner.run, asyncpg's protocol for its await "
            "lines).",
            "",
            "| innermost frame in | share of busy samples |",
            "|---|---:|",
            *(f"| {name} | {share:.1f}% |" for name, share in prof.by_area),
            "",
            "| inclusive: samples under | share |",
            "|---|---:|",
            *(f"| {label} | {share:.1f}% |" for label, share in prof.inclusive),
        ]
    lines += ["", "## Goals", ""]
    b0 = balances[0]
    lines.append(
        f"- trialBalance(asOf) over {b0.lines:,} journal lines in one organization answers in "
        f"under {GOAL_TRIAL_BALANCE_S:.0f} s: "
        + (
            f"**met** (median {_ms(b0.graphql.median_s)} ms, max {_ms(b0.graphql.max_s)} ms; "
            f"the raw SQL alone {_ms(b0.raw.median_s)} ms)."
            if b0.graphql.max_s < GOAL_TRIAL_BALANCE_S
            else f"**not met** (median {_ms(b0.graphql.median_s)} ms, max "
            f"{_ms(b0.graphql.max_s)} ms; the raw SQL alone {_ms(b0.raw.median_s)} ms)."
        )
    )
    verdict = (
        f"**met** ({run.hey.rps:.0f} entries/s)."
        if run.hey.rps >= GOAL_POST_RPS and v.ok
        else f"**not met**: {run.hey.rps:.0f} entries/s, {100 * run.hey.rps / GOAL_POST_RPS:.0f}% "
        f"of the goal (CPU-bound ceiling at the measured CPU per request: "
        f"{cpus * 1000 / cpu_total:.0f}/s)."
    )
    lines.append(
        f"- Posting a 3-line entry reaches {GOAL_POST_RPS:.0f} entries/s with {args.workers} "
        f"workers and {args.concurrency} clients: {verdict}"
    )
    lines.append(
        "- Entry numbers gapless and every 200 answer posted exactly one entry: "
        + ("**yes**." if v.ok else "**NO** (see the checks above).")
    )
    lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.ledger",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_common_arguments(parser)
    parser.add_argument("--entries", type=int, default=500_000, help="bulk two-line entries")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--tb-iterations", type=int, default=10)
    parser.add_argument("--post-requests", type=int, default=3000)
    parser.add_argument("--post-warmup", type=int, default=160)
    parser.add_argument("--raw-iterations", type=int, default=3000, help="0: skip")
    parser.add_argument("--profile", action="store_true", help="py-spy the workers")
    parser.add_argument("--py-spy", default="/tmp/pyspy/bin/py-spy", help="py-spy executable")
    parser.add_argument("--profile-requests", type=int, default=1600)
    parser.add_argument(
        "--output", type=Path, help="report file (default bench/results/<date>-ledger.md)"
    )
    args = parser.parse_args(argv)
    for name in ("post_requests", "post_warmup", "profile_requests"):
        setattr(args, name, round_to_clients(getattr(args, name), args.concurrency))
    check_common_arguments(parser, args)
    if args.tb_iterations < 1 or args.entries < 1:
        parser.error("--tb-iterations and --entries must be positive")
    if args.profile and not Path(args.py_spy).exists():
        parser.error(f"py-spy not found at {args.py_spy} (pip install --target /tmp/pyspy py-spy)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not require_hey():
        return 2
    output = args.output or RESULTS / f"{date.today().isoformat()}-ledger.md"
    started = time.monotonic()
    load_at_start = loadavg()
    with throwaway_database(args, "ledger") as bench:
        dataset = generate_owner(bench, customers=0)
        org, user = uuid.UUID(dataset["organization_id"]), uuid.UUID(dataset["user_id"])
        accounts = asyncio.run(organization_accounts(bench.dsn, org))
        # The server starts right after the migration (its /readyz compares the applied
        # migrations with the files), then sits idle while the ledger is loaded.
        with running_server(bench, args.workers) as server:
            token = sign_in(server.url, dataset["email"], dataset["password"])
            print(f"bench: loading {args.entries:,} entries ({2 * args.entries:,} lines)")
            loaded = asyncio.run(
                load_entries(bench.dsn, org, user, accounts, args.entries, args.seed)
            )
            print(
                f"bench: COPY {loaded['copy']:.1f}s, VACUUM ANALYZE {loaded['vacuum']:.1f}s",
                flush=True,
            )
            balances = []
            for as_of in (LAST_DAY, date(2025, 12, 31)):
                print(f"  trialBalance(asOf: {as_of}): {args.tb_iterations} requests", flush=True)
                balances.append(
                    measure_trial_balance(server, token, bench.dsn, org, as_of, args.tb_iterations)
                )
            posting = measure_posting(args, bench, server, token, org, accounts)
            if args.raw_iterations > 0:
                claims = jwt_claims(token)
                auth = (uuid.UUID(claims["sid"]), uuid.UUID(claims["sub"]), org)
                before = asyncio.run(entry_count(bench.dsn, org))
                for compact in (False, True):
                    print(
                        f"  raw asyncpg posting (compact={compact}): "
                        f"{args.raw_iterations} iterations",
                        flush=True,
                    )
                    posting.raw.append(
                        asyncio.run(
                            raw_posting(
                                *(bench.dsn, org, user, auth, accounts),
                                *(args.raw_iterations, args.concurrency, compact),
                            )
                        )
                    )
                expected = sum(r.iterations for r in posting.raw) + 4 * args.concurrency
                posting.raw_verification = asyncio.run(verify(bench.dsn, org, before, expected))
            if args.profile:
                print(f"  profiling {args.profile_requests} postings with py-spy", flush=True)
                posting.profile = profile_postings(args, bench, server, token)
        info = {
            **run_info(bench.dsn),
            "loadavg": load_at_start,
            "copy_s": loaded["copy"],
            "vacuum_s": loaded["vacuum"],
            "elapsed_s": time.monotonic() - started,
        }
        log_path = bench.log_path

    text = report(args, info, balances, posting)
    publish(output, text, started, log_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
