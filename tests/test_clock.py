"""The application's clock: tests set it, and rules read it instead of the system clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server import clock
from tests.support import Api


def test_held_clock_stands_still_moves_when_told_and_lets_go_after() -> None:
    moment = datetime(2030, 1, 31, 23, 59, 59, tzinfo=UTC)
    with clock.held_at(moment) as held:
        assert clock.now() == moment
        assert clock.today().isoformat() == "2030-01-31"
        held.advance(timedelta(seconds=1))
        assert clock.today().isoformat() == "2030-02-01"
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(minutes=1)


def test_held_clock_refuses_a_moment_without_a_time_zone() -> None:
    with pytest.raises(ValueError, match="time-zone"), clock.held_at(datetime(2030, 1, 1)):
        pass


async def test_access_token_expires_when_the_application_clock_passes_it(
    api: Api, held_clock: clock.HeldClock
) -> None:
    org = await api.new_org()
    viewer = "{ viewer { roles } }"
    assert (await api.data(viewer, token=org.token()))["viewer"]["roles"] == ["owner"]
    held_clock.advance(timedelta(days=1))
    late = await api.gql(viewer, token=org.token())
    assert late["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_no_rule_reads_the_system_clock_but_the_clock_module() -> None:
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    system_clock = re.compile(r"\b(date\.today|datetime\.(now|utcnow|today))\(|\btime\.time\(")
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("server", "schema")
        for path in sorted((root / folder).rglob("*.py"))
        if path.name != "clock.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if system_clock.search(line)
    ]
    assert offenders == []
