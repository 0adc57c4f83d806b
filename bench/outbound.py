"""Outbound and background work on PostgreSQL: webhooks, subscriptions, PDFs, payments.

    python -m bench.outbound [--hooks 2000] [--changes 200] [--renders 200] [--payments 800]

In one throw-away database (bench.run.throwaway_database), with `ledgerline serve --workers
2`, `ledgerline worker` processes and a receiver (bench.receiver), all on loopback:

1. webhook deliveries per second: one endpoint taking `customer.created`, `--hooks`
   customers created through the API with no worker running, then two workers started;
   timed until every delivery is SUCCEEDED;
2. commit-to-subscription latency: one worker, an eventsAdded subscription, `--changes`
   customerCreate requests one at a time;
3. invoice PDF render time, in this process (bench.outbound_live.render_times);
4. paymentRecord from `--concurrency` clients, alone (no worker, no subscriber) and with
   one eventsAdded subscriber connected and a worker relaying, alternating `--rounds` times.

Writes bench/results/<date>-outbound.md (also printed).
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg

from bench import outbound_report
from bench.bulk import load_invoices
from bench.ledger import organization_accounts
from bench.outbound_live import (
    CUSTOMER_CREATE,
    Latency,
    RenderTimes,
    Subscriber,
    measure_latency,
    render_times,
)
from bench.receivables import (
    Driven,
    drive,
    open_invoices,
    payment_body,
    payment_checks,
    payment_problem,
)
from bench.run import (
    LOOPBACK,
    ROOT,
    Bench,
    LoadRun,
    Server,
    accounted_run,
    add_common_arguments,
    check_common_arguments,
    cpu_seconds,
    free_port,
    generate_owner,
    ledgerline_command,
    loadavg,
    post,
    publish,
    run_info,
    running_server,
    sign_in,
    stop,
    throwaway_database,
)

ENDPOINT_CREATE = """mutation($input: WebhookEndpointCreateInput!) {
  webhookEndpointCreate(input: $input) {
    webhookEndpoint { id } userErrors { field code message } } }"""
LIMIT = 300.0  # seconds any wait for background work may take


def start_worker(bench: Bench) -> subprocess.Popen[bytes]:
    with bench.log_path.open("ab") as log:
        return subprocess.Popen(
            [*ledgerline_command(), "worker"],
            env=bench.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def start_receiver(port: int) -> subprocess.Popen[str]:
    receiver = subprocess.Popen(
        [sys.executable, "-m", "bench.receiver", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert receiver.stdout is not None
    if receiver.stdout.readline().strip() != "ready":
        raise RuntimeError("the receiver did not start")
    return receiver


def customer_problem(answer: dict[str, Any]) -> str | None:
    payload = (answer.get("data") or {}).get("customerCreate") or {}
    if answer.get("errors") or payload.get("userErrors") != []:
        return f"refused: {answer}"
    return None


async def fetchrow(dsn: str, sql: str, *args: Any) -> asyncpg.Record:
    conn = await asyncpg.connect(dsn)
    try:
        row = await conn.fetchrow(sql, *args)
        assert row is not None
        return row
    finally:
        await conn.close()


# ---------------------------------------------------------------- 1. webhooks


@dataclass
class Hooks:
    events: int
    created_rps: float
    wall_s: float  # from the workers' start to the last delivery SUCCEEDED
    jobs_s: float  # from the first delivery job's start to the last one's end
    relay_s: float  # from the first delivery row to the last
    succeeded: int
    retried: int
    mean_attempt_ms: float
    worker_cpu_ms: float  # both workers' CPU per delivery
    received: int


def webhooks(bench: Bench, server: Server, token: str, receiver: str, count: int) -> Hooks:
    answer, _ = post(
        server.url,
        {
            "query": ENDPOINT_CREATE,
            "variables": {"input": {"url": receiver, "eventTypes": ["customer.created"]}},
        },
        token,
    )
    if (answer.get("data") or {}).get("webhookEndpointCreate", {}).get("userErrors") != []:
        raise RuntimeError(f"webhookEndpointCreate: {answer}")
    bodies = [
        {"query": CUSTOMER_CREATE, "variables": {"input": {"name": f"Hook {i:05d}"}}}
        for i in range(count)
    ]
    print(f"  webhooks: {count} customers through the API", flush=True)
    created = drive(server.url, token, bodies, 8, customer_problem)
    if created.refused or created.load.statuses.get("200") != count:
        raise RuntimeError(f"customerCreate: {created.load.statuses} {created.examples}")
    print("  webhooks: two workers", flush=True)
    workers = [start_worker(bench), start_worker(bench)]
    started = time.perf_counter()
    cpu = cpu_seconds([w.pid for w in workers])
    query = "SELECT count(*) FILTER (WHERE status = 'SUCCEEDED') FROM webhook_deliveries"
    try:
        while time.perf_counter() - started < LIMIT:
            succeeded = int((asyncio.run(fetchrow(bench.dsn, query)))[0])
            if succeeded >= count:
                break
            time.sleep(0.1)
        wall = time.perf_counter() - started
        cpu = cpu_seconds([w.pid for w in workers]) - cpu
    finally:
        for worker in workers:
            stop(worker)
    row = asyncio.run(
        fetchrow(
            bench.dsn,
            """SELECT
                 (SELECT EXTRACT(EPOCH FROM max(finished_at) - min(started_at)) FROM jobs
                  WHERE kind = 'webhook.deliver') AS jobs_s,
                 (SELECT EXTRACT(EPOCH FROM max(created_at) - min(created_at))
                  FROM webhook_deliveries) AS relay_s,
                 (SELECT count(*) FROM webhook_deliveries WHERE status = 'SUCCEEDED') AS ok,
                 (SELECT count(*) FROM webhook_deliveries WHERE attempts > 1) AS retried,
                 (SELECT avg(duration_ms) FROM webhook_deliveries) AS mean_ms""",
        )
    )
    return Hooks(
        events=count,
        created_rps=created.load.rps,
        wall_s=wall,
        jobs_s=float(row["jobs_s"] or 0),
        relay_s=float(row["relay_s"] or 0),
        succeeded=int(row["ok"]),
        retried=int(row["retried"]),
        mean_attempt_ms=float(row["mean_ms"] or 0),
        worker_cpu_ms=cpu / max(1, count) * 1000,
        received=0,
    )


# ---------------------------------------------------------------- 4. payments


@dataclass
class PaymentRun:
    case: str
    round: int
    run: LoadRun
    driven: Driven
    job_worker_cpu_ms: float | None = None  # the relaying worker's CPU per payment
    events: int | None = None  # events the subscriber received
    drain_s: float | None = None  # after the load, until the last event arrived


async def caught_up(dsn: str, org: uuid.UUID) -> bool:
    conn = await asyncpg.connect(dsn)
    try:
        head = await conn.fetchval(
            "SELECT last_event_sequence FROM audit_chains WHERE key = $1", f"org:{org}"
        )
        done = await conn.fetchval(
            "SELECT last_sequence FROM event_cursors WHERE consumer = 'live'"
            " AND organization_id = $1",
            org,
        )
        return done is not None and done >= head
    finally:
        await conn.close()


def with_subscriber(
    bench: Bench, server: Server, token: str, org: uuid.UUID, load: Any
) -> tuple[LoadRun, float, int, float]:
    """The load with a worker relaying and one eventsAdded subscriber: the run, the
    worker's CPU seconds, the events received and the seconds they took to drain."""
    worker = start_worker(bench)
    try:
        started = time.perf_counter()
        while not asyncio.run(caught_up(bench.dsn, org)):
            if time.perf_counter() - started > LIMIT:
                raise RuntimeError("the worker did not relay the backlog")
            time.sleep(0.2)
        ws_url = server.url.replace("http://", "ws://")
        subscriber = Subscriber(ws_url, token, ["payment.recorded"])
        subscriber.start()
        subscriber.ready.wait(30)
        if subscriber.failure:
            raise RuntimeError(f"subscriber: {subscriber.failure}")
        cpu = cpu_seconds([worker.pid])
        run = accounted_run(server.pid, load)
        cpu = cpu_seconds([worker.pid]) - cpu
        done = run.hey.statuses.get("200", 0)
        drain = subscriber.wait_for(done, 30)
        subscriber.done.set()
        subscriber.join(10)
        if subscriber.failure:
            raise RuntimeError(f"subscriber: {subscriber.failure}")
        return run, cpu, subscriber.received, drain
    finally:
        stop(worker)


