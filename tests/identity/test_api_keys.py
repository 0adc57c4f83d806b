"""API keys: secret shown once, one organization and one role, audited as the key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.audit.models import AuditEvent
from tests.support import Api

CREATE = """mutation($i: ApiKeyCreateInput!) { apiKeyCreate(input: $i) {
  apiKey { id name role lastUsedAt } secret userErrors { field code } } }"""
REVOKE = (
    """mutation($id: ID!) { apiKeyRevoke(id: $id) { apiKey { revokedAt } userErrors { code } } }"""
)


async def test_key_acts_with_its_role_and_is_audited_as_the_key(api: Api) -> None:
    org = await api.new_org()
    made = (
        await api.data(CREATE, {"i": {"name": "Shop sync", "role": "ar_clerk"}}, token=org.token())
    )["apiKeyCreate"]
    secret = made["secret"]
    assert secret.startswith("llk_") and made["apiKey"]["role"] == "ar_clerk"
    created = await api.data(
        """mutation { customerCreate(input: {name: "From the shop"}) {
            customer { id } userErrors { code } } }""",
        token=secret,
    )
    assert created["customerCreate"]["userErrors"] == []
    denied = await api.gql("{ vendors(first: 1) { totalCount } }", token=secret)
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    personal = await api.gql("{ viewer { roles } }", token=secret)
    assert personal["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    event = await AuditEvent.get(chain_key=f"org:{org.id}", action="customer.create")
    assert event.actor_type == "api_key"
    assert event.actor_label == "api key Shop sync"
    listed = await api.data(
        "{ apiKeys(first: 5) { nodes { name lastUsedAt } } }", token=org.token()
    )
    assert listed["apiKeys"]["nodes"][0]["lastUsedAt"] is not None
    # The secret itself is never listed or logged.
    assert secret not in str(await AuditEvent.filter(chain_key=f"org:{org.id}").values())


async def test_revoked_expired_or_forged_keys_are_unauthenticated(api: Api) -> None:
    org = await api.new_org()
    made = (await api.data(CREATE, {"i": {"name": "Temp", "role": "viewer"}}, token=org.token()))[
        "apiKeyCreate"
    ]
    secret = made["secret"]
    query = "{ customers(first: 1) { totalCount } }"
    assert (await api.data(query, token=secret))["customers"]["totalCount"] == 0
    forged = secret[:-4] + ("AAAA" if not secret.endswith("AAAA") else "BBBB")
    assert (await api.gql(query, token=forged))["errors"][0]["extensions"][
        "code"
    ] == "UNAUTHENTICATED"
    await api.data(REVOKE, {"id": made["apiKey"]["id"]}, token=org.token())
    assert (await api.gql(query, token=secret))["errors"][0]["extensions"][
        "code"
    ] == "UNAUTHENTICATED"

    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    refused = await api.data(
        CREATE, {"i": {"name": "Old", "role": "viewer", "expiresAt": past}}, token=org.token()
    )
    assert refused["apiKeyCreate"]["userErrors"][0]["code"] == "OUT_OF_RANGE"


async def test_admin_cannot_create_a_key_with_more_than_they_hold(api: Api) -> None:
    org = await api.new_org("admin")
    refused = await api.data(
        CREATE, {"i": {"name": "Books", "role": "accountant"}}, token=org.token("admin")
    )
    assert refused["apiKeyCreate"]["userErrors"][0]["code"] == "ESCALATION"
    other = await api.new_org()
    foreign = await api.data(CREATE, {"i": {"name": "K", "role": "viewer"}}, token=other.token())
    key_id = foreign["apiKeyCreate"]["apiKey"]["id"]
    cross = await api.data(REVOKE, {"id": key_id}, token=org.token())
    assert cross["apiKeyRevoke"]["userErrors"][0]["code"] == "NOT_FOUND"
