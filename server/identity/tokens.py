"""Access tokens (short-lived JWT, HS256 pinned) and opaque refresh tokens."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

import jwt

from server import clock
from server.identity.errors import AuthenticationFailed
from server.settings import Settings

ALGORITHM = "HS256"
ACCESS = "access"
_REQUIRED = ["exp", "iat", "sub", "aud", "iss", "jti", "typ", "org", "sid"]


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: UUID
    organization_id: UUID
    session_id: UUID
    issued_at: datetime
    expires_at: datetime
    token_id: str


def issue_access_token(
    settings: Settings, user_id: UUID, organization_id: UUID, session_id: UUID
) -> tuple[str, datetime]:
    now = clock.now()
    expires = now + timedelta(seconds=settings.access_token_ttl_seconds)
    claims = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": str(user_id),
        "org": str(organization_id),
        "sid": str(session_id),
        "typ": ACCESS,
        "jti": uuid.uuid4().hex,
        "iat": now,
        "exp": expires,
    }
    return jwt.encode(claims, settings.secret, algorithm=ALGORITHM), expires


# Tokens already validated, with their claims: a client sends the same token with every
# request until it expires, and checking its signature again is a tenth of a small request.
# Keyed on the token and everything it was checked against; bounded, oldest dropped first.
_VALIDATED: dict[tuple[str, str, str, str], AccessClaims] = {}
_VALIDATED_MAX = 4096


def decode_access_token(
    settings: Settings, token: str, *, now: datetime | None = None
) -> AccessClaims:
    """Validate signature, algorithm, audience, issuer, expiry and every required claim."""
    key = (token, settings.secret, settings.jwt_audience, settings.jwt_issuer)
    claims = _VALIDATED.get(key)
    if claims is None:
        claims = _validate(settings, token)
        if len(_VALIDATED) >= _VALIDATED_MAX:
            del _VALIDATED[next(iter(_VALIDATED))]
        _VALIDATED[key] = claims
    # The signature and claims stay valid; only the clock moves. The times are checked
    # here, against the application's clock, not by the JWT library against its own.
    at = now or clock.now()
    if claims.expires_at <= at:
        raise AuthenticationFailed("Signature has expired")
    if claims.issued_at > at:
        raise AuthenticationFailed("The token is not yet valid (iat)")
    return claims


def _validate(settings: Settings, token: str) -> AccessClaims:
    try:
        claims = jwt.decode(
            token,
            settings.secret,
            algorithms=[ALGORITHM],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            options={"require": _REQUIRED, "verify_exp": False, "verify_iat": False},
        )
        if claims["typ"] != ACCESS:
            raise AuthenticationFailed("not an access token")
        return AccessClaims(
            user_id=UUID(claims["sub"]),
            organization_id=UUID(claims["org"]),
            session_id=UUID(claims["sid"]),
            issued_at=datetime.fromtimestamp(claims["iat"], UTC),
            expires_at=datetime.fromtimestamp(claims["exp"], UTC),
            token_id=str(claims["jti"]),
        )
    except (jwt.PyJWTError, ValueError, TypeError, KeyError) as exc:
        raise AuthenticationFailed(str(exc)) from exc


def new_refresh_token() -> tuple[str, str]:
    """An opaque token and the SHA-256 under which it is stored."""
    token = secrets.token_urlsafe(32)
    return token, hash_refresh_token(token)


def hash_refresh_token(token: str) -> str:
    # 256 random bits need no slow hash: SHA-256 cannot be reversed or brute-forced.
    return hashlib.sha256(token.encode()).hexdigest()
