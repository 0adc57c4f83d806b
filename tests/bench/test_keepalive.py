"""The benchmarks' keep-alive load client (bench.keepalive) against a small local server."""

from __future__ import annotations

import asyncio

from bench import keepalive


async def _serve(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, seen: list[bytes]
) -> None:
    """Echo each body back: by length, by chunks when it asks so, or hang up on "drop"."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            body = await reader.readexactly(length)
            seen.append(head.split(b"\r\n")[0] + b" " + body)
            if body == b"drop":
                writer.close()
                return
            if body.startswith(b"chunked"):
                writer.write(
                    b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nx-sql-statements: 2\r\n\r\n"
                    + b"3\r\nabc\r\n"
                    + f"{len(body):x}\r\n".encode()
                    + body
                    + b"\r\n0\r\n\r\n"
                )
            else:
                writer.write(
                    b"HTTP/1.1 201 Created\r\nContent-Length: "
                    + str(len(body)).encode()
                    + b"\r\n\r\n"
                    + body
                )
            await writer.drain()
    except asyncio.IncompleteReadError:
        writer.close()


async def test_every_request_is_sent_once_and_each_answer_read_whole() -> None:
    seen: list[bytes] = []
    server = await asyncio.start_server(lambda r, w: _serve(r, w, seen), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    bodies = [f"body-{i}".encode() for i in range(20)] + [b"drop", b"chunked-1", b"after"]
    requests = [
        keepalive.post_request("127.0.0.1", port, "/graphql", {"x-test": "1"}, b) for b in bodies
    ]
    answers: list[keepalive.Answer] = []
    errors: list[str] = []
    async with server:
        await keepalive.send_all("127.0.0.1", port, requests, 3, answers.append, errors.append)
    assert sorted(seen) == sorted(b"POST /graphql HTTP/1.1 " + b for b in bodies)
    by_body = {a.body: a for a in answers}
    assert set(by_body) == {b for b in bodies if b != b"drop"} - {b"chunked-1"} | {b"abcchunked-1"}
    assert by_body[b"body-7"].status == 201
    assert by_body[b"abcchunked-1"].headers["x-sql-statements"] == "2"
    assert all(a.seconds > 0 for a in answers)
    # The dropped connection is reported once, and the next request goes on a new one.
    assert len(errors) == 1 and errors[0].startswith("IncompleteReadError")
