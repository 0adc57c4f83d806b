"""The SQL statements the application sends for a request, with their parameters.

    from bench.statements import capture     # what bench.reads uses

The benchmarks compare the server with "the same SQL straight through asyncpg". Writing
that SQL by hand goes stale as soon as the read path changes; this module asks the
application itself. It runs the application in a process of its own, in process (the ASGI
app through httpx's ASGITransport, no HTTP server), with the environment the benchmark
gives the server: every PostgreSQL connection the application opens is of a
`asyncpg.Connection` subclass that registers a query logger (asyncpg's public
`add_query_logger`), so each statement is recorded with its parameters, whatever sent it
(the ORM, hand-written SQL, a transaction's BEGIN and COMMIT).

Each request is sent `repeat` times, one at a time, after signing in; the statements of
the last one are kept, with its `x-sql-statements` header (development mode) and its
answer. Whether the last two sent the same statement texts is reported too: a request
whose first run fills a per-process cache sends fewer statements afterwards, as a server
under load does.
"""

from __future__ import annotations

import argparse
import asyncio
import pickle
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg

from bench.run import ROOT, SIGN_IN

Statement = tuple[str, tuple[Any, ...]]


@dataclass
class Captured:
    """What one request sent and answered, as the application ran it."""

    statements: list[Statement]
    header: int  # x-sql-statements of the same request, -1 if absent
    answer: dict[str, Any]
    stable: bool  # the last two runs sent the same statement texts, in any order
    failed: list[str] = field(default_factory=list)  # statements that raised, and why


def capture(
    env: dict[str, str],
    workdir: Path,
    email: str,
    password: str,
    requests: dict[str, dict[str, Any]],
    repeat: int = 3,
) -> dict[str, Captured]:
    """The statements of each request (name -> GraphQL body), from a process of its own
    started with `env` (the server's environment: database, secret, development mode)."""
    asked = workdir / "statements-in.pickle"
    answered = workdir / "statements-out.pickle"
    asked.write_bytes(pickle.dumps((email, password, requests, repeat)))
    done = subprocess.run(
        [sys.executable, "-m", "bench.statements", str(asked), str(answered)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"capturing statements failed:\n{done.stderr[-3000:]}")
    # Written by the process above from this benchmark's own requests.
    captured: dict[str, Captured] = pickle.loads(answered.read_bytes())
    return captured


# ---------------------------------------------------------------- in the capturing process

_recording: list[Any] = []  # asyncpg LoggedQuery records of the request under way


class _RecordingConnection(asyncpg.Connection):
    """A connection that reports every statement it runs to `_recording`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_query_logger(_recording.append)


async def _send_all(
    email: str, password: str, requests: dict[str, dict[str, Any]], repeat: int
) -> dict[str, Captured]:
    # Only the capturing process needs the application and the test client.
    import httpx
    from tortoise.backends.asyncpg.client import AsyncpgDBClient

    from server.app import create_app

    # The ORM's asyncpg client passes this class to asyncpg.create_pool (connection_class).
    AsyncpgDBClient.connection_class = _RecordingConnection
    app = create_app()
    found: dict[str, Captured] = {}
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
            for name, body in requests.items():
                runs = []
                for _ in range(repeat):
                    _recording.clear()
                    answer = await client.post("/graphql", json=body, headers=headers, timeout=60)
                    # Query loggers are called soon after each statement, not within it.
                    for _ in range(3):
                        await asyncio.sleep(0)
                    runs.append((list(_recording), answer))
                logged, answer = runs[-1]
                # Resolvers running side by side send their statements in any order.
                texts = [sorted(q.query for q in run) for run, _ in runs[-2:]]
                found[name] = Captured(
                    statements=[(q.query, tuple(q.args)) for q in logged if q.exception is None],
                    header=int(answer.headers.get("x-sql-statements", "-1")),
                    answer=answer.json(),
                    stable=len(texts) < 2 or texts[0] == texts[1],
                    failed=[f"{q.query[:200]}: {q.exception!r}" for q in logged if q.exception],
                )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.statements", description=__doc__)
    parser.add_argument("requests", type=Path, help="pickle written by capture()")
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    email, password, requests, repeat = pickle.loads(args.requests.read_bytes())
    found = asyncio.run(_send_all(email, password, requests, repeat))
    args.output.write_bytes(pickle.dumps(found))
    return 0


if __name__ == "__main__":
    # Through the module's own name, so that what is pickled names bench.statements.Captured
    # rather than __main__.Captured.
    from bench.statements import main as module_main

    sys.exit(module_main())
