"""Who may give, take away and change which role: every built-in role, as admin and as owner
(docs/decisions/role-administration.md)."""

from __future__ import annotations

import uuid
from typing import Any

from schema.ids import encode
from server.access.catalogue import BUILTIN_ROLES
from server.actor import Actor
from server.identity import accounts
from server.identity.models import ApiKey, Invitation, User
from tests.support import PASSWORD, Api, Org

ROLES_SET = """mutation($i: MemberRolesSetInput!) { memberRolesSet(input: $i) {
  member { roles } userErrors { field code } } }"""
MEMBER_ADD = """mutation($i: MemberAddInput!) { memberAdd(input: $i) {
  invitation { roles } invitationToken userErrors { field code } } }"""
MEMBER_REMOVE = """mutation($i: MemberRemoveInput!) { memberRemove(input: $i) {
  removedUserId userErrors { field code } } }"""
KEY_CREATE = """mutation($i: ApiKeyCreateInput!) { apiKeyCreate(input: $i) {
  apiKey { role } secret userErrors { field code } } }"""
ROLE_CREATE = """mutation($i: RoleCreateInput!) { roleCreate(input: $i) {
  role { name } userErrors { field code } } }"""
PERMS_SET = """mutation($i: RolePermissionsSetInput!) { rolePermissionsSet(input: $i) {
  role { permissions { object action } } userErrors { field code } } }"""
ROLE_DELETE = """mutation($n: String!) { roleDelete(input: {name: $n}) {
  deletedName userErrors { code } } }"""

E, N = "ESCALATION", "ROLE_NOT_ALLOWED"
# Expected userError code per built-in role; None means allowed. Written out, not derived.
# Giving a role to someone else (memberRolesSet, memberAdd).
GRANT_BY_ADMIN: dict[str, str | None] = {
    "owner": E, "admin": None, "accountant": None, "ar_clerk": None, "ap_clerk": None,
    "approver": None, "sales": None, "auditor": None, "viewer": None,
}  # fmt: skip
GRANT_BY_OWNER: dict[str, str | None] = {
    "owner": None, "admin": None, "accountant": None, "ar_clerk": None, "ap_clerk": None,
    "approver": None, "sales": None, "auditor": None, "viewer": None,
}  # fmt: skip
# Adding a role to oneself: only what one already holds.
SELF_GRANT_BY_ADMIN: dict[str, str | None] = {
    "owner": E, "admin": None, "accountant": E, "ar_clerk": E, "ap_clerk": E,
    "approver": E, "sales": E, "auditor": E, "viewer": E,
}  # fmt: skip
SELF_GRANT_BY_OWNER = GRANT_BY_OWNER
# The role of an API key one creates: never owner, otherwise only what one holds.
KEY_BY_ADMIN: dict[str, str | None] = {
    "owner": N, "admin": None, "accountant": E, "ar_clerk": E, "ap_clerk": E,
    "approver": E, "sales": E, "auditor": E, "viewer": E,
}  # fmt: skip
KEY_BY_OWNER: dict[str, str | None] = {
    "owner": N, "admin": None, "accountant": None, "ar_clerk": None, "ap_clerk": None,
    "approver": None, "sales": None, "auditor": None, "viewer": None,
}  # fmt: skip


def test_the_tables_cover_every_builtin_role() -> None:
    tables = (GRANT_BY_ADMIN, GRANT_BY_OWNER, SELF_GRANT_BY_ADMIN, KEY_BY_ADMIN, KEY_BY_OWNER)
    assert all(tuple(table) == BUILTIN_ROLES for table in tables)


def uid(user: User) -> str:
    return encode("User", user.id)


def code_of(payload: dict[str, Any]) -> str | None:
    errors = payload["userErrors"]
    return errors[0]["code"] if errors else None


async def add_person(org: Org, role: str) -> User:
    """Another person holding `role`, added the way the fixtures add members."""
    system = Actor.system("tests")
    user = await accounts.create_user(
        system, f"{role}-{uuid.uuid4().hex[:8]}@example.com", role, PASSWORD
    )
    await accounts.add_member(system, org.model, user, [role])
    return user


async def roles_of(api: Api, org: Org, user: User) -> list[str]:
    members = await api.data(
        "{ members(first: 50) { nodes { user { id } roles } } }", token=org.token()
    )
    return next(m["roles"] for m in members["members"]["nodes"] if m["user"]["id"] == uid(user))


