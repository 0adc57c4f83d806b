"""Access tokens: a token validated once is answered from memory until it expires, and
nothing about it but the clock is taken on trust."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from server.identity.errors import AuthenticationFailed
from server.identity.tokens import decode_access_token, issue_access_token
from server.settings import Settings


def _settings(secret: str = "s" * 64) -> Settings:
    return Settings(env="development", jwt_secret=secret, access_token_ttl_seconds=60)


def test_a_token_decodes_to_the_same_claims_every_time() -> None:
    settings = _settings()
    user, org, session = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    token, expires = issue_access_token(settings, user, org, session)
    first = decode_access_token(settings, token)
    again = decode_access_token(settings, token)
    assert again == first
    assert (first.user_id, first.organization_id, first.session_id) == (user, org, session)
    assert first.expires_at == expires.replace(microsecond=0)


def test_a_validated_token_is_refused_once_it_has_expired() -> None:
    settings = _settings()
    token, expires = issue_access_token(settings, uuid.uuid4(), uuid.uuid4(), uuid.uuid4())
    decode_access_token(settings, token)
    with pytest.raises(AuthenticationFailed, match="expired"):
        decode_access_token(settings, token, now=expires + timedelta(seconds=1))


def test_a_validated_token_is_not_trusted_under_another_secret() -> None:
    ours, theirs = _settings("a" * 64), _settings("b" * 64)
    token, _ = issue_access_token(ours, uuid.uuid4(), uuid.uuid4(), uuid.uuid4())
    decode_access_token(ours, token)
    with pytest.raises(AuthenticationFailed):
        decode_access_token(theirs, token)


def test_a_tampered_copy_of_a_validated_token_is_refused() -> None:
    settings = _settings()
    token, _ = issue_access_token(settings, uuid.uuid4(), uuid.uuid4(), uuid.uuid4())
    decode_access_token(settings, token)
    head, body, signature = token.split(".")
    forged = f"{head}.{body}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"
    with pytest.raises(AuthenticationFailed):
        decode_access_token(settings, forged)


def test_a_token_is_refused_once_the_application_clock_passes_its_expiry() -> None:
    from server import clock

    settings = _settings()
    token, expires = issue_access_token(settings, uuid.uuid4(), uuid.uuid4(), uuid.uuid4())
    with clock.held_at(expires - timedelta(seconds=1)):
        decode_access_token(settings, token)
    with clock.held_at(expires), pytest.raises(AuthenticationFailed, match="expired"):
        decode_access_token(settings, token)


def test_a_token_issued_after_the_application_clock_is_refused() -> None:
    from datetime import UTC, datetime

    from server import clock

    settings = _settings()
    with clock.held_at(datetime.now(UTC) + timedelta(hours=1)):
        token, _ = issue_access_token(settings, uuid.uuid4(), uuid.uuid4(), uuid.uuid4())
    with pytest.raises(AuthenticationFailed, match="not yet valid"):
        decode_access_token(settings, token)
