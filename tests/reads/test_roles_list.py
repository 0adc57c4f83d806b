"""`roles` answers exactly as the stock resolvers do on both databases when the database
writes the organization's own roles (server/access/reads.py) beside the built-in ones:
permissions once each, sorted as Python sorts them, roles without any."""

from __future__ import annotations

from uuid import uuid4

import pytest

from server.access.control import bump_version, domain
from server.access.models import CasbinRule, Role
from tests.reads.helpers import AWKWARD, both, spied
from tests.support import Api

ROLES = """{ roles { __typename name builtin description permissions { object action } }
  again: roles { name } }"""
ONE = "{ roles { __typename name builtin description permissions { object action } } }"


async def test_role_lists_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
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
    items = spied(monkeypatch)
    written, stock = await both(api, org, ONE, {}, monkeypatch)
    assert written.json() == stock.json()
    assert len(items) == 1 and items[0] is not None
    roles = written.json()["data"]["roles"]
    own = [r for r in roles if not r["builtin"]]
    assert len(own) == 3
    assert {len(r["permissions"]) for r in own} == {4, 3, 1}
    # Asked twice under two keys, each list is written once.
    written, stock = await both(api, org, ROLES, {}, monkeypatch)
    assert written.json() == stock.json()
