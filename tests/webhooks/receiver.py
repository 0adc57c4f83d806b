"""A real HTTP server on a free loopback port that records what webhooks post to it."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Answer:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"ok"
    delay: float = 0.0  # seconds before answering


@dataclass
class Receiver:
    """Answers each path as told (200 "ok" unless told otherwise) and keeps every request."""

    port: int = 0
    requests: list[Received] = field(default_factory=list)
    answers: dict[str, list[Answer]] = field(default_factory=dict)
    # Each (path, webhook-id) that arrived while an earlier request of it was unanswered.
    overlaps: list[tuple[str, str]] = field(default_factory=list)
    _in_flight: Counter[tuple[str, str]] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, path: str, *answers: Answer) -> None:
        """Answer `path` with these in turn, the last one from then on."""
        self.answers[path] = list(answers)

    def at(self, path: str) -> list[Received]:
        return [r for r in self.requests if r.path == path]

    def _begin(self, key: tuple[str, str]) -> None:
        with self._lock:
            if self._in_flight[key]:
                self.overlaps.append(key)
            self._in_flight[key] += 1

    def _end(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._in_flight[key] -= 1

    def _next(self, path: str) -> Answer:
        queued = self.answers.get(path)
        if not queued:
            return Answer()
        return queued.pop(0) if len(queued) > 1 else queued[0]


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length)
            headers = {k.lower(): v for k, v in self.headers.items()}
            receiver.requests.append(Received(self.path, headers, body))
            key = (self.path, headers.get("webhook-id", ""))
            receiver._begin(key)
            try:
                answer = receiver._next(self.path)
                time.sleep(answer.delay)
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)
            finally:
                receiver._end(key)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def running() -> Iterator[Receiver]:
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    receiver.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
