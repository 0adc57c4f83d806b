"""Metrics of a server running several worker processes add up every worker's figures."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.metrics_endpoint import shared_between_workers
from tests.observability.test_serve_logs import _free_port, _wait_until_up

TOKEN = "metrics-token-" + "x" * 16


def _healthz_total(text: str) -> float:
    found = re.findall(r'ledgerline_http_requests_total\{[^}]*path="/healthz"[^}]*\} (\S+)', text)
    return sum(float(value) for value in found)


async def test_metrics_of_two_workers_count_every_request_whichever_answers(
    database_url: str, settings: Any, tmp_path: Path
) -> None:
    shared = tmp_path / "metrics"
    shared.mkdir()
    port = _free_port()
    env = {
        **os.environ,
        "LEDGERLINE_DATABASE_URL": database_url,
        "LEDGERLINE_DATA_DIR": str(settings.data_dir),
        "LEDGERLINE_LOG_LEVEL": "WARNING",
        "LEDGERLINE_METRICS_TOKEN": TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(shared),
    }
    server = subprocess.Popen(  # noqa: ASYNC220
        [sys.executable, "-m", "server.cli", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            await _wait_until_up(client, server)
        # New connections each time, so that both workers answer some of them.
        for _ in range(30):
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                assert (await client.get("/healthz")).status_code == 200
        totals = set()
        for _ in range(8):
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                page = await client.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
                assert page.status_code == 200
                totals.add(_healthz_total(page.text))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    # Both workers wrote their figures to the shared directory ...
    pids = {re.sub(r"\D", "", f.stem.rsplit("_", 1)[-1]) for f in shared.glob("*.db")}
    assert len(pids) >= 2
    # ... and every answer, from either worker, counts every request (and the start-up probe).
    assert len(totals) == 1
    assert totals.pop() >= 31


def test_shared_between_workers_makes_a_fresh_directory_and_removes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    with shared_between_workers(1):
        assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ
    with shared_between_workers(2):
        directory = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
        assert directory.is_dir() and not any(directory.iterdir())
    assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ
    assert not directory.exists()
