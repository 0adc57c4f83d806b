"""Growing delays after failed sign-ins, per account and per client address.

The first few failures are free; after that each failure blocks further attempts for twice
as long as the previous one, up to fifteen minutes. While blocked, attempts are refused
without checking the password, so guessing gains nothing. State is in the database, so
every server process sees the same counters.
"""

from __future__ import annotations

from datetime import timedelta

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server import clock
from server.errors import DomainError, ErrorCode
from server.identity.models import SignInThrottle
from server.settings import Settings

MAX_DELAY = timedelta(minutes=15)


def _keys(email: str, client_ip: str | None) -> list[str]:
    keys = [f"email:{email}"]
    if client_ip:
        keys.append(f"ip:{client_ip}")
    return keys


async def check(email: str, client_ip: str | None) -> None:
    now = clock.now()
    blocked = (
        await SignInThrottle.filter(key__in=_keys(email, client_ip), blocked_until__gt=now)
        .order_by("-blocked_until")
        .first()
    )
    if blocked is not None and blocked.blocked_until is not None:
        wait = max(1, int((blocked.blocked_until - now).total_seconds()) + 1)
        raise DomainError(
            f"too many failed sign-ins; try again in {wait} seconds",
            code=ErrorCode.THROTTLED,
        )


def delay(free: int, failures: int) -> timedelta | None:
    over = failures - free
    if over <= 0:
        return None
    return min(timedelta(seconds=2 ** min(over, 20)), MAX_DELAY)


async def failed(settings: Settings, email: str, client_ip: str | None) -> None:
    free = {
        "email": settings.sign_in_free_failures_per_account,
        "ip": settings.sign_in_free_failures_per_address,
    }
    now = clock.now()
    async with in_transaction():
        for key in _keys(email, client_ip):
            updated = await SignInThrottle.filter(key=key).update(failures=F("failures") + 1)
            if not updated:
                await SignInThrottle.get_or_create(key=key, defaults={"failures": 1})
            row = await SignInThrottle.get(key=key)
            wait = delay(free[key.split(":", 1)[0]], row.failures)
            if wait is not None:
                await SignInThrottle.filter(key=key).update(blocked_until=now + wait)


async def succeeded(email: str) -> None:
    await SignInThrottle.filter(key=f"email:{email}").delete()
