"""One attempt to post a signed message to an endpoint, through the guard.

Each hop resolves the host once, checks every address and connects to the checked one:
the request goes to that IP with the original name in the Host header and, for https, in
the TLS server name (httpx's `sni_hostname` request extension), against which the
certificate is verified as usual. Redirects are followed here, never by httpx, so each
new URL passes the guard too; at most MAX_REDIRECTS of them. The whole attempt, every hop
included, has TOTAL_TIMEOUT; at most RESPONSE_BODY_MAX bytes of the answer are read and
the connection is closed on the rest.
"""

from __future__ import annotations

import asyncio
import functools
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import certifi
import httpx

from server.webhooks import guard
from server.webhooks.models import RESPONSE_BODY_MAX

TOTAL_TIMEOUT = 10.0
CONNECT_TIMEOUT = 5.0
MAX_REDIRECTS = 3
# 301 and 302 are followed with the same POST: a webhook without its body is worth nothing,
# and a receiver that moved its endpoint means the message to follow. 303 asks for a GET and
# is taken as the answer, a failure.
FOLLOWED = frozenset({301, 302, 307, 308})
USER_AGENT = "Ledgerline-Webhooks/1"


@dataclass(frozen=True, slots=True)
class Attempt:
    """What one attempt came to. `error` says why it failed before or without an answer
    (refused by the guard, timed out, connection failed); a non-2xx answer has no error."""

    status_code: int | None
    body: str | None
    duration_ms: int
    error: str | None = None

    @property
    def succeeded(self) -> bool:
        return self.error is None and self.status_code is not None and 200 <= self.status_code < 300


async def post(url: str, headers: dict[str, str], body: bytes, *, allow_private: bool) -> Attempt:
    started = time.monotonic()

    def elapsed() -> int:
        return round((time.monotonic() - started) * 1000)

    try:
        async with asyncio.timeout(TOTAL_TIMEOUT):
            status, text = await _follow(url, headers, body, allow_private)
    except guard.UnsafeTarget as exc:
        return Attempt(None, None, elapsed(), f"refused: {exc}")
    except TimeoutError:
        return Attempt(None, None, elapsed(), f"no answer within {TOTAL_TIMEOUT:g} seconds")
    except (httpx.HTTPError, OSError) as exc:
        return Attempt(None, None, elapsed(), f"{type(exc).__name__}: {exc}"[:500])
    return Attempt(status, text, elapsed())


async def _follow(
    url: str, headers: dict[str, str], body: bytes, allow_private: bool
) -> tuple[int, str]:
    for _ in range(MAX_REDIRECTS + 1):
        target, addresses = await guard.checked(url, allow_private)
        status, text, location = await _send_to_any(target, addresses, headers, body)
        if status not in FOLLOWED or not location:
            return status, text
        url = urljoin(url, location)
    raise guard.UnsafeTarget(f"more than {MAX_REDIRECTS} redirects")


async def _send_to_any(
    target: guard.Target, addresses: list[guard.IPAddress], headers: dict[str, str], body: bytes
) -> tuple[int, str, str | None]:
    """The first checked address that takes the connection (a host may publish an IPv6
    address this machine cannot route to); only a failure to connect moves on."""
    for address in addresses[:-1]:
        try:
            return await _send(target, address, headers, body)
        except httpx.ConnectError:
            continue
    return await _send(target, addresses[-1], headers, body)


@functools.cache
def _tls() -> ssl.SSLContext:
    """The certificate store, loaded once per process: loading it is most of what building
    a client costs, and every attempt builds one (its connection goes to one checked
    address)."""
    return ssl.create_default_context(cafile=certifi.where())


async def _send(
    target: guard.Target, address: guard.IPAddress, headers: dict[str, str], body: bytes
) -> tuple[int, str, str | None]:
    timeout = httpx.Timeout(TOTAL_TIMEOUT, connect=CONNECT_TIMEOUT)
    # trust_env off: a proxy from the environment would connect to the name, not the
    # checked address.
    async with httpx.AsyncClient(
        timeout=timeout, follow_redirects=False, trust_env=False, verify=_tls()
    ) as client:
        request = client.build_request(
            "POST",
            target.url_for(address),
            content=body,
            headers={
                **headers,
                "host": target.host_header,
                "content-type": "application/json",
                "user-agent": USER_AGENT,
                # The answer is kept as text; compressed bytes would be unreadable there.
                "accept-encoding": "identity",
            },
            extensions={"sni_hostname": target.host} if target.scheme == "https" else {},
        )
        response = await client.send(request, stream=True)
        try:
            read = await _read_capped(response)
        finally:
            await response.aclose()
    # PostgreSQL text holds no NUL; the answer is kept for people to read.
    text = read.decode("utf-8", errors="replace").replace("\x00", "\ufffd")
    return response.status_code, text, response.headers.get("location")


async def _read_capped(response: httpx.Response) -> bytes:
    """At most RESPONSE_BODY_MAX bytes; the rest is never read."""
    kept = bytearray()
    async for chunk in response.aiter_raw():
        kept += chunk[: RESPONSE_BODY_MAX - len(kept)]
        if len(kept) >= RESPONSE_BODY_MAX:
            break
    return bytes(kept)
