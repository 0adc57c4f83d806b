"""The HTTP side of persisted documents, before strawberry reads the request.

A request naming a persisted document (Apollo's `extensions.persistedQuery`, or
`documentId` as trusted-documents clients send it) is turned into an ordinary request
carrying the document's text, and the document found travels with it in the request's
state so that execution skips parsing and validation it has done before. Over GET only
persisted queries are served: an ad-hoc document over GET, and a persisted mutation or
subscription over GET, are refused here. In trusted-only mode an ad-hoc document runs
only if its text is a trusted document's.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

import orjson
from starlette.responses import Response
from starlette.types import Message, Receive, Scope

from schema.http_json import decode_body
from schema.persisted.documents import KnownDocument, PersistedDocuments
from server.http_errors import HttpErrorCode, error_response
from server.persisted.registry import SHA256_HEX, sha256_of

# Where the document found for a request is kept in its ASGI scope's state.
STATE_KEY = "persisted_document"
_DOCUMENT_ID_PREFIX = "sha256:"
_PERSISTED_KEYS = (b'"persistedQuery"', b'"documentId"')


class Refused(Exception):
    """A persisted-document request answered without running it."""

    def __init__(
        self, status: int, code: HttpErrorCode, message: str, allow: str | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.allow = status, code, message, allow

    def response(self) -> Response:
        response = error_response(self.status, self.message, self.code.value)
        if self.allow:
            response.headers["allow"] = self.allow
        # An answer saying a hash is unknown must not outlive the hash's registration.
        response.headers["cache-control"] = "no-store"
        return response


def _not_found() -> Refused:
    return Refused(200, HttpErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound")


def _required() -> Refused:
    return Refused(
        400,
        HttpErrorCode.PERSISTED_QUERY_REQUIRED,
        "This server runs registered documents only: send a registered document's "
        "`documentId` or persisted query hash.",
    )


def _bad(message: str) -> Refused:
    return Refused(400, HttpErrorCode.BAD_REQUEST, message)


class PersistedRequests:
    """Resolves the persisted document a request names, as the settings allow."""

    def __init__(self, documents: PersistedDocuments) -> None:
        self.documents = documents
        self.settings = documents.settings

    async def resolve(self, params: dict[str, Any]) -> KnownDocument | None:
        """The persisted document the request runs, None for an ad-hoc one; raises Refused."""
        extensions = params.get("extensions")
        persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
        document_id = params.get("documentId")
        if document_id is not None:
            if persisted is not None or params.get("query") is not None:
                raise _bad("Send `documentId` alone, without `query` or a persisted query hash.")
            known = await self.documents.find(_sha256_of_id(document_id))
            if known is None:
                raise _not_found()
            return known
        if persisted is not None:
            return await self._automatic(persisted, params.get("query"))
        return await self._ad_hoc(params.get("query"))

    async def _automatic(self, persisted: Any, query: Any) -> KnownDocument | None:
        sha256 = _apq_hash(persisted)
        known = await self.documents.find(sha256)
        if known is not None:
            if isinstance(query, str) and query != known.body:
                raise _mismatch()
            return known
        if (
            not self.settings.automatic_persisted_queries
            and not self.settings.trusted_documents_only
        ):
            raise Refused(
                200, HttpErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, "PersistedQueryNotSupported"
            )
        if query is None:
            raise _not_found()
        if not isinstance(query, str):
            return None  # strawberry refuses a `query` that is not a string
        if sha256_of(query) != sha256:
            raise _mismatch()
        if self.settings.trusted_documents_only:
            raise _required()
        return KnownDocument(sha256=sha256, body=query, trusted=False, unregistered=True)

    async def _ad_hoc(self, query: Any) -> KnownDocument | None:
        if not self.settings.trusted_documents_only or not isinstance(query, str):
            return None
        sha256 = sha256_of(query)
        known = await self.documents.find(sha256) if sha256 else None
        if known is None:
            raise _required()
        return known

    async def prepare_post(self, body: bytes) -> tuple[bytes, KnownDocument | None]:
        """The body strawberry reads, and the persisted document it names."""
        if not self.settings.trusted_documents_only and not any(
            key in body for key in _PERSISTED_KEYS
        ):
            # Most requests carry their document: they are not read twice. A key spelled
            # with JSON escapes is missed, and its request runs as the ad-hoc one it also is.
            return body, None
        try:
            params = decode_body(body)
        except ValueError:
            return body, None  # strawberry answers a malformed body
        if not isinstance(params, dict):
            return body, None
        known = await self.resolve(params)
        if known is None or params.get("query") == known.body:
            return body, known
        params.pop("documentId", None)
        params["query"] = known.body
        return orjson.dumps(params), known

    async def prepare_get(self, scope: Scope) -> tuple[Scope, KnownDocument | None]:
        """A GET runs a persisted query only: its scope rewritten to carry the text."""
        pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        params: dict[str, Any] = dict(pairs)
        if "extensions" not in params and "documentId" not in params:
            if params.get("query") is not None:
                raise _bad(
                    "Queries over GET must be persisted: send a persisted query hash or a "
                    "`documentId`, or POST the document."
                )
            return scope, None  # the GraphiQL page, or strawberry's refusal
        if "extensions" in params:
            try:
                params["extensions"] = decode_body(params["extensions"])
            except ValueError as error:
                raise _bad("`extensions` must be a JSON object.") from error
        known = await self.resolve(params)
        if known is None:
            raise _bad("Queries over GET must be persisted.")
        operation = known.operation_type(params.get("operationName"), self.settings.max_tokens)
        if operation is not None and operation.value != "query":
            raise Refused(
                405,
                HttpErrorCode.METHOD_NOT_ALLOWED,
                f"A {operation.value} cannot be sent over GET: POST it.",
                allow="POST",
            )
        kept = [(k, v) for k, v in pairs if k not in ("query", "documentId")]
        rewritten = urlencode([*kept, ("query", known.body)]).encode("latin-1")
        return {**scope, "query_string": rewritten}, known


def _mismatch() -> Refused:
    return Refused(
        400,
        HttpErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
        "The persisted query hash is not the SHA-256 of the document sent with it.",
    )


def _apq_hash(persisted: Any) -> str:
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise _bad("`extensions.persistedQuery` must be an object with `version` 1.")
    sha256 = persisted.get("sha256Hash")
    if not isinstance(sha256, str) or not SHA256_HEX.fullmatch(sha256):
        raise _bad("`sha256Hash` must be a SHA-256 in lowercase hexadecimal.")
    return sha256


def _sha256_of_id(document_id: Any) -> str:
    text = document_id if isinstance(document_id, str) else ""
    sha256 = text.removeprefix(_DOCUMENT_ID_PREFIX)
    if not SHA256_HEX.fullmatch(sha256):
        raise _bad(
            "`documentId` must be a SHA-256 in lowercase hexadecimal, "
            "optionally prefixed `sha256:`."
        )
    return sha256


def replay(body: bytes, receive: Receive) -> Receive:
    """A receive channel that hands over `body` once, then the client's own messages."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)
