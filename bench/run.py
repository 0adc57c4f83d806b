"""Customers benchmark: the real server on PostgreSQL under `hey`, beside raw asyncpg.

    python -m bench.run            # or: make bench

Creates a throw-away database ledgerline_bench_<stamp> on 127.0.0.1:5432 (user postgres),
migrates it, loads the data (bench.generate), starts `ledgerline serve --workers 2`, signs
in, and for each workload measures with a fixed number of requests:

- req/s, p50 and p99 latency (from hey),
- SQL statements per request (the x-sql-statements header, development only),
- server CPU per request (utime+stime of the uvicorn workers from /proc, before and after),
  and, for the record, PostgreSQL and hey CPU per request on the same machine,
- peak RSS of the workers (VmHWM),

and runs the same SQL straight through asyncpg (16 connections) for comparison. Then stops
the server, drops the database and writes bench/results/<YYYY-MM-DD>-customers.md.
Everything listens on and connects to loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import asyncpg

from bench.generate import asyncpg_dsn

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
LOOPBACK = "127.0.0.1"
CLK_TCK = os.sysconf("SC_CLK_TCK")

# Goals stated for the project.
GOAL_STATEMENTS = 3
GOAL_RPS = 400.0

CUSTOMER_FIELDS = """
  id name email phone taxId currency paymentTermsDays status tags createdAt updatedAt
  creditLimit { amount currency }
  billingAddress { city country }
"""

# What a list screen asks for: the page, where it is, and how many there are in all.
CUSTOMERS_PAGE = f"""
query CustomersPage($first: Int, $after: String) {{
  customers(first: $first, after: $after) {{
    totalCount
    pageInfo {{ hasNextPage endCursor }}
    nodes {{ {CUSTOMER_FIELDS} }}
  }}
}}
"""

# The same page without the total: no count(*).
CUSTOMERS_NODES = f"""
query CustomersNodes($first: Int) {{
  customers(first: $first) {{ nodes {{ {CUSTOMER_FIELDS} }} }}
}}
"""

ONE_CUSTOMER = f"""
query OneCustomer($id: ID!) {{
  customer(id: $id) {{ {CUSTOMER_FIELDS} }}
}}
"""

SIGN_IN = """
mutation SignIn($input: SessionCreateInput!) {
  sessionCreate(input: $input) { accessToken userErrors { field message code } }
}
"""

_COLUMNS = (
    '"id", "organization_id", "name", "email", "phone", "billing_address", "tax_id", '
    '"currency", "payment_terms_days", "status", "tags_text", "created_at", "updated_at", '
    '"credit_limit_minor"'
)
SQL_PAGE = (
    f'SELECT {_COLUMNS} FROM "customers" WHERE "organization_id" = $1 '
    'ORDER BY "name", "id" LIMIT 51'
)
SQL_COUNT = 'SELECT COUNT(*) FROM "customers" WHERE "organization_id" = $1'
SQL_ONE = f'SELECT {_COLUMNS} FROM "customers" WHERE "id" = $1 AND "organization_id" = $2 LIMIT 1'


def items_statement(query: str, shape: Any, model: Any, column: str, limit: int) -> str:
    """The statement the server sends for the first page of `query`'s connection (its first
    field) when PostgreSQL writes the items (schema/reads.py): the organization is $1, the
    order `column` descending then id. Raises if the stock resolvers complete the selection."""
    # Only the benchmarks that compare with this statement need the schema.
    import graphql
    from strawberry.types.nodes import convert_selections

    from schema.selection import connection_items
    from server.keyset import SortKey
    from server.reads.compile import item_sql
    from server.reads.dialect import POSTGRES
    from server.sql import Where, items_sql

    operation = graphql.parse(query).definitions[0]
    root = operation.selection_set.selections[0]  # type: ignore[attr-defined]
    # What convert_selections reads of a resolve info: a document without fragments or
    # variables needs nothing else.
    plain = SimpleNamespace(fragments={}, variable_values={})
    picks = connection_items(convert_selections(plain, [root]), shape.type_name, None)  # type: ignore[arg-type]
    # The benchmarks sign in as the owner, whom the gate allows every field.
    item = None if picks is None else item_sql(shape, picks, lambda _t, _f: True, POSTGRES)
    if item is None:
        raise ValueError("the server completes this selection with the stock resolvers")
    where = Where().add('"organization_id" = {}', None)
    return items_sql(model, where, SortKey(column), descending=True, limit=limit, item=item)


# What authenticate() asks per request (server/identity/authenticate.py), by hand.
SQL_AUTH = (
    'SELECT s."expires_at", u."email", u."password_changed_at", '
    '(SELECT "version" FROM "policy_state" WHERE "id" = 1) AS "policy_version" '
    'FROM "sessions" s JOIN "users" u ON u."id" = s."user_id" '
    'WHERE s."id" = $1 AND s."user_id" = $2 AND s."organization_id" = $3 '
    'AND s."revoked_at" IS NULL AND u."is_active"'
)


# ---------------------------------------------------------------- processes and /proc


def _proc_stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a process, or None if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    rest = raw[raw.rindex(")") + 2 :].split()
    # Fields after "(comm)": state ppid ... utime is field 14 and stime 15 of the whole line.
    return int(rest[1]), (int(rest[11]) + int(rest[12])) / CLK_TCK


def cpu_seconds(pids: list[int]) -> float:
    return sum(stat[1] for pid in pids if (stat := _proc_stat(pid)) is not None)


def machine_busy_seconds() -> float:
    """CPU seconds all CPUs have spent busy since boot (/proc/stat), to spot other load."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / CLK_TCK


def descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _proc_stat(int(entry.name))) is not None:
            parents[int(entry.name)] = stat[0]
    found, frontier = [], [root]
    while frontier:
        current = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == current]
        found += children
        frontier += children
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def worker_pids(server_pid: int) -> list[int]:
    """The uvicorn workers: children started through multiprocessing's spawn_main."""
    return sorted(p for p in descendants(server_pid) if "spawn_main" in _cmdline(p))


def postgres_pids(database: str | None = None) -> list[int]:
    """Every PostgreSQL server process (postmaster, backends, background workers), or with
    `database` the backends connected to it (their title names it)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                server = (entry / "comm").read_text().strip() in ("postgres", "postmaster")
                if server and (database is None or f" {database} " in _cmdline(int(entry.name))):
                    pids.append(int(entry.name))
    return pids


class PostgresCpu:
    """CPU seconds PostgreSQL spends from now on: its processes', or with `database` only
    the backends connected to that database (on a machine other jobs share, what they make
    PostgreSQL do is left out). A process that starts meanwhile counts from zero; one that
    exits is left out, as /proc no longer shows its CPU."""

    def __init__(self, database: str | None = None) -> None:
        self.database = database
        self.start = self._now()

    def _now(self) -> dict[int, float]:
        found = {}
        for pid in postgres_pids(self.database):
            if (stat := _proc_stat(pid)) is not None:
                found[pid] = stat[1]
        return found

    def seconds(self) -> float:
        return sum(cpu - self.start.get(pid, 0.0) for pid, cpu in self._now().items())


def process_cpu() -> dict[int, tuple[str, float]]:
    """(command line, CPU seconds) of every process on the machine."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _proc_stat(int(entry.name))) is not None:
            found[int(entry.name)] = (_cmdline(int(entry.name))[:100].strip(), stat[1])
    return found


def peak_rss_mib(pid: int) -> float:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


# ---------------------------------------------------------------- HTTP


def post(
    url: str, body: dict[str, Any], token: str | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read()), {k.lower(): v for k, v in response.headers.items()}


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited with {server.returncode}; see its log")
        try:
            with urllib.request.urlopen(f"{base}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError as exc:  # 503 says why (e.g. migrations pending)
            last = exc.read().decode(errors="replace")[:300]
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"server not ready after {timeout:.0f}s {last}".strip())


def global_id(type_name: str, value: uuid.UUID) -> str:
    """Same as schema.ids.encode (strawberry's to_base64), without importing the schema."""
    return base64.b64encode(f"{type_name}:{value}".encode()).decode()


def jwt_claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


# ---------------------------------------------------------------- hey


@dataclass
class HeyResult:
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    statuses: dict[str, int]
    errors: list[str]
    cpu_s: float  # hey's own CPU


