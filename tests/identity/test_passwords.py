"""Password hashing: the production parameters, and the refusal of weak ones in production."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, extract_parameters

from server.identity import passwords
from server.settings import Settings


@pytest.fixture
def production_hashing(settings: Settings, tmp_path: Path) -> Iterator[Settings]:
    production = Settings(env="production", jwt_secret="p" * 40, data_dir=tmp_path)
    passwords.configure(production)
    try:
        yield production
    finally:
        passwords.configure(settings)


def test_hash_password_production_uses_recommended_argon2id(
    production_hashing: Settings,
) -> None:
    digest = passwords.hash_password("correct horse battery")
    parameters = extract_parameters(digest)
    assert digest.startswith("$argon2id$")
    assert (parameters.time_cost, parameters.memory_cost, parameters.parallelism) == (2, 19456, 1)
    assert passwords.verify_password(digest, "correct horse battery")
    assert not passwords.verify_password(digest, "correct horse battery!")
    assert not passwords.needs_rehash(digest)


def test_verify_password_cheap_hash_verifies_and_asks_for_rehash(
    settings: Settings, production_hashing: Settings
) -> None:
    passwords.configure(settings)
    cheap = passwords.hash_password("correct horse battery")
    passwords.configure(production_hashing)
    assert passwords.verify_password(cheap, "correct horse battery")
    assert passwords.needs_rehash(cheap)


def test_verify_password_earlier_default_profile_verifies_and_asks_for_rehash(
    production_hashing: Settings,
) -> None:
    # Hashes stored under the earlier default (argon2-cffi's 64 MiB profile) keep working and
    # are replaced at the next sign-in.
    earlier = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)
    digest = earlier.hash("correct horse battery")
    assert passwords.verify_password(digest, "correct horse battery")
    assert not passwords.verify_password(digest, "wrong horse battery")
    assert passwords.needs_rehash(digest)


def test_verify_password_unknown_account_is_false() -> None:
    assert not passwords.verify_password(None, "anything at all")
