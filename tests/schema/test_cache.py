"""The query cache serves repeated reads and never stale or someone else's data."""

from __future__ import annotations

import re
from typing import Any

import httpx
from graphql import ExecutionResult

from schema.cache import ResultCache
from server.app import create_app
from server.settings import Settings
from tests.support import Api

LIST = "{ customers(first: 10) { totalCount nodes { name } } }"
CREATE = "mutation($n: String!) { customerCreate(input: {name: $n}) { customer { id } } }"


async def _statements(api: Api, query: str, token: str) -> tuple[int, dict[str, Any]]:
    response = await api.post(query, token=token)
    return int(response.headers["x-sql-statements"]), response.json()


async def test_repeated_query_is_served_from_cache_until_data_changes(api: Api, app: Any) -> None:
    org = await api.new_org()
    await api.data(CREATE, {"n": "First"}, token=org.token())
    cold, first = await _statements(api, LIST, org.token())
    warm, second = await _statements(api, LIST, org.token())
    assert first == second
    assert warm == 1 < cold  # only the authentication statement
    await api.data(CREATE, {"n": "Second"}, token=org.token())
    _, after = await _statements(api, LIST, org.token())
    assert after["data"]["customers"]["totalCount"] == 2


async def test_cache_is_per_user_and_follows_role_changes(api: Api) -> None:
    org = await api.new_org("viewer", "ap_clerk")
    await api.data(CREATE, {"n": "Only for readers"}, token=org.token())
    owner = await api.data(LIST, token=org.token())
    assert owner["customers"]["totalCount"] == 1
    # Same document, another user without customer:read: refused, not served from cache.
    denied = await api.gql(LIST, token=org.token("ap_clerk"))
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await api.data(LIST, token=org.token("viewer")))["customers"]["totalCount"] == 1


async def test_other_organization_never_sees_cached_results(api: Api) -> None:
    a = await api.new_org()
    b = await api.new_org()
    await api.data(CREATE, {"n": "A's"}, token=a.token())
    assert (await api.data(LIST, token=a.token()))["customers"]["totalCount"] == 1
    assert (await api.data(LIST, token=b.token()))["customers"]["totalCount"] == 0


# --- bounds: entries, bytes, and answers too large to keep ------------------------------------


def _answer(size: int) -> ExecutionResult:
    return ExecutionResult(data={"text": "x" * size}, errors=None)


def _key(name: str) -> tuple[Any, ...]:
    return ("user", "org", 1, 1, "2026-12-07", "{ q }", name, b"{}")


def test_cache_evicts_least_recent_answers_when_over_its_bytes() -> None:
    cache = ResultCache(max_entries=1000, max_bytes=10_000, max_entry_bytes=10_000)
    for name in "abcd":
        assert cache.put(_key(name), _answer(2_000))
    assert len(cache) == 4
    assert cache.get(_key("a")) is not None  # a is now the most recent
    cache.put(_key("e"), _answer(2_000))
    assert cache.bytes <= 10_000
    assert _key("b") not in cache
    assert _key("a") in cache and _key("e") in cache
    assert cache.get(_key("e")) == _answer(2_000)


def test_cache_skips_an_answer_over_the_entry_limit() -> None:
    cache = ResultCache(max_entries=1000, max_bytes=100_000, max_entry_bytes=5_000)
    cache.put(_key("small"), _answer(100))
    assert not cache.put(_key("large"), _answer(6_000))
    assert _key("large") not in cache
    assert _key("small") in cache
    assert cache.skipped == 1


def test_cache_counts_the_key_and_frees_bytes_on_replacement() -> None:
    cache = ResultCache(max_entries=10, max_bytes=1_000_000, max_entry_bytes=1_000_000)
    big_document = ("user", "org", 1, 1, "2026-12-07", "{ q }" + " " * 50_000, None, b"{}")
    cache.put(big_document, _answer(10))
    assert cache.bytes > 50_000
    cache.put(big_document, _answer(10))
    assert len(cache) == 1
    assert 50_000 < cache.bytes < 51_000


def test_cache_still_capped_by_entries() -> None:
    cache = ResultCache(max_entries=3, max_bytes=1_000_000, max_entry_bytes=1_000_000)
    for name in "abcde":
        cache.put(_key(name), _answer(10))
    assert len(cache) == 3 and _key("a") not in cache


async def test_cache_bytes_exported_in_metrics(api: Api, client: httpx.AsyncClient) -> None:
    org = await api.new_org()
    await api.data(CREATE, {"n": "Metered"}, token=org.token())
    await api.data(LIST, token=org.token())
    metrics = (await client.get("/metrics")).text
    held = re.search(r"^ledgerline_query_cache_bytes (\S+)$", metrics, re.MULTILINE)
    assert held is not None and float(held.group(1)) > 0
    assert re.search(r"^ledgerline_query_cache_entries [1-9]", metrics, re.MULTILINE)
    assert "ledgerline_query_cache_skipped_total" in metrics


async def test_answer_over_entry_limit_served_but_not_cached(settings: Settings) -> None:
    small = Settings(**{**settings.model_dump(), "query_cache_max_entry_bytes": 500})
    application = create_app(small, manage_database=False)
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        api = Api(client)
        org = await api.new_org()
        for n in range(5):
            await api.data(
                CREATE,
                {"n": f"A customer name long enough to make the page large {n}"},
                token=org.token(),
            )
        cold, first = await _statements(api, LIST, org.token())
        again, second = await _statements(api, LIST, org.token())
        assert first == second and len(first["data"]["customers"]["nodes"]) == 5
        assert again == cold > 1  # computed again, not served from the cache
        cold_small, _ = await _statements(
            api, "{ customers(first: 1) { totalCount } }", org.token()
        )
        warm_small, _ = await _statements(
            api, "{ customers(first: 1) { totalCount } }", org.token()
        )
        assert warm_small == 1 < cold_small
