"""A lean HTTP/1.1 load client: keep-alive connections sending prepared POST requests.

hey sends one body over and over; workloads that need a different body per request (each
payment pays another invoice) are sent by this client instead. It spends its CPU on little
more than the socket calls: each request's bytes are built before the clock starts, and an
answer is read by its Content-Length (or chunk sizes) without a general HTTP parser, so the
load client takes as little as possible of the cores the server and database share with it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes
    seconds: float  # from the first byte sent to the last byte read


class ProtocolError(Exception):
    """The server answered something this client does not read."""


def post_request(host: str, port: int, path: str, headers: dict[str, str], body: bytes) -> bytes:
    """The bytes of one keep-alive POST."""
    head = [f"POST {path} HTTP/1.1", f"host: {host}:{port}", f"content-length: {len(body)}"]
    head += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    """One response: status, headers and body, read by length or by chunks."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
        raise ProtocolError(f"not an HTTP/1.x status line: {lines[0][:80]!r}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0], 16)
            chunk = await reader.readexactly(size + 2)  # with its CRLF
            if size == 0:
                break
            chunks.append(chunk[:-2])
        body = b"".join(chunks)
    else:
        raise ProtocolError("an answer without Content-Length or chunked encoding")
    return int(parts[1]), headers, body


async def send_all(
    host: str,
    port: int,
    requests: Iterable[bytes],
    concurrency: int,
    on_answer: Callable[[Answer], None],
    on_error: Callable[[str], None],
) -> None:
    """Send every request once from `concurrency` keep-alive connections; each connection
    takes the next request when the answer to its previous one is in. A connection that
    fails reports it and opens a new one for the next request."""
    pending: Iterator[bytes] = iter(requests)

    async def one_connection() -> None:
        reader: asyncio.StreamReader | None = None
        writer: asyncio.StreamWriter | None = None
        try:
            for request in pending:
                try:
                    if writer is None or reader is None:
                        reader, writer = await asyncio.open_connection(host, port)
                    started = time.perf_counter()
                    writer.write(request)
                    status, headers, body = await read_answer(reader)
                    on_answer(Answer(status, headers, body, time.perf_counter() - started))
                    if headers.get("connection", "").lower() == "close":
                        writer.close()
                        reader = writer = None
                except (OSError, asyncio.IncompleteReadError, ProtocolError, ValueError) as exc:
                    on_error(f"{type(exc).__name__}: {exc}"[:200])
                    if writer is not None:
                        writer.close()
                    reader = writer = None
        finally:
            if writer is not None:
                writer.close()

    await asyncio.gather(*(one_connection() for _ in range(concurrency)))
