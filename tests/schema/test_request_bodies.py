"""Malformed bodies are client errors: HTTP 400 (413 when too large) with a GraphQL-shaped
error, never a 500; errors of the document and its values carry `extensions.code`."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from server.observability import configure_logging
from server.settings import Settings
from tests.support import Api

JSON = {"content-type": "application/json"}
SIGN_IN = "mutation($i: SessionCreateInput!) { sessionCreate(input: $i) { accessToken } }"


def _codes(response: httpx.Response) -> list[str]:
    body = response.json()
    assert set(body) == {"errors"}, body
    assert all(isinstance(e["message"], str) and e["message"] for e in body["errors"])
    return [e["extensions"]["code"] for e in body["errors"]]


@pytest.mark.parametrize(
    "body",
    [
        b"5",
        b"null",
        b"true",
        b"false",
        b'"x"',
        b"1.5",
        b"[]",
        b'[{"query": "{ __typename }"}]',
        b"",
        b"   ",
        b"{",
        b"\xff\xfe\x00",
        b'{"query": "\xed\xa0\x80"}',
        b'{"query": 5}',
        b'{"query": ["{ __typename }"]}',
        b'{"query": {"a": 1}}',
        b'{"query": null}',
        b"{}",
        b'{"query": "{ __typename }", "variables": 5}',
        b'{"query": "{ __typename }", "variables": []}',
        b'{"query": "{ __typename }", "variables": "x"}',
        b'{"query": "{ __typename }", "operationName": 5}',
        b'{"query": "{ __typename }", "operationName": "Other"}',
        b'{"query": "{ __typename }", "extensions": 5}',
        b"NaN",
        # Longer than Python converts to an int; deeper than it recurses.
        b'{"query": "{ __typename }", "variables": {"n": 1' + b"0" * 5000 + b"}}",
        b'{"query": "{ __typename }", "variables": ' + b'{"a":' * 5000 + b"1" + b"}" * 5001,
        b'{"query": "{ __typename }", "extensions": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        # An unknown operation's name is quoted in the answer, lone surrogate and all.
        b'{"query": "query A { __typename }", "operationName": "\\ud800"}',
    ],
)
async def test_malformed_body_refused_with_400(client: httpx.AsyncClient, body: bytes) -> None:
    response = await client.post("/graphql", content=body, headers=JSON)
    assert response.status_code == 400, response.text
    assert _codes(response) == ["BAD_REQUEST"]


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""],
)
async def test_body_of_other_content_type_refused_with_400(
    client: httpx.AsyncClient, content_type: str
) -> None:
    response = await client.post(
        "/graphql",
        content=json.dumps({"query": "{ __typename }"}),
        headers={"content-type": content_type},
    )
    assert response.status_code == 400
    assert _codes(response) == ["BAD_REQUEST"]


async def test_get_request_refused_with_graphql_shaped_error(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ __typename }"})
    assert response.status_code == 400
    assert _codes(response) == ["BAD_REQUEST"]


async def test_other_method_refused_with_405(client: httpx.AsyncClient) -> None:
    response = await client.put("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 405


async def test_body_over_limit_refused_with_413_graphql_shaped(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    response = await client.post(
        "/graphql",
        json={"query": "{ __typename }", "variables": {"x": "y" * settings.max_body_bytes}},
    )
    assert response.status_code == 413
    assert _codes(response) == ["PAYLOAD_TOO_LARGE"]


@pytest.fixture
def log_stream(settings: Settings) -> Iterator[io.StringIO]:
    stream = io.StringIO()
    configure_logging(settings.model_copy(update={"log_level": "DEBUG"}), stream)
    yield stream
    configure_logging(settings)


@pytest.mark.parametrize(
    "body",
    [
        {"query": "{ __typename " + "x" * 250_000},
        {"query": "{ __typename }", "variables": {"p": "x" * 250_000}},
        {
            "query": SIGN_IN,
            "variables": {"i": {"email": "a@b.c", "password": 5, "pad": "x" * 250_000}},
        },
        {"query": "{ " + "__typename " * 25_000 + "}"},
    ],
    ids=["syntax-error", "unused-variable", "bad-variable", "many-tokens"],
)
async def test_large_unauthenticated_request_adds_one_small_log_entry(
    client: httpx.AsyncClient, log_stream: io.StringIO, body: dict[str, Any]
) -> None:
    content = json.dumps(body).encode()
    assert len(content) > 240_000
    await client.post("/graphql", content=content, headers=JSON)
    assert len(log_stream.getvalue()) < 2_000, log_stream.getvalue()[:500]


# --- codes of document and value errors ------------------------------------------------------

AGING = "query($d: Date!) { arAging(asOf: $d) { userErrors { code } } }"
PAGE = "query($n: Int) { customers(first: $n) { totalCount } }"


@pytest.mark.parametrize(
    ("query", "variables", "code"),
    [
        (PAGE, {"n": "x"}, "BAD_USER_INPUT"),
        (PAGE, {"n": 1.5}, "BAD_USER_INPUT"),
        (PAGE, {"n": 2**40}, "BAD_USER_INPUT"),
        ('{ customers(first: "x") { totalCount } }', None, "BAD_USER_INPUT"),
        ("{ customers(first: 99999999999) { totalCount } }", None, "BAD_USER_INPUT"),
        (AGING, {"d": "not-a-date"}, "BAD_USER_INPUT"),
        (AGING, {"d": "2026-02-30"}, "BAD_USER_INPUT"),
        (AGING, {"d": 20260101}, "BAD_USER_INPUT"),
        (AGING, {"d": None}, "BAD_USER_INPUT"),
        (AGING, {}, "BAD_USER_INPUT"),
        ('{ arAging(asOf: "nope") { userErrors { code } } }', None, "BAD_USER_INPUT"),
        ("{ arAging(asOf: null) { userErrors { code } } }", None, "BAD_USER_INPUT"),
        (SIGN_IN, {"i": {"email": "a@b.c"}}, "BAD_USER_INPUT"),
        (SIGN_IN, {"i": {"email": "a@b.c", "password": "p", "extra": 1}}, "BAD_USER_INPUT"),
        (SIGN_IN, {"i": {"email": "a@b.c", "password": 5}}, "BAD_USER_INPUT"),
        (SIGN_IN, {"i": "x"}, "BAD_USER_INPUT"),
        (
            'mutation { sessionCreate(input: {email: "a", password: "p", x: 1}) { accessToken } }',
            None,
            "BAD_USER_INPUT",
        ),
        ("{ customerz }", None, "GRAPHQL_VALIDATION_FAILED"),
        ("{ arAging { userErrors { code } } }", None, "GRAPHQL_VALIDATION_FAILED"),
        ("query($d: Date!) { viewer { roles } }", None, "GRAPHQL_VALIDATION_FAILED"),
        ("{ viewer { roles } } { viewer { roles } }", None, "GRAPHQL_VALIDATION_FAILED"),
        ("{ ", None, "GRAPHQL_PARSE_FAILED"),
        ("query { viewer { roles } } }", None, "GRAPHQL_PARSE_FAILED"),
        ('{ x(a: "\\u0000) }', None, "GRAPHQL_PARSE_FAILED"),
    ],
)
async def test_document_and_value_errors_carry_code(
    api: Api, query: str, variables: dict[str, Any] | None, code: str
) -> None:
    org = await api.new_org()
    response = await api.post(query, variables, token=org.token())
    assert response.status_code == 200
    errors = response.json()["errors"]
    assert errors
    assert {e["extensions"]["code"] for e in errors} == {code}, errors
    assert response.json().get("data") is None


async def test_document_errors_keep_their_code_when_cached(api: Api) -> None:
    # The parser and validation caches hand back the same error objects on a repeat.
    for _ in range(3):
        assert {e["extensions"]["code"] for e in (await api.gql("{ customerz }"))["errors"]} == {
            "GRAPHQL_VALIDATION_FAILED"
        }
        assert {e["extensions"]["code"] for e in (await api.gql("{ "))["errors"]} == {
            "GRAPHQL_PARSE_FAILED"
        }


@pytest.mark.parametrize(
    "body",
    [
        b'{"query": "{ __typename }", "variables": {"n": NaN}}',
        b'{"query": "{ __typename }", "variables": {"n": Infinity}}',
        b'{"query": "{ __typename }", "variables": {"n": -Infinity}}',
        b'{"query": "{ __typename }", "variables": {"s": "\xc3\x28"}}',
        b'{"query": "{ __typename }", "variables": {"s": "\\ud800"}',
        b'{"query": "{ __typename }"} trailing',
    ],
)
async def test_non_standard_or_broken_json_refused_with_400(
    client: httpx.AsyncClient, body: bytes
) -> None:
    response = await client.post("/graphql", content=body, headers=JSON)
    assert response.status_code == 400, response.text
    assert _codes(response) == ["BAD_REQUEST"]


async def test_lone_surrogate_in_a_variable_is_a_value_error_not_a_body_error(
    client: httpx.AsyncClient,
) -> None:
    # JSON allows the escape; the value is refused where it is used, and the answer that
    # quotes it is still valid JSON.
    body = b'{"query": "' + PAGE.encode() + b'", "variables": {"n": "\\ud800"}}'
    response = await client.post("/graphql", content=body, headers=JSON)
    assert response.status_code == 200
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["BAD_USER_INPUT"]
    unused = b'{"query": "{ __typename }", "variables": {"\\udfff": "\\ud800"}}'
    response = await client.post("/graphql", content=unused, headers=JSON)
    assert response.json() == {"data": {"__typename": "Query"}}
