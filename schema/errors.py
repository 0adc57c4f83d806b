"""Mapping domain errors to userErrors, and the top-level error codes."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

import strawberry
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.relay.types import GlobalIDValueError

from server.errors import DomainError, ErrorCode, ValidationFailed
from server.observability import logger

strawberry.enum(ErrorCode, name="UserErrorCode", description="Why an input was refused.")


@strawberry.type(
    description="A business rule or validation refused the input; nothing was written."
)
class UserError:
    field: list[str] | None = strawberry.field(
        description='Path to the input field at fault, for example ["input", "email"].'
    )
    message: str = strawberry.field(description="What went wrong, for a person to read.")
    code: ErrorCode = strawberry.field(description="Stable code for clients to branch on.")


def user_errors(error: DomainError) -> list[UserError]:
    errors = error.errors if isinstance(error, ValidationFailed) else [error]
    mapped = [
        UserError(
            field=["input", *e.field] if e.field else None,
            message=e.message,
            code=e.code,
        )
        for e in errors
    ]
    # Logged once here, by code and field: messages can quote the input.
    logger().info(
        "graphql.user_errors",
        errors=[{"error_code": e.code.value, "field": e.field} for e in mapped],
    )
    return mapped


class TopLevelCode(StrEnum):
    """`extensions.code` of top-level errors."""

    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    # A value the client sent (a variable or a literal argument) is not of its type.
    BAD_USER_INPUT = "BAD_USER_INPUT"
    # The document is not GraphQL.
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    # The document is GraphQL but not valid against the schema or its limits.
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


class Unauthenticated(GraphQLError):
    def __init__(self, message: str = "authentication required") -> None:
        super().__init__(message, extensions={"code": TopLevelCode.UNAUTHENTICATED.value})


class Forbidden(GraphQLError):
    def __init__(self, message: str = "not allowed") -> None:
        super().__init__(message, extensions={"code": TopLevelCode.FORBIDDEN.value})


EXPECTED_CODES = frozenset(
    {
        TopLevelCode.UNAUTHENTICATED,
        TopLevelCode.FORBIDDEN,
        TopLevelCode.BAD_USER_INPUT,
        TopLevelCode.GRAPHQL_PARSE_FAILED,
        TopLevelCode.GRAPHQL_VALIDATION_FAILED,
    }
)


def should_mask(error: GraphQLError) -> bool:
    """Mask what the client cannot act on; keep validation and auth errors readable."""
    code = (error.extensions or {}).get("code")
    if error.path is None:  # parse, validation and variable coercion, unless a fault of ours
        return code == TopLevelCode.INTERNAL_SERVER_ERROR
    return code not in EXPECTED_CODES


def pre_execution_code(error: GraphQLError) -> TopLevelCode:
    """The code of an error raised before execution: the document did not parse, did not
    validate against the schema, or its variables did not fit their types."""
    if isinstance(error, GraphQLSyntaxError):
        return TopLevelCode.GRAPHQL_PARSE_FAILED
    # graphql-core words every variable coercion error this way (validation rules say
    # 'Variable "$x"' with double quotes).
    if error.message.startswith("Variable '$"):
        return TopLevelCode.BAD_USER_INPUT
    if error.original_error is not None and not isinstance(error.original_error, GraphQLError):
        return TopLevelCode.INTERNAL_SERVER_ERROR  # a fault of ours outside any field
    return TopLevelCode.GRAPHQL_VALIDATION_FAILED


def _missing_code(error: GraphQLError) -> TopLevelCode | None:
    """The code a client can branch on that the error lacks, if any."""
    if isinstance(error.original_error, GlobalIDValueError):
        # A malformed global id is the client's mistake: say so instead of masking it.
        return TopLevelCode.BAD_USER_INPUT
    if error.path is None and not (error.extensions or {}).get("code"):
        return pre_execution_code(error)
    return None


def give_codes(errors: Iterable[GraphQLError]) -> None:
    """Gives each error that lacks one the code a client can branch on, in place: before
    masking, which keeps the errors whose code the client can act on."""
    for error in errors:
        code = _missing_code(error)
        if code is not None:
            error.extensions = {**(error.extensions or {}), "code": code.value}
