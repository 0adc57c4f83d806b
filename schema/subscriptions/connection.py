"""A subscription connection's authentication: at connection_init, at the token's expiry,
and again before each delivery.

The token travels in connection_init's payload (`{"authorization": "Bearer ..."}`) and is
checked exactly as an HTTP request's header is (schema/context.py). A connection whose
token is missing or invalid is closed with 4403. An access token's expiry closes the
connection with 4403 at that moment; the client connects again with a refreshed token and
catches up from the `events` feed. Before each delivery the subscription authenticates
again and asks the gate again, so a revoked session, a deactivated user or a role taken
away stops what it receives.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import datetime

from strawberry.exceptions import ConnectionRejectionError

from schema.context import Context
from schema.permissions import authorize
from server import clock
from server.identity.api_keys import looks_like_key
from server.identity.errors import AuthenticationFailed
from server.identity.tokens import decode_access_token
from server.observability import logger

# The close code graphql-transport-ws gives a connection_init refused (strawberry sends it
# for ConnectionRejectionError); the same code ends a connection whose token stops being good.
FORBIDDEN = 4403


async def accept(context: Context) -> None:
    """At connection_init: authenticate, or refuse the connection."""
    if await context.actor() is None:
        raise ConnectionRejectionError({"message": context.auth_error or "unauthenticated"})
    deadline = _expires_at(context)
    if deadline is not None:
        context.expiry = asyncio.ensure_future(_close_at(context, deadline))


def _expires_at(context: Context) -> datetime | None:
    """When the connection's access token expires; None for an API key, whose revocation
    or expiry is found at the next delivery."""
    token = context.bearer_token()
    if token is None or looks_like_key(token):
        return None
    try:
        return decode_access_token(context.settings, token).expires_at
    except AuthenticationFailed:
        return clock.now()


async def _close_at(context: Context, deadline: datetime) -> None:
    await asyncio.sleep(max(0.0, (deadline - clock.now()).total_seconds()))
    await close(context, "access token expired")


def stop_expiry(context: Context) -> None:
    if context.expiry is not None:
        context.expiry.cancel()
        context.expiry = None


async def close(context: Context, reason: str) -> None:
    """End the connection: its token is no good any more."""
    websocket = context.websocket
    if websocket is None:
        return
    logger().info("subscription_closed", reason=reason)
    with contextlib.suppress(RuntimeError):  # closed already
        await websocket.close(code=FORBIDDEN, reason=reason)


async def recheck(context: Context, obj: str, action: str) -> None:
    """Before a delivery: authenticate again and ask the gate for (obj, action) again.

    Denied, the subscription ends with FORBIDDEN. No longer authenticated, the connection is
    closed with 4403 and this subscription waits for the connection's end to cancel it, so
    nothing more is sent on it."""
    if await context.renew() is None:
        await close(context, context.auth_error or "unauthenticated")
        await asyncio.Event().wait()
    await authorize(context, obj, action)
