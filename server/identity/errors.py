"""Identity errors with stable codes."""

from __future__ import annotations

from server.errors import DomainError, ErrorCode


class InvalidCredentials(DomainError):
    """Deliberately vague: it must not tell which of email or password was wrong."""

    code = ErrorCode.INVALID_CREDENTIALS

    def __init__(self) -> None:
        super().__init__("invalid email or password")


class InvalidRefreshToken(DomainError):
    code = ErrorCode.INVALID_REFRESH_TOKEN

    def __init__(self, message: str = "the refresh token is invalid or expired") -> None:
        super().__init__(message, field=["refreshToken"])


class NotAMember(DomainError):
    code = ErrorCode.NOT_A_MEMBER


class AuthenticationFailed(Exception):
    """The request's credentials are missing, malformed, expired or revoked."""
