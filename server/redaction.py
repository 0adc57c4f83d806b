"""What counts as a secret by its name, and removing secrets from nested values.

The audit log and the process logs both redact by field name, at any depth, so that a
credential never reaches either whatever structure carries it. Names are compared without
case, underscores or dashes: `refreshToken`, `refresh_token` and `Refresh-Token` are one name.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

REDACTED = "[redacted]"

# A name containing any of these is a secret: passwords, tokens, TOTP seeds and codes,
# recovery codes, API keys, stored hashes, HTTP credentials.
SECRET_MARKERS = (
    "password",
    "passphrase",
    "secret",
    "token",
    "totp",
    "recovery",
    "apikey",
    "hash",
    "authorization",
    "cookie",
    "credential",
)
_NOT_A_NAME_PART = re.compile(r"[_\-\s]")


def normalised(name: str) -> str:
    return _NOT_A_NAME_PART.sub("", name.lower())


def is_secret_name(name: str, exact: Collection[str] = ()) -> bool:
    """Whether a field of this name holds a secret; `exact` adds whole names (normalised)."""
    key = normalised(name)
    return key in exact or any(marker in key for marker in SECRET_MARKERS)


def redact(value: Any, exact: Collection[str] = ()) -> Any:
    """A copy of `value` with every field named like a secret replaced, at any depth."""
    if isinstance(value, dict):
        return {
            key: REDACTED
            if isinstance(key, str) and is_secret_name(key, exact)
            else redact(item, exact)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact(item, exact) for item in value]
    return value
