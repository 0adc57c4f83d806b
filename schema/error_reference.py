"""The error-code catalogue, docs/api/errors.md, written from the codes the API can answer.

`make schema` rewrites the page; tests/test_error_reference.py fails while it differs from
what this module writes, and while a code has no explanation here or in the schema.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graphql import GraphQLEnumType, build_schema

from schema.errors import TopLevelCode
from schema.export import sdl
from server.errors import ErrorCode
from server.http_errors import HttpErrorCode

PAGE = Path(__file__).resolve().parents[1] / "docs" / "api" / "errors.md"

# When each top-level code is answered: the enum of `extensions.code` carries no description
# of its own in the schema, since it is not a GraphQL type.
TOP_LEVEL_WHEN: dict[TopLevelCode, str] = {
    TopLevelCode.GRAPHQL_PARSE_FAILED: "The document is not GraphQL syntax, or has more than "
    "`LEDGERLINE_MAX_TOKENS` tokens.",
    TopLevelCode.GRAPHQL_VALIDATION_FAILED: "The document does not validate: an unknown field "
    "or argument, a missing required argument, an unused or undefined variable, or the "
    "depth, alias, directive or sign-in field limits.",
    TopLevelCode.BAD_USER_INPUT: "A value does not fit its type, written in the document or "
    "sent as a variable: a bad Int, Date, DateTime, Amount, CurrencyCode or Percent, null for "
    "a non-null, an unknown input field, a malformed id or cursor, text over its limit or "
    "with refused characters, a report too large to build.",
    TopLevelCode.UNAUTHENTICATED: "No valid access token or API key.",
    TopLevelCode.FORBIDDEN: "The roles do not allow the field (audited as `access.denied`); "
    "on a nested field only that field is `null`.",
    TopLevelCode.INTERNAL_SERVER_ERROR: "An unexpected fault, masked as `Internal server "
    "error` and logged with the request id.",
}

HTTP_WHEN: dict[HttpErrorCode, tuple[int, str]] = {
    HttpErrorCode.BAD_REQUEST: (
        400,
        "The body is empty, not JSON, not UTF-8 or not an object (a list is a batch, and "
        "batching is off); `query` is missing or not a string; `variables` or `extensions` "
        "are not objects; `operationName` is not a string or names no operation; the content "
        "type is not `application/json`.",
    ),
    HttpErrorCode.NOT_FOUND: (404, "No such path."),
    HttpErrorCode.METHOD_NOT_ALLOWED: (
        405,
        "A method the path does not answer, or a persisted mutation or subscription sent "
        "with GET (only queries may use GET).",
    ),
    HttpErrorCode.PAYLOAD_TOO_LARGE: (413, "The body is over `LEDGERLINE_MAX_BODY_BYTES`."),
    HttpErrorCode.PERSISTED_QUERY_NOT_FOUND: (
        200,
        "A persisted-query hash or `documentId` the server does not hold: send the hash "
        "again with the document (automatic persisted queries).",
    ),
    HttpErrorCode.PERSISTED_QUERY_NOT_SUPPORTED: (
        200,
        "Automatic persisted queries are turned off (`LEDGERLINE_AUTOMATIC_PERSISTED_QUERIES`).",
    ),
    HttpErrorCode.PERSISTED_QUERY_HASH_MISMATCH: (
        400,
        "The document sent with a persisted-query hash does not have that SHA-256.",
    ),
    HttpErrorCode.PERSISTED_QUERY_REQUIRED: (
        400,
        "The server runs only registered documents (`LEDGERLINE_TRUSTED_DOCUMENTS_ONLY`) and "
        "this one is not registered.",
    ),
}

HEADER = """# Error codes

Written by `make schema` from the codes the API can answer (`schema/error_reference.py`);
do not edit by hand. How errors are shaped and when each kind is used:
[conventions](conventions.md#errors).

A client branches on codes, never on messages. Three places carry one:

- `userErrors { field message code }` in a mutation's payload: a business rule refused the
  change and nothing was written. `code` is a `UserErrorCode`.
- `errors[].extensions.code` of a GraphQL answer (HTTP 200): the request or a field failed
  as a whole.
- `errors[].extensions.code` of an answer refused before GraphQL runs, with its HTTP status.
"""


def user_error_descriptions() -> dict[str, str]:
    """Each UserErrorCode value with its description, as the served schema has them."""
    enum = build_schema(sdl()).get_type("UserErrorCode")
    assert isinstance(enum, GraphQLEnumType)
    return {
        name: " ".join((value.description or "").split()) for name, value in enum.values.items()
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown() -> str:
    described = user_error_descriptions()
    lines = [HEADER, "## In `userErrors`", "", "| Code | Meaning |", "|---|---|"]
    lines += [f"| `{code.value}` | {_cell(described.get(code.value, ''))} |" for code in ErrorCode]
    lines += ["", "## Top-level errors", "", "| `extensions.code` | When |", "|---|---|"]
    lines += [
        f"| `{code.value}` | {_cell(TOP_LEVEL_WHEN.get(code, ''))} |" for code in TopLevelCode
    ]
    lines += ["", "## Refused before GraphQL runs", ""]
    lines += ["| HTTP | `extensions.code` | When |", "|---|---|---|"]
    for http in HttpErrorCode:
        status, when = HTTP_WHEN.get(http, (0, ""))
        lines.append(f"| {status} | `{http.value}` | {_cell(when)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        PAGE.write_text(markdown())
    else:
        print(markdown(), end="")
