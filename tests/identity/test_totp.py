"""Two-factor sign-in with TOTP and recovery codes."""

from __future__ import annotations

from datetime import timedelta

import pyotp

from server import clock
from tests.support import PASSWORD, SIGN_IN, Api, Org

ENROLL = "mutation { totpEnroll { secret otpauthUri userErrors { code } } }"
CONFIRM = """mutation($c: String!) { totpConfirm(code: $c) {
  enabled recoveryCodes userErrors { code } } }"""
DISABLE = """mutation($c: String!) { totpDisable(code: $c) { disabled userErrors { code } } }"""


STEP = timedelta(seconds=30)


def _code(secret: str) -> str:
    """The code of the step the application's clock is in; tests hold that clock, so the
    code cannot go stale between computing it and sending it."""
    return pyotp.TOTP(secret).at(clock.now())


def _wrong(secret: str) -> str:
    """A well-formed code valid in none of the steps the application accepts."""
    totp = pyotp.TOTP(secret)
    valid = {totp.at(clock.now() + STEP * drift) for drift in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)


async def _sign_in(api: Api, org: Org, code: str | None) -> dict[str, object]:
    variables = {"input": {"email": org.users["owner"].email, "password": PASSWORD}}
    if code is not None:
        variables["input"]["totpCode"] = code
    payload: dict[str, object] = (await api.data(SIGN_IN, variables))["sessionCreate"]
    return payload


async def _enable(api: Api, org: Org) -> tuple[str, list[str]]:
    enrolled = (await api.data(ENROLL, token=org.token()))["totpEnroll"]
    secret = enrolled["secret"]
    assert enrolled["otpauthUri"].startswith("otpauth://totp/Ledgerline:")
    wrong = await api.data(CONFIRM, {"c": _wrong(secret)}, token=org.token())
    assert wrong["totpConfirm"]["userErrors"][0]["code"] == "TOTP_INVALID"
    confirmed = (await api.data(CONFIRM, {"c": _code(secret)}, token=org.token()))["totpConfirm"]
    assert confirmed["enabled"] is True
    assert len(confirmed["recoveryCodes"]) == 10
    return secret, confirmed["recoveryCodes"]


async def test_totp_once_on_sign_in_needs_a_valid_unused_code(
    api: Api, held_clock: clock.HeldClock
) -> None:
    org = await api.new_org()
    secret, _ = await _enable(api, org)
    confirming = _code(secret)
    missing = await _sign_in(api, org, None)
    assert missing["accessToken"] is None
    assert missing["userErrors"][0]["code"] == "TOTP_REQUIRED"  # type: ignore[index]
    bad = await _sign_in(api, org, _wrong(secret))
    assert bad["userErrors"][0]["code"] == "TOTP_INVALID"  # type: ignore[index]
    used = await _sign_in(api, org, confirming)
    assert used["userErrors"][0]["code"] == "TOTP_INVALID"  # type: ignore[index]
    # The confirming code was used up; the next time step's code works, once.
    held_clock.advance(STEP)
    code = _code(secret)
    good = await _sign_in(api, org, code)
    assert good["userErrors"] == [] and good["accessToken"]
    replay = await _sign_in(api, org, code)
    assert replay["userErrors"][0]["code"] == "TOTP_INVALID"  # type: ignore[index]


async def test_totp_code_from_outside_the_drift_window_is_refused(
    api: Api, held_clock: clock.HeldClock
) -> None:
    org = await api.new_org()
    secret, _ = await _enable(api, org)
    held_clock.advance(STEP)
    late = pyotp.TOTP(secret).at(clock.now() + STEP * 2)
    early = pyotp.TOTP(secret).at(clock.now() - STEP * 2)
    for code in {late, early} - {_code(secret)}:
        refused = await _sign_in(api, org, code)
        assert refused["userErrors"][0]["code"] == "TOTP_INVALID"  # type: ignore[index]
    held_clock.advance(STEP * 2)
    assert (await _sign_in(api, org, late))["accessToken"]


async def test_recovery_code_signs_in_once(api: Api, held_clock: clock.HeldClock) -> None:
    org = await api.new_org()
    _, codes = await _enable(api, org)
    first = await _sign_in(api, org, codes[0])
    assert first["userErrors"] == []
    again = await _sign_in(api, org, codes[0])
    assert again["userErrors"][0]["code"] == "TOTP_INVALID"  # type: ignore[index]


