"""The read-path benchmark's report (bench.reads): markdown, as the other result files."""

from __future__ import annotations

import argparse
import collections
import os
import platform
import subprocess
from typing import Any

from bench.reads_workloads import PAGE_SIZE
from bench.run import LoadRun, RawResult

# Goals of the issue "One read path" (Performance).
GOAL_PAGE_RATIO = 0.6  # a page's req/s over its raw statements' iterations/s
GOAL_LOOKUP_STATEMENTS = 2


def _ratio(ours: float | None, theirs: float | None) -> str:
    return f"{ours / theirs:.2f}x" if ours and theirs else "n/a"


def _rps(run: LoadRun | None) -> float | None:
    return run.hey.rps if run else None


def _number(value: float | None) -> str:
    return f"{value:.0f}" if value else "n/a"


def _count(value: int) -> str:
    return str(value) if value >= 0 else "n/a"


def _table(columns: list[str], left: int = 1) -> list[str]:
    align = ["---" if i < left else "---:" for i in range(len(columns))]
    return ["| " + " | ".join(columns) + " |", "|" + "|".join(align) + "|"]


def _node_version() -> str:
    try:
        done = subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=10)
        return done.stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def _setup(args: argparse.Namespace, info: dict[str, Any], phases: list[Any]) -> list[str]:
    modified = " (working tree modified)" if info["dirty"] else ""
    if info["postgraphile"]:
        cluster = f" --cluster-workers {args.workers}" if args.workers > 1 else ""
        pg = (
            f"PostGraphile {info['postgraphile']} (node {_node_version()}): `postgraphile "
            f"--schema public --disable-default-mutations --dynamic-json{cluster}` on loopback, "
            "NODE_ENV=production, no authentication (every request reads as the database "
            "owner; the requests name the organization as a condition)"
        )
    else:
        pg = f"PostGraphile: **left out** ({info['postgraphile_note']})"
    loads = "; ".join(
        f"{p.size:,} rows: "
        + ", ".join(f"{name} {seconds:.1f}s" for name, seconds in p.loaded_s.items())
        for p in phases
    )
    return [
        "## Setup",
        "",
        f"- Commit `{info['commit']}`{modified}",
        f"- Machine: {os.cpu_count()} CPUs ({info['cpu']}), Python "
        f"{platform.python_version()}, {info['postgres']}",
        f"- Ledgerline: `ledgerline serve --workers {args.workers}` on loopback with "
        "`LEDGERLINE_QUERY_CACHE_ENTRIES=0` (no query result cache: every request "
        "authenticates and runs its SQL), LEDGERLINE_ENV=development (the x-sql-statements "
        "header), log level WARNING; a server of its own for each size",
        "- Raw: the statements the application sends for the same request, recorded with "
        "their parameters (`bench.statements`: the application in process, asyncpg query "
        "loggers), replayed in order through asyncpg, each client on a connection of its "
        f"own: {args.sql_iterations:,} iterations from {args.concurrency} connections. "
        "Client CPU is the benchmark process's",
        f"- {pg}",
        f"- Load: {args.warmup} warm-up requests, then `hey -n <count> -c {args.concurrency}` "
        f"per workload and server, the count being what the warm-up's rate serves in "
        f"{args.seconds:g}s (at least 160, at most {args.requests}; the details give it); "
        "PostgreSQL, both servers, hey and the raw client share the machine. Client CPU of "
        "the HTTP runs is hey's",
        f"- Load average when the run started: {info['loadavg']}; "
        + "; ".join(f"before {p.size:,} rows: {p.loadavg}" for p in phases),
        f"- Data: one organization; at each size, that many customers, invoices (1-3 lines), "
        f"bills (1-3 lines, over {args.vendors:,} vendors), payments, credit notes (1-2 "
        "lines), posted journal entries (2 lines) and audit events, each document with its "
        "open item; the second size adds to the first (`bench.reads_data`, seed "
        f"{args.seed}). Loading: {loads}",
        f"- Whole run: {info['elapsed_s']:.0f}s",
        *_shared(phases),
        "",
    ]


