"""Real `ledgerline worker` processes on PostgreSQL: two share one queue, and a worker
killed mid-job leaves the job to the other."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server.jobs import enqueue
from server.jobs.models import Job, JobStatus

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
STALE_SECONDS = 3


@pytest.fixture
def start_worker(database_url: str, tmp_path: Path) -> Iterator[Any]:
    started: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        env = {
            **os.environ,
            "LEDGERLINE_DATABASE_URL": database_url,
            "LEDGERLINE_ENV": "test",
            "LEDGERLINE_DATA_DIR": str(tmp_path),
            "LEDGERLINE_JWT_SECRET": "worker-test-secret-" + "x" * 40,
            "LEDGERLINE_JOB_MODULES": json.dumps(["tests.jobs.handlers"]),
            "LEDGERLINE_JOB_STALE_SECONDS": str(STALE_SECONDS),
            "LEDGERLINE_LOG_LEVEL": "WARNING",
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "worker"],
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


async def _until(condition: Any, seconds: float) -> None:
    for _ in range(int(seconds * 10)):
        if await condition():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("the workers did not get there in time")


def _log(path: Path) -> list[list[str]]:
    return [line.split() for line in path.read_text().splitlines()] if path.exists() else []


async def test_two_workers_run_every_job_once_and_never_one_job_twice_at_once(
    start_worker: Any, tmp_path: Path
) -> None:
    log = tmp_path / "runs.log"
    first, second = start_worker(), start_worker()
    jobs = [await enqueue("test.work", {"log": str(log), "sleep": 0.3}) for _ in range(24)]
    ids = [j.id for j in jobs if j is not None]

    async def all_done() -> bool:
        return await Job.filter(id__in=ids, status=JobStatus.SUCCEEDED).count() == len(ids)

    await _until(all_done, 90)
    starts = [row for row in _log(log) if row[3] == "start"]
    assert Counter(row[0] for row in starts) == Counter(str(i) for i in ids)
    assert {row[1] for row in starts} == {str(first.pid), str(second.pid)}
    assert {j.attempts for j in await Job.filter(id__in=ids)} == {1}


async def test_a_worker_killed_mid_job_leaves_the_job_to_another_worker(
    start_worker: Any, tmp_path: Path
) -> None:
    log = tmp_path / "killed.log"
    doomed = start_worker()
    job = await enqueue("test.work", {"log": str(log), "sleep_first": 600})
    assert job is not None

    async def running() -> bool:
        return (await Job.get(id=job.id)).status == JobStatus.RUNNING

    await _until(running, 60)
    doomed.kill()
    doomed.wait()
    survivor = start_worker()

    async def done() -> bool:
        return (await Job.get(id=job.id)).status == JobStatus.SUCCEEDED

    await _until(done, 120)
    finished = await Job.get(id=job.id)
    assert finished.attempts == 2
    rows = _log(log)
    assert [(r[1], r[2], r[3]) for r in rows] == [
        (str(doomed.pid), "1", "start"),
        (str(survivor.pid), "2", "start"),
        (str(survivor.pid), "2", "end"),
    ]
