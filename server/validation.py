"""Field checks shared by the domains; each returns the problems it found (empty when fine)."""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email

from server.errors import DomainError, ErrorCode

NAME_MAX = 200
_TAG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
_PHONE_RE = re.compile(r"\+?[0-9 ()./-]{3,40}")


def check_name(name: str | None, field: str = "name") -> list[DomainError]:
    if name is None or not name.strip():
        return [DomainError("name is required", code=ErrorCode.REQUIRED, field=[field])]
    if len(name.strip()) > NAME_MAX:
        return [
            DomainError(
                f"name is longer than {NAME_MAX} characters", code=ErrorCode.TOO_LONG, field=[field]
            )
        ]
    return []


def check_email(
    email: str | None, field: str = "email", required: bool = False
) -> list[DomainError]:
    if email is None or email == "":
        if required:
            return [DomainError("email is required", code=ErrorCode.REQUIRED, field=[field])]
        return []
    try:
        # Syntax only: a DNS lookup would make saving depend on the network, and reserved
        # .test domains are legitimate in sandboxes and demos.
        validate_email(email, check_deliverability=False, test_environment=True)
    except EmailNotValidError as exc:
        return [
            DomainError(
                f"invalid email address: {exc}", code=ErrorCode.INVALID_EMAIL, field=[field]
            )
        ]
    return []


def check_phone(phone: str | None, field: str = "phone") -> list[DomainError]:
    if phone and not _PHONE_RE.fullmatch(phone):
        return [DomainError("invalid phone number", code=ErrorCode.INVALID_PHONE, field=[field])]
    return []


def normalise_tags(
    tags: list[str] | None, field: str = "tags"
) -> tuple[list[str], list[DomainError]]:
    """Lower-case, trimmed, unique, sorted; letters, digits and hyphens up to 40 characters."""
    if not tags:
        return [], []
    clean = sorted({t.strip().lower() for t in tags})
    bad = [t for t in clean if not _TAG_RE.fullmatch(t)]
    if bad:
        return [], [
            DomainError(
                f"invalid tags {bad}: use letters, digits and hyphens, at most 40 characters",
                code=ErrorCode.INVALID_TAG,
                field=[field],
            )
        ]
    if len(clean) > 20:
        return [], [DomainError("at most 20 tags", code=ErrorCode.TOO_MANY_TAGS, field=[field])]
    return clean, []


def check_length(value: str | None, limit: int, field: str) -> list[DomainError]:
    if value is not None and len(value) > limit:
        return [
            DomainError(
                f"{field} is longer than {limit} characters", code=ErrorCode.TOO_LONG, field=[field]
            )
        ]
    return []