async def test_totp_disable_needs_a_current_code(api: Api, held_clock: clock.HeldClock) -> None:
    org = await api.new_org()
    secret, codes = await _enable(api, org)
    refused = await api.data(DISABLE, {"c": "not-a-code"}, token=org.token())
    assert refused["totpDisable"]["userErrors"][0]["code"] == "TOTP_INVALID"
    held_clock.advance(STEP)
    done = await api.data(DISABLE, {"c": _code(secret)}, token=org.token())
    assert done["totpDisable"]["disabled"] is True
    plain = await _sign_in(api, org, None)
    assert plain["userErrors"] == []
    stale = await _sign_in(api, org, codes[1])  # recovery codes went with the factor
    assert stale["userErrors"] == []


async def test_totp_seed_is_encrypted_at_rest(api: Api, held_clock: clock.HeldClock) -> None:
    from server.identity.models import User

    org = await api.new_org()
    secret, _ = await _enable(api, org)
    stored = await User.get(id=org.users["owner"].id)
    assert stored.totp_secret is not None and stored.totp_secret.startswith("v1:")
    assert secret not in stored.totp_secret
    held_clock.advance(STEP)
    signed = await _sign_in(api, org, _code(secret))
    assert signed["userErrors"] == [] and signed["accessToken"]


async def test_seed_stored_before_encryption_still_works_and_is_sealed_on_use(
    api: Api, held_clock: clock.HeldClock
) -> None:
    from server.identity.models import User

    org = await api.new_org()
    secret = pyotp.random_base32()
    await User.filter(id=org.users["owner"].id).update(totp_secret=secret)
    signed = await _sign_in(api, org, _code(secret))
    assert signed["userErrors"] == [] and signed["accessToken"]
    stored = await User.get(id=org.users["owner"].id)
    assert stored.totp_secret is not None and stored.totp_secret.startswith("v1:")


def test_a_sealed_seed_opens_only_with_its_key() -> None:
    import pytest

    from server.identity.sealing import SealError, seal, unseal
    from server.settings import Settings

    ours = Settings(env="development", jwt_secret="a" * 40, data_key="k" * 40)
    theirs = Settings(env="development", jwt_secret="a" * 40, data_key="z" * 40)
    sealed = seal(ours, "JBSWY3DPEHPK3PXP")
    assert unseal(ours, sealed) == "JBSWY3DPEHPK3PXP"
    with pytest.raises(SealError):
        unseal(theirs, sealed)


NON_ASCII_CODES = (
    "\u0661\u0662\u0663\u0664\u0665\u0666",  # Arabic-Indic digits
    "\uff11\uff12\uff13\uff14\uff15\uff16",  # full-width digits
    "12345\u00e9",
    "\u00b9\u00b2\u00b3\u2074\u2075\u2076",  # superscript digits
)


async def test_non_ascii_codes_are_invalid_everywhere_a_code_is_checked(api: Api) -> None:
    # One person per place a code is checked: wrong codes count toward the code throttle,
    # and each place must answer TOTP_INVALID, not THROTTLED.
    confirming, signing_in, disabling = (
        await api.new_org(),
        await api.new_org(),
        await api.new_org(),
    )
    await api.data(ENROLL, token=confirming.token())
    for code in NON_ASCII_CODES:
        confirm = (await api.data(CONFIRM, {"c": code}, token=confirming.token()))["totpConfirm"]
        assert confirm["userErrors"] == [{"code": "TOTP_INVALID"}], code
    for org in (signing_in, disabling):
        enrolled = (await api.data(ENROLL, token=org.token()))["totpEnroll"]
        confirmed = await api.data(CONFIRM, {"c": _code(enrolled["secret"])}, token=org.token())
        assert confirmed["totpConfirm"]["enabled"] is True
    for code in NON_ASCII_CODES:
        signed_in = await _sign_in(api, signing_in, code)
        assert signed_in["userErrors"][0]["code"] == "TOTP_INVALID"  # type: ignore[index]
        disabled = (await api.data(DISABLE, {"c": code}, token=disabling.token()))["totpDisable"]
        assert disabled["userErrors"] == [{"code": "TOTP_INVALID"}], code
