"""Failed sign-ins slow down further attempts, per account, across aliases."""

from __future__ import annotations

from server.identity.models import SignInThrottle
from server.identity.throttle import delay
from tests.support import PASSWORD, Api


async def test_repeated_failures_block_the_account_even_with_the_right_password(
    api: Api, settings: object
) -> None:
    org = await api.new_org()
    email = org.users["owner"].email
    for _ in range(5):
        attempt = await api.sign_in(email, "wrong-password-000")
        assert attempt["userErrors"][0]["code"] == "INVALID_CREDENTIALS"
    sixth = await api.sign_in(email, "wrong-password-000")
    assert sixth["userErrors"][0]["code"] == "INVALID_CREDENTIALS"
    blocked = await api.sign_in(email, PASSWORD)
    assert blocked["accessToken"] is None
    assert blocked["userErrors"][0]["code"] == "THROTTLED"
    # Once the delay has passed the right password works and clears the counter.
    await SignInThrottle.filter(key=f"email:{email}").update(blocked_until=None)
    ok = await api.sign_in(email, PASSWORD)
    assert ok["userErrors"] == []
    assert not await SignInThrottle.exists(key=f"email:{email}")


async def test_aliases_in_one_request_count_as_separate_attempts(api: Api) -> None:
    org = await api.new_org()
    email = org.users["owner"].email
    aliases = " ".join(
        f'a{i}: sessionCreate(input: {{email: "{email}", password: "bad-guess-{i}"}}) '
        "{ userErrors { code } }"
        for i in range(5)
    )
    result = await api.gql(f"mutation {{ {aliases} }}")
    assert len(result["data"]) == 5
    row = await SignInThrottle.get(key=f"email:{email}")
    assert row.failures == 5


async def test_more_than_five_sign_in_aliases_are_refused_before_any_attempt(api: Api) -> None:
    org = await api.new_org()
    email = org.users["owner"].email
    aliases = " ".join(
        f'a{i}: sessionCreate(input: {{email: "{email}", password: "guess-{i}"}}) '
        "{ userErrors { code } }"
        for i in range(6)
    )
    result = await api.gql(f"mutation {{ {aliases} }}")
    assert result.get("data") is None
    assert "at most 5 sign-in attempts" in result["errors"][0]["message"]
    assert not await SignInThrottle.exists(key=f"email:{email}")


def test_delay_doubles_after_free_failures_and_is_capped() -> None:
    assert delay(5, 5) is None
    assert [delay(5, n).total_seconds() for n in (6, 7, 8)] == [2, 4, 8]  # type: ignore[union-attr]
    assert delay(5, 100).total_seconds() == 900  # type: ignore[union-attr]
