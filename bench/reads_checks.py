"""The read-path benchmark's checks (bench.reads): each answer once, before any load.

The server's and PostGraphile's answer to each workload (bench.reads_workloads), whether
both answered the same items, and the statements the application sends for each request
(bench.statements), compared with the x-sql-statements header. What is wrong is written in
the workload's notes and the workload is measured without the side that failed: a
selection the server no longer supports does not stop the run.
"""

from __future__ import annotations

import json
import re
import subprocess
import urllib.error
import uuid
from dataclasses import dataclass, field
from typing import Any

from bench import postgraphile, reads_workloads
from bench.reads_workloads import ReadWorkload, uuid_of
from bench.run import Bench, LoadRun, RawResult, post
from bench.statements import Captured, Statement, capture
from server.audit.log import chain_key

LOOKUP_INDEX = {"customers": 25, "invoices": 25, "bills": 25}
NODE_INDEX = 10  # node(id) asks for another invoice than invoice(id)
TRANSACTION = re.compile(r"\s*(BEGIN|COMMIT|ROLLBACK)\b", re.IGNORECASE)


@dataclass
class Result:
    """One workload at one size: the server, its statements replayed, PostGraphile."""

    workload: ReadWorkload
    size: int
    server: LoadRun | None = None
    server_statements: int = -1  # x-sql-statements
    response_bytes: int = 0
    statements: list[Statement] = field(default_factory=list)  # recorded, replayed
    raw: RawResult | None = None
    postgraphile: LoadRun | None = None
    pg_statements: int = -1
    pg_rss_mib: float = 0.0  # peak RSS of the busiest PostGraphile worker
    keys: list[str] = field(default_factory=list)  # ids of the items the server answered
    same_items: str = ""  # whether PostGraphile answered the same items
    notes: list[str] = field(default_factory=list)


def check_server(url: str, token: str, results: dict[str, Result]) -> dict[str, dict[str, Any]]:
    """One request per workload (pages first: lookups ask for one of their items); the
    bodies of those whose answer is as expected, by workload name."""
    bodies: dict[str, dict[str, Any]] = {}
    pages: dict[str, list[dict[str, Any]]] = {}
    for result in results.values():
        workload = result.workload
        body = _server_body(workload, pages)
        if body is None:
            result.notes.append(f"not measured: no item of {workload.lookup_of} to look up")
            continue
        try:
            answer, headers = post(url, body, token)
        except urllib.error.HTTPError as exc:  # e.g. a selection the schema no longer has
            result.notes.append(f"Ledgerline: HTTP {exc.code} {exc.read()[:300]!r}")
            continue
        keys, problems = reads_workloads.check(answer, workload)
        if problems:
            result.notes += [f"Ledgerline: {p}" for p in problems]
            continue
        if workload.kind == "page":
            pages[workload.root] = answer["data"][workload.root]["nodes"]
        if workload.kind == "lookup" and keys != [uuid_of(body["variables"]["id"])]:
            result.notes.append(f"Ledgerline answered another item: {keys}")
            continue
        result.keys = keys
        result.server_statements = int(headers.get("x-sql-statements", "-1"))
        result.response_bytes = len(json.dumps(answer, separators=(",", ":")))
        bodies[workload.name] = body
    return bodies


def _server_body(workload: ReadWorkload, pages: dict[str, list[dict[str, Any]]]) -> Any:
    if workload.kind == "page":
        return {"query": workload.query, "variables": {"first": reads_workloads.PAGE_SIZE}}
    if workload.kind == "fixed":
        return {"query": workload.query}
    items = pages.get(workload.lookup_of) or []
    index = NODE_INDEX if workload.root == "node" else LOOKUP_INDEX[workload.lookup_of]
    if len(items) <= index:
        return None
    return {"query": workload.query, "variables": {"id": items[index]["id"]}}


def check_postgraphile(
    pg: postgraphile.PostGraphile,
    results: dict[str, Result],
    server_bodies: dict[str, dict[str, Any]],
    org: uuid.UUID,
) -> dict[str, dict[str, Any]]:
    """PostGraphile's answer to each workload the server answered, the statements it took
    and whether both answered the same items; the bodies of those it answered as
    expected."""
    bodies: dict[str, dict[str, Any]] = {}
    for name, body in server_bodies.items():
        result = results[name]
        try:
            pg_body = _postgraphile_body(pg, result.workload, body, org)
            answer, count = postgraphile.statement_count(pg, pg_body)
        except (KeyError, TypeError, OSError) as exc:  # an answer without what was asked
            result.notes.append(f"PostGraphile: {exc!r}")
            continue
        keys, problems = reads_workloads.check_postgraphile(answer, result.workload)
        if problems:
            result.notes += [f"PostGraphile: {p}" for p in problems]
            continue
        result.pg_statements = count
        result.same_items = _compare(result.keys, keys) if result.keys else ""
        bodies[name] = pg_body
    return bodies


def _postgraphile_body(
    pg: postgraphile.PostGraphile, workload: ReadWorkload, body: dict[str, Any], org: uuid.UUID
) -> dict[str, Any]:
    if workload.kind == "page":
        scope = chain_key(org) if workload.root == "auditEvents" else str(org)
        variables = {"first": reads_workloads.PAGE_SIZE, "scope": scope}
        return {"query": workload.postgraphile, "variables": variables}
    if workload.kind == "fixed":
        return {"query": workload.postgraphile}
    row_id = uuid_of(body["variables"]["id"])
    if workload.root != "node":
        return {"query": workload.postgraphile, "variables": {"id": row_id}}
    # PostGraphile's global ids are its own: ask it for the invoice's.
    found = postgraphile.query(
        pg.url,
        {
            "query": "query($id: UUID!) { invoiceById(id: $id) { nodeId } }",
            "variables": {"id": row_id},
        },
    )
    node_id = found["data"]["invoiceById"]["nodeId"]
    return {"query": workload.postgraphile, "variables": {"id": node_id}}


def _compare(ours: list[str], theirs: list[str]) -> str:
    if ours == theirs:
        return f"the same {len(ours)}, same order"
    common = len(set(ours) & set(theirs))
    return f"{common} of {len(ours)} the same" + (", another order" if common == len(ours) else "")


def record_statements(
    bench: Bench, dataset: dict[str, Any], results: dict[str, Result], bodies: dict[str, Any]
) -> None:
    """The statements the application sends for each checked request (bench.statements);
    if they cannot be recorded, every workload says why and has no raw figures."""
    try:
        found: dict[str, Captured] = capture(
            bench.env, bench.workdir, dataset["email"], dataset["password"], bodies
        )
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        for name in bodies:
            results[name].notes.append(f"statements not recorded: {str(exc)[-300:]}")
        return
    for name, captured in found.items():
        result = results[name]
        result.statements = captured.statements
        sent = [sql for sql, _ in captured.statements if not TRANSACTION.match(sql)]
        if captured.header != result.server_statements or len(sent) != captured.header:
            result.notes.append(
                f"statements: the server's header said {result.server_statements}, the "
                f"recording process's {captured.header}, and {len(sent)} were recorded "
                "(besides BEGIN and COMMIT)"
            )
        if not captured.stable:
            result.notes.append("statements: the last two recorded requests sent different SQL")
        if captured.failed:
            result.notes += [f"statement failed: {f}" for f in captured.failed]
