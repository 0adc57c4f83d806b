"""Parts of bench.outbound that talk to a subscription or render in process: the
commit-to-subscription latency, a subscriber kept connected during a load run, and the
invoice PDF's render time."""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import statistics
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from websockets.asyncio.client import connect
from websockets.sync.client import connect as connect_sync

from bench.run import percentile

PROTOCOL = "graphql-transport-ws"
WAIT = 10.0
EVENTS = """subscription($types: [String!]) {
  eventsAdded(types: $types) { sequence type objectId occurredAt } }"""
CUSTOMER_CREATE = """mutation($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { id } userErrors { field code } } }"""


def spread(values: list[float]) -> dict[str, float]:
    """p50, p99, mean, min and max in milliseconds of `values` in seconds."""
    return {
        "p50": percentile(values, 50) * 1000,
        "p99": percentile(values, 99) * 1000,
        "mean": statistics.fmean(values) * 1000,
        "min": min(values) * 1000,
        "max": max(values) * 1000,
    }


def _subscribe_messages(token: str, types: list[str]) -> list[str]:
    return [
        json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}),
        json.dumps(
            {
                "id": "1",
                "type": "subscribe",
                "payload": {"query": EVENTS, "variables": {"types": types}},
            }
        ),
    ]


def _event(raw: str | bytes) -> dict[str, Any] | None:
    message = json.loads(raw)
    if message.get("type") == "next":
        event: dict[str, Any] = message["payload"]["data"]["eventsAdded"]
        return event
    if message.get("type") in ("error", "complete"):
        raise RuntimeError(f"subscription ended: {message}")
    return None


# ---------------------------------------------------------------- latency


@dataclass
class Latency:
    changes: int
    after_response: dict[str, float]  # from the mutation's answer to the event's arrival
    after_occurred: dict[str, float]  # from the event's occurredAt to its arrival
    request: dict[str, float]  # the mutation's own round trip
    pause_s: float


async def measure_latency(
    url: str, ws_url: str, token: str, changes: int, pause_s: float, seed: int
) -> Latency:
    """`changes` customerCreate requests one at a time, each after a random pause of up to
    `pause_s` (seeded), so the changes fall anywhere in the worker's polling round rather
    than in step with it; each waits for its own event on the subscription."""
    rng = random.Random(seed)
    headers = {"authorization": f"Bearer {token}"}
    after_response: list[float] = []
    after_occurred: list[float] = []
    requests: list[float] = []
    async with (
        httpx.AsyncClient(timeout=WAIT, headers=headers) as client,
        connect(ws_url, subprotocols=[PROTOCOL], open_timeout=WAIT) as ws,  # type: ignore[list-item]
    ):
        init, subscribe = _subscribe_messages(token, ["customer.created"])
        await ws.send(init)
        ack = json.loads(await asyncio.wait_for(ws.recv(), WAIT))
        if ack.get("type") != "connection_ack":
            raise RuntimeError(f"connection refused: {ack}")
        await ws.send(subscribe)
        await asyncio.sleep(1.0)
        for index in range(changes + 1):  # the first one warms up and is not counted
            await asyncio.sleep(rng.uniform(0, pause_s))
            name = f"Live {index:05d} {uuid.uuid4().hex[:8]}"
            sent = time.perf_counter()
            answer = await client.post(
                url, json={"query": CUSTOMER_CREATE, "variables": {"input": {"name": name}}}
            )
            responded = time.perf_counter()
            payload = answer.json()["data"]["customerCreate"]
            if payload["userErrors"]:
                raise RuntimeError(f"customerCreate refused: {payload}")
            wanted = payload["customer"]["id"]
            while True:
                event = _event(await asyncio.wait_for(ws.recv(), WAIT))
                if event is not None and event["objectId"] == wanted:
                    break
            arrived, arrived_wall = time.perf_counter(), time.time()
            if index == 0:
                continue
            requests.append(responded - sent)
            after_response.append(arrived - responded)
            occurred = datetime.fromisoformat(event["occurredAt"].replace("Z", "+00:00"))
            after_occurred.append(arrived_wall - occurred.timestamp())
    return Latency(
        changes=changes,
        after_response=spread(after_response),
        after_occurred=spread(after_occurred),
        request=spread(requests),
        pause_s=pause_s,
    )


# ---------------------------------------------------------------- a subscriber beside a load


class Subscriber(threading.Thread):
    """One eventsAdded subscription on its own thread, counting the events it receives."""

    def __init__(self, ws_url: str, token: str, types: list[str]) -> None:
        super().__init__(daemon=True)
        self.ws_url, self.token, self.types = ws_url, token, types
        self.received = 0
        self.ready = threading.Event()
        self.done = threading.Event()
        self.failure: str | None = None

    def run(self) -> None:
        try:
            with connect_sync(
                self.ws_url,
                subprotocols=[PROTOCOL],  # type: ignore[list-item]
                open_timeout=WAIT,
            ) as ws:
                for message in _subscribe_messages(self.token, self.types):
                    ws.send(message)
                ack = json.loads(ws.recv(timeout=WAIT))
                if ack.get("type") != "connection_ack":
                    raise RuntimeError(f"connection refused: {ack}")
                time.sleep(0.5)
                self.ready.set()
                while not self.done.is_set():
                    try:
                        raw = ws.recv(timeout=0.2)
                    except TimeoutError:
                        continue
                    if _event(raw) is not None:
                        self.received += 1
        except Exception as failure:
            self.failure = f"{type(failure).__name__}: {failure}"
            self.ready.set()

    def wait_for(self, count: int, seconds: float) -> float:
        """Seconds until `count` events were in (at most `seconds`)."""
        started = time.perf_counter()
        while self.received < count and time.perf_counter() - started < seconds:
            if self.failure:
                break
            time.sleep(0.05)
        return time.perf_counter() - started


# ---------------------------------------------------------------- PDF


@dataclass
class RenderTimes:
    cold_s: float
    warm: dict[str, float]
    iterations: int
    pages: int
    size_bytes: int


PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


async def render_times(
    env: dict[str, str], database_url: str, org: uuid.UUID, invoice: uuid.UUID, iterations: int
) -> RenderTimes:
    """render_invoice in this process: the first call (fonts, templates and the database
    connection are new), then `iterations` more after ten uncounted ones."""
    os.environ.update(env)  # the settings render_invoice reads come from the environment
    from tortoise import Tortoise

    from server.db import tortoise_config
    from server.pdf import render_invoice_pdf

    await Tortoise.init(config=tortoise_config(database_url))
    try:
        started = time.perf_counter()
        first = await render_invoice_pdf(org, invoice)
        cold = time.perf_counter() - started
        for _ in range(10):
            await render_invoice_pdf(org, invoice)
        times: list[float] = []
        for _ in range(iterations):
            started = time.perf_counter()
            await render_invoice_pdf(org, invoice)
            times.append(time.perf_counter() - started)
    finally:
        await Tortoise.close_connections()
    return RenderTimes(
        cold_s=cold,
        warm=spread(times),
        iterations=iterations,
        pages=len(PAGE.findall(first)),
        size_bytes=len(first),
    )
