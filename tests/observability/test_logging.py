"""Every log line is one JSON object; no secret, variable or document reaches the log.

Canary secrets go through valid and malformed requests; every line written by any logger
(the root handler's stream, anything written straight to the process's stdout or stderr,
and every record the logging module saw) is scanned for them.
"""

from __future__ import annotations

import io
import json
import logging
import logging.config
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import structlog

from server.observability import configure_logging, logger, redact_event, uvicorn_log_config
from server.redaction import REDACTED
from server.settings import Settings
from tests.support import PASSWORD, SIGN_IN, Api


@dataclass
class Captured:
    """What the application logged during one test, from every channel."""

    stream: io.StringIO
    caplog: pytest.LogCaptureFixture
    capfd: pytest.CaptureFixture[str]

    def text(self) -> str:
        out, err = self.capfd.readouterr()
        records = "\n".join(
            f"{record.getMessage()} {record.exc_text or ''}" for record in self.caplog.records
        )
        return "\n".join([self.stream.getvalue(), out, err, records])

    def lines(self) -> list[dict[str, Any]]:
        """Each line of the application's log, which must be a JSON object."""
        parsed = []
        for line in self.stream.getvalue().splitlines():
            value = json.loads(line)
            assert isinstance(value, dict), line
            parsed.append(value)
        return parsed