def run_hey(
    url: str, body_file: Path, token: str | None, requests: int, concurrency: int, timeout: float
) -> HeyResult:
    """`hey` POSTing the body `requests` times from `concurrency` clients, with the access
    token if there is one."""
    command = [
        "hey",
        *("-n", str(requests), "-c", str(concurrency), "-t", "20"),
        *("-m", "POST", "-T", "application/json"),
        *(("-H", f"Authorization: Bearer {token}") if token else ()),
        *("-D", str(body_file)),
        url,
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = done.stdout

    def number(pattern: str) -> float:
        match = re.search(pattern, out)
        if not match:
            raise RuntimeError(f"cannot parse hey output ({pattern}):\n{out}")
        return float(match.group(1))

    statuses = {k: int(v) for k, v in re.findall(r"\[(\d{3})\]\s+(\d+) responses", out)}
    # hey prints "0% in 0.0000 secs" for percentiles it has too few samples for.
    p99 = re.search(r"99% in ([\d.]+) secs", out)
    errors_part = out.split("Error distribution:", 1)[1] if "Error distribution:" in out else ""
    return HeyResult(
        requests=sum(statuses.values()),
        rps=number(r"Requests/sec:\s+([\d.]+)"),
        p50_ms=number(r"50% in ([\d.]+) secs") * 1000,
        p99_ms=(float(p99.group(1)) if p99 else number(r"Slowest:\s+([\d.]+) secs")) * 1000,
        statuses=statuses,
        errors=[line.strip() for line in errors_part.splitlines() if line.strip()][:5],
        cpu_s=(after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
    )


@dataclass
class LoadRun:
    """One measured hey run with the CPU the server, PostgreSQL and hey used meanwhile."""

    hey: HeyResult
    worker_cpu_ms: float  # per request
    postgres_cpu_ms: float
    hey_cpu_ms: float
    other_cores: float  # CPU other processes on the machine used during the run, in cores
    rss_max_mib: float
    rss_sum_mib: float
    elapsed_s: float
    # Processes outside the benchmark that used at least 0.05 cores during the run:
    # (command line, cores), busiest first. Processes that came and went are not seen.
    others: list[tuple[str, float]] = field(default_factory=list)
    # Each worker's part of the workers' CPU in percent, busiest first: keep-alive
    # connections stay on the worker that accepted them, so one may be busier.
    worker_split: list[float] = field(default_factory=list)


def load_run(
    url: str,
    body_file: Path,
    token: str | None,
    requests: int,
    concurrency: int,
    server_pid: int,
    timeout: float = 300,
    workers: list[int] | None = None,
    database: str | None = None,
) -> LoadRun:
    """`hey -n requests -c concurrency`, reading /proc CPU counters before and after (see
    accounted_run)."""
    return accounted_run(
        server_pid,
        lambda: run_hey(url, body_file, token, requests, concurrency, timeout=timeout),
        workers,
        database,
    )


def accounted_run(
    server_pid: int,
    drive: Callable[[], HeyResult],
    workers: list[int] | None = None,
    database: str | None = None,
) -> LoadRun:
    """Run a load generator (`drive`: hey, or a client of our own that reports the same
    figures, its own CPU in `cpu_s`), reading /proc CPU counters before and after.

    The server's CPU and peak RSS are those of `workers`, by default the uvicorn workers
    under `server_pid` (another server names its own processes). PostgreSQL's CPU is that
    of every postgres process, or with `database` of the backends connected to it."""
    workers = worker_pids(server_pid) if workers is None else workers
    everyone = process_cpu()
    pg = PostgresCpu(database)
    cpu_before = cpu_seconds(workers)
    each_before = [cpu_seconds([pid]) for pid in workers]
    busy_before, clock = machine_busy_seconds(), time.perf_counter()
    hey = drive()
    cpu_after, pg_cpu = cpu_seconds(workers), pg.seconds()
    each = [cpu_seconds([pid]) - b for pid, b in zip(workers, each_before, strict=True)]
    busy, elapsed = machine_busy_seconds() - busy_before, time.perf_counter() - clock
    bench_pids = {*workers, *pg.start, *postgres_pids(database), server_pid, os.getpid()}
    others = sorted(
        (
            ((command, (seconds - everyone[pid][1]) / elapsed))
            for pid, (command, seconds) in process_cpu().items()
            if pid in everyone and pid not in bench_pids
        ),
        key=lambda item: -item[1],
    )
    ours = (cpu_after - cpu_before) + pg_cpu + hey.cpu_s
    rss = [peak_rss_mib(pid) for pid in workers]
    done = max(1, hey.requests)
    return LoadRun(
        hey=hey,
        worker_cpu_ms=(cpu_after - cpu_before) / done * 1000,
        postgres_cpu_ms=pg_cpu / done * 1000,
        hey_cpu_ms=hey.cpu_s / done * 1000,
        other_cores=max(0.0, busy - ours) / elapsed,
        rss_max_mib=max(rss, default=0.0),
        rss_sum_mib=sum(rss),
        elapsed_s=elapsed,
        others=[(command, cores) for command, cores in others if cores >= 0.05][:3],
        worker_split=sorted((100 * c / max(sum(each), 1e-9) for c in each), reverse=True),
    )


# ---------------------------------------------------------------- raw asyncpg


@dataclass
class RawResult:
    name: str
    statements: int
    iterations: int
    per_second: float
    p50_ms: float
    p99_ms: float
    # CPU per iteration during the measured loop: this process's (the client) and every
    # PostgreSQL process's on the machine.
    client_cpu_ms: float = 0.0
    postgres_cpu_ms: float = 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))
    return ordered[index]


