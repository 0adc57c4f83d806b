"""E-mail settings: who may set them, what is refused, the password sealed at rest."""

from __future__ import annotations

from pydantic import SecretStr

from server.email.models import EmailSettings
from server.email.smtp_settings import effective_config
from server.identity.sealing import unseal
from server.settings import Settings
from tests.email.conftest import SmtpServer
from tests.email.helpers import SETTINGS_SET, configure, settings_input
from tests.support import Api

SETTINGS = """{ emailSettings { source host port security username passwordSet fromAddress
  fromName replyTo } }"""


async def test_email_settings_set_seals_the_password_and_never_returns_it(
    api: Api, smtp: SmtpServer, settings: Settings
) -> None:
    org = await api.new_org()
    payload = await configure(api, org, smtp)
    assert payload["settings"]["passwordSet"] is True
    assert payload["settings"]["source"] == "ORGANIZATION"
    row = await EmailSettings.get(organization_id=org.id)
    assert row.password_sealed is not None and row.password_sealed.startswith("v1:")
    assert smtp.password not in row.password_sealed
    assert unseal(settings, row.password_sealed) == smtp.password

    read = await api.gql(SETTINGS, token=org.token())
    assert smtp.password not in str(read)
    assert read["data"]["emailSettings"]["username"] == "mailer"

    # Saved again without a password: the stored one stays; an empty one removes it.
    kept = await api.data(SETTINGS_SET, {"input": settings_input(smtp, password=None)}, org.token())
    assert kept["emailSettingsSet"]["settings"]["passwordSet"] is True
    removed = await api.data(
        SETTINGS_SET, {"input": settings_input(smtp, password="")}, org.token()
    )
    assert removed["emailSettingsSet"]["settings"]["passwordSet"] is False
    assert (await EmailSettings.get(organization_id=org.id)).password_sealed is None


async def test_email_settings_set_keeps_the_password_out_of_the_audit_log(
    api: Api, smtp: SmtpServer
) -> None:
    org = await api.new_org()
    await configure(api, org, smtp)
    log = await api.data(
        """{ auditEvents(filter: {action: [EMAIL_SETTINGS_SET]}) {
             nodes { action after } } }""",
        token=org.token(),
    )
    (event,) = log["auditEvents"]["nodes"]
    assert event["after"]["signsIn"] is True and smtp.password not in str(event)


async def test_email_settings_set_refuses_bad_values(api: Api, smtp: SmtpServer) -> None:
    org = await api.new_org()
    data = await api.data(
        SETTINGS_SET,
        {
            "input": settings_input(
                smtp, host="smtp host", port=0, fromAddress="nobody", replyTo="x@"
            )
        },
        org.token(),
    )
    payload = data["emailSettingsSet"]
    assert {(e["field"][-1], e["code"]) for e in payload["userErrors"]} == {
        ("host", "INVALID"),
        ("port", "OUT_OF_RANGE"),
        ("fromAddress", "INVALID_EMAIL"),
        ("replyTo", "INVALID_EMAIL"),
    }
    assert not await EmailSettings.exists(organization_id=org.id)


async def test_email_settings_set_refuses_line_breaks_in_the_sender_name(
    api: Api, smtp: SmtpServer
) -> None:
    org = await api.new_org()
    result = await api.gql(
        SETTINGS_SET,
        {"input": settings_input(smtp, fromName="Billing\r\nBcc: all@evil.test")},
        org.token(),
    )
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert not await EmailSettings.exists(organization_id=org.id)


async def test_email_settings_need_an_administrator(api: Api, smtp: SmtpServer) -> None:
    org = await api.new_org("admin", "accountant", "auditor")
    admin = await api.data(SETTINGS_SET, {"input": settings_input(smtp)}, org.token("admin"))
    assert admin["emailSettingsSet"]["userErrors"] == []
    for role in ("accountant", "auditor"):
        result = await api.gql(SETTINGS_SET, {"input": settings_input(smtp)}, org.token(role))
        assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN", role
    read = await api.gql(SETTINGS, token=org.token("accountant"))
    assert read["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await api.data(SETTINGS, token=org.token("auditor")))["emailSettings"]["passwordSet"]


async def test_global_settings_apply_without_the_organizations_own(
    api: Api, settings: Settings
) -> None:
    org = await api.new_org()
    assert (await api.data(SETTINGS, token=org.token()))["emailSettings"] is None
    configured = settings.model_copy(
        update={
            "smtp_host": "smtp.example.test",
            "smtp_from_address": "noreply@example.test",
            "smtp_password": SecretStr("global-secret"),
            "smtp_username": "global",
        }
    )
    config = await effective_config(org.id, configured)
    assert config is not None and config.source == "GLOBAL"
    assert (config.host, config.port, config.security.value) == (
        "smtp.example.test",
        587,
        "STARTTLS",
    )
    assert config.password == "global-secret"
