"""A webhook receiver for benchmarks: answers every POST with 200 as fast as asyncio can.

    python -m bench.receiver --port PORT

Listens on loopback only, reads each HTTP/1.1 request by its Content-Length, answers
`200 ok` on the same keep-alive connection and counts the requests; prints `ready` when
listening and the count when it gets SIGTERM. It checks nothing of what it receives: the
benchmark reads the outcome from the deliveries' rows.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

ANSWER = b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nok"
MAX_HEAD = 64 * 1024


async def serve(port: int) -> int:
    received = 0

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal received
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if len(head) > MAX_HEAD:
                    break
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                if length:
                    await reader.readexactly(length)
                received += 1
                writer.write(ANSWER)
                await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass
        finally:
            writer.close()

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    server = await asyncio.start_server(connection, "127.0.0.1", port, limit=MAX_HEAD * 2)
    print("ready", flush=True)
    async with server:
        await stop.wait()
    return received


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    print(f"received {asyncio.run(serve(args.port))}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
