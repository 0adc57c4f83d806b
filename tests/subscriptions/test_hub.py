"""The process's hub: who is woken by an announcement, and what the listener accepts."""

from __future__ import annotations

import json
import uuid

from server.live.hub import Hub
from server.live.listen import received
from server.live.outlet import message


def test_publish_wakes_only_the_watchers_of_that_organization() -> None:
    hub = Hub()
    ours, theirs = uuid.uuid4(), uuid.uuid4()
    with hub.watch(ours) as mine, hub.watch(theirs) as other:
        hub.publish(ours, 3)
        assert mine.is_set()
        assert not other.is_set()
    assert hub.watchers(ours) == 0  # the block's end forgets its watcher


def test_publish_of_a_sequence_already_announced_wakes_nobody() -> None:
    hub = Hub()
    org = uuid.uuid4()
    hub.publish(org, 5)
    with hub.watch(org) as woken:
        hub.publish(org, 5)  # another consumer's batch up to the same event
        hub.publish(org, 4)  # a late announcement
        assert not woken.is_set()
        hub.publish(org, 6)
        assert woken.is_set()


def test_wake_all_wakes_every_watcher() -> None:
    hub = Hub()
    with hub.watch(uuid.uuid4()) as first, hub.watch(uuid.uuid4()) as second:
        hub.wake_all()
        assert first.is_set() and second.is_set()


def test_listener_reads_what_the_outlet_writes_and_drops_anything_else() -> None:
    hub = Hub()
    org = uuid.uuid4()
    with hub.watch(org) as woken:
        received(hub, "not json")
        received(hub, '{"organization": "nope", "lastSequence": 1}')
        received(hub, json.dumps({"organization": str(org)}))
        assert not woken.is_set()
        received(hub, message(org, 7))
        assert woken.is_set()
