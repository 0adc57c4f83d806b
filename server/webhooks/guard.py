"""The guard against server-side request forgery: which URLs and addresses a webhook may
reach (docs/decisions/webhooks.md).

A URL is checked when it is saved and again before every request, redirects included. The
host is resolved once per request and every address it resolves to is checked; the request
then goes to the checked address (server/webhooks/sender.py), so a name that resolves to a
public address when checked and to a private one a moment later (DNS rebinding) reaches
nothing it should not.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from server.webhooks.models import URL_MAX

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
# Instance metadata services: refused whatever the settings say.
METADATA = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack, ...
        ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
        ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    }
)
# Shared address space of carrier-grade NAT (RFC 6598): neither private nor global.
CGNAT = ipaddress.ip_network("100.64.0.0/10")
# Private networks proper (RFC 1918, RFC 4193): what `allow_private` lets through, beside
# loopback and CGNAT. ipaddress's is_private also holds documentation, benchmarking and
# reserved ranges, which stay refused.
PRIVATE = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")
)
# NAT64 (RFC 6052): an IPv6 address that reaches the IPv4 address in its last 32 bits.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class UnsafeTarget(ValueError):
    """A URL or address a webhook may not reach; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Target:
    """A URL taken apart: what to connect to and what to tell the server."""

    url: str
    scheme: str
    host: str  # lower-case; an IPv6 literal without brackets
    port: int
    path: str  # path and query, at least "/"

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"

    def url_for(self, address: IPAddress) -> str:
        """The URL with the checked address in place of the host name."""
        host = f"[{address}]" if address.version == 6 else str(address)
        return f"{self.scheme}://{host}:{self.port}{self.path}"


def parse(url: str) -> Target:
    """The URL's parts, or UnsafeTarget: http or https only, at most URL_MAX characters, a
    host, no user name or password (credentials would be stored and logged in clear)."""
    if len(url) > URL_MAX:
        raise UnsafeTarget(f"the URL is longer than {URL_MAX} characters")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise UnsafeTarget("the URL contains spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeTarget(f"the URL is not valid: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise UnsafeTarget("only http and https URLs are allowed")
    if parts.username is not None or parts.password is not None:
        raise UnsafeTarget("the URL may not contain a user name or password")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UnsafeTarget("the URL has no host")
    try:
        host = host.encode("idna").decode("ascii") if not _is_literal(host) else host
    except UnicodeError as exc:
        raise UnsafeTarget("the host name is not valid") from exc
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Target(url, scheme, host.lower(), port or DEFAULT_PORTS[scheme], path)


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def refusal(address: IPAddress, allow_private: bool = False) -> str | None:
    """Why a webhook may not reach `address`, or None. `allow_private` (development only)
    lets private, loopback and CGNAT addresses through; nothing else."""
    if address in METADATA:
        return "a cloud metadata address"
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour or _teredo_client(address)
        if mapped is not None or address in NAT64:
            return "an IPv6 address that embeds an IPv4 address"
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_loopback:
        return None if allow_private else "a loopback address"
    if isinstance(address, ipaddress.IPv4Address) and address in CGNAT:
        return None if allow_private else "a carrier-grade NAT address"
    if any(address in network for network in PRIVATE):
        return None if allow_private else "a private address"
    if address.is_reserved or address.is_private or not address.is_global:
        return "a reserved address"
    return None


def _teredo_client(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    teredo = address.teredo
    return teredo[1] if teredo else None


def check_addresses(addresses: list[IPAddress], allow_private: bool) -> None:
    """Every address must be allowed: a name resolving to one public and one private
    address could be steered to the private one."""
    if not addresses:
        raise UnsafeTarget("the host has no address")
    for address in addresses:
        why = refusal(address, allow_private)
        if why is not None:
            raise UnsafeTarget(f"the host resolves to {why} ({address})")


async def resolve(target: Target) -> list[IPAddress]:
    """The addresses of the target's host, in the resolver's order, without duplicates."""
    if _is_literal(target.host):
        return [ipaddress.ip_address(target.host)]
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(
            target.host, target.port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
        )
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeTarget(f"the host {target.host} cannot be resolved") from exc
    found: list[IPAddress] = []
    for family, *_, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


async def checked(url: str, allow_private: bool) -> tuple[Target, list[IPAddress]]:
    """The URL's target and the addresses to connect to, every one of them checked."""
    target = parse(url)
    addresses = await resolve(target)
    check_addresses(addresses, allow_private)
    return target, addresses
