"""A real SMTP server (aiosmtpd) for the e-mail tests, one per test process."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from server.email import jobs as email_jobs
from server.settings import Settings

USERNAME = "mailer"


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class MailHandler:
    """Keeps every message accepted; refuses DATA with `refuse` while it is set."""

    received: list[Received] = field(default_factory=list)
    refuse: str | None = None
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return self.refuse
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"

    def by_message_id(self, message_id: str) -> Received:
        found = [r for r in self.received if r.message["Message-ID"] == message_id]
        assert len(found) == 1, f"{len(found)} messages with Message-ID {message_id}"
        return found[0]

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append((login, password))
        return AuthResult(success=login == USERNAME and password == SmtpServer.password)


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: MailHandler
    password = "s3cret-smtp-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session", autouse=True)
def email_job_settings(settings: Settings) -> None:
    """The `email.send` handler sends with the tests' settings, as the app's runner would."""
    email_jobs.configure(settings)


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpServer]:
    handler = MailHandler()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=handler.authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield SmtpServer(controller.hostname, controller.port, handler)
    finally:
        controller.stop()


@pytest.fixture
def smtp(smtp_server: SmtpServer) -> Iterator[SmtpServer]:
    """The server, accepting again after the test whatever the test set."""
    yield smtp_server
    smtp_server.handler.refuse = None
