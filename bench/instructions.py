"""Instructions per request, counted by callgrind: a repeatable measure of CPU per request.

    python -m bench.instructions                      # an invoice page and a payment
    python -m bench.instructions --pages 20 --payments 40

Load tests on a shared 2-core machine swing by half from hour to hour, so a change of a few
percent in CPU per request cannot be seen in req/s. Callgrind counts the instructions a
process executes, which do not depend on what else the machine is doing: the same code and
data give the same count to about 0.1%. Run it at two commits to compare them.

Creates a throw-away database (migrated; the owner, an organization and 2,000 customers from
bench.generate; 20,000 issued invoices from bench.receivables), then for each workload starts
one Python process under `valgrind --tool=callgrind --instr-atstart=no`. That process runs
the application in process (the ASGI app through httpx's ASGITransport, no HTTP server),
signs in, sends the warm-up requests, switches counting on with `callgrind_control -i on`,
sends the measured requests one after another, and switches it off. What is counted is
everything the process runs for those requests (the app, the ORM, asyncpg, the test
client); PostgreSQL's work is not, as it runs in its own processes.

Workloads (cache off): `invoices(first: 50)` as bench.receivables asks for it (written by
PostgreSQL); the same page with `createdAt` too, which the database does not write, so it is
completed in Python; `customers(first: 50)` as bench.run asks for it (completed in Python);
and `paymentRecord` paying one open invoice in full (a different invoice per request).

Requires valgrind (`apt-get install -y valgrind`, which also gives callgrind_control).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from bench.bulk import load_invoices
from bench.ledger import organization_accounts
from bench.receivables import (
    INVOICES_PAGE,
    open_invoices,
    payment_body,
    payment_problem,
)
from bench.run import (
    CUSTOMERS_PAGE,
    ROOT,
    SIGN_IN,
    add_common_arguments,
    check_common_arguments,
    generate_owner,
    throwaway_database,
)

COLLECTED = re.compile(r"Collected : (\d+)")


def _worker(bodies_file: str, email: str, password: str, warmup: int, measured: int) -> None:
    """Inside callgrind: the app in process, warm-up, then the measured requests counted."""
    # Only the worker needs the test client and the app.
    import httpx

    from server.app import create_app

    bodies: list[dict[str, Any]] = json.loads(Path(bodies_file).read_text())
    if len(bodies) < warmup + measured:
        raise SystemExit(f"{len(bodies)} request bodies for {warmup + measured} requests")

    def counting(on: bool) -> None:
        subprocess.run(
            ["callgrind_control", "-i", "on" if on else "off", str(os.getpid())],
            check=True,
            capture_output=True,
            timeout=60,
        )

    async def run() -> None:
        app = create_app()
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                signed = await client.post(
                    "/graphql",
                    json={
                        "query": SIGN_IN,
                        "variables": {"input": {"email": email, "password": password}},
                    },
                )
                token = signed.json()["data"]["sessionCreate"]["accessToken"]
                headers = {"authorization": f"Bearer {token}"}
                answers = []
                for i, body in enumerate(bodies[: warmup + measured]):
                    if i == warmup:
                        counting(True)
                    answers.append(await client.post("/graphql", json=body, headers=headers))
                counting(False)
                for answer in answers:
                    problem = _problem(answer.status_code, answer.json())
                    if problem:
                        raise SystemExit(f"unexpected answer: {problem}")

    asyncio.run(run())


def _problem(status: int, answer: dict[str, Any]) -> str | None:
    if status != 200 or answer.get("errors"):
        return f"HTTP {status}: {json.dumps(answer)[:300]}"
    if "paymentRecord" in (answer.get("data") or {}):
        return payment_problem(answer)
    return None


def count(
    env: dict[str, str], workdir: Path, name: str, bodies: list[dict[str, Any]], args: Any
) -> float:
    """Instructions per measured request of one workload, in a process under callgrind."""
    bodies_file = workdir / f"{name}.json"
    bodies_file.write_text(json.dumps(bodies))
    measured = args.payments if name == "payment" else args.pages
    done = subprocess.run(
        [
            *("valgrind", "--tool=callgrind", "--instr-atstart=no"),
            f"--callgrind-out-file={workdir / f'callgrind.{name}.%p'}",
            *(sys.executable, "-m", "bench.instructions", "--worker", str(bodies_file)),
            *("--email", args.email, "--password", args.password),
            *("--warmup", str(args.warmup), "--measured", str(measured)),
        ],
        env={**env, "LEDGERLINE_QUERY_CACHE_ENTRIES": "0", "PYTHONHASHSEED": "0"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or not found:
        raise RuntimeError(
            f"{name}: callgrind run failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}"
        )
    return int(found.group(1)) / measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser)
    parser.add_argument("--invoices", type=int, default=20_000)
    parser.add_argument("--customers", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=10, help="requests before counting")
    parser.add_argument("--pages", type=int, default=10, help="pages counted per page workload")
    parser.add_argument("--payments", type=int, default=20, help="payments counted (0: none)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--email", help=argparse.SUPPRESS)
    parser.add_argument("--password", help=argparse.SUPPRESS)
    parser.add_argument("--measured", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker(args.worker, args.email, args.password, args.warmup, args.measured)
        return 0
    check_common_arguments(parser, args)
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        print("bench.instructions needs valgrind: apt-get install -y valgrind", file=sys.stderr)
        return 2
    with throwaway_database(args, "instructions") as bench:
        dataset = generate_owner(bench, args.customers)
        org, user = uuid.UUID(dataset["organization_id"]), uuid.UUID(dataset["user_id"])
        accounts = asyncio.run(organization_accounts(bench.dsn, org))
        asyncio.run(load_invoices(bench.dsn, org, user, accounts, 1, args.invoices, args.seed))
        args.email, args.password = dataset["email"], dataset["password"]
        page = {"query": INVOICES_PAGE, "variables": {"first": 50}}
        # createdAt is not among the fields the database writes: the page goes to Python.
        python_page = {
            "query": INVOICES_PAGE.replace("id number status", "id number status createdAt"),
            "variables": {"first": 50},
        }
        customers = {"query": CUSTOMERS_PAGE, "variables": {"first": 50}}
        paying = asyncio.run(open_invoices(bench.dsn, org, args.warmup + args.payments))
        pages = args.warmup + args.pages
        workloads = {
            "page": [page] * pages,
            "page-python": [python_page] * pages,
            "customers": [customers] * pages,
            "payment": [payment_body(i, accounts["1010"]) for i in paying],
        }
        if not args.payments:
            del workloads["payment"]
        print("workload | instructions per request (millions)")
        for name, bodies in workloads.items():
            per_request = count(bench.env, bench.workdir, name, bodies, args)
            print(f"{name} | {per_request / 1e6:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
