"""The Markdown report of bench.outbound."""

from __future__ import annotations

import argparse
import os
import statistics
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.outbound import Hooks, PaymentRun
    from bench.outbound_live import Latency, RenderTimes

PDF_GOAL_MS = 100.0
PAYMENT_GOAL = 0.9  # with a subscriber: at least this share of the throughput alone


def _spread_row(name: str, values: dict[str, float]) -> str:
    return (
        f"| {name} | {values['p50']:.1f} | {values['p99']:.1f} | {values['mean']:.1f} "
        f"| {values['min']:.1f} | {values['max']:.1f} |"
    )


def _hooks(hooks: Hooks) -> list[str]:
    return [
        "## 1. Webhook deliveries",
        "",
        f"One endpoint taking `customer.created` on the receiver (`bench.receiver`, answers 200);"
        f" {hooks.events:,} customers created through the API ({hooks.created_rps:.0f} req/s,"
        " 8 clients) with no worker running, then two `ledgerline worker` processes started"
        " (`LEDGERLINE_WEBHOOKS_ALLOW_PRIVATE=1`) and the deliveries' rows polled every 0.1 s"
        " until all were SUCCEEDED.",
        "",
        "| figure | value |",
        "|---|---:|",
        f"| deliveries SUCCEEDED | {hooks.succeeded:,} of {hooks.events:,} |",
        f"| requests the receiver counted | {hooks.received:,} |",
        f"| deliveries retried (attempts > 1) | {hooks.retried:,} |",
        f"| workers' start to the last SUCCEEDED | {hooks.wall_s:.1f} s |",
        f"| **deliveries/s, end to end** | **{hooks.events / max(hooks.wall_s, 1e-9):.0f}** |",
        f"| first to last delivery row (the relay's fan-out) | {hooks.relay_s:.1f} s |",
        f"| first delivery job started to last finished | {hooks.jobs_s:.1f} s |",
        f"| deliveries/s over the jobs' span | {hooks.events / max(hooks.jobs_s, 1e-9):.0f} |",
        f"| mean attempt (sender's `duration_ms`) | {hooks.mean_attempt_ms:.1f} ms |",
        f"| both workers' CPU per delivery | {hooks.worker_cpu_ms:.2f} ms |",
        "",
        "The end-to-end time includes the workers' start (imports, connections) and the relay"
        " turning each event into its delivery row and job (200 events per consumer and round,"
        " a round a second when no job ran).",
        "",
    ]


def _latency(latency: Latency) -> list[str]:
    return [
        "## 2. Commit-to-subscription latency",
        "",
        f"`ledgerline serve` and one `ledgerline worker`; one graphql-transport-ws client"
        f' (websockets) subscribed to `eventsAdded(types: ["customer.created"])`;'
        f" {latency.changes} `customerCreate` requests one at a time (one more first, not"
        f" counted), each after a random pause of 0-{latency.pause_s:.1f} s (seeded) so the"
        " changes fall anywhere in the worker's polling round, each waiting for its own event.",
        "",
        "| ms | p50 | p99 | mean | min | max |",
        "|---|---:|---:|---:|---:|---:|",
        _spread_row("mutation answered → event arrived", latency.after_response),
        _spread_row("event's `occurredAt` → event arrived", latency.after_occurred),
        _spread_row("the mutation's own round trip", latency.request),
        "",
        "The event reaches subscriptions when the worker's relay has handed it on and"
        " announced it (NOTIFY): the relay runs once a polling round, and a round waits a"
        " second when it ran no job, so the latency is mostly that wait.",
        "",
    ]


def _renders(renders: RenderTimes) -> list[str]:
    met = renders.warm["p99"] <= PDF_GOAL_MS
    return [
        "## 3. Invoice PDF",
        "",
        "`render_invoice` (`server.pdf.render_invoice_pdf`: branding, the invoice's data from"
        " the database, Typst compiling in a thread) in the benchmark's own process, for an"
        f" issued invoice of 1-3 lines: {renders.pages} page(s), {renders.size_bytes:,} bytes."
        f" The first call (cold), then 10 uncounted and {renders.iterations} timed.",
        "",
        "| ms | p50 | p99 | mean | min | max |",
        "|---|---:|---:|---:|---:|---:|",
        f"| first render (cold) | {renders.cold_s * 1000:.1f} | | | | |",
        _spread_row("warm", renders.warm),
        "",
        f"Goal: at most {PDF_GOAL_MS:.0f} ms per one-page invoice: "
        + ("**met**" if met else "**not met**")
        + f" (warm p99 {renders.warm['p99']:.1f} ms).",
        "",
    ]


