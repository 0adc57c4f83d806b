"""PostGraphile v4 on the benchmark's database, for comparison (bench.reads).

PostGraphile builds a GraphQL schema by introspecting PostgreSQL and compiles each query
into one SQL statement that has the database write the JSON: a fair reference for what a
GraphQL layer over the same tables can cost. It is installed with npm into a directory
outside the repository (`ensure`), run with the CLI on a loopback port, without mutations
(`running`), and with its SQL debug log on when the statements of each request are counted
(`statement_count`).

Nothing here is part of the project: node, npm and the package are the benchmark's own
business, and a machine without them runs the benchmark without this column.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.run import LOOPBACK, descendants, free_port, stop

VERSION = "4.14.1"
DEFAULT_DIRECTORY = Path("/tmp/ledgerline-postgraphile")

# journal_entries.reversal_of_id is unique, so PostGraphile names its forward and its
# backward (single) relation alike and refuses to start; the backward one is renamed. The
# CLI reads this file from its working directory.
TAGS = {
    "version": 1,
    "config": {
        "constraint": {
            "journal_entries_reversal_of_id_fkey": {
                "tags": {"foreignSingleFieldName": "reversingEntry"}
            }
        }
    },
}
# A line of the `postgraphile:postgres` debug log starts each statement it sends.
_STATEMENT = re.compile(r"^\S+ postgraphile:postgres ", re.MULTILINE)


def ensure(directory: Path) -> tuple[Path | None, str]:
    """(the postgraphile command, "") once PostGraphile VERSION is installed in `directory`,
    installing it with npm if needed; (None, why not) if it cannot be."""
    command = directory / "node_modules" / ".bin" / "postgraphile"
    package = directory / "node_modules" / "postgraphile" / "package.json"
    with contextlib.suppress(OSError, ValueError):
        if json.loads(package.read_text())["version"] == VERSION and command.exists():
            return command, ""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return None, "node and npm are not installed"
    directory.mkdir(parents=True, exist_ok=True)
    print(f"bench: npm install postgraphile@{VERSION} into {directory}", flush=True)
    try:
        subprocess.run(
            [
                *("npm", "install", "--prefix", str(directory)),
                *("--no-audit", "--no-fund", "--loglevel", "error", f"postgraphile@{VERSION}"),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
    except subprocess.CalledProcessError as exc:
        said = (exc.stderr or exc.stdout or "").splitlines()
        codes = [line for line in said if re.match(r"npm (error|ERR!) (code|errno) ", line)]
        why = "; ".join(codes) or " ".join(" ".join(said).split())[-300:]
        return None, f"npm install postgraphile@{VERSION} failed ({why})"
    except subprocess.TimeoutExpired:
        return None, f"npm install postgraphile@{VERSION} took more than 10 minutes"
    if not command.exists():
        return None, f"npm installed no {command}"
    return command, ""


@dataclass
class PostGraphile:
    process: subprocess.Popen[bytes]
    url: str
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def processes(self) -> list[int]:
        """Every process of the server: the CLI and its cluster workers."""
        return [self.pid, *descendants(self.pid)]

    def workers(self) -> list[int]:
        """The processes that answer requests: the cluster workers, or the CLI alone."""
        return descendants(self.pid) or [self.pid]


@contextlib.contextmanager
def running(
    command: Path, database_url: str, workers: int, log_path: Path, debug_sql: bool = False
) -> Iterator[PostGraphile]:
    """The PostGraphile CLI serving `database_url` on a free loopback port, read-only (no
    default mutations), with `workers` cluster workers (one process if 1), until the block
    ends. With `debug_sql`, every statement it sends goes to the log."""
    directory = command.parents[2]
    (directory / "postgraphile.tags.json5").write_text(json.dumps(TAGS, indent=1) + "\n")
    port = free_port()
    env = {**os.environ, "NODE_ENV": "production"}
    env.pop("DEBUG", None)
    if debug_sql:
        env["DEBUG"] = "postgraphile:postgres"
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [
                *(str(command), "--connection", database_url, "--schema", "public"),
                *("--host", LOOPBACK, "--port", str(port)),
                *("--disable-default-mutations", "--disable-query-log", "--disable-graphiql"),
                "--dynamic-json",
                *(("--cluster-workers", str(workers)) if workers > 1 else ()),
            ],
            env=env,
            cwd=directory,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = PostGraphile(process, f"http://{LOOPBACK}:{port}/graphql", log_path)
    try:
        _wait_ready(server, workers)
        yield server
    finally:
        stop(process)


def _wait_ready(server: PostGraphile, workers: int, timeout: float = 90) -> None:
    """Until `{ __typename }` is answered and every cluster worker is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            tail = server.log_path.read_text(errors="replace")[-1500:]
            raise RuntimeError(f"PostGraphile exited with {server.process.returncode}:\n{tail}")
        with contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError):
            answer = query(server.url, {"query": "{ __typename }"})
            if answer.get("data") and (workers < 2 or len(server.workers()) >= workers):
                return
        time.sleep(0.25)
    raise RuntimeError(f"PostGraphile not ready after {timeout:.0f}s; see {server.log_path}")


def query(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer: dict[str, Any] = json.loads(response.read())
        return answer


def statement_count(server: PostGraphile, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """(answer, SQL statements it took) of one request to a server run with `debug_sql`."""
    before = server.log_path.stat().st_size
    answer = query(server.url, body)
    # The debug log is written as the statements are sent; wait until it stops growing.
    size, deadline = -1, time.monotonic() + 5
    while time.monotonic() < deadline:
        time.sleep(0.1)
        if (now := server.log_path.stat().st_size) == size:
            break
        size = now
    with server.log_path.open("rb") as log:
        log.seek(before)
        written = log.read().decode(errors="replace")
    return answer, len(_STATEMENT.findall(written))
