"""Admins run an organization's access through the API alone, without escalation."""

from __future__ import annotations

from typing import Any

from schema.ids import encode
from tests.support import PASSWORD, Api, Org

ROLE_CREATE = """mutation($i: RoleCreateInput!) { roleCreate(input: $i) {
  role { name builtin permissions { object action } } userErrors { field code message } } }"""
ROLES_SET = """mutation($i: MemberRolesSetInput!) { memberRolesSet(input: $i) {
  member { user { email } roles } userErrors { field code } } }"""
MEMBER_REMOVE = """mutation($i: MemberRemoveInput!) { memberRemove(input: $i) {
  removedUserId userErrors { field code } } }"""
CUSTOMERS = "{ customers(first: 1) { totalCount } }"


def uid(org: Org, role: str) -> str:
    return encode("User", org.users[role].id)


async def test_custom_role_grants_exactly_its_permissions_on_the_next_request(api: Api) -> None:
    org = await api.new_org("viewer")
    made = await api.data(
        ROLE_CREATE,
        {
            "i": {
                "name": "collections",
                "permissions": [
                    {"object": "customer", "action": "read"},
                    {"object": "customer", "action": "update"},
                ],
            }
        },
        token=org.token(),
    )
    assert made["roleCreate"]["role"]["builtin"] is False
    token = org.token("viewer")  # issued before the change
    denied = await api.gql(
        'mutation { customerCreate(input: {name: "X"}) { customer { id } } }', token=token
    )
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    data = await api.data(
        ROLES_SET,
        {"i": {"userId": uid(org, "viewer"), "roles": ["collections"]}},
        token=org.token(),
    )
    assert data["memberRolesSet"]["member"]["roles"] == ["collections"]
    viewer = await api.data("{ viewer { roles permissions { object action } } }", token=token)
    assert viewer["viewer"]["roles"] == ["collections"]
    assert {(p["object"], p["action"]) for p in viewer["viewer"]["permissions"]} == {
        ("customer", "read"),
        ("customer", "update"),
    }
    # vendor:read came with the viewer role, which is gone now.
    gone = await api.gql("{ vendors(first: 1) { totalCount } }", token=token)
    assert gone["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_last_owner_cannot_be_removed_or_demoted(api: Api) -> None:
    org = await api.new_org()
    demote = await api.data(
        ROLES_SET, {"i": {"userId": uid(org, "owner"), "roles": ["viewer"]}}, token=org.token()
    )
    assert demote["memberRolesSet"]["userErrors"][0]["code"] == "LAST_OWNER"
    remove = await api.data(MEMBER_REMOVE, {"i": {"userId": uid(org, "owner")}}, token=org.token())
    assert remove["memberRemove"]["userErrors"][0]["code"] == "LAST_OWNER"
    assert (await api.data("{ viewer { roles } }", token=org.token()))["viewer"]["roles"] == [
        "owner"
    ]


async def test_role_delete_refused_while_assigned_and_builtin_roles_are_fixed(api: Api) -> None:
    org = await api.new_org("viewer")
    perms: list[dict[str, Any]] = [{"object": "customer", "action": "read"}]
    await api.data(ROLE_CREATE, {"i": {"name": "reader", "permissions": perms}}, token=org.token())
    await api.data(
        ROLES_SET, {"i": {"userId": uid(org, "viewer"), "roles": ["reader"]}}, token=org.token()
    )
    delete = """mutation($n: String!) { roleDelete(input: {name: $n}) {
        deletedName userErrors { code } } }"""
    busy = await api.data(delete, {"n": "reader"}, token=org.token())
    assert busy["roleDelete"]["userErrors"][0]["code"] == "ROLE_IN_USE"
    builtin = await api.data(
        """mutation { rolePermissionsSet(input: {name: "viewer", permissions: []}) {
            role { name } userErrors { code } } }""",
        token=org.token(),
    )
    assert builtin["rolePermissionsSet"]["userErrors"][0]["code"] == "BUILTIN_ROLE"
    await api.data(
        ROLES_SET, {"i": {"userId": uid(org, "viewer"), "roles": ["viewer"]}}, token=org.token()
    )
    done = await api.data(delete, {"n": "reader"}, token=org.token())
    assert done["roleDelete"]["deletedName"] == "reader"
    roles = await api.data("{ roles(first: 100) { nodes { name builtin } } }", token=org.token())
    assert [r["name"] for r in roles["roles"]["nodes"] if not r["builtin"]] == []


async def test_nobody_can_grant_into_another_organization(api: Api) -> None:
    org = await api.new_org()
    other = await api.new_org("viewer")
    data = await api.data(
        ROLES_SET, {"i": {"userId": uid(other, "viewer"), "roles": ["owner"]}}, token=org.token()
    )
    assert data["memberRolesSet"]["userErrors"][0]["code"] == "NOT_FOUND"
    viewer = await api.data("{ viewer { roles } }", token=other.token("viewer"))
    assert viewer["viewer"]["roles"] == ["viewer"]


async def test_password_change_refuses_old_tokens_and_returns_new_ones(api: Api) -> None:
    org = await api.new_org()
    old = org.token()
    change = """mutation($i: PasswordChangeInput!) { passwordChange(input: $i) {
      accessToken userErrors { code } } }"""
    wrong = await api.data(
        change, {"i": {"currentPassword": "nope-nope-nope", "newPassword": "x" * 12}}, token=old
    )
    assert wrong["passwordChange"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"
    done = await api.data(
        change,
        {"i": {"currentPassword": PASSWORD, "newPassword": "a-brand-new-passphrase"}},
        token=old,
    )
    fresh = done["passwordChange"]["accessToken"]
    assert (await api.gql(CUSTOMERS, token=old))["errors"][0]["extensions"][
        "code"
    ] == "UNAUTHENTICATED"
    assert (await api.data(CUSTOMERS, token=fresh))["customers"]["totalCount"] == 0
    assert (await api.sign_in(org.users["owner"].email))["userErrors"][0][
        "code"
    ] == "INVALID_CREDENTIALS"