def _shared(phases: list[Any]) -> list[str]:
    """How much of the machine other jobs took during the measured HTTP runs."""
    others = [
        run.other_cores
        for phase in phases
        for r in phase.results
        for run in (r.server, r.postgraphile)
        if run is not None
    ]
    if not others:
        return []
    return [
        f"- Other processes on the machine used {min(others):.2f} to {max(others):.2f} cores "
        f"of {os.cpu_count()} during the measured runs (the details give each): they lower "
        "req/s, and the ratios of the busiest runs, but not the CPU per request"
    ]


def _summary(phase: Any) -> list[str]:
    lines = [
        f"### {phase.size:,} rows",
        "",
        *_table(
            [
                "workload",
                "Ledgerline req/s",
                "raw iterations/s",
                "PostGraphile req/s",
                "Ledgerline / raw",
                "Ledgerline / PostGraphile",
                "SQL/req: Ledgerline, raw, PostGraphile",
                "CPU ms/req: Ledgerline, raw, PostGraphile",
            ]
        ),
    ]
    for r in phase.results:
        ours, raw, theirs = (
            _rps(r.server),
            r.raw.per_second if r.raw else None,
            _rps(r.postgraphile),
        )
        lines.append(
            f"| {r.workload.name} | {_number(ours)} | {_number(raw)} | {_number(theirs)} "
            f"| {_ratio(ours, raw)} | {_ratio(ours, theirs)} "
            f"| {_count(r.server_statements)}, {len(r.statements) if r.raw else 'n/a'}, "
            f"{_count(r.pg_statements)} "
            f"| {_cpu(r.server)}, {_raw_cpu(r.raw)}, {_cpu(r.postgraphile)} |"
        )
    return [
        *lines,
        "",
        "CPU per request adds up the server's, PostgreSQL's and the client's (hey, or the raw "
        "client): unlike req/s, it does not move with what else the machine runs.",
        "",
    ]


def _cpu(run: LoadRun | None) -> str:
    if run is None:
        return "n/a"
    return f"{run.worker_cpu_ms + run.postgres_cpu_ms + run.hey_cpu_ms:.2f}"


def _raw_cpu(raw: RawResult | None) -> str:
    return f"{raw.client_cpu_ms + raw.postgres_cpu_ms:.2f}" if raw else "n/a"


def _flatness(phases: list[Any]) -> list[str]:
    if len(phases) < 2:
        return []
    first, last = phases[0], phases[-1]
    later = {r.workload.name: r for r in last.results}
    lines = [
        f"### Pages from {first.size:,} to {last.size:,} rows",
        "",
        *_table(["page", "Ledgerline", "raw", "PostGraphile"]),
    ]
    for r in first.results:
        if (other := later.get(r.workload.name)) is None:
            continue
        raw = _ratio(
            other.raw.per_second if other.raw else None, r.raw.per_second if r.raw else None
        )
        lines.append(
            f"| {r.workload.name} | {_ratio(_rps(other.server), _rps(r.server))} | {raw} "
            f"| {_ratio(_rps(other.postgraphile), _rps(r.postgraphile))} |"
        )
    return [
        *lines,
        "",
        f"Throughput at {last.size:,} rows over that at {first.size:,}: 1.00x is flat.",
        "",
    ]


def _http_row(label: str, run: LoadRun, statements: int, rss: float) -> str:
    return (
        f"| {label} | {run.hey.requests} | {run.hey.rps:.0f} | {run.hey.p50_ms:.1f} "
        f"| {run.hey.p99_ms:.1f} "
        f"| {_count(statements)} | {run.worker_cpu_ms:.2f} | {run.postgres_cpu_ms:.2f} "
        f"| {run.hey_cpu_ms:.2f} | {rss:.0f} | {run.other_cores:.2f} |"
    )


