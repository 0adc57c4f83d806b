"""The process's fan-out: who is watching which organization's feed, and waking them."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID


class Hub:
    """Wakes the watchers of an organization when its feed moves past what was known.

    A wake-up says only "look again": each watcher reads the feed after the last sequence
    it handled, so a wake-up that is repeated, late or merged with another loses nothing.
    """

    def __init__(self) -> None:
        self._heads: dict[UUID, int] = {}
        self._watchers: dict[UUID, set[asyncio.Event]] = {}

    def publish(self, organization_id: UUID, last_sequence: int) -> None:
        # Every consumer's batch is announced; the first announcement of a sequence wakes.
        if last_sequence <= self._heads.get(organization_id, 0):
            return
        self._heads[organization_id] = last_sequence
        for woken in self._watchers.get(organization_id, ()):
            woken.set()

    def wake_all(self) -> None:
        """After announcements may have been missed (the LISTEN connection was lost)."""
        for watchers in self._watchers.values():
            for woken in watchers:
                woken.set()

    def watchers(self, organization_id: UUID) -> int:
        return len(self._watchers.get(organization_id, ()))

    @contextmanager
    def watch(self, organization_id: UUID) -> Iterator[asyncio.Event]:
        """An event set whenever the organization's feed may have moved, until the block ends."""
        woken = asyncio.Event()
        self._watchers.setdefault(organization_id, set()).add(woken)
        try:
            yield woken
        finally:
            watchers = self._watchers.get(organization_id)
            if watchers is not None:
                watchers.discard(woken)
                if not watchers:
                    del self._watchers[organization_id]


HUB = Hub()
