"""The `members` and `invitations` pages written by the database (schema/identity/
member_pages.py) answer exactly as the stock resolvers do on both databases: roles named
and sorted as Python names and sorts them, custom roles by their names, a subject naming no
role as it is, instants of every shape."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from uuid import uuid4

import pytest

from server.access.control import bump_version, domain, subject
from server.access.models import CasbinRule, Role
from server.identity.models import Invitation, Membership, User
from server.identity.reads import INVITATION, MEMBER
from tests.reads.helpers import PARTY_NAME, both, every_field, spied, stock_path
from tests.support import Api, Org, walk_pages

MEMBERS = f"""
query($first: Int, $after: String, $last: Int, $before: String) {{
  members(first: $first, after: $after, last: $last, before: $before) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ __typename {every_field(MEMBER)} }} }}
  }}
}}
"""
INVITATIONS = f"""
query($first: Int, $after: String) {{
  invitations(first: $first, after: $after) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ __typename {every_field(INVITATION)} }} }}
  }}
}}
"""
INDIA = timezone(timedelta(hours=5, minutes=30))
# Names whose code point order differs from a language's: capitals, then small letters,
# then letters with marks; quotes and a backslash for the JSON writer.
ROLE_NAMES = ("Zeta", "ärger", "Émile", "beta", 'Quote " back\\slash')


async def _custom_roles(org: Org) -> list[str]:
    made = [await Role.create(id=uuid4(), organization_id=org.id, name=n) for n in ROLE_NAMES]
    return [f"role:{r.id}" for r in made]


async def _members(org: Org) -> None:
    """Members written straight to the tables: custom roles, a subject naming no role, no
    role at all, the same joining time twice, another offset."""
    custom = await _custom_roles(org)
    gone = f"role:{uuid4()}"
    same = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    holdings = [
        (same, [*custom, "viewer"]),
        (same, ["ar_clerk", gone]),
        (datetime(2026, 1, 1, 1, 0, 0, 1, tzinfo=INDIA), []),
        (datetime(2026, 2, 1, tzinfo=UTC), [custom[1], custom[0]]),
    ]
    for n, (joined, roles) in enumerate(holdings):
        user = await User.create(
            id=uuid4(),
            email=f"m{n}-{uuid4().hex[:6]}@example.com",
            name=PARTY_NAME,
            password_hash="x",
        )
        await Membership.create(
            id=uuid4(), user_id=user.id, organization_id=org.id, created_at=joined
        )
        for role in roles:
            await CasbinRule.create(ptype="g", v0=subject(user.id), v1=role, v2=domain(org.id))
    await bump_version()


async def _invitations(org: Org) -> None:
    custom = await _custom_roles(org)
    later = datetime.now(UTC) + timedelta(days=3)
    same = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    cases: list[tuple[datetime, datetime, list[str], dict[str, Any]]] = [
        (same, later, [*custom, "viewer"], {}),
        (same, later, ["ar_clerk", f"role:{uuid4()}", "ar_clerk"], {}),
        (datetime(2026, 1, 1, 1, 0, 0, 1, tzinfo=INDIA), later, [], {}),
        # Not pending: accepted, revoked, expired.
        (same, later, ["viewer"], {"accepted_at": same}),
        (same, later, ["viewer"], {"revoked_at": same}),
        (same, same, ["viewer"], {}),
    ]
    for n, (made, expires, roles, more) in enumerate(cases):
        await Invitation.create(
            id=uuid4(),
            organization_id=org.id,
            email=f'i{n}"\\@example.com',
            roles=roles,
            token_hash=uuid4().hex + uuid4().hex,
            created_at=made,
            expires_at=expires,
            **more,
        )


async def test_member_pages_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _members(org)
    items = spied(monkeypatch)
    written, stock = await both(api, org, MEMBERS, {"first": 100}, monkeypatch)
    assert written.json() == stock.json()
    assert len(items) == 1 and items[0] is not None
    nodes = [e["node"] for e in written.json()["data"]["members"]["edges"]]
    assert len(nodes) == 5
    assert sorted(["viewer", *ROLE_NAMES]) in [n["roles"] for n in nodes]
    assert [] in [n["roles"] for n in nodes]


async def test_member_pages_walk_each_member_once_both_ways(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _members(org)

    async def page(o: Any = None, **variables: Any) -> dict[str, Any]:
        response = await api.post(MEMBERS, variables, token=org.token())
        data: dict[str, Any] = response.json()["data"]["members"]
        return data

    forwards, backwards, _ = await walk_pages(page, {}, lambda n: n["user"]["id"])
    with stock_path(monkeypatch):
        expected, _, _ = await walk_pages(page, {}, lambda n: n["user"]["id"])
    assert forwards == backwards == expected and len(set(forwards)) == 5


async def test_invitation_pages_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _invitations(org)
    items = spied(monkeypatch)
    written, stock = await both(api, org, INVITATIONS, {"first": 100}, monkeypatch)
    assert written.json() == stock.json()
    assert len(items) == 1 and items[0] is not None
    nodes = [e["node"] for e in written.json()["data"]["invitations"]["edges"]]
    assert len(nodes) == 3
    assert sorted(["viewer", *ROLE_NAMES]) in [n["roles"] for n in nodes]

    async def page(**variables: Any) -> list[str]:
        seen: list[str] = []
        after = None
        for _ in range(10):
            response = await api.post(INVITATIONS, {"first": 1, "after": after}, token=org.token())
            found = response.json()["data"]["invitations"]
            seen += [e["node"]["id"] for e in found["edges"]]
            if not found["pageInfo"]["hasNextPage"]:
                return seen
            after = found["pageInfo"]["endCursor"]
        raise AssertionError("the pages do not end")

    walked = await page()
    with stock_path(monkeypatch):
        assert await page() == walked
    assert len(set(walked)) == 3


async def test_a_role_without_member_read_is_refused_before_any_sql(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org("ar_clerk")
    await _members(org)
    written = spied(monkeypatch)
    for query, field in ((MEMBERS, "members"), (INVITATIONS, "invitations")):
        refused = (await api.post(query, {"first": 5}, token=org.token("ar_clerk"))).json()
        assert {e["extensions"]["code"] for e in refused["errors"]} == {"FORBIDDEN"}
        assert refused["data"] is None or refused["data"][field] is None
    assert written == []