def _details(phase: Any) -> list[str]:
    lines = [
        f"### {phase.size:,} rows",
        "",
        *_table(
            [
                "workload",
                "",
                "requests",
                "req/s",
                "p50 ms",
                "p99 ms",
                "SQL/req",
                "server CPU ms/req",
                "PostgreSQL CPU ms/req",
                "client CPU ms/req",
                "peak RSS MiB per worker",
                "other processes (cores)",
            ],
            left=2,
        ),
    ]
    for r in phase.results:
        name = r.workload.name
        if r.server:
            lines.append(
                _http_row(
                    f"{name} | Ledgerline", r.server, r.server_statements, r.server.rss_max_mib
                )
            )
            name = ""
        if r.raw:
            lines.append(
                f"| {name} | raw asyncpg | {r.raw.iterations} | {r.raw.per_second:.0f} "
                f"| {r.raw.p50_ms:.1f} "
                f"| {r.raw.p99_ms:.1f} | {len(r.statements)} | | {r.raw.postgres_cpu_ms:.2f} "
                f"| {r.raw.client_cpu_ms:.2f} | | |"
            )
            name = ""
        if r.postgraphile:
            lines.append(
                _http_row(f"{name} | PostGraphile", r.postgraphile, r.pg_statements, r.pg_rss_mib)
            )
    return [*lines, ""]


def _statements(phase: Any) -> list[str]:
    lines = []
    for r in phase.results:
        if not r.statements:
            continue
        lines.append(f"- `{r.workload.name}`:")
        # The same statement sent for each item of a page is listed once, with its count.
        counted = collections.Counter(" ".join(sql.split()) for sql, _ in r.statements)
        parameters = {" ".join(sql.split()): len(values) for sql, values in r.statements}
        for text, times in counted.items():
            shown = f"{text[:150]}{'...' if len(text) > 150 else ''}"
            each = f", {times} times" if times > 1 else ""
            count = parameters[text]
            lines.append(f"  - `{shown}` ({count} parameter{'' if count == 1 else 's'}{each})")
    return lines


def _notes(phases: list[Any]) -> list[str]:
    lines = []
    for phase in phases:
        for r in phase.results:
            said = [*r.notes]
            if r.same_items and not r.same_items.endswith("same order"):
                said.append(f"Ledgerline and PostGraphile answered {r.same_items}")
            for label, run in (("Ledgerline", r.server), ("PostGraphile", r.postgraphile)):
                if run and set(run.hey.statuses) - {"200"}:
                    codes = ", ".join(f"{c} x {n}" for c, n in sorted(run.hey.statuses.items()))
                    said.append(f"{label} answered {codes} {' | '.join(run.hey.errors)}".strip())
            if said:
                lines.append(
                    f"- `{r.workload.name}`, {phase.size:,} rows: " + "; ".join(said) + "."
                )
    return lines


def _workloads(phases: list[Any]) -> list[str]:
    """Each workload once: what PostGraphile's request leaves out, and whether both
    servers answered the same items in the same order at every size."""
    lines = [
        "The queries are in `bench/reads_workloads.py`. Each page asks for 50 items without "
        "totalCount; PostGraphile's request names the organization as a condition and the "
        "server's default order, and reads money as the stored minor units.",
        "",
        *_table(["workload", "PostGraphile's request leaves out", "same items as Ledgerline"], 3),
    ]
    seen: dict[str, list[str]] = {}
    unlike: dict[str, str] = {}
    for phase in phases:
        for r in phase.results:
            unlike[r.workload.name] = r.workload.unlike or "nothing"
            seen.setdefault(r.workload.name, []).append(
                f"{phase.size:,} rows: {r.same_items or 'n/a'}"
            )
    for name, sizes in seen.items():
        lines.append(f"| {name} | {unlike[name]} | {'; '.join(sizes)} |")
    return [*lines, ""]


