"""The relay hands every committed domain event to each consumer once, in order."""

from __future__ import annotations

from server.events.models import DomainEvent
from server.jobs.relay import relay_once
from server.jobs.testing import run_jobs
from tests.jobs.handlers import RELAYED
from tests.receivables.helpers import customer
from tests.support import Api


def _of(org_id: str) -> list[tuple[int, str]]:
    return [(seq, kind) for org, seq, kind in RELAYED if org == org_id]


async def test_relay_hands_each_committed_event_to_a_consumer_once_in_order(api: Api) -> None:
    org = await api.new_org()
    await customer(api, org, "Relayed Ltd")
    await run_jobs()
    written = [
        (e.sequence, e.type)
        for e in await DomainEvent.filter(organization_id=org.id).order_by("sequence")
    ]
    assert _of(str(org.id)) == written
    assert "customer.created" in {kind for _, kind in written}
    await relay_once()
    assert _of(str(org.id)) == written  # nothing twice

    await customer(api, org, "Second Ltd")
    await run_jobs()
    relayed = _of(str(org.id))
    assert [seq for seq, _ in relayed] == list(range(1, len(relayed) + 1))
    assert relayed[-1][1] == "customer.created"