def _payment_rows(runs: list[PaymentRun]) -> list[str]:
    rows = [
        "| round | case | req/s | p50 ms | p99 ms | API workers' CPU ms/req | relaying worker"
        " CPU ms/payment | events received | drain s | other cores | answers |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in runs:
        hey = r.run.hey
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(hey.statuses.items()))
        relay = "" if r.job_worker_cpu_ms is None else f"{r.job_worker_cpu_ms:.2f}"
        events = "" if r.events is None else f"{r.events:,}"
        drain = "" if r.drain_s is None else f"{r.drain_s:.1f}"
        rows.append(
            f"| {r.round} | {r.case} | {hey.rps:.0f} | {hey.p50_ms:.0f} | {hey.p99_ms:.0f} "
            f"| {r.run.worker_cpu_ms:.2f} | {relay} | {events} | {drain} "
            f"| {r.run.other_cores:.2f} | {statuses}; refused {r.driven.refused} |"
        )
    return rows


def _payments(
    args: argparse.Namespace, runs: list[PaymentRun], checks: Any, expected: int
) -> tuple[list[str], float]:
    alone = statistics.fmean(r.run.hey.rps for r in runs if r.case == "alone")
    subscribed = statistics.fmean(r.run.hey.rps for r in runs if r.case == "subscribed")
    ratio = subscribed / alone
    lines = [
        "## 4. paymentRecord with a live subscriber",
        "",
        f"Each payment pays one different open invoice in full (`bench.receivables`' body,"
        f" sent by `bench.keepalive` from {args.concurrency} keep-alive clients);"
        f" {args.payment_warmup} warm-up payments, then {args.rounds} pairs of runs of"
        f" {args.payments}: *alone* (the API alone: no worker, no subscriber; the events wait"
        " in the outbox) and *subscribed* (a `ledgerline worker` relaying, started and caught"
        " up with the backlog before the run, and one client subscribed to"
        ' `eventsAdded(types: ["payment.recorded"])`, counting what arrives). The relaying'
        " worker's CPU is its process's; *drain* is how long after the load the last event"
        " took to arrive.",
        "",
        *_payment_rows(runs),
        "",
        f"Mean: alone {alone:.0f} req/s, subscribed {subscribed:.0f} req/s"
        f" (**{ratio:.2f}x**). Goal: with the outbox and a subscriber at most 10% below"
        " today's: " + ("**met**" if ratio >= PAYMENT_GOAL else "**not met**") + " in this run.",
        "",
        f"Checks after the runs: {checks.payments:,} payments, {checks.allocations:,}"
        f" allocations and {checks.paid_invoices:,} paid invoices for {expected:,} successful"
        f" answers; journal entry numbers gapless: {checks.entries_gapless}"
        f" ({'ok' if checks.ok(expected) else 'NOT OK'}).",
        "",
    ]
    return lines, ratio


def report(
    args: argparse.Namespace,
    info: dict[str, Any],
    loads: list[tuple[str, str]],
    hooks: Hooks,
    latency: Latency,
    renders: RenderTimes,
    runs: list[PaymentRun],
    checks: Any,
    expected: int,
) -> str:
    payment_lines, ratio = _payments(args, runs, checks, expected)
    dirty = " (with uncommitted changes)" if info["dirty"] else ""
    lines = [
        f"# Outbound and background work, {info['date']}",
        "",
        "`python -m bench.outbound` (bench/README.md). One throw-away database, loopback only.",
        "",
        "## Setup",
        "",
        f"- commit `{info['commit']}`{dirty}; {info['postgres']} on the same machine",
        f"- machine: {info['cpu']}, {os.cpu_count()} CPUs, shared with other work",
        f"- `ledgerline serve --workers {args.workers}` (development mode), `ledgerline"
        " worker` processes as each part says; data: one organization from `bench.generate`"
        f" with {args.customers} customers and issued invoices from `bench.bulk`",
        "- load average (1, 5, 15 min) before each part: "
        + "; ".join(f"{name} {value}" for name, value in loads),
        "",
        *_hooks(hooks),
        *_latency(latency),
        *_renders(renders),
        *payment_lines,
        "## Goals",
        "",
        f"- PDF of a one-page invoice at most {PDF_GOAL_MS:.0f} ms: warm p50"
        f" {renders.warm['p50']:.1f} ms, p99 {renders.warm['p99']:.1f} ms, cold"
        f" {renders.cold_s * 1000:.0f} ms: "
        + ("met" if renders.warm["p99"] <= PDF_GOAL_MS else "not met")
        + ".",
        f"- paymentRecord with a subscriber and a relaying worker at least"
        f" {PAYMENT_GOAL:.0%} of alone: {ratio:.2f}x: "
        + ("met" if ratio >= PAYMENT_GOAL else "not met")
        + ". *Alone* still writes each payment's event to the outbox; the outbox itself"
        " against the code before it is `2026-12-07-outbox.md`.",
        "- Webhook deliveries/s and the subscription latency have no goal; they are"
        " reported above.",
    ]
    return "\n".join(lines)