async def test_member_roles_set_every_builtin_role_as_admin_and_as_owner(api: Api) -> None:
    org = await api.new_org("admin", "viewer")
    target = org.users["viewer"]
    for actor, table in (("admin", GRANT_BY_ADMIN), ("owner", GRANT_BY_OWNER)):
        for role in BUILTIN_ROLES:
            before = await roles_of(api, org, target)
            data = await api.data(
                ROLES_SET, {"i": {"userId": uid(target), "roles": [role]}}, org.token(actor)
            )
            payload = data["memberRolesSet"]
            assert code_of(payload) == table[role], (actor, role, payload)
            expected = [role] if table[role] is None else before
            assert await roles_of(api, org, target) == expected, (actor, role)
        # Leave the target as the next round expects it (the owner may take owner back).
        await api.data(ROLES_SET, {"i": {"userId": uid(target), "roles": ["viewer"]}}, org.token())


async def test_member_add_every_builtin_role_as_admin_and_as_owner(api: Api) -> None:
    org = await api.new_org("admin")
    for actor, table in (("admin", GRANT_BY_ADMIN), ("owner", GRANT_BY_OWNER)):
        for role in BUILTIN_ROLES:
            email = f"{actor}-{role}-{uuid.uuid4().hex[:6]}@example.com"
            data = await api.data(
                MEMBER_ADD, {"i": {"email": email, "roles": [role]}}, org.token(actor)
            )
            payload = data["memberAdd"]
            assert code_of(payload) == table[role], (actor, role, payload)
            made = await Invitation.filter(organization_id=org.id, email=email).count()
            assert made == (1 if table[role] is None else 0), (actor, role)
            if table[role] is None:
                assert payload["invitation"]["roles"] == [role]
                assert payload["invitationToken"]


async def test_self_grant_every_builtin_role_as_admin_and_as_owner(api: Api) -> None:
    org = await api.new_org("admin")
    for actor, table in (("admin", SELF_GRANT_BY_ADMIN), ("owner", SELF_GRANT_BY_OWNER)):
        me = org.users[actor]
        for role in BUILTIN_ROLES:
            roles = sorted({actor, role})
            data = await api.data(
                ROLES_SET, {"i": {"userId": uid(me), "roles": roles}}, org.token(actor)
            )
            assert code_of(data["memberRolesSet"]) == table[role], (actor, role, data)
            assert await roles_of(api, org, me) == (roles if table[role] is None else [actor])
            # Back to the one role (taking one's own roles away is always allowed).
            await api.data(
                ROLES_SET, {"i": {"userId": uid(me), "roles": [actor]}}, org.token(actor)
            )


async def test_api_key_of_every_builtin_role_as_admin_and_as_owner(api: Api) -> None:
    org = await api.new_org("admin")
    for actor, table in (("admin", KEY_BY_ADMIN), ("owner", KEY_BY_OWNER)):
        for role in BUILTIN_ROLES:
            data = await api.data(
                KEY_CREATE, {"i": {"name": f"{actor} {role}", "role": role}}, org.token(actor)
            )
            payload = data["apiKeyCreate"]
            assert code_of(payload) == table[role], (actor, role, payload)
            assert (payload["secret"] is not None) == (table[role] is None)
    assert not await ApiKey.exists(organization_id=org.id, role="owner")


async def test_only_an_owner_takes_the_owner_role_away(api: Api) -> None:
    org = await api.new_org("admin")
    second = await add_person(org, "owner")
    demote = await api.data(
        ROLES_SET, {"i": {"userId": uid(second), "roles": ["viewer"]}}, org.token("admin")
    )
    assert code_of(demote["memberRolesSet"]) == "ESCALATION"
    remove = await api.data(MEMBER_REMOVE, {"i": {"userId": uid(second)}}, org.token("admin"))
    assert code_of(remove["memberRemove"]) == "ESCALATION"
    assert await roles_of(api, org, second) == ["owner"]
    # Every other built-in role an admin may take away, removal included.
    for role in BUILTIN_ROLES[1:]:
        held = await add_person(org, role)
        removed = await api.data(MEMBER_REMOVE, {"i": {"userId": uid(held)}}, org.token("admin"))
        assert code_of(removed["memberRemove"]) is None, role
    done = await api.data(
        ROLES_SET, {"i": {"userId": uid(second), "roles": ["viewer"]}}, org.token()
    )
    assert code_of(done["memberRolesSet"]) is None


