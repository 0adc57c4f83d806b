"""The `apiKeys` page written by the database (schema/reads.py) answers exactly as the stock
resolvers do on both databases, instants of every shape included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from uuid import uuid4

import pytest

from server.identity.models import ApiKey
from server.identity.reads import API_KEY
from tests.reads.helpers import PARTY_NAME, both, every_field, spied, statements, stock_path
from tests.support import Api, Org

KEYS = f"""
query($first: Int, $after: String) {{
  apiKeys(first: $first, after: $after) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ __typename {every_field(API_KEY)} }} }}
  }}
}}
"""
CREATE = """mutation($i: ApiKeyCreateInput!) { apiKeyCreate(input: $i) { userErrors { code } } }"""

INDIA = timezone(timedelta(hours=5, minutes=30))


async def _keys(api: Api, org: Org) -> None:
    """Keys made through the API, and keys written straight to the table with instants the
    API rarely makes: another offset, no microseconds, the same creation time twice."""
    for name in ("Shop sync", PARTY_NAME):
        made = await api.data(CREATE, {"i": {"name": name, "role": "ar_clerk"}}, token=org.token())
        assert made["apiKeyCreate"]["userErrors"] == []
    same = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    for n, (created, expires, revoked, used) in enumerate(
        [
            (same, None, None, None),
            (same, datetime(2027, 1, 1, 0, 0, 0, 1, tzinfo=INDIA), same, same),
            (datetime(2026, 1, 1, 1, 0, tzinfo=INDIA), None, None, datetime(999, 1, 1, tzinfo=UTC)),
        ]
    ):
        await ApiKey.create(
            id=uuid4(),
            organization_id=org.id,
            name=f'Written {n} "quoted" \\',
            role="viewer",
            secret_hash=f"{n:064d}",
            created_at=created,
            expires_at=expires,
            revoked_at=revoked,
            last_used_at=used,
        )


async def test_api_key_pages_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _keys(api, org)
    items = spied(monkeypatch)
    written, stock = await both(api, org, KEYS, {"first": 100}, monkeypatch)
    assert written.json() == stock.json()
    assert len(items) == 1 and items[0] is not None
    nodes = [e["node"] for e in written.json()["data"]["apiKeys"]["edges"]]
    assert len(nodes) == 5
    assert {n["expiresAt"] for n in nodes} >= {None, "2026-12-31T18:30:00.000Z"}
    assert "0999-01-01T00:00:00.000Z" in {n["lastUsedAt"] for n in nodes}
    # Authentication, the page and its count, on both paths.
    assert (statements(written), statements(stock)) == (3, 3)
    plain = await api.post(KEYS.replace("totalCount", ""), {"first": 100}, token=org.token())
    assert statements(plain) == 2


async def test_api_key_pages_walk_each_key_once(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    org = await api.new_org()
    await _keys(api, org)

    async def page(o: Any = None, **variables: Any) -> dict[str, Any]:
        response = await api.post(KEYS, variables, token=org.token())
        data: dict[str, Any] = response.json()["data"]["apiKeys"]
        return data

    async def forwards() -> list[str]:
        seen: list[str] = []
        after = None
        for _ in range(10):
            found = await page(first=2, after=after)
            seen += [e["node"]["id"] for e in found["edges"]]
            if not found["pageInfo"]["hasNextPage"]:
                return seen
            after = found["pageInfo"]["endCursor"]
        raise AssertionError("the pages do not end")

    written = await forwards()
    with stock_path(monkeypatch):
        expected = await forwards()
    assert written == expected and len(set(written)) == 5


async def test_a_role_without_api_key_read_is_refused_before_any_sql(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org("viewer")
    await _keys(api, org)
    written = spied(monkeypatch)
    refused = await api.post(KEYS, {"first": 5}, token=org.token("viewer"))
    body = refused.json()
    assert body["data"] is None or body["data"]["apiKeys"] is None
    assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}
    assert written == [] and "Shop sync" not in refused.text
