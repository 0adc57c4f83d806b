"""Every check of a password or second-factor code counts where it is checked, in the
database: aliases in one document, sign-in and totpDisable all draw on the same counters."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pyotp
import pytest

from server import clock
from server.app import create_app
from server.audit.models import AuditEvent
from server.identity.models import SignInThrottle, User
from server.identity.throttle import factor_key
from server.settings import Settings
from tests.support import PASSWORD, SIGN_IN, Api, Org

ENROLL = "mutation { totpEnroll { secret userErrors { code } } }"
CONFIRM = """mutation($c: String!) { totpConfirm(code: $c) {
  enabled recoveryCodes userErrors { code } } }"""
ALIASES = 120


def _variant(settings: Settings, **changes: Any) -> Settings:
    return Settings(**{**settings.model_dump(), **changes})


async def _api_at(settings: Settings, address: str) -> AsyncIterator[Api]:
    application = create_app(settings, manage_database=False)
    await application.state.access.refresh()
    transport = httpx.ASGITransport(app=application, client=(address, 40002))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield Api(client)


def _fresh_address() -> str:
    """A client address no other test used, so its per-address counter starts at zero."""
    groups = uuid.uuid4().hex[:16]
    return "2001:db8:" + ":".join(groups[i : i + 4] for i in range(0, 16, 4))


@pytest.fixture
async def wide_api(settings: Settings) -> AsyncIterator[Api]:
    """A server that lets one document carry many code-checking fields, so only the
    per-attempt counters stand between a burst of aliases and the factor."""
    wide = _variant(settings, sign_in_attempts_per_request=500, max_aliases=500, max_tokens=50_000)
    async for api in _api_at(wide, _fresh_address()):
        yield api


def _wrong_codes(secret: str, count: int) -> list[str]:
    """Six-digit codes that are not valid anywhere near now (computed once)."""
    totp = pyotp.TOTP(secret)
    step = totp.timecode(datetime.now(UTC))
    valid = {totp.generate_otp(step + drift) for drift in range(-3, 4)}
    return [c for c in (f"{n:06d}" for n in range(count + len(valid))) if c not in valid][:count]


async def _enable(api: Api, org: Org) -> tuple[str, list[str]]:
    secret = (await api.data(ENROLL, token=org.token()))["totpEnroll"]["secret"]
    confirmed = await api.data(CONFIRM, {"c": pyotp.TOTP(secret).now()}, token=org.token())
    assert confirmed["totpConfirm"]["enabled"] is True
    return secret, confirmed["totpConfirm"]["recoveryCodes"]


def _aliased(field: str, codes: list[str], selection: str) -> str:
    calls = " ".join(
        f'a{i}: {field}(code: "{code}") {{ {selection} userErrors {{ code }} }}'
        for i, code in enumerate(codes)
    )
    return f"mutation {{ {calls} }}"


def _codes_in_order(data: dict[str, Any]) -> list[str | None]:
    answers = [data[f"a{i}"] for i in range(len(data))]
    return [a["userErrors"][0]["code"] if a["userErrors"] else None for a in answers]


async def test_totp_disable_guesses_in_one_document_are_throttled_per_attempt(
    api: Api, wide_api: Api
) -> None:
    org = await api.new_org()
    secret, recovery = await _enable(api, org)
    good_now = pyotp.TOTP(secret).now()
    guesses = [*_wrong_codes(secret, ALIASES - 2), recovery[0], good_now]
    # The clock stands still through the burst: on a slow machine the delay the sixth failure
    # starts could otherwise run out before the last aliases are checked.
    with clock.held_at(clock.now()):
        result = await wide_api.gql(_aliased("totpDisable", guesses, "disabled"), token=org.token())
    assert "errors" not in result, result.get("errors")
    codes = _codes_in_order(result["data"])
    free = 5  # sign_in_free_failures_per_account: the sixth failure starts the delay
    assert codes[: free + 1] == ["TOTP_INVALID"] * (free + 1)
    assert codes[free + 1 :] == ["THROTTLED"] * (ALIASES - free - 1)  # the right ones too
    user = await User.get(id=org.users["owner"].id)
    assert user.totp_secret is not None  # the factor is still on
    row = await SignInThrottle.get(key=factor_key(user.id))
    assert row.failures == free + 1
    # The same counter holds back the code at sign-in, with the right password.
    signed = await api.data(
        SIGN_IN,
        {"input": {"email": user.email, "password": PASSWORD, "totpCode": recovery[1]}},
    )
    assert signed["sessionCreate"]["userErrors"][0]["code"] == "THROTTLED"


async def test_totp_confirm_guesses_in_one_document_are_throttled_per_attempt(
    api: Api, wide_api: Api
) -> None:
    org = await api.new_org()
    secret = (await api.data(ENROLL, token=org.token()))["totpEnroll"]["secret"]
    guesses = [*_wrong_codes(secret, 30), pyotp.TOTP(secret).now()]
    with clock.held_at(clock.now()):
        result = await wide_api.gql(_aliased("totpConfirm", guesses, "enabled"), token=org.token())
    codes = _codes_in_order(result["data"])
    assert codes[:6] == ["TOTP_INVALID"] * 6
    assert set(codes[6:]) == {"THROTTLED"}
    assert (await User.get(id=org.users["owner"].id)).totp_secret is None


async def test_default_server_refuses_a_document_of_many_code_checks_before_any(
    api: Api,
) -> None:
    org = await api.new_org()
    secret, _ = await _enable(api, org)
    result = await api.gql(
        _aliased("totpDisable", _wrong_codes(secret, ALIASES), "disabled"), token=org.token()
    )
    assert result.get("data") is None
    assert not await SignInThrottle.exists(key=factor_key(org.users["owner"].id))


async def test_sign_in_code_guesses_count_against_the_factor(api: Api) -> None:
    org = await api.new_org()
    secret, _ = await _enable(api, org)
    email = org.users["owner"].email
    codes = []
    for guess in _wrong_codes(secret, 7):
        attempt = {"input": {"email": email, "password": PASSWORD, "totpCode": guess}}
        codes.append((await api.data(SIGN_IN, attempt))["sessionCreate"]["userErrors"][0]["code"])
    assert codes[:6] == ["TOTP_INVALID"] * 6 and codes[6] == "THROTTLED"


async def test_password_change_guesses_are_throttled_like_sign_in(api: Api) -> None:
    org = await api.new_org()
    change = """mutation($i: PasswordChangeInput!) { passwordChange(input: $i) {
      accessToken userErrors { code } } }"""
    codes = []
    for i in range(6):
        wrong = {"i": {"currentPassword": f"guess-number-{i}", "newPassword": "x" * 12}}
        data = await api.data(change, wrong, token=org.token())
        codes.append(data["passwordChange"]["userErrors"][0]["code"])
    right = {"i": {"currentPassword": PASSWORD, "newPassword": "a-new-passphrase-1"}}
    data = await api.data(change, right, token=org.token())
    assert codes == ["INVALID_CREDENTIALS"] * 6
    assert data["passwordChange"]["userErrors"][0]["code"] == "THROTTLED"
    assert data["passwordChange"]["accessToken"] is None
    failures = await AuditEvent.filter(
        chain_key=f"org:{org.id}", action="user.password_change", outcome="FAILURE"
    ).count()
    assert failures == 6


async def test_failures_from_one_address_throttle_it_across_accounts(
    api: Api, settings: Settings
) -> None:
    """The per-address limit, on a server whose address limit is low (the shared test
    settings lift it because every test client has one address)."""
    orgs = [await api.new_org() for _ in range(5)]
    emails = [o.users["owner"].email for o in orgs]
    strict = _variant(settings, sign_in_free_failures_per_address=3)
    async for there in _api_at(strict, _fresh_address()):
        codes = []
        for email in emails[:4]:  # one failure per account: no account limit is reached
            codes.append((await there.sign_in(email, "wrong-password-1"))["userErrors"][0]["code"])
        assert codes == ["INVALID_CREDENTIALS"] * 4
        blocked = await there.sign_in(emails[4])  # the right password, an untouched account
        assert blocked["accessToken"] is None
        assert blocked["userErrors"][0]["code"] == "THROTTLED"
    # Another address signs in to the same accounts at once.
    async for elsewhere in _api_at(strict, _fresh_address()):
        assert (await elsewhere.sign_in(emails[4]))["userErrors"] == []
        assert (await elsewhere.sign_in(emails[0]))["userErrors"] == []


async def test_codes_that_are_not_ascii_digits_are_simply_wrong(api: Api) -> None:
    org = await api.new_org()
    await _enable(api, org)
    for code in (
        "\uff11\uff12\uff13\uff14\uff15\uff16",
        "\u0661" * 6,
        "12345\u00e9",
        "\U0001f600" * 6,
    ):
        data = await api.data(
            "mutation($c: String!) { totpDisable(code: $c) { disabled userErrors { code } } }",
            {"c": code},
            token=org.token(),
        )
        assert data["totpDisable"]["userErrors"][0]["code"] == "TOTP_INVALID", code


@pytest.mark.postgres
async def test_parallel_code_guesses_wait_for_each_others_count(api: Api) -> None:
    org = await api.new_org()
    secret, _ = await _enable(api, org)
    disable = "mutation($c: String!) { totpDisable(code: $c) { disabled userErrors { code } } }"
    guesses = _wrong_codes(secret, 20)
    answers = await asyncio.gather(
        *(api.data(disable, {"c": guess}, token=org.token()) for guess in guesses)
    )
    codes = [a["totpDisable"]["userErrors"][0]["code"] for a in answers]
    assert sorted(codes) == sorted(["TOTP_INVALID"] * 6 + ["THROTTLED"] * 14)
    row = await SignInThrottle.get(key=factor_key(org.users["owner"].id))
    assert row.failures == 6
