"""Per-request context: settings, the access control, the (lazily authenticated) actor, loaders.

Over a WebSocket one context serves the whole connection: the token comes from the
connection_init payload, and a subscription renews the context's answers before each
delivery (`renew`), so what it delivers is authorized as of that moment."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import strawberry
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.dataloader import DataLoader, DefaultCache

from schema.persisted.documents import KnownDocument, PersistedDocuments
from server.access.control import AccessControl
from server.actor import Actor, RequestInfo
from server.identity.api_keys import authenticate_key, looks_like_key
from server.identity.authenticate import authenticate
from server.identity.errors import AuthenticationFailed
from server.settings import Settings


@dataclass
class Context:
    """What every resolver can reach through `info.context`."""

    request: HTTPConnection
    response: Response | WebSocket | None
    settings: Settings
    access: AccessControl
    request_info: RequestInfo
    _actor: Actor | None = None
    _auth_error: str | None = None
    _auth_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _authenticated: bool = False
    loaders: dict[str, DataLoader[Any, Any]] = field(default_factory=dict)
    # The gate's decisions for this request, and the denials already audited.
    _decisions: dict[tuple[str, str], bool] = field(default_factory=dict)
    _denials_audited: set[tuple[str, str]] = field(default_factory=set)
    # The answer holds something that expires on its own (a signed URL): the result cache
    # must not serve it again, whatever the data version.
    expiring: bool = False
    # The connection_init payload of a WebSocket; strawberry sets it when the client sends it.
    connection_params: dict[str, Any] | None = None
    # Closes a WebSocket when its access token expires; cancelled when the connection ends.
    expiry: asyncio.Task[None] | None = None
    # The persisted document this request runs (schema/persisted), and where they are kept.
    persisted: KnownDocument | None = None
    documents: PersistedDocuments | None = None

    @property
    def websocket(self) -> WebSocket | None:
        return self.response if isinstance(self.response, WebSocket) else None

    def bearer_token(self) -> str | None:
        if self.websocket is not None:
            # Browsers cannot set headers on a WebSocket: the token is in connection_init.
            params = self.connection_params or {}
            given = next((v for k, v in params.items() if k.lower() == "authorization"), "")
            header = given if isinstance(given, str) else ""
        else:
            header = self.request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return token.strip()

    async def actor(self) -> Actor | None:
        """The signed-in actor, or None; the database is asked once per request.

        Root fields resolve concurrently, so the first caller authenticates while the
        others wait on the lock for its answer.
        """
        async with self._auth_lock:
            if not self._authenticated:
                self._actor, self._auth_error = await self._authenticate()
                self._authenticated = True
        return self._actor

    async def _authenticate(self) -> tuple[Actor | None, str | None]:
        token = self.bearer_token()
        if token is None:
            return None, "authentication required"
        try:
            if looks_like_key(token):
                return await authenticate_key(self.access, token, self.request_info), None
            return (
                await authenticate(self.settings, self.access, token, self.request_info),
                None,
            )
        except AuthenticationFailed:
            return None, "invalid or expired access token"

    async def renew(self) -> Actor | None:
        """Authenticate again and forget what this context has decided and loaded: a
        long-lived subscription asks the database again (the session, the roles, the rows)
        before it delivers more. The actor is replaced in one step under the lock, since
        other operations of the connection may be reading it."""
        async with self._auth_lock:
            self._actor, self._auth_error = await self._authenticate()
            self._authenticated = True
            self._decisions = {}
            self._denials_audited = set()
            self.loaders = {}
        return self._actor

    @property
    def auth_error(self) -> str | None:
        return self._auth_error

    def signed_in(self) -> Actor:
        """The actor, for resolvers behind the gate (which has already authenticated)."""
        assert self._actor is not None, "resolver reached without passing the gate"
        return self._actor

    def allows(self, actor: Actor, obj: str, action: str) -> bool:
        """Casbin's answer for (obj, action), asked once per request."""
        decision = self._decisions.get((obj, action))
        if decision is None:
            decision = self.access.allowed(actor.subject, actor.org, obj, action)
            self._decisions[(obj, action)] = decision
        return decision

    def decided(self, obj: str, action: str) -> bool | None:
        """This request's answer for (obj, action) if the gate has given one."""
        return self._decisions.get((obj, action))

    def first_denial(self, obj: str, action: str) -> bool:
        """True the first time this request is denied (obj, action): that one is audited.
        Marked before the audit is awaited, so rows completing meanwhile do not audit it."""
        if (obj, action) in self._denials_audited:
            return False
        self._denials_audited.add((obj, action))
        return True

    def loader(self, name: str, factory: Any) -> DataLoader[Any, Any]:
        """A DataLoader built once per request, so batching never crosses requests."""
        if name not in self.loaders:
            self.loaders[name] = factory(self)
        return self.loaders[name]


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SameKeyCache(DefaultCache[K, V]):
    """strawberry's default cache with its keys used as they are: every loader here is keyed
    on ids, and the default's key function costs a call per lookup. `prefetch.ready` reads
    `cache_map` itself."""

    def get(self, key: K) -> asyncio.Future[V] | None:
        return self.cache_map.get(key)

    def set(self, key: K, value: asyncio.Future[V]) -> None:
        self.cache_map[key] = value


def batch_loader(load: Callable[[list[K]], Awaitable[Sequence[Any]]]) -> DataLoader[K, Any]:
    """A DataLoader batching `load`, its results cached by key for the request."""
    return DataLoader(load_fn=load, cache_map=SameKeyCache())


# Every resolver's `info`: the type checker then knows what `info.context` holds.
Info = strawberry.Info[Context, None]
