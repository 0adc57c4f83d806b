"""`ledgerline serve` as deployed: every line it writes is a JSON object, without secrets."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx

SIGN_IN = "mutation($i: SessionCreateInput!) { sessionCreate(input: $i) { accessToken } }"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def _wait_until_up(client: httpx.AsyncClient, server: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        assert server.poll() is None, "the server exited"
        try:
            if (await client.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise AssertionError("the server did not start")


async def test_served_process_writes_only_json_lines_without_secrets(
    database_url: str, settings: Any, tmp_path: Path
) -> None:
    port = _free_port()
    canary = f"canary-{uuid.uuid4().hex}"
    env = {
        **os.environ,
        "LEDGERLINE_DATABASE_URL": database_url,
        "LEDGERLINE_DATA_DIR": str(settings.data_dir),
        "LEDGERLINE_LOG_LEVEL": "DEBUG",
    }
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        server = subprocess.Popen(  # noqa: ASYNC220
            [sys.executable, "-m", "server.cli", "serve", "--port", str(port)],
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            await _wait_until_up(client, server)
            await client.get("/nowhere", params={"token": canary})
            await client.post(
                "/graphql",
                json={"query": SIGN_IN, "variables": {"i": {"email": "a@b.c", "pasword": canary}}},
            )
            await client.post(
                "/graphql", json={"query": SIGN_IN, "variables": {"i": {"email": canary}}}
            )
            await client.post("/graphql", json={"query": '{ x(p: "' + canary + '" '})
            await client.post(
                "/graphql", json={"query": "{ viewer { roles } }"},
                headers={"authorization": f"Bearer {canary}"},
            )  # fmt: skip
            await client.post(
                "/graphql", content=canary.encode(), headers={"content-type": "application/json"}
            )
            await client.post("/graphql", json={"query": "{ " + canary * 5_000})
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    written = out.read_text()
    lines = [json.loads(line) for line in written.splitlines()]
    assert all(isinstance(line, dict) for line in lines)
    assert err.read_text() == ""
    assert canary not in written
    assert sum(1 for line in lines if line.get("event") == "request") >= 7
    assert "Started server process" in {line["event"].split(" [")[0] for line in lines}
    assert len(written) < 40_000
