"""Cache headers of persisted queries answered over GET.

Shared caches (CDNs, proxies) key on the URL, and a persisted query's URL holds no
credentials, so what may be stored is decided by who asked:
- a request with an `Authorization` header gets `Cache-Control: private, no-store`: its
  answer is one member's view of live accounting data. Not even the browser keeps it,
  since a browser's cache does not key on the token either (the next user of the same
  browser would be served it);
- an anonymous request answered with errors gets `no-store` (an expired token's
  UNAUTHENTICATED must not be served to the next caller);
- an anonymous request answered without errors (introspection of the schema, `__typename`)
  may be kept by anyone for `LEDGERLINE_PERSISTED_GET_MAX_AGE_SECONDS`.
Every answer says `Vary: Authorization`, so that no cache serves an anonymous answer to a
signed-in request.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.types import Scope

ERRORS_KEY = "graphql_errors"


def cache_for_get(response: Response, scope: Scope, max_age: int) -> None:
    headers = {k.lower() for k, _ in scope.get("headers", [])}
    errors = scope.get("state", {}).get(ERRORS_KEY, True)
    if b"authorization" in headers:
        policy = "private, no-store"
    elif errors or response.status_code != 200:
        policy = "no-store"
    elif max_age:
        policy = f"public, max-age={max_age}"
    else:
        policy = "no-cache"
    response.headers["cache-control"] = policy
    response.headers["vary"] = "Authorization"
