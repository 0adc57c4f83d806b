"""Signing in, refreshing with rotation, signing out, organizations."""

from __future__ import annotations

from argon2 import PasswordHasher, extract_parameters

from server.identity.models import User
from server.identity.passwords import needs_rehash
from tests.support import PASSWORD, Api

REFRESH = """mutation($input: SessionRefreshInput!) { sessionRefresh(input: $input) {
  accessToken refreshToken organization { id } userErrors { code message } } }"""
LIST = "{ customers(first: 1) { totalCount } }"


async def test_session_create_with_wrong_password_or_unknown_email_says_the_same(api: Api) -> None:
    org = await api.new_org()
    wrong = await api.sign_in(org.users["owner"].email, "wrong-password")
    unknown = await api.sign_in("nobody@example.com", PASSWORD)
    assert wrong["accessToken"] is None and unknown["accessToken"] is None
    assert wrong["userErrors"] == unknown["userErrors"]
    assert wrong["userErrors"][0]["message"] == "invalid email or password"
    assert wrong["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_session_create_is_case_insensitive_on_email(api: Api) -> None:
    org = await api.new_org()
    session = await api.sign_in(org.users["owner"].email.upper())
    assert session["userErrors"] == []
    assert session["organization"]["id"] == org.global_id


async def test_session_refresh_rotates_and_old_token_reuse_revokes_family(
    api: Api, settings: object
) -> None:
    org = await api.new_org()
    first = await api.sign_in(org.users["owner"].email)
    rotated = (await api.data(REFRESH, {"input": {"refreshToken": first["refreshToken"]}}))[
        "sessionRefresh"
    ]
    assert rotated["userErrors"] == []
    assert rotated["refreshToken"] != first["refreshToken"]
    assert (await api.data(LIST, token=rotated["accessToken"]))["customers"]["totalCount"] == 0

    # Within the grace window a racing second refresh of the same token also succeeds.
    racing = (await api.data(REFRESH, {"input": {"refreshToken": first["refreshToken"]}}))[
        "sessionRefresh"
    ]
    assert racing["userErrors"] == []


async def test_session_refresh_reuse_after_grace_revokes_the_session(api: Api) -> None:
    from datetime import UTC, datetime, timedelta

    from server.identity.models import RefreshToken
    from server.identity.tokens import hash_refresh_token

    org = await api.new_org()
    first = await api.sign_in(org.users["owner"].email)
    rotated = (await api.data(REFRESH, {"input": {"refreshToken": first["refreshToken"]}}))[
        "sessionRefresh"
    ]
    # Age the spent token past the grace window, as if replayed later by a thief.
    await RefreshToken.filter(token_hash=hash_refresh_token(first["refreshToken"])).update(
        rotated_at=datetime.now(UTC) - timedelta(minutes=5)
    )
    replay = (await api.data(REFRESH, {"input": {"refreshToken": first["refreshToken"]}}))[
        "sessionRefresh"
    ]
    assert replay["userErrors"][0]["code"] == "INVALID_REFRESH_TOKEN"
    # The whole family is gone: the newest refresh token and its access token too.
    later = (await api.data(REFRESH, {"input": {"refreshToken": rotated["refreshToken"]}}))[
        "sessionRefresh"
    ]
    assert later["userErrors"][0]["code"] == "INVALID_REFRESH_TOKEN"
    result = await api.gql(LIST, token=rotated["accessToken"])
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_session_revoke_ends_access_and_refresh_tokens(api: Api) -> None:
    org = await api.new_org()
    session = await api.sign_in(org.users["owner"].email)
    token = session["accessToken"]
    data = await api.data("mutation { sessionRevoke { revoked } }", token=token)
    assert data["sessionRevoke"]["revoked"] is True
    result = await api.gql(LIST, token=token)
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    refreshed = (await api.data(REFRESH, {"input": {"refreshToken": session["refreshToken"]}}))[
        "sessionRefresh"
    ]
    assert refreshed["userErrors"][0]["code"] == "INVALID_REFRESH_TOKEN"


async def test_organization_create_makes_caller_owner_and_refresh_switches_to_it(
    api: Api,
) -> None:
    org = await api.new_org()
    session = await api.sign_in(org.users["owner"].email)
    created = await api.data(
        """mutation { organizationCreate(input: {name: "Second Books", baseCurrency: "EUR"}) {
            organization { id name baseCurrency } userErrors { code } } }""",
        token=session["accessToken"],
    )
    second = created["organizationCreate"]["organization"]
    assert second["baseCurrency"] == "EUR"
    switched = (
        await api.data(
            REFRESH,
            {"input": {"refreshToken": session["refreshToken"], "organizationId": second["id"]}},
        )
    )["sessionRefresh"]
    assert switched["organization"]["id"] == second["id"]
    viewer = await api.data(
        "{ viewer { roles organization { name } organizations { name } } }",
        token=switched["accessToken"],
    )
    assert viewer["viewer"]["roles"] == ["owner"]
    assert viewer["viewer"]["organization"]["name"] == "Second Books"
    assert len(viewer["viewer"]["organizations"]) == 2


async def test_organization_create_with_bad_input_returns_user_errors(api: Api) -> None:
    org = await api.new_org()
    data = await api.data(
        """mutation { organizationCreate(input: {name: "", baseCurrency: "USD"}) {
            organization { id } userErrors { field code } } }""",
        token=org.token(),
    )
    assert data["organizationCreate"]["organization"] is None
    assert data["organizationCreate"]["userErrors"] == [
        {"field": ["input", "name"], "code": "REQUIRED"}
    ]


async def test_session_refresh_to_foreign_organization_is_refused(api: Api) -> None:
    a = await api.new_org()
    b = await api.new_org()
    session = await api.sign_in(a.users["owner"].email)
    result = (
        await api.data(
            REFRESH,
            {"input": {"refreshToken": session["refreshToken"], "organizationId": b.global_id}},
        )
    )["sessionRefresh"]
    assert result["accessToken"] is None
    assert result["userErrors"][0]["code"] == "NOT_A_MEMBER"


async def test_session_create_rehashes_a_password_stored_with_other_parameters(api: Api) -> None:
    # A hash made under an earlier default profile is replaced by one with the current
    # parameters the first time its owner signs in; the password keeps working.
    org = await api.new_org()
    email = org.users["owner"].email
    earlier = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)
    await User.filter(email=email).update(password_hash=earlier.hash(PASSWORD))
    assert (await api.sign_in(email))["userErrors"] == []
    stored = (await User.get(email=email)).password_hash
    assert not needs_rehash(stored)
    assert extract_parameters(stored).memory_cost != 65536
    assert (await api.sign_in(email))["userErrors"] == []
