"""Checks of the values that become message headers: addresses and single-line texts.

A header value carrying CR or LF could end its header and start another (a Bcc, a second
body): every value headed for a header is refused if it holds either, wherever it came
from (input, a rendered subject, the settings).
"""

from __future__ import annotations

from server.errors import DomainError, ErrorCode, ValidationFailed
from server.validation import check_email

ADDRESS_MAX = 254
CC_MAX = 10


def line_break_error(value: str | None, field: str) -> DomainError | None:
    if value is not None and ("\r" in value or "\n" in value):
        return DomainError(
            f"{field} must be one line: line breaks are not allowed in an e-mail header",
            code=ErrorCode.HEADER_LINE_BREAK,
            field=[field],
        )
    return None


def check_single_line(value: str | None, field: str) -> None:
    error = line_break_error(value, field)
    if error is not None:
        raise error


def address_errors(value: str | None, field: str, *, required: bool = False) -> list[DomainError]:
    """An address's problems: line breaks first (the clearest message), then its syntax."""
    error = line_break_error(value, field)
    if error is not None:
        return [error]
    return check_email(value, field, required=required)


def check_recipients(to: str, cc: list[str]) -> None:
    """Refuse a bad `to` or `cc` address, reporting every one found."""
    errors = address_errors(to, "to", required=True)
    if len(cc) > CC_MAX:
        errors.append(
            DomainError(f"at most {CC_MAX} cc addresses", code=ErrorCode.INVALID, field=["cc"])
        )
    for i, address in enumerate(cc):
        errors += [
            DomainError(e.message, code=e.code, field=["cc", str(i)])
            for e in address_errors(address, "cc")
        ]
    if errors:
        raise ValidationFailed(errors)
