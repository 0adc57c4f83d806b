"""Each path must answer for itself: asking the same query again would be a cache hit."""

from __future__ import annotations

import pytest

from schema.cache import ResultCache


@pytest.fixture(autouse=True)
def no_cached_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ResultCache, "get", lambda _self, _key: None)
