"""`roles` answers exactly as the stock resolvers do on both databases when the database
writes the organization's own roles (server/access/reads.py) beside the built-in ones:
permissions once each, sorted as Python sorts them, roles without any."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from server.access.catalogue import BUILTIN_ROLES
from server.access.control import bump_version, domain
from server.access.models import CasbinRule, Role
from tests.reads.helpers import AWKWARD, both, spied
from tests.support import Api, Org, walk_pages

ROLE = "__typename name builtin description permissions { object action }"
ROLES = f"""{{ roles(first: 100) {{ nodes {{ {ROLE} }} }}
  again: roles(first: 100) {{ nodes {{ name }} }} }}"""
ONE = f"{{ roles(first: 100) {{ totalCount nodes {{ {ROLE} }} }} }}"


async def _own_roles(org: Org) -> None:
    """Three roles of the organization's own with names that sort apart by code point and
    in a language's order, and grants of every shape."""
    here = domain(org.id)
    grants = [
        # Underscores and capitals sort apart by code point and in a language's order.
        ("bill_payment", "read", here),
        ("billing", "read", here),
        ("Bill", "read", here),
        ("bill", "create", here),
        ("bill", "create", "*"),  # granted twice, in two domains: once in the list
    ]
    made = []
    for n, name in enumerate(["Zeta", "ärger", "beta"]):
        role = await Role.create(
            id=uuid4(), organization_id=org.id, name=name, description=AWKWARD if n else None
        )
        made.append(role)
        for obj, act, where in grants[: 5 - 2 * n]:
            await CasbinRule.create(ptype="p", v0=f"role:{role.id}", v1=where, v2=obj, v3=act)
    # A rule of another organization's domain grants nothing here.
    await CasbinRule.create(
        ptype="p", v0=f"role:{made[2].id}", v1=domain(uuid4()), v2="invoice", v3="read"
    )
    await bump_version()


async def test_role_lists_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _own_roles(org)
    items = spied(monkeypatch)
    written, stock = await both(api, org, ONE, {}, monkeypatch)
    assert written.json() == stock.json()
    assert len(items) == 1 and items[0] is not None
    roles = written.json()["data"]["roles"]["nodes"]
    own = [r for r in roles if not r["builtin"]]
    assert written.json()["data"]["roles"]["totalCount"] == len(roles) == len(BUILTIN_ROLES) + 3
    assert [r["name"] for r in roles[: len(BUILTIN_ROLES)]] == sorted(BUILTIN_ROLES)
    assert len(own) == 3
    assert {len(r["permissions"]) for r in own} == {4, 3, 1}
    # Asked twice under two keys, each list is written once.
    written, stock = await both(api, org, ROLES, {}, monkeypatch)
    assert written.json() == stock.json()


PAGE = """
query($first: Int, $after: String, $last: Int, $before: String, $o: RoleOrder, $f: RoleFilter) {
  roles(first: $first, after: $after, last: $last, before: $before, orderBy: $o, filter: $f) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { name builtin } }
  }
}"""


@pytest.mark.parametrize("size", [1, 2, 3, 5])
async def test_roles_walked_both_ways_give_built_in_roles_first_and_each_role_once(
    api: Api, size: int
) -> None:
    org = await api.new_org()
    await _own_roles(org)
    total = len(BUILTIN_ROLES) + 3

    async def fetch(**variables: Any) -> dict[str, Any]:
        page: dict[str, Any] = (await api.data(PAGE, variables, token=org.token()))["roles"]
        assert page["totalCount"] == total
        return page

    for direction in ("ASC", "DESC"):
        order = {"field": "NAME", "direction": direction}
        forwards, backwards, _ = await walk_pages(
            fetch, order, lambda n: (n["builtin"], n["name"]), first=size, size=size
        )
        assert forwards == backwards and len(set(forwards)) == total
        assert [b for b, _name in forwards] == [True] * len(BUILTIN_ROLES) + [False] * 3
        builtins = [name for b, name in forwards if b]
        assert builtins == sorted(BUILTIN_ROLES, reverse=direction == "DESC")


async def test_roles_filter_by_built_in_and_search(api: Api) -> None:
    org = await api.new_org()
    await _own_roles(org)

    async def names(flt: dict[str, Any], **more: Any) -> list[str]:
        found = await api.data(PAGE, {"f": flt, **more}, token=org.token())
        assert found["roles"]["totalCount"] == len(found["roles"]["edges"])
        return [e["node"]["name"] for e in found["roles"]["edges"]]

    assert await names({"builtIn": True}) == sorted(BUILTIN_ROLES)
    assert sorted(await names({"builtIn": False})) == sorted(["Zeta", "ärger", "beta"])
    # Own roles sort in the database's order for text, which may not be code point order.
    assert sorted(await names({"search": "ET"})) == ["Zeta", "beta"]
    assert await names({"search": "clerk"}) == ["ap_clerk", "ar_clerk"]
    assert await names({"search": "clerk", "builtIn": False}) == []


async def test_a_role_without_role_read_still_cannot_list_roles(api: Api) -> None:
    org = await api.new_org("accountant")
    refused = await api.gql("{ roles { totalCount } }", token=org.token("accountant"))
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert refused["data"] is None