@dataclass
class Raw:
    """SQL to run straight through asyncpg beside a workload."""

    name: str
    statements: list[tuple[str, tuple[Any, ...]]]
    # False: each client keeps one connection. True: a pool, acquired and released around
    # every statement as Tortoise does outside transactions (asyncpg resets the connection
    # on each release: one more round trip per statement).
    pooled: bool = False


async def raw_loop(
    raw: Raw, dsn: str, iterations: int, conc: int, database: str | None = None
) -> RawResult:
    """`iterations` runs of the statements in order, from `conc` concurrent clients.
    PostgreSQL's CPU is that of every postgres process, or with `database` of the backends
    connected to it."""
    latencies: list[float] = []
    pool = await asyncpg.create_pool(dsn, min_size=conc, max_size=conc)
    dedicated = [await pool.acquire() for _ in range(conc)] if not raw.pooled else []

    async def one(index: int, count: int) -> None:
        for _ in range(count):
            started = time.perf_counter()
            for sql, args in raw.statements:
                if raw.pooled:
                    async with pool.acquire() as conn:
                        await conn.fetch(sql, *args)
                else:
                    await dedicated[index].fetch(sql, *args)
            latencies.append(time.perf_counter() - started)

    try:
        # Warm the statement caches, then measure.
        await asyncio.gather(*(one(i, 5) for i in range(conc)))
        latencies.clear()
        shares = [iterations // conc + (1 if i < iterations % conc else 0) for i in range(conc)]
        cpu_before, pg = time.process_time(), PostgresCpu(database)
        started = time.perf_counter()
        await asyncio.wait_for(
            asyncio.gather(*(one(i, n) for i, n in enumerate(shares))), timeout=300
        )
        elapsed = time.perf_counter() - started
        client_cpu, pg_cpu = time.process_time() - cpu_before, pg.seconds()
    finally:
        for conn in dedicated:
            await pool.release(conn)
        await pool.close()
    name = raw.name + (" (pool, acquire per statement)" if raw.pooled else "")
    return RawResult(
        name=name,
        statements=len(raw.statements),
        iterations=iterations,
        per_second=iterations / elapsed,
        p50_ms=percentile(latencies, 50) * 1000,
        p99_ms=percentile(latencies, 99) * 1000,
        client_cpu_ms=client_cpu / iterations * 1000,
        postgres_cpu_ms=pg_cpu / iterations * 1000,
    )


# ---------------------------------------------------------------- workloads


@dataclass
class Workload:
    name: str
    description: str
    body: dict[str, Any]
    raw: list[Raw]
    goal_rps: bool = False


@dataclass
class Measurement:
    workload: Workload
    statements: int
    response_bytes: int
    hey: HeyResult
    worker_cpu_ms: float
    postgres_cpu_ms: float
    hey_cpu_ms: float
    other_cores: float  # CPU other processes on the machine used during the run, in cores
    rss_max_mib: float
    rss_sum_mib: float
    raw: list[RawResult] = field(default_factory=list)
    worker_split: list[float] = field(default_factory=list)  # as LoadRun's


def split_text(split: list[float]) -> str:
    """A run's worker CPU split, busiest first: "62 / 38"."""
    return " / ".join(f"{share:.0f}" for share in split) or "n/a"


def check_response(result: dict[str, Any], name: str) -> None:
    if result.get("errors"):
        raise RuntimeError(f"{name}: GraphQL errors {result['errors']}")


def measure(
    args: argparse.Namespace,
    url: str,
    token: str,
    workload: Workload,
    server_pid: int,
    workdir: Path,
    dsn: str,
) -> Measurement:
    result, headers = post(url, workload.body, token)
    check_response(result, workload.name)
    statements = int(headers.get("x-sql-statements", "-1"))
    body_file = workdir / (re.sub(r"[^a-z0-9]+", "-", workload.name.lower()).strip("-") + ".json")
    body_file.write_text(json.dumps(workload.body))

    print(f"  {workload.name}: warm-up {args.warmup} requests", flush=True)
    run_hey(url, body_file, token, args.warmup, args.concurrency, timeout=120)

    print(f"  {workload.name}: {args.requests} requests, {args.concurrency} concurrent", flush=True)
    run = load_run(url, body_file, token, args.requests, args.concurrency, server_pid)
    measurement = Measurement(
        workload=workload,
        statements=statements,
        response_bytes=len(json.dumps(result, separators=(",", ":"))),
        hey=run.hey,
        worker_cpu_ms=run.worker_cpu_ms,
        postgres_cpu_ms=run.postgres_cpu_ms,
        hey_cpu_ms=run.hey_cpu_ms,
        other_cores=run.other_cores,
        rss_max_mib=run.rss_max_mib,
        rss_sum_mib=run.rss_sum_mib,
        worker_split=run.worker_split,
    )
    for raw in workload.raw:
        print(f"  {workload.name}: raw asyncpg '{raw.name}' pooled={raw.pooled}", flush=True)
        measurement.raw.append(
            asyncio.run(raw_loop(raw, dsn, args.sql_iterations, args.concurrency))
        )
    return measurement


def page_statement_counts(
    url: str, token: str, query: str = CUSTOMERS_PAGE, connection: str = "customers"
) -> list[tuple[str, int, int]]:
    """(page, items returned, SQL statements) for several page sizes and a second page of
    `connection`; `query` takes $first and $after and asks for pageInfo { endCursor } and
    nodes or edges."""
    counts = []
    cursor = None

    def items(page: dict[str, Any]) -> int:
        return len(page["nodes"] if "nodes" in page else page["edges"])

    for size in (1, 20, 50, 100):
        body = {"query": query, "variables": {"first": size}}
        result, headers = post(url, body, token)
        check_response(result, f"first: {size}")
        page = result["data"][connection]
        cursor = page["pageInfo"]["endCursor"] if size == 50 else cursor
        counts.append((f"first: {size}", items(page), int(headers["x-sql-statements"])))
    body = {"query": query, "variables": {"first": 50, "after": cursor}}
    result, headers = post(url, body, token)
    check_response(result, "second page")
    second = items(result["data"][connection])
    counts.append(("first: 50, after: <page 1>", second, int(headers["x-sql-statements"])))
    return counts


# ---------------------------------------------------------------- report


def _git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


def report(
    args: argparse.Namespace,
    info: dict[str, Any],
    pages: list[tuple[str, int, int]],
    results: list[Measurement],
) -> str:
    lines = [
        f"# Customers benchmark, {info['date']}",
        "",
        "Generated by `python -m bench.run` (see bench/README.md).",
        "",
        "## Setup",
        "",
        f"- Commit `{info['commit']}`{' (working tree modified)' if info['dirty'] else ''}",
        f"- Machine: {os.cpu_count()} CPUs ({info['cpu']}), Python {platform.python_version()}, "
        f"{info['postgres']}",
        f"- Server: `ledgerline serve --workers {args.workers}` on loopback, "
        "LEDGERLINE_ENV=development, log level WARNING; PostgreSQL, the server and hey "
        "share the machine",
        f"- Load average when the run started: {info['loadavg']}",
        f"- Data: {args.customers} customers in one organization "
        f"(bulk-loaded in {info['generate_s']:.1f}s)",
        f"- Load: `hey -n {args.requests} -c {args.concurrency}` per workload after "
        f"{args.warmup} warm-up requests; raw asyncpg: {args.sql_iterations} iterations "
        f"over {args.concurrency} connections",
        "",
        "## Workloads",
        "",
        *(f"- `{m.workload.name}`: {m.workload.description}." for m in results),
        f"- Fields of each customer: `{' '.join(CUSTOMER_FIELDS.split())}`",
        "",
        "## Results",
        "",
        "| Workload | req/s | p50 ms | p99 ms | SQL/req | worker CPU ms/req "
        "| PostgreSQL CPU ms/req | hey CPU ms/req | peak RSS MiB (max / sum) | response bytes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in results:
        lines.append(
            f"| {m.workload.name} | {m.hey.rps:.0f} | {m.hey.p50_ms:.1f} | {m.hey.p99_ms:.1f} "
            f"| {m.statements} | {m.worker_cpu_ms:.2f} | {m.postgres_cpu_ms:.2f} "
            f"| {m.hey_cpu_ms:.2f} | {m.rss_max_mib:.0f} / {m.rss_sum_mib:.0f} "
            f"| {m.response_bytes} |"
        )
    cpus = os.cpu_count() or 1
    lines += [
        "",
        "### CPU budget",
        "",
        "Server, PostgreSQL and hey share the machine's CPUs, so their CPU per request bounds "
        f"the throughput at {cpus} CPUs x 1000 ms / (their sum) even with perfect scheduling. "
        "CPU used meanwhile by processes outside the benchmark (other jobs on the machine) "
        "lowers the measured req/s but not the CPU per request.",
        "",
        "| Workload | server + PostgreSQL + hey CPU ms/req | CPU-bound ceiling req/s "
        "| measured req/s | other processes' CPU during the run (cores) |",
        "|---|---:|---:|---:|---:|",
    ]
    for m in results:
        total = m.worker_cpu_ms + m.postgres_cpu_ms + m.hey_cpu_ms
        lines.append(
            f"| {m.workload.name} | {total:.2f} | {cpus * 1000 / total:.0f} | {m.hey.rps:.0f} "
            f"| {m.other_cores:.2f} |"
        )
    lines += [
        "",
        "Peak RSS is VmHWM of each worker process, so it is the peak over the whole run up to "
        "the end of that workload. CPU per request is the CPU time consumed during the measured "
        "run divided by its request count.",
        "",
        "HTTP status codes: "
        + "; ".join(
            f"{m.workload.name}: "
            + ", ".join(f"{code} x {n}" for code, n in sorted(m.hey.statuses.items()))
            + (f" (errors: {' | '.join(m.hey.errors)})" if m.hey.errors else "")
            for m in results
        ),
        "",
        "### The same SQL straight through asyncpg (same run, same database)",
        "",
        "| Workload | statements | iterations/s | p50 ms | p99 ms | server req/s as % |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for m in results:
        for r in m.raw:
            lines.append(
                f"| {m.workload.name}: {r.name} | {r.statements} | {r.per_second:.0f} "
                f"| {r.p50_ms:.2f} | {r.p99_ms:.2f} | {100 * m.hey.rps / r.per_second:.0f}% |"
            )
    lines += [
        "",
        "### SQL statements per customers page",
        "",
        "| Page | items | SQL statements |",
        "|---|---:|---:|",
        *(f"| `{page}` | {items} | {count} |" for page, items, count in pages),
        "",
        "## Goals",
        "",
    ]
    worst = max(count for _, _, count in pages)
    lines.append(
        f"- A customers page costs at most {GOAL_STATEMENTS} SQL statements whatever its size: "
        + (
            f"**met** (at most {worst} for every page size tried; the header counts statements "
            "Tortoise sends, not the reset asyncpg's pool runs when a connection is released)."
            if worst <= GOAL_STATEMENTS
            else f"**not met** (up to {worst})."
        )
    )
    for m in results:
        if not m.workload.goal_rps:
            continue
        ceiling = cpus * 1000 / (m.worker_cpu_ms + m.postgres_cpu_ms + m.hey_cpu_ms)
        verdict = (
            f"**met** ({m.hey.rps:.0f} req/s)."
            if m.hey.rps >= GOAL_RPS
            else f"**not met**: {m.hey.rps:.0f} req/s, "
            f"{100 * m.hey.rps / GOAL_RPS:.0f}% of the goal (CPU-bound ceiling on this "
            f"machine at the measured CPU per request: {ceiling:.0f} req/s)."
        )
        lines.append(
            f"- `{m.workload.name}` serves at least {GOAL_RPS:.0f} req/s with {args.workers} "
            f"workers: {verdict}"
        )
    lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- harness
# Shared with bench.ledger: a throw-away migrated database, the server, signing in.


def ledgerline_command() -> list[str]:
    script = Path(sys.executable).with_name("ledgerline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "server.cli"]


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group (it was started in its own session), then SIGKILL."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


async def admin(dsn: str, sql: str) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def require_hey() -> bool:
    if shutil.which("hey") is None:
        print(
            "bench: the load tool `hey` is not installed.\n"
            "       Install it with: sudo apt-get install -y hey   (Debian/Ubuntu package `hey`)",
            file=sys.stderr,
        )
        return False
    return True


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Options every benchmark runner takes (where PostgreSQL is, the server, keeping data)."""
    parser.add_argument("--pg-host", default=LOOPBACK)
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument(
        "--keep-database", action="store_true", help="do not drop the database (for profiling)"
    )


def check_common_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.pg_host not in (LOOPBACK, "localhost", "::1"):
        parser.error("the benchmark only talks to loopback addresses")


def round_to_clients(requests: int, concurrency: int) -> int:
    """hey sends n // c requests from each of c clients: keep n a multiple of c."""
    return max(1, requests // concurrency) * concurrency


@dataclass
class Bench:
    """A throw-away migrated database, the server's environment and a work directory."""

    database: str
    database_url: str  # postgres://, as the server and Tortoise spell it
    dsn: str  # postgresql://, for asyncpg
    admin_dsn: str  # the postgres database on the same server, to create and drop it
    workdir: Path
    env: dict[str, str]

    @property
    def log_path(self) -> Path:
        return self.workdir / "server.log"


@contextlib.contextmanager
def throwaway_database(args: argparse.Namespace, label: str) -> Iterator[Bench]:
    """CREATE DATABASE ledgerline_bench_<label>_<stamp>_<pid>, migrate it, drop it at the end
    (unless --keep-database)."""
    database = f"ledgerline_bench_{label}_{time.strftime('%Y%m%d_%H%M%S')}_{os.getpid()}"
    server_dsn = f"postgresql://{args.pg_user}@{args.pg_host}:{args.pg_port}"
    database_url = f"postgres://{args.pg_user}@{args.pg_host}:{args.pg_port}/{database}"
    workdir = Path(tempfile.mkdtemp(prefix=f"ledgerline-bench-{label}-"))
    bench = Bench(
        database=database,
        database_url=database_url,
        dsn=asyncpg_dsn(database_url),
        admin_dsn=f"{server_dsn}/postgres",
        workdir=workdir,
        env={
            **os.environ,
            "LEDGERLINE_DATABASE_URL": database_url,
            "LEDGERLINE_ENV": "development",
            "LEDGERLINE_JWT_SECRET": secrets.token_urlsafe(48),
            "LEDGERLINE_DATA_DIR": str(workdir / "data"),
            "LEDGERLINE_LOG_LEVEL": "WARNING",
            "LEDGERLINE_ACCESS_TOKEN_TTL_SECONDS": "3600",
        },
    )
    print(f"bench: database {database}, work files in {workdir}", flush=True)
    asyncio.run(admin(bench.admin_dsn, f'CREATE DATABASE "{database}"'))
    try:
        subprocess.run(
            [*ledgerline_command(), "migrate"], env=bench.env, cwd=ROOT, check=True, timeout=120
        )
        yield bench
    finally:
        if args.keep_database:
            print(f"bench: kept database {database} ({database_url})", flush=True)
        else:
            asyncio.run(admin(bench.admin_dsn, f'DROP DATABASE "{database}" WITH (FORCE)'))


def generate_owner(bench: Bench, customers: int) -> dict[str, Any]:
    """bench.generate in a process of its own: the owner, the organization, `customers`."""
    generated = subprocess.run(
        [
            *(sys.executable, "-m", "bench.generate"),
            *("--database-url", bench.database_url, "--customers", str(customers)),
        ],
        env=bench.env,
        cwd=ROOT,
        check=True,
        timeout=300,
        capture_output=True,
        text=True,
    )
    dataset: dict[str, Any] = json.loads(generated.stdout.strip().splitlines()[-1])
    return dataset


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str

    @property
    def url(self) -> str:
        return f"{self.base}/graphql"

    @property
    def pid(self) -> int:
        return self.process.pid


@contextlib.contextmanager
def running_server(bench: Bench, workers: int) -> Iterator[Server]:
    """`ledgerline serve --workers N` on a free loopback port until the block ends."""
    port = free_port()
    base = f"http://{LOOPBACK}:{port}"
    with bench.log_path.open("ab") as log:
        process = subprocess.Popen(
            [
                *(*ledgerline_command(), "serve", "--host", LOOPBACK),
                *("--port", str(port), "--workers", str(workers)),
            ],
            env=bench.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_ready(base, process)
        print(f"bench: server ready on {base}, workers {worker_pids(process.pid)}", flush=True)
        yield Server(process, base)
    finally:
        stop(process)


def sign_in(url: str, email: str, password: str) -> str:
    """An access token from sessionCreate."""
    signed = post(
        url,
        {"query": SIGN_IN, "variables": {"input": {"email": email, "password": password}}},
    )[0]
    check_response(signed, "sign in")
    token = signed["data"]["sessionCreate"]["accessToken"]
    if not token:
        raise RuntimeError(f"sign in refused: {signed}")
    return str(token)


def run_info(dsn: str) -> dict[str, Any]:
    """Commit, machine and PostgreSQL version for a report's setup section."""
    return {
        "date": date.today().isoformat(),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", "server", "schema", "migrations")),
        "cpu": _cpu_model(),
        "postgres": "PostgreSQL " + asyncio.run(_scalar(dsn, "SHOW server_version")).split()[0],
    }


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


async def _scalar(dsn: str, sql: str) -> str:
    conn = await asyncpg.connect(dsn)
    try:
        return str(await conn.fetchval(sql))
    finally:
        await conn.close()


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    add_common_arguments(parser)
    parser.add_argument(
        "--only",
        choices=("all", "customers", "ledger", "receivables", "payables", "aging"),
        default="all",
        help="which benchmarks to run (ledger, receivables, payables, aging: the same as "
        "python -m bench.ledger, bench.receivables, bench.payables, bench.aging; all: every "
        "one of them)",
    )
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=5000, help="per workload")
    parser.add_argument("--warmup", type=int, default=500, help="per workload")
    parser.add_argument("--sql-iterations", type=int, default=5000, help="raw asyncpg loop")
    parser.add_argument(
        "--output",
        type=Path,
        help="customers report file (default bench/results/<date>-customers.md)",
    )
    args = parser.parse_args(argv)
    for name in ("requests", "warmup"):
        setattr(args, name, round_to_clients(getattr(args, name), args.concurrency))
    check_common_arguments(parser, args)
    return args


def publish(output: Path, text: str, started: float, log_path: Path) -> None:
    """Write the report, print it, and say where it and the server log are."""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text + "\n")
    print()
    print(text)
    print(f"bench: wrote {output} in {time.monotonic() - started:.0f}s; server log {log_path}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not require_hey():
        return 2
    if args.only in ("all", "customers"):
        code = customers_main(args)
        if code:
            return code
    common = [
        *("--pg-host", args.pg_host, "--pg-port", str(args.pg_port)),
        *("--pg-user", args.pg_user, "--workers", str(args.workers)),
        *("--concurrency", str(args.concurrency)),
        *(["--keep-database"] if args.keep_database else []),
    ]
    if args.only in ("all", "ledger"):
        from bench.ledger import main as ledger_main

        code = ledger_main(common)
        if code:
            return code
    if args.only in ("all", "receivables"):
        from bench.receivables import main as receivables_main

        code = receivables_main(common)
        if code:
            return code
    if args.only in ("all", "payables"):
        from bench.payables import main as payables_main

        code = payables_main(common)
        if code:
            return code
    if args.only in ("all", "aging"):
        from bench.aging import main as aging_main

        return aging_main(common)
    return 0


def customers_main(args: argparse.Namespace) -> int:
    output = args.output or RESULTS / f"{date.today().isoformat()}-customers.md"
    started = time.monotonic()
    load_at_start = loadavg()
    with throwaway_database(args, "customers") as bench:
        dataset = generate_owner(bench, args.customers)
        print(
            f"bench: {dataset['customers']} customers loaded in {dataset['seconds']}s", flush=True
        )
        dsn = bench.dsn
        with running_server(bench, args.workers) as server:
            url = server.url
            token = sign_in(url, dataset["email"], dataset["password"])
            claims = jwt_claims(token)
            org_id = uuid.UUID(dataset["organization_id"])
            auth_args = (
                uuid.UUID(claims["sid"]),
                uuid.UUID(claims["sub"]),
                uuid.UUID(claims["org"]),
            )

            first_page = post(url, {"query": CUSTOMERS_PAGE, "variables": {"first": 50}}, token)[0]
            check_response(first_page, "customers page")
            nodes = first_page["data"]["customers"]["nodes"]
            if len(nodes) != 50:
                raise RuntimeError(f"expected 50 customers, got {len(nodes)}")
            one_id = nodes[25]["id"]
            one_uuid = uuid.UUID(base64.b64decode(one_id).decode().split(":", 1)[1])
            assert global_id("Customer", one_uuid) == one_id

            auth = (SQL_AUTH, auth_args)
            page, count = (SQL_PAGE, (org_id,)), (SQL_COUNT, (org_id,))
            one = (SQL_ONE, (one_uuid, org_id))
            workloads = [
                Workload(
                    name="customers(first: 50)",
                    description="50 customers with every scalar field, pageInfo and totalCount",
                    body={"query": CUSTOMERS_PAGE, "variables": {"first": 50}},
                    raw=[
                        Raw("page + count", [page, count]),
                        Raw("auth + page + count", [auth, page, count]),
                        Raw("auth + page + count", [auth, page, count], pooled=True),
                    ],
                    goal_rps=True,
                ),
                Workload(
                    name="customers(first: 50) nodes only",
                    description="the same 50 customers without totalCount and pageInfo",
                    body={"query": CUSTOMERS_NODES, "variables": {"first": 50}},
                    raw=[Raw("page", [page]), Raw("auth + page", [auth, page])],
                    goal_rps=True,
                ),
                Workload(
                    name="customer(id)",
                    description="one customer by global id",
                    body={"query": ONE_CUSTOMER, "variables": {"id": one_id}},
                    raw=[
                        Raw("one row", [one]),
                        Raw("auth + one row", [auth, one]),
                        Raw("auth + one row", [auth, one], pooled=True),
                    ],
                ),
            ]
            check = post(url, workloads[2].body, token)[0]
            check_response(check, "customer(id)")
            if (check["data"]["customer"] or {}).get("id") != one_id:
                raise RuntimeError(f"customer(id) did not return {one_id}: {check}")

            pages = page_statement_counts(url, token)
            results = [
                measure(args, url, token, workload, server.pid, bench.workdir, dsn)
                for workload in workloads
            ]
        info = {
            **run_info(dsn),
            "loadavg": load_at_start,
            "generate_s": float(dataset["seconds"]),
        }
        log_path = bench.log_path

    text = report(args, info, pages, results)
    publish(output, text, started, log_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
