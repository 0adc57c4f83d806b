"""Ledger errors with stable codes."""

from __future__ import annotations

from server.errors import DomainError, ErrorCode


class Unbalanced(DomainError):
    code = ErrorCode.UNBALANCED


class PeriodLocked(DomainError):
    code = ErrorCode.PERIOD_LOCKED


class NoExchangeRate(DomainError):
    code = ErrorCode.NO_EXCHANGE_RATE


class IdempotencyConflict(DomainError):
    code = ErrorCode.IDEMPOTENCY_KEY_REUSED

    def __init__(self) -> None:
        super().__init__(
            "this idempotency key was used for a different request",
            field=["idempotencyKey"],
        )
