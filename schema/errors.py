"""Mapping domain errors to userErrors, and the top-level error codes."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

import strawberry
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.relay.types import GlobalIDValueError

from schema.enums import described_enum
from server.errors import DomainError, ErrorCode, ValidationFailed
from server.identity import passwords
from server.observability import logger

E = ErrorCode

described_enum(
    ErrorCode,
    name="UserErrorCode",
    description="Why an input was refused; `field` on the userError names the input concerned.",
    values={
        E.ALREADY_ARCHIVED: "The record to archive is archived already.",
        E.AMOUNT_TOO_LARGE: "The amount exceeds the largest amount the ledger can store.",
        E.CONFLICT: (
            "The operation conflicts with the record's current state; the message says how."
        ),
        E.CURRENCY_MISMATCH: "The currencies of the records involved differ where they must match.",
        E.DUPLICATE_EMAIL: "A user with this email address already exists.",
        E.INVALID: "The value is not acceptable; the message says why.",
        E.INVALID_AMOUNT: (
            'The amount is not a decimal string such as "12.50" (a JSON number is refused).'
        ),
        E.INVALID_COUNTRY: "Not an ISO 3166-1 alpha-2 country code.",
        E.INVALID_CREDENTIALS: "The email address or password is wrong.",
        E.INVALID_EMAIL: "Not a valid email address.",
        E.INVALID_PHONE: "Not a valid phone number.",
        E.INVALID_REFRESH_TOKEN: "The refresh token is unknown, expired or revoked; sign in again.",
        E.INVALID_TAG: "A tag is not letters, digits and hyphens, or is longer than 40 characters.",
        E.NEGATIVE_AMOUNT: "The amount is below zero where only zero or more is allowed.",
        E.NOT_A_MEMBER: "The user is not a member of the organization.",
        E.NOT_FOUND: "No record with this ID exists in the organization, or you cannot see it.",
        E.OUT_OF_RANGE: "The number or date lies outside the allowed range.",
        E.REQUIRED: "The value is required and was empty or missing.",
        E.TOO_LONG: "The text exceeds its maximum length.",
        E.TOO_MANY_TAGS: "More tags than a record may carry.",
        E.TOO_PRECISE: "The amount has more decimal places than the currency or quantity allows.",
        E.UNKNOWN_CURRENCY: "Not an ISO 4217 currency code the ledger knows.",
        E.WEAK_PASSWORD: (
            f"The password is not {passwords.MIN_LENGTH} to {passwords.MAX_LENGTH} characters long."
        ),
        E.THROTTLED: "Too many attempts; wait before trying again.",
        E.TOTP_REQUIRED: "The account has two-factor sign-in; send the one-time code too.",
        E.TOTP_INVALID: "The one-time code is wrong or expired.",
        E.ESCALATION: "The grant would give more permissions than the granting user holds.",
        E.LAST_OWNER: "The organization must keep at least one owner.",
        E.BUILTIN_ROLE: "Built-in roles cannot be changed or deleted.",
        E.ROLE_IN_USE: "The role is still assigned to members and cannot be deleted.",
        E.ROLE_NOT_ALLOWED: (
            "The role cannot be held by this kind of member (API keys cannot be owners)."
        ),
        E.INVALID_TOKEN: (
            "The token (invitation, reset or verification) is unknown, used or expired."
        ),
        E.UNBALANCED: "The entry's debits and credits do not add up to the same total.",
        E.PERIOD_LOCKED: "The date falls in a locked accounting period.",
        E.NO_EXCHANGE_RATE: (
            "No exchange rate for the currency is dated on or before that date; set one first."
        ),
        E.IDEMPOTENCY_KEY_REUSED: "The idempotency key was already used for a different request.",
        E.ACCOUNT_ARCHIVED: "The ledger account is archived and takes no new postings.",
        E.CONTROL_ACCOUNT: (
            "The account is a control account (receivables or payables) and is posted to"
            " only through documents."
        ),
        E.DUPLICATE_CODE: "Another account already has this code.",
        E.INVALID_ACCOUNT_TYPE: "The account's type does not fit this use.",
        E.ACCOUNT_IN_USE: (
            "The account has postings, so its type and currency can no longer change."
        ),
        E.SYSTEM_ACCOUNT: "System accounts the ledger relies on cannot be archived or changed so.",
        E.NOT_POSTED: "The journal entry is a draft; only posted entries can be reversed.",
        E.ALREADY_POSTED: "The journal entry is already posted and can no longer be edited.",
        E.ALREADY_REVERSED: "The journal entry has already been reversed.",
        E.TOO_FEW_LINES: "An entry needs at least two lines.",
        E.ZERO_AMOUNT: "The amount must not be zero.",
        E.DUPLICATE_DIMENSION: "The same dimension is given twice on one line.",
        E.INVALID_RATE: (
            "The exchange rate is not a positive decimal"
            ' string such as "1.0825" (up to 10 decimals).'
        ),
        E.EXCEEDS_OPEN_BALANCE: "The amount exceeds the document's open (unpaid) balance.",
        E.EXCEEDS_UNALLOCATED: (
            "The amount exceeds what is left unallocated on the payment or credit."
        ),
        E.PARTY_MISMATCH: "The records belong to different customers or vendors.",
        E.INVALID_STATUS: "The record's status does not allow this operation.",
        E.CREDIT_LIMIT_EXCEEDED: "The customer's open balance would exceed their credit limit.",
        E.EMPTY_DOCUMENT: "The document needs lines with a positive total.",
        E.HAS_ALLOCATIONS: (
            "Payments, credits or refunds are applied to the record; undo them first."
        ),
        E.DATE_BEFORE_DOCUMENT: "The date is before the date of the document it refers to.",
        E.DUPLICATE_BILL: "This vendor's invoice reference is already entered as a bill.",
        E.FORBIDDEN: "You lack the permission this operation needs.",
        E.RECORD_ARCHIVED: (
            "A record the input chooses (customer, vendor, item, tax rate, payment terms) is "
            "archived and cannot be used on anything new."
        ),
        E.SEGREGATION_OF_DUTIES: (
            "The organization keeps creating and approving apart; you created this record."
        ),
        E.TOLERANCE_EXCEEDED: (
            "The bill differs from its purchase order by more than the tolerance."
        ),
        E.INVOICE_DISPUTED: "The invoice has an open dispute.",
        E.NOT_OVERDUE: "The invoice is not overdue, so no reminder applies.",
        E.DOCUMENT_ENTRY: (
            "The journal entry belongs to a document; change or void the document instead."
        ),
        E.TEMPLATE_SYNTAX: "The template has a syntax error.",
        E.TEMPLATE_UNSAFE: "The template uses something templates may not use.",
        E.TEMPLATE_RENDER: (
            "The template cannot be rendered, or renders to more than its maximum length."
        ),
        E.HEADER_LINE_BREAK: "An email header value (subject, name) contains a line break.",
        E.NO_RECIPIENT: "The recipient has no email address; give one explicitly.",
        E.EMAIL_NOT_CONFIGURED: "No SMTP settings apply, so email cannot be sent.",
        E.INVALID_COLOR: "Not a colour in #RRGGBB hexadecimal form.",
        E.UNSAFE_URL: (
            "The URL is malformed or points at a private, local or otherwise refused address."
        ),
        E.INVALID_IMAGE: "Not a PNG or JPEG image the PDF renderer can read.",
        E.IMAGE_TOO_LARGE: "The image exceeds the maximum size in bytes or pixels.",
    },
)


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
