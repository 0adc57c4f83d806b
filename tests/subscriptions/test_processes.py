"""Fan-out across processes on PostgreSQL: two real API servers and one worker; a client
subscribed on one server receives the event of a change made through the other."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.subscriptions.client import signed_in
from tests.support import PASSWORD, SIGN_IN, Api

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
EVENTS = "subscription { eventsAdded { sequence type objectId payload } }"
CUSTOMER_CREATE = """mutation($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { id } userErrors { field code } } }"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def processes(database_url: str, tmp_path: Path) -> Iterator[Any]:
    started: list[subprocess.Popen[bytes]] = []
    env = {
        **os.environ,
        "LEDGERLINE_DATABASE_URL": database_url,
        "LEDGERLINE_ENV": "test",
        "LEDGERLINE_DATA_DIR": str(tmp_path),
        "LEDGERLINE_JWT_SECRET": "processes-test-secret-" + "x" * 40,
        "LEDGERLINE_LOG_LEVEL": "WARNING",
        "LEDGERLINE_PASSWORD_HASH_TIME_COST": "1",
        "LEDGERLINE_PASSWORD_HASH_MEMORY_KIB": "8",
        # No look at the feed of their own: only the NOTIFY can wake a subscription.
        "LEDGERLINE_SUBSCRIPTION_RECHECK_SECONDS": "3600",
    }

    def start(*command: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", *command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


async def _ready(base: str, seconds: float = 60) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        for _ in range(int(seconds * 10)):
            try:
                if (await client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"{base} did not start")


async def test_change_through_one_server_reaches_a_subscriber_of_another(
    api: Api, processes: Any
) -> None:
    org = await api.new_org()  # made in this process's database: the servers share it
    ports = [_free_port(), _free_port()]
    for port in ports:
        processes("serve", "--port", str(port))
    processes("worker")
    first, second = (f"http://127.0.0.1:{port}" for port in ports)
    await asyncio.gather(_ready(first), _ready(second))
    async with httpx.AsyncClient(base_url=second) as client:
        signed = await client.post(
            "/graphql",
            json={
                "query": SIGN_IN,
                "variables": {"input": {"email": org.users["owner"].email, "password": PASSWORD}},
            },
        )
        token = signed.json()["data"]["sessionCreate"]["accessToken"]
        async with signed_in(f"ws://127.0.0.1:{ports[0]}/graphql", token) as ws:
            await ws.subscribe("1", EVENTS)
            await ws.nothing(0.5)
            made = await client.post(
                "/graphql",
                json={"query": CUSTOMER_CREATE, "variables": {"input": {"name": "Far away"}}},
                headers={"authorization": f"Bearer {token}"},
            )
            created = made.json()["data"]["customerCreate"]
            assert created["userErrors"] == []
            # The worker relays within a second or so of its round; allow for a slow machine.
            event = (await ws.next("1", within=30))["data"]["eventsAdded"]
            assert (event["type"], event["objectId"]) == (
                "customer.created",
                created["customer"]["id"],
            )
            assert event["payload"]["name"] == "Far away"
