"""The benchmarks' webhook receiver (bench.receiver): answers 200 on keep-alive connections
and counts what it received."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

from bench.run import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_receiver_answers_each_post_with_200_and_counts_them() -> None:
    port = free_port()
    receiver = subprocess.Popen(
        [sys.executable, "-m", "bench.receiver", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert receiver.stdout is not None
        assert receiver.stdout.readline().strip() == "ready"
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            answers = [client.post("/hook", content=b'{"n": %d}' % n) for n in range(3)]
            answers.append(client.post("/hook"))
        assert [a.status_code for a in answers] == [200, 200, 200, 200]
        assert answers[0].text == "ok"
    finally:
        receiver.terminate()
        out, _ = receiver.communicate(timeout=20)
    assert out.split()[-2:] == ["received", "4"]
