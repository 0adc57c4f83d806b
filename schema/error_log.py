"""How GraphQL errors reach the log: once each, without the document or the variables.

graphql-core's messages quote what the client sent (a variable's whole value, a token of a
malformed document), so no message of a client error is logged: its code and path say what
went wrong, and the client has the message. A client error is one whose code says the
client can act on it; it is expected, so it gets no traceback. Anything else is a fault
of ours and is logged with its traceback, inside the one JSON line.
"""

from __future__ import annotations

from collections.abc import Sequence

from graphql import GraphQLError

from schema.errors import EXPECTED_CODES, TopLevelCode, should_mask
from server.observability import logger

# One line reports a request's client errors; a page of denied nested fields can have one
# per row, of which the first few say enough.
MAX_ERRORS_PER_LINE = 20


def client_error_code(error: GraphQLError) -> str | None:
    """The code of an error the client can act on; None for a fault of ours."""
    code = (error.extensions or {}).get("code")
    return code if code in EXPECTED_CODES and not should_mask(error) else None


def log_errors(errors: Sequence[GraphQLError]) -> None:
    client = []
    # Called with the errors as coded (schema.errors.give_codes), before masking.
    for error in errors:
        code = client_error_code(error)
        if code is not None:
            client.append({"error_code": code, "path": error.path})
        else:
            _log_fault(error)
    if client:
        logger().info(
            "graphql.client_errors", count=len(client), errors=client[:MAX_ERRORS_PER_LINE]
        )


def _log_fault(error: GraphQLError) -> None:
    original = error.original_error
    code = (error.extensions or {}).get("code") or TopLevelCode.INTERNAL_SERVER_ERROR.value
    logger().error(
        "graphql.unexpected_error",
        error_code=code,
        path=error.path,
        error_type=type(original or error).__name__,
        exc_info=(type(original), original, original.__traceback__) if original else None,
    )
