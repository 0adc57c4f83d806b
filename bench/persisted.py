"""Persisted queries against full documents, in the same run: `python -m bench.persisted`.

Two operations, each sent as its full document and as an automatic persisted query (its
SHA-256 alone, registered once before the runs): `{ __typename }`, which costs the
transport and nothing else, and `customer(id)`, a lookup by id with every scalar field.
The query result cache is off, so every request authenticates and runs its SQL. Same
server, database and load client for all four; the report goes to
bench/results/<date>-persisted.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.receivables import drive
from bench.run import (
    ONE_CUSTOMER,
    RESULTS,
    LoadRun,
    accounted_run,
    add_common_arguments,
    check_common_arguments,
    check_response,
    generate_owner,
    loadavg,
    post,
    publish,
    round_to_clients,
    run_info,
    running_server,
    sign_in,
    throwaway_database,
)

TYPENAME = "{ __typename }"


@dataclass(frozen=True)
class Variant:
    operation: str
    sent_as: str
    body: dict[str, Any]

    @property
    def body_bytes(self) -> int:
        return len(json.dumps(self.body).encode())


def hashed(document: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    sha256 = hashlib.sha256(document.encode()).hexdigest()
    body: dict[str, Any] = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256}}}
    if variables is not None:
        body["variables"] = variables
    return body


def variants(customer_id: str) -> list[Variant]:
    lookup = {"id": customer_id}
    return [
        Variant("{ __typename }", "document", {"query": TYPENAME}),
        Variant("{ __typename }", "persisted hash", hashed(TYPENAME)),
        Variant("customer(id)", "document", {"query": ONE_CUSTOMER, "variables": lookup}),
        Variant("customer(id)", "persisted hash", hashed(ONE_CUSTOMER, lookup)),
    ]


def no_errors(result: dict[str, Any]) -> str | None:
    return json.dumps(result["errors"])[:300] if result.get("errors") else None


def report(
    args: argparse.Namespace, info: dict[str, Any], runs: list[tuple[Variant, LoadRun]]
) -> str:
    lines = [
        f"# Persisted queries against full documents ({info['date']})",
        "",
        f"- Commit {info['commit']}{' (with local changes)' if info['dirty'] else ''}; "
        f"{info['cpu']}; {info['postgres']}; load average at start {info['loadavg']}",
        f"- Server: `ledgerline serve --workers {args.workers}` on loopback, "
        "`LEDGERLINE_QUERY_CACHE_ENTRIES=0` (every request authenticates and runs its SQL), "
        "log level WARNING; PostgreSQL, the server and the load client share the machine",
        f"- Load: bench.keepalive, {args.requests} requests per row from {args.concurrency} "
        f"keep-alive connections after {args.warmup} warm-up requests; rows alternate "
        f"document and hash, {args.rounds} rounds, the best round of each row shown",
        "- Persisted hash: the SHA-256 alone in `extensions.persistedQuery`, registered "
        "once before the runs (Apollo's automatic persisted queries)",
        "",
        "| Operation | Sent as | Body bytes | req/s | p50 ms | p99 ms | server CPU ms/req |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for variant, run in runs:
        lines.append(
            f"| {variant.operation} | {variant.sent_as} | {variant.body_bytes} | "
            f"{run.hey.rps:.0f} | {run.hey.p50_ms:.1f} | {run.hey.p99_ms:.1f} | "
            f"{run.worker_cpu_ms:.2f} |"
        )
    return "\n".join(lines)


def measure(
    args: argparse.Namespace, url: str, token: str, pid: int, variant: Variant, count: int
) -> LoadRun:
    bodies = [variant.body] * count
    run = accounted_run(pid, lambda: drive(url, token, bodies, args.concurrency, no_errors).load)
    if run.hey.statuses != {"200": count}:
        raise RuntimeError(f"{variant}: answers {run.hey.statuses} {run.hey.errors}")
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.persisted", description=__doc__)
    add_common_arguments(parser)
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=3000, help="per row and round")
    parser.add_argument("--warmup", type=int, default=300, help="per row")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    check_common_arguments(parser, args)
    args.requests = round_to_clients(args.requests, args.concurrency)
    output = args.output or RESULTS / f"{date.today().isoformat()}-persisted.md"
    started, load_at_start = time.monotonic(), loadavg()
    with throwaway_database(args, "persisted") as bench:
        bench.env["LEDGERLINE_QUERY_CACHE_ENTRIES"] = "0"
        dataset = generate_owner(bench, args.customers)
        with running_server(bench, args.workers) as server:
            token = sign_in(server.url, dataset["email"], dataset["password"])
            page = post(server.url, {"query": "{ customers(first: 1) { nodes { id } } }"}, token)[0]
            check_response(page, "customers")
            rows = variants(page["data"]["customers"]["nodes"][0]["id"])
            for variant in rows:  # registers each document, and checks every answer
                full = {
                    **variant.body,
                    "query": ONE_CUSTOMER if "customer" in variant.operation else TYPENAME,
                }
                check_response(post(server.url, full, token)[0], variant.operation)
                check_response(post(server.url, variant.body, token)[0], variant.operation)
                measure(args, server.url, token, server.pid, variant, args.warmup)
            best: dict[int, LoadRun] = {}
            for _ in range(args.rounds):
                for index, variant in enumerate(rows):
                    run = measure(args, server.url, token, server.pid, variant, args.requests)
                    if index not in best or run.hey.rps > best[index].hey.rps:
                        best[index] = run
        info = {**run_info(bench.dsn), "loadavg": load_at_start}
        log_path = bench.log_path
    text = report(args, info, [(variant, best[i]) for i, variant in enumerate(rows)])
    publish(output, text, started, log_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
