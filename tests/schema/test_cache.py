"""The query cache serves repeated reads and never stale or someone else's data."""

from __future__ import annotations

from typing import Any

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
