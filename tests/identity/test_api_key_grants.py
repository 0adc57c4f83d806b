"""An API key acts for the person who created it: it never adds to that person's powers
(docs/decisions/role-administration.md)."""

from __future__ import annotations

from server.access.catalogue import BUILTIN_ROLES
from server.identity.models import ApiKey
from tests.identity.test_role_rules import (
    KEY_CREATE,
    MEMBER_ADD,
    PERMS_SET,
    ROLE_CREATE,
    ROLES_SET,
    _permissions,
    add_person,
    code_of,
    roles_of,
    uid,
)
from tests.support import Api, Org


async def _key(api: Api, org: Org, role: str, token: str) -> str:
    made = await api.data(KEY_CREATE, {"i": {"name": f"k {role}", "role": role}}, token)
    assert code_of(made["apiKeyCreate"]) is None, made
    secret = made["apiKeyCreate"]["secret"]
    assert isinstance(secret, str)
    return secret


async def test_admin_api_key_cannot_grant_its_creator_more_roles(api: Api) -> None:
    org = await api.new_org("admin")
    key = await _key(api, org, "admin", org.token("admin"))
    me = org.users["admin"]
    data = await api.data(
        ROLES_SET, {"i": {"userId": uid(me), "roles": ["admin", "accountant"]}}, key
    )
    assert code_of(data["memberRolesSet"]) == "ESCALATION", data
    assert await roles_of(api, org, me) == ["admin"]


async def test_key_role_set_refuses_every_role_added_to_its_creator(api: Api) -> None:
    # Even roles the session itself could add to itself: a key never adds to its creator.
    org = await api.new_org("admin")
    for actor, key_role in (("admin", "admin"), ("owner", "admin")):
        me = org.users[actor]
        key = await _key(api, org, key_role, org.token(actor))
        for role in BUILTIN_ROLES:
            if role == actor:
                continue
            roles = sorted({actor, role})
            data = await api.data(ROLES_SET, {"i": {"userId": uid(me), "roles": roles}}, key)
            assert code_of(data["memberRolesSet"]) == "ESCALATION", (actor, role, data)
            assert await roles_of(api, org, me) == [actor], (actor, role)


async def test_key_made_by_a_key_still_acts_for_the_person(api: Api) -> None:
    org = await api.new_org("admin")
    first = await _key(api, org, "admin", org.token("admin"))
    second = await _key(api, org, "admin", first)
    me = org.users["admin"]
    data = await api.data(
        ROLES_SET, {"i": {"userId": uid(me), "roles": ["admin", "accountant"]}}, second
    )
    assert code_of(data["memberRolesSet"]) == "ESCALATION", data
    assert await roles_of(api, org, me) == ["admin"]
    creators = await ApiKey.filter(organization_id=org.id).values_list("created_by_id", flat=True)
    assert set(creators) == {me.id}


async def test_key_role_set_gives_other_people_roles_as_its_creator_would(api: Api) -> None:
    org = await api.new_org("admin", "viewer")
    key = await _key(api, org, "admin", org.token("admin"))
    other = org.users["viewer"]
    data = await api.data(ROLES_SET, {"i": {"userId": uid(other), "roles": ["accountant"]}}, key)
    assert code_of(data["memberRolesSet"]) is None, data
    assert await roles_of(api, org, other) == ["accountant"]
    # Taking roles away from its creator adds nothing, so a key may.
    me = org.users["admin"]
    await api.data(ROLES_SET, {"i": {"userId": uid(me), "roles": ["admin", "viewer"]}}, org.token())
    data = await api.data(ROLES_SET, {"i": {"userId": uid(me), "roles": ["admin"]}}, key)
    assert code_of(data["memberRolesSet"]) is None, data


async def test_key_invitation_of_its_creator_is_refused(api: Api) -> None:
    org = await api.new_org("admin")
    key = await _key(api, org, "admin", org.token("admin"))
    email = org.users["admin"].email
    data = await api.data(MEMBER_ADD, {"i": {"email": email, "roles": ["accountant"]}}, key)
    assert code_of(data["memberAdd"]) == "CONFLICT", data
    assert await roles_of(api, org, org.users["admin"]) == ["admin"]


async def test_key_grants_only_what_its_demoted_creator_still_holds(api: Api) -> None:
    # The key keeps its role when its creator is demoted; it must not hand the lost powers back.
    org = await api.new_org("admin")
    perms = [{"object": "customer", "action": "read"}, {"object": "member", "action": "manage"}]
    made = await api.data(
        ROLE_CREATE, {"i": {"name": "staffer", "permissions": perms}}, org.token()
    )
    assert code_of(made["roleCreate"]) is None, made
    me = org.users["admin"]
    key = await _key(api, org, "admin", org.token("admin"))
    demoted = await api.data(
        ROLES_SET, {"i": {"userId": uid(me), "roles": ["staffer"]}}, org.token()
    )
    assert code_of(demoted["memberRolesSet"]) is None, demoted
    widened = [*perms, {"object": "vendor", "action": "read"}]
    data = await api.data(PERMS_SET, {"i": {"name": "staffer", "permissions": widened}}, key)
    assert code_of(data["rolePermissionsSet"]) == "ESCALATION", data
    assert await _permissions(api, org, "staffer") == {("customer", "read"), ("member", "manage")}
    other = await add_person(org, "viewer")
    data = await api.data(ROLES_SET, {"i": {"userId": uid(other), "roles": ["staffer"]}}, key)
    assert code_of(data["memberRolesSet"]) is None, data
    key_role = await api.data(KEY_CREATE, {"i": {"name": "k2", "role": "viewer"}}, key)
    assert code_of(key_role["apiKeyCreate"]) == "ESCALATION", key_role