async def _owner_made_role(api: Api, org: Org) -> None:
    perms = [{"object": "journal", "action": "post"}, {"object": "customer", "action": "read"}]
    made = await api.data(ROLE_CREATE, {"i": {"name": "poster", "permissions": perms}}, org.token())
    assert code_of(made["roleCreate"]) is None


async def _permissions(api: Api, org: Org, name: str) -> set[tuple[str, str]]:
    roles = await api.data(
        "{ roles(first: 100) { nodes { name permissions { object action } } } }",
        token=org.token(),
    )
    role = next(r for r in roles["roles"]["nodes"] if r["name"] == name)
    return {(p["object"], p["action"]) for p in role["permissions"]}


async def test_role_permissions_set_changes_only_permissions_the_actor_holds(api: Api) -> None:
    org = await api.new_org("admin")
    await _owner_made_role(api, org)
    original = {("journal", "post"), ("customer", "read")}

    def perms(*pairs: tuple[str, str]) -> list[dict[str, str]]:
        return [{"object": o, "action": a} for o, a in pairs]

    refused = {
        "strip all": perms(),
        "remove journal:post": perms(("customer", "read")),
        "add journal:reverse": perms(*original, ("journal", "reverse")),
        "swap journal:post for vendor:read": perms(("customer", "read"), ("vendor", "read")),
    }
    for case, wanted in refused.items():
        data = await api.data(
            PERMS_SET, {"i": {"name": "poster", "permissions": wanted}}, org.token("admin")
        )
        assert code_of(data["rolePermissionsSet"]) == "ESCALATION", case
        assert await _permissions(api, org, "poster") == original, case
    # Adding or removing what the admin holds is fine; the rest stays as the owner made it.
    allowed = {
        "remove customer:read": ({("journal", "post")}),
        "add vendor:read": ({("journal", "post"), ("vendor", "read")}),
    }
    for case, result in allowed.items():
        data = await api.data(
            PERMS_SET, {"i": {"name": "poster", "permissions": perms(*result)}}, org.token("admin")
        )
        assert code_of(data["rolePermissionsSet"]) is None, case
        assert await _permissions(api, org, "poster") == result, case
    deleted = await api.data(ROLE_DELETE, {"n": "poster"}, org.token("admin"))
    assert code_of(deleted["roleDelete"]) == "ESCALATION"
    emptied = await api.data(PERMS_SET, {"i": {"name": "poster", "permissions": []}}, org.token())
    assert code_of(emptied["rolePermissionsSet"]) is None
    assert await _permissions(api, org, "poster") == set()


async def test_custom_role_beyond_the_admin_is_neither_given_nor_taken_by_the_admin(
    api: Api,
) -> None:
    org = await api.new_org("admin", "viewer")
    await _owner_made_role(api, org)
    target = org.users["viewer"]
    give = await api.data(
        ROLES_SET, {"i": {"userId": uid(target), "roles": ["poster"]}}, org.token("admin")
    )
    assert code_of(give["memberRolesSet"]) == "ESCALATION"
    invite = await api.data(
        MEMBER_ADD, {"i": {"email": "p@example.com", "roles": ["poster"]}}, org.token("admin")
    )
    assert code_of(invite["memberAdd"]) == "ESCALATION"
    await api.data(ROLES_SET, {"i": {"userId": uid(target), "roles": ["poster"]}}, org.token())
    take = await api.data(
        ROLES_SET, {"i": {"userId": uid(target), "roles": ["viewer"]}}, org.token("admin")
    )
    assert code_of(take["memberRolesSet"]) == "ESCALATION"
    remove = await api.data(MEMBER_REMOVE, {"i": {"userId": uid(target)}}, org.token("admin"))
    assert code_of(remove["memberRemove"]) == "ESCALATION"
    assert await roles_of(api, org, target) == ["poster"]
    # A custom role within the admin's own permissions the admin gives and takes freely.
    within = [{"object": "customer", "action": "read"}]
    await api.data(
        ROLE_CREATE, {"i": {"name": "reader", "permissions": within}}, org.token("admin")
    )
    other = await add_person(org, "viewer")
    for roles in (["reader"], ["viewer"]):
        data = await api.data(
            ROLES_SET, {"i": {"userId": uid(other), "roles": roles}}, org.token("admin")
        )
        assert code_of(data["memberRolesSet"]) is None, roles
        assert await roles_of(api, org, other) == roles
