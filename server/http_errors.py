"""Errors the HTTP layer answers before GraphQL runs, in the shape GraphQL clients read.

A client parses `{"errors": [{"message", "extensions": {"code"}}]}` whatever went wrong, so
a refused body, method or size answers in that shape too, with its own HTTP status.
"""

from __future__ import annotations

from enum import StrEnum

from starlette.responses import JSONResponse


class HttpErrorCode(StrEnum):
    """`extensions.code` of errors answered before the GraphQL document is read."""

    BAD_REQUEST = "BAD_REQUEST"
    NOT_FOUND = "NOT_FOUND"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    # Persisted documents (docs/api/persisted-operations.md). The first two answer with
    # HTTP 200, as Apollo's servers do: clients read them to send the document in full.
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
    PERSISTED_QUERY_NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED"
    PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"
    PERSISTED_QUERY_REQUIRED = "PERSISTED_QUERY_REQUIRED"


_CODE_OF_STATUS = {
    404: HttpErrorCode.NOT_FOUND,
    405: HttpErrorCode.METHOD_NOT_ALLOWED,
    413: HttpErrorCode.PAYLOAD_TOO_LARGE,
}


def error_response(status: int, message: str, code: str | None = None) -> JSONResponse:
    """A GraphQL-shaped error body with an HTTP status; without a code, the status picks one."""
    code = code or _CODE_OF_STATUS.get(status, HttpErrorCode.BAD_REQUEST)
    # A message can quote what the client sent (an operation name), lone surrogates included,
    # which UTF-8 cannot carry.
    printable = message.encode("utf-8", "replace").decode("utf-8")
    return JSONResponse({"errors": [{"message": printable, "extensions": {"code": code}}]}, status)