def _goals(phases: list[Any]) -> list[str]:
    lines = []
    for phase in phases:
        pages = [r for r in phase.results if r.workload.kind == "page" and r.server and r.raw]
        short = [
            f"{r.workload.name} {_ratio(_rps(r.server), r.raw.per_second)}"
            for r in pages
            if r.server.hey.rps < GOAL_PAGE_RATIO * r.raw.per_second
        ]
        verdict = "**met**" if not short else f"**not met** for {', '.join(short)}"
        lines.append(
            f"- {phase.size:,} rows: every {PAGE_SIZE}-item page at {GOAL_PAGE_RATIO}x its raw "
            f"statements or more: {verdict} ({len(pages)} pages measured)."
        )
    last = phases[-1]
    if len(phases) > 1:
        before = {r.workload.name: _rps(r.server) for r in phases[0].results}
        ratios = [
            rps / old
            for r in last.results
            if (rps := _rps(r.server)) and (old := before.get(r.workload.name))
        ]
        if ratios:
            lines.append(
                f"- Pages flat from {phases[0].size:,} to {last.size:,} rows: Ledgerline's "
                f"req/s went by {min(ratios):.2f}x to {max(ratios):.2f}x (1.00x is flat; "
                "the machine's other load moves these by more than a few percent)."
            )
    for r in last.results:
        if r.workload.kind == "lookup" and r.server:
            ratio = _ratio(_rps(r.server), _rps(r.postgraphile))
            if not r.postgraphile:
                fast = "n/a (no PostGraphile figures)"
            elif r.server.hey.rps >= r.postgraphile.hey.rps:
                fast = f"**met** ({ratio})"
            else:
                fast = f"**not met** ({ratio})"
            few = "**met**" if 0 <= r.server_statements <= GOAL_LOOKUP_STATEMENTS else "**not met**"
            lines.append(
                f"- `{r.workload.name}` at PostGraphile's throughput or more: {fast}; "
                f"at most {GOAL_LOOKUP_STATEMENTS} statements with authentication: {few} "
                f"({_count(r.server_statements)})."
            )
        if r.workload.kind == "fixed" and r.server:
            lines.append(
                f"- `{r.workload.name}`, the fixed cost of a request: "
                f"{r.server.hey.rps:.0f} req/s, {r.server.worker_cpu_ms:.2f} ms of worker CPU, "
                f"{_count(r.server_statements)} statements."
            )
    return lines


def report(args: argparse.Namespace, info: dict[str, Any], phases: list[Any]) -> str:
    lines = [
        f"# Read-path benchmark, {info['date']}",
        "",
        "Generated by `python -m bench.reads` (see bench/README.md).",
        "",
        *_setup(args, info, phases),
        "## Summary",
        "",
        "Ledgerline's req/s over the iterations/s of its own statements replayed through "
        "asyncpg (what the server adds to the database work), and over PostGraphile's req/s "
        "for the nearest request PostGraphile's generated schema answers.",
        "",
    ]
    for phase in phases:
        lines += _summary(phase)
    lines += [*_flatness(phases), "## Workloads", "", *_workloads(phases), "## Details", ""]
    lines += [
        "Server CPU is the CPU time of the server's processes (Ledgerline's uvicorn workers; "
        "PostGraphile's node processes) during the measured run over its requests; "
        "PostgreSQL's is that of the backends connected to the benchmark database (what "
        "other jobs on the machine make PostgreSQL do is left out, and shows in the last "
        "column with their own CPU). Peak RSS is the high-water mark (VmHWM) of the "
        "busiest worker since its server started.",
        "",
    ]
    for phase in phases:
        lines += _details(phase)
    lines += [
        "## Statements recorded",
        "",
        f"As the application sent them at {phases[-1].size:,} rows, replayed as the raw column "
        "(BEGIN and COMMIT included; the x-sql-statements header leaves them out).",
        "",
        *_statements(phases[-1]),
        "",
        "## Notes",
        "",
        *(_notes(phases) or ["- none"]),
        "",
        '## Goals (issue "One read path")',
        "",
        *_goals(phases),
        "",
    ]
    return "\n".join(lines)
