"""What the server and the database were doing during a load run, shared by the benchmarks.

- ActivitySampler: what the benchmark database's sessions are doing (pg_stat_activity),
  sampled every 50 ms in a thread of its own.
- run_profile: py-spy over every worker of the server while a load generator runs,
  summarised by where the innermost frame is and by the share of samples under chosen
  functions.
"""

from __future__ import annotations

import asyncio
import collections
import re
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from bench.run import HeyResult

# ---------------------------------------------------------------- pg_stat_activity


class ActivitySampler(threading.Thread):
    """Samples what the benchmark database's client sessions are doing (pg_stat_activity)."""

    SQL = """SELECT state, COALESCE(wait_event_type || ':' || wait_event, '') AS wait,
                    count(*) AS n
             FROM pg_stat_activity
             WHERE datname = $1 AND backend_type = 'client backend'
               AND pid <> pg_backend_pid()
             GROUP BY 1, 2"""

    def __init__(self, dsn: str, database: str, interval: float = 0.05, limit: float = 600):
        super().__init__(daemon=True)
        self.dsn, self.database, self.interval, self.limit = dsn, database, interval, limit
        self.done = threading.Event()
        self.samples = 0
        self.counts: collections.Counter[tuple[str, str]] = collections.Counter()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            asyncio.run(self._loop())
        except Exception as exc:  # reported, never fatal to the benchmark
            self.error = exc

    async def _loop(self) -> None:
        conn = await asyncpg.connect(self.dsn)
        try:
            deadline = time.monotonic() + self.limit
            while not self.done.is_set() and time.monotonic() < deadline:
                for row in await conn.fetch(self.SQL, self.database):
                    self.counts[(row["state"] or "?", row["wait"])] += row["n"]
                self.samples += 1
                await asyncio.sleep(self.interval)
        finally:
            await conn.close()

    def averages(self) -> list[tuple[str, str, float]]:
        """(state, wait event, average sessions), most frequent first."""
        return [
            (state, wait, n / max(1, self.samples))
            for (state, wait), n in self.counts.most_common()
        ]


# ---------------------------------------------------------------- py-spy


@dataclass
class Profile:
    samples: int
    requests: int
    rps: float
    by_area: list[tuple[str, float]]  # share of samples by where the innermost frame is
    inclusive: list[tuple[str, float]]  # share of samples under chosen functions


# Innermost frame's file -> area; the first match wins. Without --native, C and Cython code
# (asyncpg's protocol, uvloop) counts for the Python frame that called it: asyncpg's await
# lines, and asyncio.Runner.run for uvloop's own loop.
AREAS = (
    ("asyncio/runners.py", "event loop (uvloop, C)"),
    ("server/ledger/", "ledgerline: ledger (posting, reports)"),
    ("server/receivables/", "ledgerline: receivables (invoices, payments)"),
    ("server/documents/", "ledgerline: documents (open items, allocation, entries)"),
    ("server/audit/", "ledgerline: audit log"),
    ("server/identity/", "ledgerline: identity (authenticate)"),
    ("server/access/", "ledgerline: access control"),
    ("server/", "ledgerline: server (other)"),
    ("schema/", "ledgerline: GraphQL schema"),
    ("pypika", "pypika (SQL building)"),
    ("tortoise/", "tortoise-orm"),
    ("asyncpg/", "asyncpg (incl. its Cython protocol)"),
    ("strawberry/", "strawberry"),
    ("graphql/", "graphql-core"),
    ("casbin/", "casbin"),
    ("starlette/", "starlette"),
    ("uvicorn/", "uvicorn"),
    ("structlog/", "structlog"),
    ("logging/", "logging"),
    ("posixpath", "logging"),  # LogRecord's file name handling
    ("prometheus_client/", "prometheus-client"),
    ("pydantic", "pydantic"),
    ("asyncio/", "asyncio"),
)


def run_profile(
    py_spy: str,
    server_pid: int,
    out: Path,
    drive: Callable[[], HeyResult],
    functions: Sequence[tuple[str, str]] = (),
    duration: int = 25,
) -> Profile | None:
    """py-spy over every worker (--subprocesses on the server) while `drive` runs the load;
    `functions` as for summarize_profile."""
    recorder = subprocess.Popen(
        [
            *(py_spy, "record", "--pid", str(server_pid), "--subprocesses"),
            *("--rate", "200", "--duration", str(duration), "--format", "raw"),
            *("--output", str(out), "--nonblocking"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(2)  # let py-spy attach
        load = drive()
        recorder.wait(timeout=duration + 60)
    finally:
        if recorder.poll() is None:
            recorder.terminate()
            recorder.wait(timeout=10)
    if not out.exists():
        stderr = recorder.stderr.read().decode() if recorder.stderr else ""
        print(f"bench: py-spy wrote no profile: {stderr[-500:]}", flush=True)
        return None
    samples, by_area, inclusive = summarize_profile(out, functions)
    return Profile(
        samples=samples, requests=load.requests, rps=load.rps, by_area=by_area, inclusive=inclusive
    )


def summarize_profile(
    path: Path, functions: Sequence[tuple[str, str]] = ()
) -> tuple[int, list[tuple[str, float]], list[tuple[str, float]]]:
    """(samples, % by area of the innermost frame, % under each of `functions`,
    (label, regex on a frame)) of the workers
    in a py-spy raw (collapsed stacks) file; py-spy leaves out idle samples."""
    stacks = []
    for line in path.read_text().splitlines():
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
    for label, pattern in functions:
        regex = re.compile(pattern)
        hits = sum(n for frames, n in stacks if any(regex.search(f) for f in frames))
        inclusive.append((label, 100 * hits / total))
    by_area = [(name, 100 * n / total) for name, n in areas.most_common()]
    return total, by_area, inclusive
