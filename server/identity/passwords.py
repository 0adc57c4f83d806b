"""Password hashing with argon2id."""

from __future__ import annotations

import functools

import structlog
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from server.settings import Settings

# OWASP's minimum for argon2id: below it, hashes fall to offline guessing too cheaply.
_WEAKEST_MEMORY_KIB = 19 * 1024
_WEAKEST_TIME_COST = 2

MIN_LENGTH = 10
MAX_LENGTH = 256


class _Hashing:
    """The process's hasher and the hash verified against when an e-mail is unknown."""

    def __init__(self, hasher: PasswordHasher) -> None:
        self.hasher = hasher

    @functools.cached_property
    def dummy_hash(self) -> str:
        # Verifying against it makes an unknown e-mail cost the same time as a known one.
        # Made on first use: each hash briefly takes the hasher's whole memory cost, which a
        # process that never checks a password need not pay.
        return self.hasher.hash("ledgerline-timing-equaliser")


def _hasher(settings: Settings) -> PasswordHasher:
    return PasswordHasher(
        time_cost=settings.password_hash_time_cost,
        memory_cost=settings.password_hash_memory_kib,
        parallelism=settings.password_hash_parallelism,
    )


# The settings' default parameters until `configure` is given the process's settings.
_current = _Hashing(_hasher(Settings.model_construct()))


def configure(settings: Settings) -> None:
    """Hash with the parameters the settings give; existing hashes still verify."""
    global _current
    hasher = _hasher(settings)
    if hasher.time_cost < _WEAKEST_TIME_COST or hasher.memory_cost < _WEAKEST_MEMORY_KIB:
        structlog.get_logger("ledgerline.passwords").warning(
            "password.hashing_weak", time_cost=hasher.time_cost, memory_kib=hasher.memory_cost
        )
    if (hasher.time_cost, hasher.memory_cost, hasher.parallelism) != (
        _current.hasher.time_cost,
        _current.hasher.memory_cost,
        _current.hasher.parallelism,
    ):
        _current = _Hashing(hasher)


def hash_password(password: str) -> str:
    return _current.hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _current.hasher.verify(password_hash or _current.dummy_hash, password) and bool(
            password_hash
        )
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _current.hasher.check_needs_rehash(password_hash)
