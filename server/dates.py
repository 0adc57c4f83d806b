"""The calendar the application accepts, and date arithmetic that cannot overflow.

Every date a client sends lies between MIN_DATE and MAX_DATE (the Date scalar checks it;
docs/decisions/dates.md says why these two). Dates computed from them (due dates,
discount windows, period ends) go through `add_days`, which reports a result beyond the
calendar as a DomainError with a code instead of raising OverflowError."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from server.errors import DomainError, ErrorCode

MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2999, 12, 31)


def in_range(day: date) -> bool:
    return MIN_DATE <= day <= MAX_DATE


def add_days(day: date, days: int, field: str = "date") -> date:
    """`day` moved by `days`, or OUT_OF_RANGE when that leaves Python's calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError as exc:
        raise DomainError(
            "the resulting date is outside the calendar",
            code=ErrorCode.OUT_OF_RANGE,
            field=[field],
        ) from exc


def instant_text(moment: datetime) -> str:
    """An instant as the API writes it: RFC 3339 in UTC, exactly three fractional digits,
    `Z` ("2026-03-01T09:30:00.123Z"); the DateTime scalar, the read models and webhook
    bodies all write this."""
    # Stored instants are aware; a naive one can only come from a UTC column.
    utc = moment.astimezone(UTC) if moment.tzinfo is not None else moment
    # isoformat truncates to milliseconds (never rounds into the next second) and keeps the
    # year at four digits.
    return utc.replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"
