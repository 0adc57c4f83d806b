"""Growing delays after failed secrets: passwords per account, second-factor codes per user,
and both per client address.

The first few failures are free; after that each failure blocks further attempts for twice
as long as the previous one, up to fifteen minutes. While blocked, attempts are refused
without checking the secret, so guessing gains nothing. Every attempt is counted where it is
checked, in the database, so aliases in one document, parallel requests and every server
process draw on the same counters.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from uuid import UUID

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server import clock
from server.errors import DomainError, ErrorCode
from server.identity.models import SignInThrottle
from server.settings import Settings

MAX_DELAY = timedelta(minutes=15)


def account_key(email: str) -> str:
    return f"email:{email}"


def factor_key(user_id: UUID) -> str:
    """Second-factor codes (TOTP or recovery) of one user, wherever they are checked."""
    return f"factor:{user_id}"


def address_key(client_ip: str | None) -> list[str]:
    return [f"ip:{client_ip}"] if client_ip else []


def sign_in_keys(email: str, client_ip: str | None) -> list[str]:
    return [account_key(email), *address_key(client_ip)]


def factor_keys(user_id: UUID, client_ip: str | None) -> list[str]:
    return [factor_key(user_id), *address_key(client_ip)]


async def check(keys: Sequence[str], what: str = "sign-ins") -> None:
    """Refuse with THROTTLED while any of `keys` is blocked."""
    now = clock.now()
    blocked = (
        await SignInThrottle.filter(key__in=list(keys), blocked_until__gt=now)
        .order_by("-blocked_until")
        .first()
    )
    if blocked is not None and blocked.blocked_until is not None:
        wait = max(1, int((blocked.blocked_until - now).total_seconds()) + 1)
        raise DomainError(
            f"too many failed {what}; try again in {wait} seconds",
            code=ErrorCode.THROTTLED,
        )


def delay(free: int, failures: int) -> timedelta | None:
    over = failures - free
    if over <= 0:
        return None
    return min(timedelta(seconds=2 ** min(over, 20)), MAX_DELAY)


def _free(settings: Settings, key: str) -> int:
    if key.startswith("ip:"):
        return settings.sign_in_free_failures_per_address
    return settings.sign_in_free_failures_per_account


async def failed(settings: Settings, keys: Sequence[str]) -> None:
    """Count one failed attempt against each key; commits with the caller's transaction,
    or on its own outside one."""
    now = clock.now()
    async with in_transaction():
        for key in keys:
            updated = await SignInThrottle.filter(key=key).update(failures=F("failures") + 1)
            if not updated:
                await SignInThrottle.get_or_create(key=key, defaults={"failures": 1})
            row = await SignInThrottle.get(key=key)
            wait = delay(_free(settings, key), row.failures)
            if wait is not None:
                await SignInThrottle.filter(key=key).update(blocked_until=now + wait)


async def succeeded(key: str) -> None:
    await SignInThrottle.filter(key=key).delete()