def payments(
    args: argparse.Namespace, bench: Bench, server: Server, token: str, org: uuid.UUID
) -> tuple[list[PaymentRun], Any, int]:
    deposit = asyncio.run(organization_accounts(bench.dsn, org))["1010"]
    total = 1 + args.payment_warmup + 2 * args.rounds * args.payments
    invoices = asyncio.run(open_invoices(bench.dsn, org, total))
    if len(invoices) < total:
        raise RuntimeError(f"{total} open invoices needed, {len(invoices)} found")
    bodies = [payment_body(invoice, deposit) for invoice in invoices]
    answer, _ = post(server.url, bodies[0], token)
    if payment_problem(answer):
        raise RuntimeError(f"paymentRecord: {payment_problem(answer)}")
    warm = drive(
        server.url, token, bodies[1 : 1 + args.payment_warmup], args.concurrency, payment_problem
    )
    expected = 1 + warm.load.statuses.get("200", 0) - warm.refused
    rest = bodies[1 + args.payment_warmup :]
    runs: list[PaymentRun] = []
    for number in range(1, args.rounds + 1):
        for case in ("alone", "subscribed"):
            chunk, rest = rest[: args.payments], rest[args.payments :]
            driven: list[Driven] = []

            def load(chunk: list[dict[str, Any]] = chunk, driven: list[Driven] = driven) -> Any:
                driven.append(drive(server.url, token, chunk, args.concurrency, payment_problem))
                return driven[0].load

            print(f"  paymentRecord round {number}, {case}: {len(chunk)} payments", flush=True)
            if case == "alone":
                runs.append(PaymentRun(case, number, accounted_run(server.pid, load), driven[0]))
            else:
                run, cpu, events, drain = with_subscriber(bench, server, token, org, load)
                runs.append(
                    PaymentRun(case, number, run, driven[0], cpu / len(chunk) * 1000, events, drain)
                )
            expected += runs[-1].run.hey.statuses.get("200", 0) - driven[0].refused
    paid = [invoice["id"] for invoice in invoices]
    checks = asyncio.run(payment_checks(bench.dsn, org, paid))
    return runs, checks, expected


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser)
    parser.add_argument("--hooks", type=int, default=2000, help="webhook deliveries")
    parser.add_argument("--changes", type=int, default=200, help="changes timed to the socket")
    parser.add_argument("--pause", type=float, default=1.0, help="max seconds between changes")
    parser.add_argument("--renders", type=int, default=200, help="timed invoice renders")
    parser.add_argument("--payments", type=int, default=800, help="payments per measured run")
    parser.add_argument("--payment-warmup", type=int, default=160)
    parser.add_argument("--rounds", type=int, default=2, help="pairs of payment runs")
    parser.add_argument("--customers", type=int, default=500)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    check_common_arguments(parser, args)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.monotonic()
    loads: list[tuple[str, str]] = [("start", loadavg())]
    with throwaway_database(args, "outbound") as bench:
        bench.env["LEDGERLINE_WEBHOOKS_ALLOW_PRIVATE"] = "1"
        info = run_info(bench.dsn)
        dataset = generate_owner(bench, args.customers)
        org, user = uuid.UUID(dataset["organization_id"]), uuid.UUID(dataset["user_id"])
        accounts = asyncio.run(organization_accounts(bench.dsn, org))
        invoices = 1 + args.payment_warmup + 2 * args.rounds * args.payments + 10
        asyncio.run(load_invoices(bench.dsn, org, user, accounts, 1, invoices, args.seed))
        port = free_port()
        receiver = start_receiver(port)
        received = -1
        try:
            with running_server(bench, args.workers) as server:
                token = sign_in(server.url, dataset["email"], dataset["password"])
                loads.append(("webhooks", loadavg()))
                hooks = webhooks(bench, server, token, f"http://{LOOPBACK}:{port}/hook", args.hooks)
                print(f"  webhooks: {hooks}", flush=True)
                loads.append(("latency", loadavg()))
                latency = live_latency(args, bench, server, token)
                print(f"  latency: {latency}", flush=True)
                loads.append(("payments", loadavg()))
                runs, checks, expected = payments(args, bench, server, token, org)
        finally:
            receiver.terminate()
            out, _ = receiver.communicate(timeout=20)
            received = int(out.split()[-1]) if out.split() else -1
        hooks.received = received
        loads.append(("render", loadavg()))
        invoice = asyncio.run(fetchrow(bench.dsn, LAST_INVOICE, org))["id"]
        renders = asyncio.run(
            render_times(bench.env, bench.database_url, org, invoice, args.renders)
        )
        print(f"  render: {renders}", flush=True)
        loads.append(("end", loadavg()))
    text = outbound_report.report(
        args, info, loads, hooks, latency, renders, runs, checks, expected
    )
    output = args.output or ROOT / "bench" / "results" / f"{info['date']}-outbound.md"
    publish(output, text, began, bench.log_path)
    return 0


# The last invoice loaded: one no payment run touches (they pay the oldest first).
LAST_INVOICE = "SELECT id FROM invoices WHERE organization_id = $1 ORDER BY number DESC LIMIT 1"


def live_latency(args: argparse.Namespace, bench: Bench, server: Server, token: str) -> Latency:
    worker = start_worker(bench)
    try:
        time.sleep(3)  # the worker's first rounds relay the webhook part's events
        ws_url = server.url.replace("http://", "ws://")
        return asyncio.run(
            measure_latency(server.url, ws_url, token, args.changes, args.pause, args.seed)
        )
    finally:
        stop(worker)


__all__ = ["Hooks", "PaymentRun", "RenderTimes", "main"]

if __name__ == "__main__":
    raise SystemExit(main())
