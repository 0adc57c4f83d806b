"""An organization always keeps an owner who is a person; API keys are never owners."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from schema.ids import decode, encode
from server.access.control import bump_version, key_subject
from server.access.models import CasbinRule
from server.identity.models import ApiKey
from tests.support import Api, Org

KEY_CREATE = """mutation($i: ApiKeyCreateInput!) { apiKeyCreate(input: $i) {
  apiKey { id role } secret userErrors { field code } } }"""
KEY_REVOKE = """mutation($id: ID!) { apiKeyRevoke(id: $id) {
  apiKey { revokedAt } userErrors { code } } }"""
ROLES_SET = """mutation($i: MemberRolesSetInput!) { memberRolesSet(input: $i) {
  member { roles } userErrors { field code } } }"""
MEMBER_REMOVE = """mutation($i: MemberRemoveInput!) { memberRemove(input: $i) {
  removedUserId userErrors { field code } } }"""
OWNERS = "{ members(first: 50) { nodes { user { email } roles } } }"


async def _owner_key_from_before_the_rule(api: Api, org: Org) -> tuple[str, str]:
    """An owner API key as one created before keys were refused the owner role: made as an
    admin key through the API, then given the owner role in the database."""
    made = (await api.data(KEY_CREATE, {"i": {"name": "Old", "role": "admin"}}, token=org.token()))[
        "apiKeyCreate"
    ]
    key_id = decode(made["apiKey"]["id"], "ApiKey")
    assert key_id is not None
    async with in_transaction():
        await ApiKey.filter(id=key_id).update(role="owner")
        await CasbinRule.filter(ptype="g", v0=key_subject(key_id)).update(v1="owner")
        await bump_version()
    return made["apiKey"]["id"], made["secret"]


async def _owners(api: Api, org: Org, token: str) -> list[str]:
    members = (await api.data(OWNERS, token=token))["members"]["nodes"]
    return [m["user"]["email"] for m in members if "owner" in m["roles"]]


async def test_owner_api_key_is_refused_so_the_attack_stops_at_its_first_step(api: Api) -> None:
    org = await api.new_org()
    made = await api.data(KEY_CREATE, {"i": {"name": "Backdoor", "role": "owner"}}, org.token())
    payload = made["apiKeyCreate"]
    assert payload["secret"] is None and payload["apiKey"] is None
    assert payload["userErrors"] == [{"field": ["input", "role"], "code": "ROLE_NOT_ALLOWED"}]
    assert not await ApiKey.exists(organization_id=org.id)


async def test_an_owner_key_never_counts_as_an_owner_through_the_whole_attack(api: Api) -> None:
    org = await api.new_org()
    owner = org.users["owner"]
    key_id, secret = await _owner_key_from_before_the_rule(api, org)
    me = encode("User", owner.id)
    # The person tries to step down or leave, trusting the key to stay owner.
    demote = await api.data(ROLES_SET, {"i": {"userId": me, "roles": ["viewer"]}}, org.token())
    assert demote["memberRolesSet"]["userErrors"][0]["code"] == "LAST_OWNER"
    leave = await api.data(MEMBER_REMOVE, {"i": {"userId": me}}, org.token())
    assert leave["memberRemove"]["userErrors"][0]["code"] == "LAST_OWNER"
    # The key cannot act as an owner either: it can neither demote nor remove the person.
    by_key = await api.data(ROLES_SET, {"i": {"userId": me, "roles": ["viewer"]}}, secret)
    assert by_key["memberRolesSet"]["userErrors"][0]["code"] == "ESCALATION"
    removed_by_key = await api.data(MEMBER_REMOVE, {"i": {"userId": me}}, secret)
    assert removed_by_key["memberRemove"]["userErrors"][0]["code"] == "ESCALATION"
    # The key revokes itself: the organization still has its owner, who still acts as one.
    revoked = await api.data(KEY_REVOKE, {"id": key_id}, secret)
    assert revoked["apiKeyRevoke"]["userErrors"] == []
    assert await _owners(api, org, org.token()) == [owner.email]
    roles = await api.data("{ viewer { roles } }", token=org.token())
    assert roles["viewer"]["roles"] == ["owner"]


async def test_an_owner_steps_down_once_another_person_is_owner(api: Api) -> None:
    org = await api.new_org("admin")
    owner, admin = org.users["owner"], org.users["admin"]
    await _owner_key_from_before_the_rule(api, org)
    promoted = await api.data(
        ROLES_SET, {"i": {"userId": encode("User", admin.id), "roles": ["owner"]}}, org.token()
    )
    assert promoted["memberRolesSet"]["userErrors"] == []
    stepped = await api.data(
        ROLES_SET, {"i": {"userId": encode("User", owner.id), "roles": ["viewer"]}}, org.token()
    )
    assert stepped["memberRolesSet"]["userErrors"] == []
    assert await _owners(api, org, org.token("admin")) == [admin.email]
