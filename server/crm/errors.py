"""CRM error codes."""

from __future__ import annotations

from server.errors import DomainError, ErrorCode


class DuplicateEmail(DomainError):
    code = ErrorCode.DUPLICATE_EMAIL

    def __init__(self, kind: str) -> None:
        super().__init__(f"another {kind} in this organization has this email", field=["email"])


class AlreadyArchived(DomainError):
    code = ErrorCode.ALREADY_ARCHIVED
