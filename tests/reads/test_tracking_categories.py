"""`trackingCategories` written by the database (server/ledger/tracking_reads.py) answers
exactly as the stock resolvers do on both databases: categories with options of awkward
names, none at all, another organization's left out; the connection walks both ways."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest

from server.ledger.models import TrackingCategory, TrackingOption
from server.ledger.tracking_reads import TRACKING_CATEGORY
from tests.reads.helpers import AWKWARD, PARTY_NAME, both, every_field, spied
from tests.support import Api, Org, walk_pages

CATEGORIES = f"""{{ trackingCategories(first: 100) {{
  totalCount nodes {{ __typename {every_field(TRACKING_CATEGORY)} }} }} }}"""
PAGE = """
query($first: Int, $after: String, $last: Int, $before: String,
      $o: TrackingCategoryOrder, $f: TrackingCategoryFilter) {
  trackingCategories(first: $first, after: $after, last: $last, before: $before,
                     orderBy: $o, filter: $f) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name options { name } } }
  }
}"""


async def _categories(org: Org) -> None:
    """Four categories created at the same instant, names that sort apart by code point and
    in a language's order, options written last first."""
    same = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    names = ["Region", "ärea", PARTY_NAME, "campaign"]
    for n, name in enumerate(names):
        category = await TrackingCategory.create(
            id=uuid4(), organization_id=org.id, name=name, created_at=same
        )
        for option in reversed(["North", AWKWARD, "Ünder", "a"][: n % 3 * 2]):
            await TrackingOption.create(
                id=uuid4(), organization_id=org.id, category_id=category.id, name=option
            )


async def test_tracking_categories_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, other = await api.new_org(), await api.new_org()
    await _categories(org)
    await _categories(other)
    items = spied(monkeypatch)
    written, stock = await both(api, org, CATEGORIES, {}, monkeypatch)
    assert written.json() == stock.json()
    assert len(items) == 1 and items[0] is not None
    found = written.json()["data"]["trackingCategories"]
    assert found["totalCount"] == len(found["nodes"]) == 4
    assert sorted(len(c["options"]) for c in found["nodes"]) == [0, 0, 2, 4]


async def test_tracking_categories_walked_both_ways_give_each_once_and_filter_by_name(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _categories(org)

    async def fetch(**variables: Any) -> dict[str, Any]:
        page: dict[str, Any] = (await api.data(PAGE, variables, token=org.token()))[
            "trackingCategories"
        ]
        assert page["totalCount"] == 4
        return page

    for sort in ("NAME", "CREATED_AT"):
        for direction in ("ASC", "DESC"):
            order = {"field": sort, "direction": direction}
            forwards, backwards, _ = await walk_pages(fetch, order, lambda n: n["id"])
            assert forwards == backwards and len(set(forwards)) == 4
    written, stock = await both(api, org, PAGE, {"first": 2}, monkeypatch)
    assert written.json() == stock.json()
    found = await api.data(PAGE, {"f": {"search": "REG"}}, token=org.token())
    assert [e["node"]["name"] for e in found["trackingCategories"]["edges"]] == ["Region"]


async def test_a_role_without_account_read_still_cannot_list_tracking_categories(
    api: Api,
) -> None:
    org = await api.new_org("sales")
    refused = await api.gql("{ trackingCategories { totalCount } }", token=org.token("sales"))
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
