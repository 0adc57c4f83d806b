"""Secrets the server must read back (TOTP seeds, webhook signing secrets), encrypted at rest.

Fernet (AES-128-CBC with HMAC-SHA256, from `cryptography`) under a key derived with HKDF from
LEDGERLINE_DATA_KEY, or from the JWT secret when no data key is set. Sealed values carry a
version prefix; a value without it is a seed stored before encryption and is read as is, then
sealed the next time it is written.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from server.settings import Settings

PREFIX = "v1:"


class SealError(RuntimeError):
    """A sealed value that this key cannot open (wrong key, or tampered)."""


@lru_cache(maxsize=8)
def _fernet(material: str) -> Fernet:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"ledgerline totp seeds"
    ).derive(material.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _box(settings: Settings) -> Fernet:
    return _fernet(settings.data_key or settings.secret)


def seal(settings: Settings, plain: str) -> str:
    return PREFIX + _box(settings).encrypt(plain.encode()).decode()


def unseal(settings: Settings, stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored
    try:
        return _box(settings).decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as exc:
        raise SealError("a sealed secret cannot be opened with the configured key") from exc
