"""memberAdd invites: the same answer for any address, and membership only on accepting
(docs/decisions/member-invitations.md)."""

from __future__ import annotations

import re
import uuid
from typing import Any

from server.audit.models import AuditEvent
from server.identity.models import Membership, User
from tests.support import PASSWORD, Api, Org

MEMBER_ADD = """mutation($i: MemberAddInput!) { memberAdd(input: $i) {
  __typename
  invitation { __typename id email roles createdAt expiresAt }
  invitationToken member { roles } setPasswordToken
  userErrors { field code message } } }"""
ACCEPT = """mutation($i: InvitationAcceptInput!) { invitationAccept(input: $i) {
  organization { id name } userErrors { field code } } }"""
MEMBERS = "{ members(first: 50) { nodes { user { email } roles } } }"


def _shape(value: Any) -> Any:
    """The structure of an answer: keys and value kinds, with the values themselves gone."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


async def _invite(api: Api, org: Org, email: str, role: str = "ar_clerk") -> dict[str, Any]:
    data = await api.data(MEMBER_ADD, {"i": {"email": email, "roles": [role]}}, org.token())
    payload: dict[str, Any] = data["memberAdd"]
    return payload


async def _member_emails(api: Api, org: Org) -> list[str]:
    nodes = (await api.data(MEMBERS, token=org.token()))["members"]["nodes"]
    return [n["user"]["email"] for n in nodes]


async def test_member_add_answers_alike_for_an_existing_and_a_new_address(api: Api) -> None:
    org = await api.new_org()
    existing = (await api.new_org()).users["owner"].email
    fresh = f"nobody-{uuid.uuid4().hex[:8]}@example.com"
    answers = {email: await _invite(api, org, email) for email in (existing, fresh)}
    old, new = answers[existing], answers[fresh]
    assert _shape(old) == _shape(new)
    assert old["userErrors"] == new["userErrors"] == []
    assert old["member"] is None and new["member"] is None
    assert old["setPasswordToken"] is None and new["setPasswordToken"] is None
    for email, answer in answers.items():
        assert answer["invitation"]["email"] == email
        assert answer["invitation"]["roles"] == ["ar_clerk"]
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", answer["invitationToken"])
    assert old["invitation"]["expiresAt"][:10] == new["invitation"]["expiresAt"][:10]
    # No name was given: a new address is not asked for one (that would tell them apart).
    assert not await User.exists(email=fresh)
    # The audit log records both alike too.
    events = await AuditEvent.filter(chain_key=f"org:{org.id}", action="member.invite").order_by(
        "sequence"
    )
    assert [sorted(e.after) for e in events] == [["email", "roles"], ["email", "roles"]]
    # Nobody joined yet.
    assert existing not in await _member_emails(api, org)
    not_yet = await api.sign_in(existing, organization_id=org.global_id)
    assert not_yet["userErrors"][0]["code"] == "NOT_A_MEMBER"


async def test_existing_user_becomes_a_member_only_by_accepting_with_their_password(
    api: Api,
) -> None:
    org = await api.new_org()
    other = await api.new_org()
    email = other.users["owner"].email
    token = (await _invite(api, org, email))["invitationToken"]
    wrong = await api.data(ACCEPT, {"i": {"token": token, "password": "not-their-password"}})
    assert wrong["invitationAccept"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"
    assert not await Membership.exists(user_id=other.users["owner"].id, organization_id=org.id)
    accepted = await api.data(ACCEPT, {"i": {"token": token, "password": PASSWORD}})
    assert accepted["invitationAccept"] == {
        "organization": {"id": org.global_id, "name": org.model.name},
        "userErrors": [],
    }
    session = await api.sign_in(email, organization_id=org.global_id)
    assert session["userErrors"] == []
    roles = await api.data("{ viewer { roles } }", token=session["accessToken"])
    assert roles["viewer"]["roles"] == ["ar_clerk"]
    again = await api.data(ACCEPT, {"i": {"token": token, "password": PASSWORD}})
    assert again["invitationAccept"]["userErrors"][0]["code"] == "INVALID_TOKEN"
    # Their own organization is untouched; their password is unchanged.
    assert (await api.sign_in(email))["userErrors"] == []


async def test_new_address_accepts_by_creating_its_account(api: Api) -> None:
    org = await api.new_org()
    email = f"new-{uuid.uuid4().hex[:8]}@example.com"
    token = (await _invite(api, org, email, role="viewer"))["invitationToken"]
    refusals = {
        "REQUIRED": {"token": token, "password": PASSWORD, "name": "  "},
        "INVALID_CREDENTIALS": {"token": token, "password": "short", "name": "New Person"},
        "INVALID_TOKEN": {"token": "x" * 43, "password": PASSWORD, "name": "New Person"},
    }
    for code, attempt in refusals.items():
        refused = await api.data(ACCEPT, {"i": attempt})
        assert refused["invitationAccept"]["userErrors"][0]["code"] == code
        assert not await User.exists(email=email)
    done = await api.data(ACCEPT, {"i": {"token": token, "password": PASSWORD, "name": "New"}})
    assert done["invitationAccept"]["userErrors"] == []
    session = await api.sign_in(email)
    assert session["userErrors"] == [] and session["organization"]["id"] == org.global_id
    assert email in await _member_emails(api, org)


async def test_a_new_invitation_replaces_the_pending_one_and_members_are_not_invited(
    api: Api,
) -> None:
    org = await api.new_org("viewer")
    email = f"twice-{uuid.uuid4().hex[:8]}@example.com"
    first = (await _invite(api, org, email, role="viewer"))["invitationToken"]
    second = (await _invite(api, org, email, role="sales"))["invitationToken"]
    old = await api.data(ACCEPT, {"i": {"token": first, "password": PASSWORD, "name": "T"}})
    assert old["invitationAccept"]["userErrors"][0]["code"] == "INVALID_TOKEN"
    new = await api.data(ACCEPT, {"i": {"token": second, "password": PASSWORD, "name": "T"}})
    assert new["invitationAccept"]["userErrors"] == []
    member = await _invite(api, org, org.users["viewer"].email)
    assert member["userErrors"][0]["code"] == "CONFLICT"
    assert member["invitationToken"] is None


async def test_accepting_for_an_existing_account_is_throttled_like_sign_in(api: Api) -> None:
    org = await api.new_org()
    other = await api.new_org()
    email = other.users["owner"].email
    token = (await _invite(api, org, email))["invitationToken"]
    codes = []
    for i in range(7):
        guess = await api.data(ACCEPT, {"i": {"token": token, "password": f"guess-number-{i}"}})
        codes.append(guess["invitationAccept"]["userErrors"][0]["code"])
    assert codes[:6] == ["INVALID_CREDENTIALS"] * 6 and codes[6] == "THROTTLED"
    # The account's sign-in is held back by the same counter.
    assert (await api.sign_in(email))["userErrors"][0]["code"] == "THROTTLED"


ACCEPT_TEXT = """mutation($i: InvitationAcceptInput!) { invitationAccept(input: $i) {
  organization { id } userErrors { field code message } } }"""


async def _refusals(api: Api, token: str, attempts: list[dict[str, Any]]) -> list[Any]:
    answers = []
    for attempt in attempts:
        data = await api.data(ACCEPT_TEXT, {"i": {"token": token, **attempt}})
        answers.append(data["invitationAccept"])
    return answers


async def test_accept_refusals_are_identical_for_an_existing_and_a_new_address(
    api: Api,
) -> None:
    # A wrong password for an existing account and a weak one for a new address, a bad name,
    # and the throttle after repeated failures: nothing tells the token holder which it is.
    org = await api.new_org()
    existing = (await api.new_org()).users["owner"].email
    fresh = f"fresh-{uuid.uuid4().hex[:8]}@example.com"
    attempts: list[dict[str, Any]] = [
        {"password": "short"},
        {"password": "ninechars"},
        {"password": "x", "name": "Someone"},
        {"password": PASSWORD, "name": "  "},
    ]
    attempts += [{"password": f"g{i}"} for i in range(4)]  # the throttle answers from here
    old = await _refusals(api, (await _invite(api, org, existing))["invitationToken"], attempts)
    new = await _refusals(api, (await _invite(api, org, fresh))["invitationToken"], attempts)
    assert old == new, (old, new)
    codes = [a["userErrors"][0]["code"] for a in old]
    assert codes[0] == "INVALID_CREDENTIALS" and codes[3] == "REQUIRED"
    assert codes[-1] == "THROTTLED"
    assert "10 to 256 characters" in old[0]["userErrors"][0]["message"]
    assert not await User.exists(email=fresh)
    assert existing not in await _member_emails(api, org)


async def test_accept_for_a_new_address_without_a_name_takes_the_address(api: Api) -> None:
    org = await api.new_org()
    email = f"noname-{uuid.uuid4().hex[:8]}@example.com"
    token = (await _invite(api, org, email, role="viewer"))["invitationToken"]
    done = await api.data(ACCEPT, {"i": {"token": token, "password": PASSWORD}})
    assert done["invitationAccept"]["userErrors"] == []
    assert (await User.get(email=email)).name == email.split("@")[0]


INVITATIONS = "{ invitations(first: 10) { totalCount nodes { id email roles } } }"
REVOKE = """mutation($i: InvitationRevokeInput!) { invitationRevoke(input: $i) {
  invitation { email } userErrors { field code } } }"""


async def test_pending_invitations_are_listed_and_revoked_by_who_could_make_them(
    api: Api,
) -> None:
    org = await api.new_org("admin")
    other = await api.new_org()
    perms = [{"object": "customer", "action": "read"}]
    await api.data(
        """mutation($i: RoleCreateInput!) { roleCreate(input: $i) { userErrors { code } } }""",
        {"i": {"name": "reader", "permissions": perms}},
        token=org.token(),
    )
    co_owner = await _invite(api, org, "co-owner@example.com", role="owner")
    reader = await _invite(api, org, "reader@example.com", role="reader")
    listed = (await api.data(INVITATIONS, token=org.token("admin")))["invitations"]
    assert listed["totalCount"] == 2
    assert [(n["email"], n["roles"]) for n in listed["nodes"]] == [
        ("reader@example.com", ["reader"]),
        ("co-owner@example.com", ["owner"]),
    ]
    owner_invite = {"i": {"id": co_owner["invitation"]["id"]}}
    by_admin = await api.data(REVOKE, owner_invite, token=org.token("admin"))
    assert by_admin["invitationRevoke"]["userErrors"][0]["code"] == "ESCALATION"
    from_elsewhere = await api.data(REVOKE, owner_invite, token=other.token())
    assert from_elsewhere["invitationRevoke"]["userErrors"][0]["code"] == "NOT_FOUND"
    done = await api.data(
        REVOKE, {"i": {"id": reader["invitation"]["id"]}}, token=org.token("admin")
    )
    assert done["invitationRevoke"] == {
        "invitation": {"email": "reader@example.com"},
        "userErrors": [],
    }
    again = await api.data(REVOKE, {"i": {"id": reader["invitation"]["id"]}}, token=org.token())
    assert again["invitationRevoke"]["userErrors"][0]["code"] == "NOT_FOUND"
    spent = await api.data(
        ACCEPT, {"i": {"token": reader["invitationToken"], "password": PASSWORD, "name": "R"}}
    )
    assert spent["invitationAccept"]["userErrors"][0]["code"] == "INVALID_TOKEN"
    left = (await api.data(INVITATIONS, token=org.token()))["invitations"]["nodes"]
    assert [n["email"] for n in left] == ["co-owner@example.com"]
