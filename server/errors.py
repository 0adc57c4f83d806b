"""Base of every domain error: a stable code, a message and the input field it concerns."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class ErrorCode(StrEnum):
    """Every code a userError can carry; clients may branch on these."""

    ALREADY_ARCHIVED = "ALREADY_ARCHIVED"
    AMOUNT_TOO_LARGE = "AMOUNT_TOO_LARGE"
    CONFLICT = "CONFLICT"
    CURRENCY_MISMATCH = "CURRENCY_MISMATCH"
    DUPLICATE_EMAIL = "DUPLICATE_EMAIL"
    INVALID = "INVALID"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    INVALID_COUNTRY = "INVALID_COUNTRY"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_PHONE = "INVALID_PHONE"
    INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN"
    INVALID_TAG = "INVALID_TAG"
    NEGATIVE_AMOUNT = "NEGATIVE_AMOUNT"
    NOT_A_MEMBER = "NOT_A_MEMBER"
    NOT_FOUND = "NOT_FOUND"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    TOO_MANY_TAGS = "TOO_MANY_TAGS"
    TOO_PRECISE = "TOO_PRECISE"
    UNKNOWN_CURRENCY = "UNKNOWN_CURRENCY"
    WEAK_PASSWORD = "WEAK_PASSWORD"
    THROTTLED = "THROTTLED"
    TOTP_REQUIRED = "TOTP_REQUIRED"
    TOTP_INVALID = "TOTP_INVALID"
    ESCALATION = "ESCALATION"
    LAST_OWNER = "LAST_OWNER"
    BUILTIN_ROLE = "BUILTIN_ROLE"
    ROLE_IN_USE = "ROLE_IN_USE"
    ROLE_NOT_ALLOWED = "ROLE_NOT_ALLOWED"
    INVALID_TOKEN = "INVALID_TOKEN"
    UNBALANCED = "UNBALANCED"
    PERIOD_LOCKED = "PERIOD_LOCKED"
    NO_EXCHANGE_RATE = "NO_EXCHANGE_RATE"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"
    ACCOUNT_ARCHIVED = "ACCOUNT_ARCHIVED"
    CONTROL_ACCOUNT = "CONTROL_ACCOUNT"
    DUPLICATE_CODE = "DUPLICATE_CODE"
    INVALID_ACCOUNT_TYPE = "INVALID_ACCOUNT_TYPE"
    ACCOUNT_IN_USE = "ACCOUNT_IN_USE"
    SYSTEM_ACCOUNT = "SYSTEM_ACCOUNT"
    NOT_POSTED = "NOT_POSTED"
    ALREADY_POSTED = "ALREADY_POSTED"
    ALREADY_REVERSED = "ALREADY_REVERSED"
    TOO_FEW_LINES = "TOO_FEW_LINES"
    ZERO_AMOUNT = "ZERO_AMOUNT"
    DUPLICATE_DIMENSION = "DUPLICATE_DIMENSION"
    INVALID_RATE = "INVALID_RATE"
    EXCEEDS_OPEN_BALANCE = "EXCEEDS_OPEN_BALANCE"
    EXCEEDS_UNALLOCATED = "EXCEEDS_UNALLOCATED"
    PARTY_MISMATCH = "PARTY_MISMATCH"
    INVALID_STATUS = "INVALID_STATUS"
    CREDIT_LIMIT_EXCEEDED = "CREDIT_LIMIT_EXCEEDED"
    EMPTY_DOCUMENT = "EMPTY_DOCUMENT"
    HAS_ALLOCATIONS = "HAS_ALLOCATIONS"
    DATE_BEFORE_DOCUMENT = "DATE_BEFORE_DOCUMENT"
    DUPLICATE_BILL = "DUPLICATE_BILL"
    FORBIDDEN = "FORBIDDEN"
    RECORD_ARCHIVED = "RECORD_ARCHIVED"
    SEGREGATION_OF_DUTIES = "SEGREGATION_OF_DUTIES"
    TOLERANCE_EXCEEDED = "TOLERANCE_EXCEEDED"
    INVOICE_DISPUTED = "INVOICE_DISPUTED"
    NOT_OVERDUE = "NOT_OVERDUE"
    DOCUMENT_ENTRY = "DOCUMENT_ENTRY"
    TEMPLATE_SYNTAX = "TEMPLATE_SYNTAX"
    TEMPLATE_UNSAFE = "TEMPLATE_UNSAFE"
    TEMPLATE_RENDER = "TEMPLATE_RENDER"
    HEADER_LINE_BREAK = "HEADER_LINE_BREAK"
    NO_RECIPIENT = "NO_RECIPIENT"
    EMAIL_NOT_CONFIGURED = "EMAIL_NOT_CONFIGURED"
    INVALID_COLOR = "INVALID_COLOR"


class DomainError(Exception):
    """A business rule refused the operation; nothing was written."""

    code: ErrorCode = ErrorCode.INVALID

    def __init__(
        self, message: str, *, code: ErrorCode | None = None, field: Sequence[str] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.field = list(field) if field else None


class ValidationFailed(DomainError):
    """Several problems with one input, reported together so a form can show them all."""

    code = ErrorCode.INVALID

    def __init__(self, errors: Sequence[DomainError]) -> None:
        super().__init__("; ".join(e.message for e in errors), code=errors[0].code)
        self.errors = list(errors)


class NotFound(DomainError):
    """Missing, or belonging to another organization: the two are indistinguishable."""

    code = ErrorCode.NOT_FOUND


class Conflict(DomainError):
    code = ErrorCode.CONFLICT