@pytest.fixture
def captured(
    settings: Settings, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> Iterator[Captured]:
    stream = io.StringIO()
    configure_logging(settings.model_copy(update={"log_level": "DEBUG"}), stream)
    caplog.set_level(logging.DEBUG)
    capfd.readouterr()
    yield Captured(stream, caplog, capfd)
    configure_logging(settings)


def _canary(label: str) -> str:
    return f"canary-{label}-{uuid.uuid4().hex}"


SIGN_IN_RAW = (
    "mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { accessToken } }"
)
REFRESH = """mutation($input: SessionRefreshInput!) {
  sessionRefresh(input: $input) { accessToken userErrors { code } } }"""
PASSWORD_CHANGE = """mutation($i: PasswordChangeInput!) {
  passwordChange(input: $i) { accessToken userErrors { code } } }"""


async def _send_everything(
    api: Api, client: httpx.AsyncClient, email: str, token: str
) -> list[str]:
    """Valid and malformed requests that carry secrets; returns the secrets sent."""
    sent: list[str] = []

    def canary(label: str) -> str:
        sent.append(_canary(label))
        return sent[-1]

    async def post(query: str, variables: dict[str, Any] | None = None, **kw: Any) -> None:
        await api.post(query, variables, **kw)

    # Valid requests with wrong secrets.
    await post(SIGN_IN, {"input": {"email": email, "password": canary("wrong-password")}})
    await post(
        SIGN_IN, {"input": {"email": email, "password": PASSWORD, "totpCode": canary("totp")}}
    )
    await post(REFRESH, {"input": {"refreshToken": canary("refresh")}})
    await post(
        PASSWORD_CHANGE,
        {"i": {"currentPassword": canary("current"), "newPassword": canary("new-password")}},
        token=token,
    )
    await post(
        "mutation($c: String!) { totpDisable(code: $c) { userErrors { code } } }",
        {"c": canary("totp-disable")},
        token=token,
    )
    # Variables of the wrong type, misspelled and extra fields, missing fields.
    await post(SIGN_IN_RAW, {"input": {"email": canary("email-int"), "password": 12345}})
    await post(SIGN_IN_RAW, {"input": {"email": email, "pasword": canary("misspelled")}})
    await post(
        SIGN_IN_RAW,
        {"input": {"email": email, "password": canary("extra-1"), "extra": canary("extra-2")}},
    )
    await post(REFRESH, {"input": {"refreshToken": [canary("refresh-list")]}})
    await post(REFRESH, {"input": {"refresh_token": canary("refresh-snake")}})
    # Secrets written into the document: syntax errors, unknown fields, unknown arguments.
    await post(
        'mutation { sessionCreate(input: {email: "a@b.c", password: "' + canary("syntax") + '" '
    )
    await post(
        'mutation { sessionCreate(input: {email: "a@b.c", password: "'
        + canary("inline")
        + '", bogus: 1}) { accessToken } }'
    )
    await post("{ viewer { roles } " + canary("trailing").replace("-", "_") + " }")
    await post(
        'mutation { sessionRefresh(input: {refreshToken: 5, t: "'
        + canary("lit")
        + '"}) { accessToken } }'
    )
    # Credentials in headers.
    await post("{ viewer { roles } }", headers={"authorization": f"Bearer {canary('bearer')}"})
    await post("{ viewer { roles } }", headers={"cookie": f"session={canary('cookie')}"})
    # Bodies that are not GraphQL at all.
    for body in (
        canary("not-json").encode(),
        json.dumps([{"query": SIGN_IN_RAW, "variables": {"password": canary("batch")}}]).encode(),
        json.dumps({"query": 5, "variables": {"password": canary("query-int")}}).encode(),
        json.dumps({"query": SIGN_IN_RAW, "variables": canary("vars-string")}).encode(),
        b"\xff" + canary("bad-utf8").encode(),
    ):
        await client.post("/graphql", content=body, headers={"content-type": "application/json"})
    await client.post(
        "/graphql", content=canary("text-plain").encode(), headers={"content-type": "text/plain"}
    )
    big = canary("big")
    await client.post(
        "/graphql", json={"query": "{ __typename }", "variables": {"p": big * 20_000}}
    )
    return sent


async def test_secrets_sent_in_any_request_reach_no_log_line(
    api: Api, client: httpx.AsyncClient, captured: Captured
) -> None:
    org = await api.new_org()
    sent = await _send_everything(api, client, org.users["owner"].email, org.token())
    text = captured.text()
    assert sum(1 for line in captured.lines() if line["event"] == "request") >= 20
    leaked = [secret for secret in sent if secret in text]
    assert leaked == []


async def test_every_log_line_of_malformed_requests_is_one_json_object(
    api: Api, client: httpx.AsyncClient, captured: Captured
) -> None:
    org = await api.new_org()
    await _send_everything(api, client, org.users["owner"].email, org.token())
    lines = captured.lines()
    out, err = captured.capfd.readouterr()
    assert (out, err) == ("", "")
    assert len(lines) > 20
    assert not [line for line in lines if "exception" in line]


async def test_long_url_logged_truncated_without_its_query_string(
    client: httpx.AsyncClient, captured: Captured
) -> None:
    secret = _canary("query-string")
    await client.get("/" + "p" * 20_000, params={"token": secret})
    await client.get("/audit/export", params={"format": "csv", "access_token": secret})
    text = captured.text()
    assert secret not in text
    assert "p" * 201 not in text
    assert len(captured.stream.getvalue()) < 3_000


async def test_client_errors_logged_once_with_code_and_path_and_no_traceback(
    api: Api, captured: Captured
) -> None:
    org = await api.new_org("viewer")
    cases = [
        ("{ viewer { roles } }", None, "UNAUTHENTICATED", ["viewer"]),
        ("{ auditEvents { totalCount } }", org.token("viewer"), "FORBIDDEN", ["auditEvents"]),
        ("{ customerz }", None, "GRAPHQL_VALIDATION_FAILED", None),
        ('{ customers(first: "x") { totalCount } }', org.token(), "BAD_USER_INPUT", None),
        ("{ ", None, "GRAPHQL_PARSE_FAILED", None),
        ('{ node(id: "abc") { id } }', org.token(), "BAD_USER_INPUT", ["node"]),
    ]
    for query, token, code, path in cases:
        request_id = uuid.uuid4().hex
        auth = {"authorization": f"Bearer {token}"} if token else {}
        await api.post(query, headers={"x-request-id": request_id, **auth})
        mine = [line for line in captured.lines() if line.get("request_id") == request_id]
        reports = [line for line in mine if line["event"] == "graphql.client_errors"]
        assert len(reports) == 1, (query, mine)
        assert reports[0]["errors"] == [{"error_code": code, "path": path}]
        assert reports[0]["level"] == "info"
        assert not [line for line in mine if "exception" in line or line["level"] == "error"]


async def test_user_errors_logged_once_with_code_and_field(api: Api, captured: Captured) -> None:
    org = await api.new_org()
    request_id = uuid.uuid4().hex
    wrong = _canary("wrong")
    await api.post(
        SIGN_IN,
        {"input": {"email": org.users["owner"].email, "password": wrong}},
        headers={"x-request-id": request_id},
    )
    mine = [line for line in captured.lines() if line.get("request_id") == request_id]
    reports = [line for line in mine if line["event"] == "graphql.user_errors"]
    assert [r["errors"] for r in reports] == [
        [{"error_code": "INVALID_CREDENTIALS", "field": None}]
    ]
    assert not [line for line in mine if "exception" in line or line["level"] == "error"]
    assert wrong not in captured.text()


async def test_unexpected_error_logged_with_traceback_inside_its_json_line(
    api: Api, app: Any, captured: Captured, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("the permission store is unreachable")

    monkeypatch.setattr(app.state.access, "permissions", broken)
    request_id = uuid.uuid4().hex
    response = await api.post(
        "{ viewer { permissions { object action } } }",
        token=org.token(),
        headers={"x-request-id": request_id},
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    mine = [line for line in captured.lines() if line.get("request_id") == request_id]
    faults = [line for line in mine if line["event"] == "graphql.unexpected_error"]
    assert len(faults) == 1
    assert faults[0]["level"] == "error"
    assert faults[0]["error_type"] == "RuntimeError"
    assert "Traceback" in faults[0]["exception"]
    assert "the permission store is unreachable" in faults[0]["exception"]
    assert org.token() not in captured.text()


async def test_library_log_records_rendered_as_json_with_exception_inside(
    captured: Captured,
) -> None:
    for name in ("strawberry.execution", "graphql", "uvicorn.error", "tortoise", "asyncio"):
        try:
            raise ValueError(f"{name} failed")
        except ValueError:
            logging.getLogger(name).exception("something %s", "happened")
    logging.getLogger("py.warnings").warning("a warning")
    lines = captured.lines()
    assert [line["logger"] for line in lines[:5]] == [
        "strawberry.execution",
        "graphql",
        "uvicorn.error",
        "tortoise",
        "asyncio",
    ]
    assert all("Traceback" in line["exception"] for line in lines[:5])
    assert lines[0]["event"] == "something happened"


def test_uvicorn_logging_config_writes_json(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    logging.config.dictConfig(uvicorn_log_config(settings))
    try:
        logging.getLogger("uvicorn.error").warning("Started server process [%d]", 42)
        out = capsys.readouterr().out.strip().splitlines()
        assert [json.loads(line)["event"] for line in out] == ["Started server process [42]"]
    finally:
        configure_logging(settings)


SECRET_NAMES = [
    "password",
    "token",
    "refreshToken",
    "accessToken",
    "secret",
    "code",
    "totpCode",
    "recoveryCode",
    "newPassword",
    "currentPassword",
    "authorization",
    "Authorization",
    "cookie",
    "apiKey",
    "api_key",
    "refresh_token",
    "setPasswordToken",
    "client-secret",
]


@pytest.mark.parametrize("name", SECRET_NAMES)
def test_secret_named_fields_redacted_at_any_depth(name: str) -> None:
    value = _canary(name)
    event = {
        "event": "x",
        name: value,
        "nested": {"list": [{name: value}, ({"deeper": {name: value}},)]},
    }
    rendered = json.dumps(redact_event(None, "info", event))
    assert value not in rendered
    assert rendered.count(REDACTED) == 3


def test_access_token_in_free_text_redacted() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"
    event = redact_event(None, "error", {"event": "x", "exception": f"Bearer {jwt} refused"})
    assert jwt not in event["exception"]


def test_log_line_with_a_lone_surrogate_still_one_json_object(
    captured: Captured, caplog: pytest.LogCaptureFixture
) -> None:
    # pytest keeps its own copy of each record for the report, which pytest-xdist sends between
    # processes as UTF-8, where a lone surrogate cannot travel: its handlers sit this one out.
    root = logging.getLogger()
    pytest_handlers = [h for h in root.handlers if isinstance(h, type(caplog.handler))]
    for handler in pytest_handlers:
        root.removeHandler(handler)
    try:
        logger().warning("odd", value="\ud800")
        logging.getLogger("graphql").warning("odd \udfff")
    finally:
        for handler in pytest_handlers:
            root.addHandler(handler)
    assert [line["event"] for line in captured.lines()] == ["odd", "odd \udfff"]
    assert captured.capfd.readouterr() == ("", "")


def test_our_logger_output_is_redacted(captured: Captured) -> None:
    secret = _canary("ours")
    logger().warning("sign_in", payload={"input": {"password": secret}}, email="a@b.c")
    assert secret not in captured.stream.getvalue()
    assert captured.lines()[-1]["payload"] == {"input": {"password": REDACTED}}


def test_structlog_is_routed_through_the_logging_module() -> None:
    # Any logger, ours or a library's, reaches the one root handler.
    assert isinstance(structlog.get_config()["logger_factory"], structlog.stdlib.LoggerFactory)
