"""No password or token ever reaches the audit log or the logs."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from server.audit.models import AuditEvent
from server.observability import configure_logging
from server.settings import Settings
from tests.support import PASSWORD, Api


@pytest.fixture
def log_lines(settings: Settings) -> Iterator[io.StringIO]:
    """Everything the application logs during the test, at DEBUG, as JSON lines."""
    buffer = io.StringIO()
    configure_logging(settings.model_copy(update={"log_level": "DEBUG"}), buffer)
    yield buffer
    configure_logging(settings)


REFRESH = """mutation($t: String!) { sessionRefresh(input: {refreshToken: $t}) {
  accessToken refreshToken } }"""


async def test_secrets_appear_in_no_audit_event_or_log_line(
    api: Api, log_lines: io.StringIO, capsys: pytest.CaptureFixture[str]
) -> None:
    org = await api.new_org()
    email = org.users["owner"].email
    wrong = "wrong-secret-attempt-42"
    await api.sign_in(email, wrong)
    session = await api.sign_in(email)
    rotated = (await api.data(REFRESH, {"t": session["refreshToken"]}))["sessionRefresh"]
    new_password = "rotated-passphrase-77"
    changed = await api.data(
        """mutation($i: PasswordChangeInput!) { passwordChange(input: $i) { accessToken } }""",
        {"i": {"currentPassword": PASSWORD, "newPassword": new_password}},
        token=rotated["accessToken"],
    )
    invite = await api.data(
        """mutation { memberAdd(input: {
            email: "invitee@example.com", name: "I", roles: ["viewer"]}) { invitationToken } }""",
        token=changed["passwordChange"]["accessToken"],
    )
    secrets = [
        PASSWORD,
        wrong,
        new_password,
        session["accessToken"],
        session["refreshToken"],
        rotated["accessToken"],
        rotated["refreshToken"],
        changed["passwordChange"]["accessToken"],
        invite["memberAdd"]["invitationToken"],
    ]
    assert all(secrets)

    rows = await AuditEvent.all().values()
    stored = "\n".join(str(row) for row in rows)
    logged = log_lines.getvalue() + "".join(capsys.readouterr())
    assert logged.count('"event":"request"') >= 5  # the scan saw the request log
    for secret in secrets:
        assert secret not in stored
        assert secret not in logged
    # The scan did see the events it is meant to scan.
    assert "session.refresh" in stored and "user.password_change" in stored
