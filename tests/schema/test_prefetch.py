"""`ready` reads a DataLoader's value at once when the loader holds it, and otherwise gives
an awaitable that batches as `load` does."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from strawberry.dataloader import DataLoader

from schema.prefetch import ready


async def test_ready_answers_at_once_when_the_loader_holds_the_key() -> None:
    calls: list[list[int]] = []

    async def load(keys: list[int]) -> list[int]:
        calls.append(keys)
        return [k * 10 for k in keys]

    loader: DataLoader[int, int] = DataLoader(load_fn=load)
    pending = ready(loader, 1, lambda v: v + 1)
    assert asyncio.iscoroutine(pending)
    assert await pending == 11
    assert ready(loader, 1, lambda v: v + 1) == 11
    assert calls == [[1]]


async def test_ready_raises_the_loaders_failure_when_awaited() -> None:
    async def load(keys: list[int]) -> list[Any]:
        return [ValueError(f"no {k}") for k in keys]

    loader: DataLoader[int, int] = DataLoader(load_fn=load)
    with pytest.raises(ValueError, match="no 3"):
        await loader.load(3)
    again = ready(loader, 3, lambda v: v)
    with pytest.raises(ValueError, match="no 3"):
        await again
