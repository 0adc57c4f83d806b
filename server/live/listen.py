"""The API process's one LISTEN connection on PostgreSQL, feeding the hub.

Each process holds a single dedicated asyncpg connection however many subscriptions it
serves: the pool's connections go back to the pool between statements and would drop a
LISTEN. A lost connection is opened again; since announcements may have been missed
meanwhile, every watcher is woken to read the feed once more.
"""

from __future__ import annotations

import asyncio
import contextlib
from uuid import UUID

import asyncpg
import orjson

from server.live.hub import HUB, Hub
from server.live.outlet import CHANNEL
from server.observability import logger

# How often the connection is checked when nothing arrives: a peer gone silently (a
# dropped network path) is found within this.
CHECK_EVERY = 30.0
RECONNECT_MAX = 30.0
# Shown in pg_stat_activity, so an operator can tell this connection from the pool's.
APPLICATION = "ledgerline-live"


def received(hub: Hub, payload: str) -> None:
    """One announcement, as the outlet wrote it; anything else is logged and dropped."""
    try:
        data = orjson.loads(payload)
        organization_id, last_sequence = UUID(data["organization"]), int(data["lastSequence"])
    except (ValueError, KeyError, TypeError):
        logger().warning("live_bad_notification", size=len(payload))
        return
    hub.publish(organization_id, last_sequence)


async def _listen_once(dsn: str, hub: Hub, stop: asyncio.Event) -> None:
    connection = await asyncpg.connect(dsn, server_settings={"application_name": APPLICATION})
    lost = asyncio.Event()
    try:
        connection.add_termination_listener(lambda _conn: lost.set())
        await connection.add_listener(
            CHANNEL, lambda _conn, _pid, _channel, payload: received(hub, payload)
        )
        hub.wake_all()  # whatever was announced before this connection listened
        logger().info("live_listening", channel=CHANNEL)
        while not stop.is_set():
            ended = asyncio.ensure_future(_first(stop, lost))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ended, CHECK_EVERY)
            if lost.is_set():
                raise ConnectionError("the LISTEN connection was closed")
            if not stop.is_set():
                await connection.fetchval("SELECT 1", timeout=CHECK_EVERY)
    finally:
        with contextlib.suppress(Exception):
            await connection.close(timeout=5)


async def _first(*events: asyncio.Event) -> None:
    waiting = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waiting:
            w.cancel()


async def listen(dsn: str, stop: asyncio.Event, hub: Hub = HUB) -> None:
    """LISTEN until `stop` is set, connecting again (with a growing pause) when it fails."""
    pause = 1.0
    while not stop.is_set():
        try:
            await _listen_once(dsn, hub, stop)
            pause = 1.0
        except Exception as failure:
            logger().error("live_listen_failed", error=type(failure).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), pause)
            pause = min(pause * 2, RECONNECT_MAX)
