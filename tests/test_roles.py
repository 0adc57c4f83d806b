"""Built-in roles decide who may do what; missing or bad tokens are UNAUTHENTICATED."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from server.settings import Settings
from tests.support import Api

CREATE = """mutation { customerCreate(input: {name: "Role test"}) {
  customer { id } userErrors { code } } }"""
LIST = "{ customers(first: 5) { totalCount } }"


async def test_viewer_and_auditor_cannot_create_customers_but_can_read(api: Api) -> None:
    org = await api.new_org("viewer", "auditor")
    for role in ("viewer", "auditor"):
        result = await api.gql(CREATE, token=org.token(role))
        assert result["data"] is None
        assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        read = await api.data(LIST, token=org.token(role))
        assert read["customers"]["totalCount"] == 0


async def test_sales_and_ar_clerk_can_create_customers(api: Api) -> None:
    org = await api.new_org("sales", "ar_clerk")
    for role in ("sales", "ar_clerk"):
        data = await api.data(CREATE, token=org.token(role))
        assert data["customerCreate"]["userErrors"] == []
    listed = await api.data(LIST, token=org.token())
    assert listed["customers"]["totalCount"] == 2


async def test_ap_clerk_cannot_read_customers_and_sales_cannot_touch_vendors(api: Api) -> None:
    org = await api.new_org("ap_clerk", "sales")
    result = await api.gql(LIST, token=org.token("ap_clerk"))
    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    result = await api.gql(
        'mutation { vendorCreate(input: {name: "V"}) { vendor { id } } }', token=org.token("sales")
    )
    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_viewer_cannot_read_audit_log(api: Api) -> None:
    org = await api.new_org("viewer", "auditor")
    denied = await api.gql("{ auditEvents(first: 1) { totalCount } }", token=org.token("viewer"))
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    allowed = await api.data("{ auditEvents(first: 1) { totalCount } }", token=org.token("auditor"))
    assert allowed["auditEvents"]["totalCount"] > 0


async def test_missing_token_is_unauthenticated_not_forbidden(api: Api) -> None:
    node = '{ node(id: "Q3VzdG9tZXI6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAx") { id } }'
    for query in (LIST, CREATE, "{ viewer { roles } }", node):
        result = await api.gql(query)
        assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", query


def _token(settings: Settings, **overrides: object) -> str:
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": "00000000-0000-0000-0000-000000000001",
        "org": "00000000-0000-0000-0000-000000000002",
        "sid": "00000000-0000-0000-0000-000000000003",
        "typ": "access",
        "jti": "x",
        "iat": now,
        "exp": now + timedelta(minutes=5),
    }
    claims.update(overrides)
    return jwt.encode(
        {k: v for k, v in claims.items() if v is not None}, settings.secret, algorithm="HS256"
    )


@pytest.mark.parametrize(
    "overrides",
    [
        {"exp": datetime.now(UTC) - timedelta(seconds=5)},
        {"aud": "someone-else"},
        {"iss": "someone-else"},
        {"typ": "refresh"},
        {"jti": None},
        {"org": None},
    ],
    ids=["expired", "audience", "issuer", "type", "no-jti", "no-org"],
)
async def test_bad_access_token_is_unauthenticated(
    api: Api, settings: Settings, overrides: dict[str, object]
) -> None:
    org = await api.new_org()
    # Take a real session's ids so only the tampered claim is wrong.
    real = jwt.decode(org.token(), options={"verify_signature": False})
    base = {"sub": real["sub"], "org": real["org"], "sid": real["sid"]}
    token = _token(settings, **{**base, **overrides})
    result = await api.gql(LIST, token=token)
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_token_signed_with_another_key_or_alg_none_is_unauthenticated(
    api: Api, settings: Settings
) -> None:
    org = await api.new_org()
    real = jwt.decode(org.token(), options={"verify_signature": False})
    forged = jwt.encode(real, "another-secret-" + "y" * 40, algorithm="HS256")
    unsigned = jwt.encode(real, None, algorithm="none")  # type: ignore[arg-type]
    for token in (forged, unsigned, "not.a.jwt"):
        result = await api.gql(LIST, token=token)
        assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await api.data(LIST, token=org.token()))["customers"]["totalCount"] == 0


async def test_node_with_malformed_id_is_a_readable_input_error(api: Api) -> None:
    org = await api.new_org()
    result = await api.gql('{ node(id: "x") { id } }', token=org.token())
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "GlobalID" in result["errors"][0]["message"]


async def test_members_lists_users_with_their_roles_for_admins_not_viewers(api: Api) -> None:
    org = await api.new_org("admin", "viewer")
    data = await api.data(
        "{ members(first: 10) { totalCount nodes { user { email } roles } } }",
        token=org.token("admin"),
    )
    roles = {m["user"]["email"].split("-")[0]: m["roles"] for m in data["members"]["nodes"]}
    assert roles == {"owner": ["owner"], "admin": ["admin"], "viewer": ["viewer"]}
    denied = await api.gql("{ members(first: 1) { totalCount } }", token=org.token("viewer"))
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_hostile_headers_and_refresh_token_as_access_token_are_unauthenticated(
    api: Api, settings: Settings
) -> None:
    org = await api.new_org()
    session = await api.sign_in(org.users["owner"].email)
    real = jwt.decode(org.token(), options={"verify_signature": False})
    hostile_kid = jwt.encode(
        real, settings.secret, algorithm="HS256", headers={"kid": "../../etc/passwd"}
    )
    # Algorithm confusion: only HS256 is accepted, whatever the header claims.
    rs = jwt.encode(real, settings.secret, algorithm="HS512")
    for token in (session["refreshToken"], rs):
        result = await api.gql(LIST, token=token)
        assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    # A kid header is ignored, never used to pick a key: the signature decides.
    assert (await api.data(LIST, token=hostile_kid))["customers"]["totalCount"] == 0
    forged = jwt.encode(real, "x" * 40, algorithm="HS256", headers={"kid": "test-secret"})
    assert (await api.gql(LIST, token=forged))["errors"][0]["extensions"]["code"] == (
        "UNAUTHENTICATED"
    )


async def test_role_change_reaches_another_server_process_on_its_next_request(
    api: Api, settings: Settings
) -> None:
    import httpx

    from server.app import create_app

    org = await api.new_org("viewer")
    other = create_app(settings, manage_database=False)  # a second worker, its own rules
    await other.state.access.refresh()
    transport = httpx.ASGITransport(app=other)
    async with httpx.AsyncClient(transport=transport, base_url="http://other") as client:
        second = Api(client)
        denied = await second.gql(CREATE, token=org.token("viewer"))
        assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        from schema.ids import encode

        await api.data(
            """mutation($i: MemberRolesSetInput!) {
                memberRolesSet(input: $i) { member { roles } } }""",
            {"i": {"userId": encode("User", org.users["viewer"].id), "roles": ["ar_clerk"]}},
            token=org.token(),
        )
        allowed = await second.data(CREATE, token=org.token("viewer"))
        assert allowed["customerCreate"]["userErrors"] == []
