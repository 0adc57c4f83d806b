"""TOTP second factor (RFC 6238 via pyotp) with one-time recovery codes.

Every check of a code, wherever it happens (sign-in, confirming, disabling), is one attempt
against the user's second-factor throttle: refused while blocked, counted when wrong. The
user's row is locked for the check, so concurrent guesses wait for each other's count.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from uuid import UUID

import pyotp
from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode
from server.identity import throttle
from server.identity.models import RecoveryCode, User
from server.identity.sealing import seal, unseal
from server.settings import Settings

ISSUER = "Ledgerline"
RECOVERY_CODES = 10


@dataclass(frozen=True, slots=True)
class Enrollment:
    secret: str
    uri: str


def _hash(code: str) -> str:
    # surrogatepass: a malformed code hashes to something no stored code matches.
    return hashlib.sha256(code.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()


def _recovery_code() -> str:
    return f"{secrets.token_hex(4)}-{secrets.token_hex(4)}"


def _invalid(field: str = "code") -> DomainError:
    return DomainError("the code is not valid", code=ErrorCode.TOTP_INVALID, field=[field])


def _step(secret: str, code: str, last_step: int | None) -> int | None:
    """The time step a code belongs to (one step of clock drift either way), if valid and
    newer than the last accepted one."""
    candidate = code.strip()
    # compare_digest refuses non-ASCII text; such a code can never match anyway.
    if not candidate.isascii():
        return None
    totp = pyotp.TOTP(secret)
    now = clock.now()
    for drift in (0, -1, 1):
        step = totp.timecode(now) + drift
        if hmac.compare_digest(totp.generate_otp(step).encode(), candidate.encode()):
            return step if last_step is None or step > last_step else None
    return None


async def enroll(settings: Settings, actor: Actor) -> Enrollment:
    user = await User.get(id=actor.user_id)
    if user.totp_secret:
        raise DomainError(
            "two-factor sign-in is already on; disable it first", code=ErrorCode.CONFLICT
        )
    secret = pyotp.random_base32()
    async with in_transaction():
        await User.filter(id=user.id).update(totp_pending_secret=seal(settings, secret))
        await audit.record(actor, "user.totp_enroll", object_type="User", object_id=user.id)
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    return Enrollment(secret, uri)


async def _locked_user(user_id: UUID | None) -> User:
    user = await User.filter(id=user_id).select_for_update().first()
    assert user is not None
    return user


async def _counted(settings: Settings, user: User, client_ip: str | None, good: bool) -> None:
    """Settle one attempt of the user's locked check: a good code clears the counter, a
    wrong one counts against the user and the address (committed with the caller's
    transaction, which must then end without raising)."""
    if good:
        await throttle.succeeded(throttle.factor_key(user.id))
    else:
        await throttle.failed(settings, throttle.factor_keys(user.id, client_ip))


async def confirm(settings: Settings, actor: Actor, code: str) -> list[str]:
    """Turn the factor on with a first valid code; returns recovery codes, shown once."""
    client_ip = actor.request.client_ip
    codes: list[str] = []
    async with in_transaction():
        user = await _locked_user(actor.user_id)
        if not user.totp_pending_secret:
            raise DomainError("start with totpEnroll", code=ErrorCode.INVALID, field=["code"])
        await throttle.check(throttle.factor_keys(user.id, client_ip), "codes")
        pending = unseal(settings, user.totp_pending_secret)
        step = _step(pending, code, None)
        await _counted(settings, user, client_ip, step is not None)
        if step is None:
            await audit.record(
                actor, "user.totp_confirm", outcome="FAILURE", object_type="User", object_id=user.id
            )
        else:
            codes = [_recovery_code() for _ in range(RECOVERY_CODES)]
            await User.filter(id=user.id).update(
                totp_secret=seal(settings, pending), totp_pending_secret=None, totp_last_step=step
            )
            await RecoveryCode.filter(user_id=user.id).delete()
            await RecoveryCode.bulk_create(
                [RecoveryCode(user_id=user.id, code_hash=_hash(c)) for c in codes]
            )
            await audit.record(actor, "user.totp_confirm", object_type="User", object_id=user.id)
    if not codes:
        raise _invalid()
    return codes


async def disable(settings: Settings, actor: Actor, code: str) -> None:
    client_ip = actor.request.client_ip
    async with in_transaction():
        user = await _locked_user(actor.user_id)
        if not user.totp_secret:
            raise DomainError("two-factor sign-in is not on", code=ErrorCode.INVALID)
        await throttle.check(throttle.factor_keys(user.id, client_ip), "codes")
        good = await _accept(settings, user, code)
        await _counted(settings, user, client_ip, good)
        if good:
            await User.filter(id=user.id).update(
                totp_secret=None, totp_pending_secret=None, totp_last_step=None
            )
            await RecoveryCode.filter(user_id=user.id).delete()
        await audit.record(
            actor,
            "user.totp_disable",
            outcome="SUCCESS" if good else "FAILURE",
            object_type="User",
            object_id=user.id,
        )
    if not good:
        raise _invalid()


async def _accept(settings: Settings, user: User, code: str) -> bool:
    """Accept a TOTP code (once) or an unused recovery code; call inside a transaction."""
    assert user.totp_secret
    seed = unseal(settings, user.totp_secret)
    step = _step(seed, code, user.totp_last_step)
    if step is not None:
        changes: dict[str, object] = {"totp_last_step": step}
        if seed == user.totp_secret:  # stored before seeds were sealed: seal it now
            changes["totp_secret"] = seal(settings, seed)
        await User.filter(id=user.id).update(**changes)
        return True
    used = await RecoveryCode.filter(
        user_id=user.id, code_hash=_hash(code), used_at__isnull=True
    ).update(used_at=clock.now())
    return bool(used)


async def check_sign_in(
    settings: Settings, user: User, code: str | None, client_ip: str | None
) -> None:
    """The second step of signing in (or of accepting an invitation), for users who turned
    the factor on."""
    if not user.totp_secret:
        return
    if not code:
        raise DomainError(
            "enter the code from your authenticator app",
            code=ErrorCode.TOTP_REQUIRED,
            field=["totpCode"],
        )
    async with in_transaction():
        locked = await _locked_user(user.id)
        await throttle.check(throttle.factor_keys(user.id, client_ip), "codes")
        good = await _accept(settings, locked, code)
        await _counted(settings, locked, client_ip, good)
    if not good:
        raise _invalid("totpCode")
