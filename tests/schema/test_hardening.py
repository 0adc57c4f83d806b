"""Hardening of the GraphQL endpoint and the HTTP service around it.

Limits (depth, aliases, tokens, directives), transport rules (no GET, no batching, JSON only,
bounded bodies), CORS, request ids, error masking, production mode, and the probes.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
import strawberry
from graphql import GraphQLError

from schema import _Masking, build_schema, should_mask
from schema.errors import Forbidden
from server.app import create_app
from server.settings import ConfigurationError, Settings
from tests.crm.queries import CUSTOMER_CREATE, CUSTOMER_NOTE_ADD
from tests.support import Api, Org

ALLOWED_ORIGIN = "https://app.example.com"
EVIL_ORIGIN = "https://evil.example"
GENERATED_ID = re.compile(r"[0-9a-f]{32}")

DEEP_NOTES = "{ customers { edges { node { name notes { body author { email } } } } } }"
NOTES = "{ customers { edges { node { name notes { body } } } } }"
ORGANIZATIONS = "{ viewer { organizations { name } } }"


def _variant(settings: Settings, **changes: Any) -> Settings:
    """The test settings (same database and secret) with some values changed."""
    return Settings(**{**settings.model_dump(), **changes})


async def _started(settings: Settings) -> Any:
    application = create_app(settings, manage_database=False)
    await application.state.access.refresh()
    return application


async def _client(application: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=application, client=("203.0.113.8", 40001))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture(scope="module")
async def shallow_app(settings: Settings) -> Any:
    """An app whose depth limit the schema's real nesting can exceed (it tops out at 5)."""
    return await _started(_variant(settings, max_query_depth=4))


@pytest.fixture
async def shallow(shallow_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client(shallow_app):
        yield c


@pytest.fixture(scope="module")
async def production_app(settings: Settings) -> Any:
    return await _started(_variant(settings, env="production"))


@pytest.fixture
async def production(production_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client(production_app):
        yield c


@pytest.fixture(scope="module")
async def org_with_note(app: Any) -> Org:
    """An organization with one customer carrying one note by its owner."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        api = Api(c)
        org = await api.new_org()
        created = await api.data(
            CUSTOMER_CREATE, {"input": {"name": "Deep Customer"}}, token=org.token()
        )
        assert created["customerCreate"]["userErrors"] == []
        noted = await api.data(
            CUSTOMER_NOTE_ADD,
            {"input": {"customerId": created["customerCreate"]["customer"]["id"], "body": "Hi"}},
            token=org.token(),
        )
        assert noted["customerNoteAdd"]["userErrors"] == []
    return org


async def _post(client: httpx.AsyncClient, query: str, token: str | None = None) -> Any:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = await client.post("/graphql", json={"query": query}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def _messages(result: dict[str, Any]) -> list[str]:
    return [e["message"] for e in result.get("errors") or []]


def _refused(result: dict[str, Any], fragment: str) -> None:
    """Refused before execution, with a readable message containing `fragment`."""
    assert result.get("data") is None, result
    messages = _messages(result)
    assert any(fragment in m for m in messages), messages
    assert "Internal server error" not in messages


async def _organization_names(api: Api, org: Org) -> list[str]:
    data = await api.data(ORGANIZATIONS, token=org.token())
    return sorted(o["name"] for o in data["viewer"]["organizations"])


# --- the schema can be built more than once ------------------------------------------------


async def test_build_schema_succeeds_when_called_twice(
    settings: Settings, api: Api, org_with_note: Org
) -> None:
    # Relay's node fields keep the resolver of the first schema built from them (strawberry
    # issue #3823); the app, the SDL export and these tests each build their own schema.
    first = build_schema(settings)
    second = build_schema(settings)
    assert str(first) == str(second)
    # The session's app, built before both, still resolves nodes.
    data = await api.data(
        "query($id: ID!) { node(id: $id) { id ... on Organization { name } } }",
        {"id": org_with_note.global_id},
        token=org_with_note.token(),
    )
    assert data["node"]["id"] == org_with_note.global_id
    assert data["node"]["name"] == org_with_note.model.name


# --- depth, aliases, tokens, directives ------------------------------------------------------


async def test_query_within_depth_limit_returns_data(
    shallow: httpx.AsyncClient, org_with_note: Org
) -> None:
    result = await _post(shallow, NOTES, org_with_note.token())
    assert "errors" not in result, result
    node = result["data"]["customers"]["edges"][0]["node"]
    assert node == {"name": "Deep Customer", "notes": [{"body": "Hi"}]}


async def test_query_deeper_than_limit_refused(
    shallow: httpx.AsyncClient, api: Api, org_with_note: Org
) -> None:
    result = await _post(shallow, DEEP_NOTES, org_with_note.token())
    _refused(result, "exceeds maximum operation depth of 4")
    # The same document is fine under the default limit of 12.
    data = await api.data(DEEP_NOTES, token=org_with_note.token())
    note = data["customers"]["edges"][0]["node"]["notes"][0]
    assert note["author"]["email"] == org_with_note.users["owner"].email


async def test_query_deeper_than_limit_through_fragments_refused(
    shallow: httpx.AsyncClient, org_with_note: Org
) -> None:
    query = """
    query Deep { ...Customers }
    fragment Customers on Query { customers { edges { node { ...WithNotes } } } }
    fragment WithNotes on Customer { notes { ... on CustomerNote { author { email } } } }
    """
    result = await _post(shallow, query, org_with_note.token())
    _refused(result, "exceeds maximum operation depth of 4")


async def test_aliases_up_to_limit_accepted(api: Api, settings: Settings) -> None:
    query = "{ " + " ".join(f"a{i}: __typename" for i in range(settings.max_aliases)) + " }"
    data = await api.data(query)
    assert len(data) == settings.max_aliases
    assert set(data.values()) == {"Query"}


async def test_aliases_over_limit_refused(api: Api, settings: Settings) -> None:
    count = settings.max_aliases + 1
    query = "{ " + " ".join(f"a{i}: __typename" for i in range(count)) + " }"
    _refused(await api.gql(query), f"{count} aliases found")


async def test_query_over_token_limit_refused(api: Api, settings: Settings) -> None:
    query = "{ " + "__typename " * (settings.max_tokens + 10) + "}"
    assert len(query.encode()) < settings.max_body_bytes  # the token limit, not the body size
    _refused(await api.gql(query), f"more than {settings.max_tokens} tokens")


async def test_directives_up_to_limit_accepted(api: Api, settings: Settings) -> None:
    query = "{ " + "__typename @include(if: true) " * settings.max_directives + "}"
    assert await api.data(query) == {"__typename": "Query"}


async def test_directives_over_limit_refused(api: Api, settings: Settings) -> None:
    query = "{ " + "__typename @include(if: true) " * (settings.max_directives + 1) + "}"
    _refused(await api.gql(query), "too many directives")


# --- transport: GET, content types, batching, body size ---------------------------------------


async def test_get_query_refused(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ __typename }"})
    assert response.status_code == 400
    assert "must be persisted" in response.text
    assert '"data"' not in response.text


async def test_get_mutation_refused_without_effect(
    client: httpx.AsyncClient, api: Api, org_with_note: Org
) -> None:
    org = org_with_note
    before = await _organization_names(api, org)
    name = f"Via GET {uuid.uuid4().hex[:8]}"
    mutation = (
        f'mutation {{ organizationCreate(input: {{name: "{name}", baseCurrency: "USD"}}) '
        "{ organization { id } userErrors { code } } }"
    )
    response = await client.get(
        "/graphql",
        params={"query": mutation},
        headers={"authorization": f"Bearer {org.token()}"},
    )
    # Only persisted queries may use GET: an ad-hoc document is refused before it is read.
    assert response.status_code == 400
    assert "must be persisted" in response.text
    assert await _organization_names(api, org) == before


@pytest.mark.parametrize(
    ("content_type", "encode"),
    [
        ("text/plain", lambda query: json.dumps({"query": query})),
        ("application/x-www-form-urlencoded", lambda query: urlencode({"query": query})),
    ],
    ids=["text-plain", "form-urlencoded"],
)
async def test_post_with_simple_content_type_refused_without_effect(
    client: httpx.AsyncClient,
    api: Api,
    org_with_note: Org,
    content_type: str,
    encode: Callable[[str], str],
) -> None:
    # The content types a cross-site form can send without a CORS preflight.
    org = org_with_note
    before = await _organization_names(api, org)
    name = f"CSRF {uuid.uuid4().hex[:8]}"
    mutation = (
        f'mutation {{ organizationCreate(input: {{name: "{name}", baseCurrency: "USD"}}) '
        "{ organization { id } } }"
    )
    response = await client.post(
        "/graphql",
        content=encode(mutation),
        headers={"content-type": content_type, "authorization": f"Bearer {org.token()}"},
    )
    assert response.status_code in (400, 415)
    assert '"data"' not in response.text
    assert await _organization_names(api, org) == before


async def test_batched_requests_refused_without_effect(
    client: httpx.AsyncClient, api: Api, org_with_note: Org
) -> None:
    org = org_with_note
    before = await _organization_names(api, org)
    name = f"Batch {uuid.uuid4().hex[:8]}"
    operation = {
        "query": "mutation($name: String!) { organizationCreate("
        'input: {name: $name, baseCurrency: "USD"}) { organization { id } } }',
        "variables": {"name": name},
    }
    response = await client.post(
        "/graphql", json=[operation, operation], headers={"authorization": f"Bearer {org.token()}"}
    )
    assert response.status_code == 400
    assert "Batching is not enabled" in response.text
    assert await _organization_names(api, org) == before


async def test_body_over_limit_refused_with_413(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    padding = " " * settings.max_body_bytes
    response = await client.post("/graphql", json={"query": "{ __typename }" + padding})
    assert response.status_code == 413
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["PAYLOAD_TOO_LARGE"]


async def test_body_over_limit_response_carries_request_id(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    padding = " " * settings.max_body_bytes
    response = await client.post(
        "/graphql",
        json={"query": "{ __typename }" + padding},
        headers={"x-request-id": "too-big-1"},
    )
    assert response.status_code == 413
    assert response.headers.get("x-request-id") == "too-big-1"


async def test_streamed_body_over_limit_refused_with_413(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    chunk = b" " * 4096

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ __typename }'
        for _ in range(settings.max_body_bytes // len(chunk) + 2):
            yield chunk
        yield b'"}'

    # No content-length: the limit is enforced while the body is read.
    response = await client.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["PAYLOAD_TOO_LARGE"]
    assert GENERATED_ID.fullmatch(response.headers["x-request-id"])


async def test_body_under_limit_accepted(client: httpx.AsyncClient, settings: Settings) -> None:
    padding = " " * (settings.max_body_bytes // 2)
    response = await client.post("/graphql", json={"query": "{ __typename }" + padding})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


# --- CORS and request ids --------------------------------------------------------------------


async def test_preflight_from_allowed_origin_allowed(client: httpx.AsyncClient) -> None:
    response = await client.options(
        "/graphql",
        headers={
            "origin": ALLOWED_ORIGIN,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization, content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    allowed_headers = response.headers["access-control-allow-headers"].lower()
    assert "authorization" in allowed_headers


async def test_preflight_from_allowed_origin_allows_tracing_and_client_headers(
    client: httpx.AsyncClient,
) -> None:
    asked = "authorization, content-type, traceparent, apollographql-client-name"
    response = await client.options(
        "/graphql",
        headers={
            "origin": ALLOWED_ORIGIN,
            "access-control-request-method": "POST",
            "access-control-request-headers": asked,
        },
    )
    assert response.status_code == 200
    allowed = {h.strip() for h in response.headers["access-control-allow-headers"].split(",")}
    assert {"authorization", "content-type", "traceparent", "apollographql-client-name"} <= {
        h.lower() for h in allowed
    }


async def test_preflight_asking_for_an_unlisted_header_is_refused(
    client: httpx.AsyncClient,
) -> None:
    response = await client.options(
        "/graphql",
        headers={
            "origin": ALLOWED_ORIGIN,
            "access-control-request-method": "POST",
            "access-control-request-headers": "x-smuggled",
        },
    )
    assert response.status_code == 400


async def test_preflight_from_other_origin_refused(client: httpx.AsyncClient) -> None:
    response = await client.options(
        "/graphql",
        headers={"origin": EVIL_ORIGIN, "access-control-request-method": "POST"},
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


async def test_post_from_allowed_origin_exposes_request_id(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"origin": ALLOWED_ORIGIN}
    )
    assert response.json() == {"data": {"__typename": "Query"}}
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "x-request-id" in response.headers["access-control-expose-headers"].lower()


async def test_post_from_other_origin_gets_no_cors_grant(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"origin": EVIL_ORIGIN}
    )
    assert "access-control-allow-origin" not in response.headers


async def test_request_id_sent_echoed(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"x-request-id": "req-42.a_b"}
    )
    assert response.headers["x-request-id"] == "req-42.a_b"


async def test_request_id_missing_generated(client: httpx.AsyncClient) -> None:
    first = await client.post("/graphql", json={"query": "{ __typename }"})
    second = await client.get("/healthz")
    ids = [first.headers["x-request-id"], second.headers["x-request-id"]]
    assert all(GENERATED_ID.fullmatch(i) for i in ids)
    assert ids[0] != ids[1]


@pytest.mark.parametrize("given", ["has spaces", "x" * 65, "semi;colon", "new\tline"])
async def test_request_id_malformed_replaced(client: httpx.AsyncClient, given: str) -> None:
    response = await client.get("/healthz", headers={"x-request-id": given})
    assert GENERATED_ID.fullmatch(response.headers["x-request-id"])


# --- error masking ---------------------------------------------------------------------------


@strawberry.type
class _FaultyQuery:
    @strawberry.field
    def boom(self) -> str:
        raise RuntimeError("connection to db failed: password=hunter2")

    @strawberry.field
    def denied(self) -> str:
        raise Forbidden("your roles do not allow customer:read")

    @strawberry.field
    def fine(self) -> str:
        return "ok"


@pytest.fixture(scope="module")
def faulty_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=_FaultyQuery,
        extensions=[
            lambda: _Masking(should_mask_error=should_mask, error_message="Internal server error")
        ],
    )


async def test_unexpected_error_masked(faulty_schema: strawberry.Schema) -> None:
    result = await faulty_schema.execute("{ fine boom }")
    assert result.data is None or result.data.get("fine") == "ok"
    assert result.errors is not None and len(result.errors) == 1
    error = result.errors[0].formatted
    assert error["message"] == "Internal server error"
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert error["path"] == ["boom"]
    assert "hunter2" not in str(error)


async def test_expected_error_stays_readable(faulty_schema: strawberry.Schema) -> None:
    result = await faulty_schema.execute("{ denied }")
    assert result.errors is not None
    error = result.errors[0].formatted
    assert error["message"] == "your roles do not allow customer:read"
    assert error["extensions"] == {"code": "FORBIDDEN"}


async def test_validation_error_stays_readable(faulty_schema: strawberry.Schema) -> None:
    result = await faulty_schema.execute("{ fin }")
    assert result.errors is not None
    message = result.errors[0].message
    assert "Cannot query field 'fin'" in message
    assert message != "Internal server error"


def test_should_mask_keeps_only_client_actionable_errors() -> None:
    assert not should_mask(GraphQLError("Syntax Error: Unexpected Name"))
    assert not should_mask(GraphQLError("denied", path=["x"], extensions={"code": "FORBIDDEN"}))
    assert not should_mask(GraphQLError("who?", path=["x"], extensions={"code": "UNAUTHENTICATED"}))
    assert not should_mask(GraphQLError("bad", path=["x"], extensions={"code": "BAD_USER_INPUT"}))
    assert should_mask(GraphQLError("KeyError: 'x'", path=["x"]))
    assert should_mask(GraphQLError("odd", path=["x"], extensions={"code": "SOMETHING_ELSE"}))


async def test_unexpected_error_in_resolver_masked_over_http(
    api: Api, app: Any, org_with_note: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = org_with_note

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("casbin exploded: secret=hunter2")

    monkeypatch.setattr(app.state.access, "permissions", broken)
    response = await api.post("{ viewer { permissions { object action } } }", token=org.token())
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert [(e["message"], e["extensions"]) for e in body["errors"]] == [
        ("Internal server error", {"code": "INTERNAL_SERVER_ERROR"})
    ]
    assert "hunter2" not in response.text
    assert "casbin" not in response.text


async def test_unknown_field_error_readable_over_http(api: Api) -> None:
    result = await api.gql("{ customerz }")
    assert result.get("data") is None
    assert any("Cannot query field 'customerz'" in m for m in _messages(result))


async def test_unknown_field_suggests_fields_in_development(api: Api) -> None:
    result = await api.gql("{ customerz }")
    assert any("Did you mean" in m for m in _messages(result))


# --- production mode --------------------------------------------------------------------------


def test_production_settings_without_jwt_secret_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    monkeypatch.delenv("LEDGERLINE_JWT_SECRET", raising=False)
    with pytest.raises(ConfigurationError, match="JWT_SECRET"):
        Settings(env="production", data_dir=tmp_path)
    assert not (tmp_path / "secrets.json").exists()


@pytest.mark.parametrize(
    "query",
    [
        "{ __schema { types { name } } }",
        '{ __type(name: "Query") { name fields { name } } }',
        "query { ...Intro } fragment Intro on Query { __schema { queryType { name } } }",
    ],
    ids=["schema", "type", "fragment"],
)
async def test_introspection_in_production_refused(
    production: httpx.AsyncClient, query: str
) -> None:
    result = await _post(production, query)
    _refused(result, "introspection has been disabled")


async def test_introspection_in_development_allowed(api: Api) -> None:
    data = await api.data("{ __schema { queryType { name } types { name } } }")
    assert data["__schema"]["queryType"]["name"] == "Query"
    assert "Customer" in {t["name"] for t in data["__schema"]["types"]}


async def test_typename_in_production_allowed(production: httpx.AsyncClient) -> None:
    assert await _post(production, "{ __typename }") == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize(
    "query", ["{ customerz }", "{ customers { edgez { node { id } } } }", "{ viewr { roles } }"]
)
async def test_field_suggestions_in_production_absent(
    production: httpx.AsyncClient, query: str
) -> None:
    result = await _post(production, query)
    messages = _messages(result)
    assert result.get("data") is None
    assert messages
    assert all("Cannot query field" in m for m in messages), messages
    assert not any("Did you mean" in m for m in messages), messages


async def test_graphiql_in_production_not_served(production: httpx.AsyncClient) -> None:
    response = await production.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code != 200
    assert "text/html" not in response.headers.get("content-type", "")
    assert "graphiql" not in response.text.lower()


async def test_get_query_in_production_refused(production: httpx.AsyncClient) -> None:
    response = await production.get("/graphql", params={"query": "{ __typename }"})
    assert response.status_code == 400
    assert '"data"' not in response.text


async def test_production_app_serves_signed_in_requests(
    production: httpx.AsyncClient, org_with_note: Org
) -> None:
    org = org_with_note
    result = await _post(production, "{ viewer { roles } }", org.token())
    assert result == {"data": {"viewer": {"roles": ["owner"]}}}


async def test_statement_count_header_in_production_absent(
    production: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    prod = await production.post("/graphql", json={"query": "{ __typename }"})
    dev = await client.post("/graphql", json={"query": "{ __typename }"})
    assert "x-sql-statements" not in prod.headers
    assert "x-sql-statements" in dev.headers
    assert GENERATED_ID.fullmatch(prod.headers["x-request-id"])


async def test_graphiql_in_development_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "graphiql" in response.text.lower()


# --- probes ----------------------------------------------------------------------------------


async def test_healthz_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_ready_when_migrated(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ready"}


async def test_metrics_count_http_requests(client: httpx.AsyncClient) -> None:
    await client.get("/healthz")
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert "ledgerline_http_requests_total" in response.text
    assert re.search(
        r'ledgerline_http_requests_total\{method="GET",path="/healthz",status="200"\} [1-9]',
        response.text,
    )
    # Unknown paths share one label, so clients cannot grow the label set.
    await client.get(f"/nope-{uuid.uuid4().hex}")
    metrics = (await client.get("/metrics")).text
    assert 'path="other"' in metrics
    assert "nope-" not in metrics


async def test_circular_fragments_in_production_refused(production: httpx.AsyncClient) -> None:
    query = (
        "query { viewer { ...A } } "
        "fragment A on Viewer { roles ...B } fragment B on Viewer { roles ...A }"
    )
    result = await _post(production, query)
    _refused(result, "Cannot spread fragment 'A' within itself")


async def test_deep_introspection_in_production_refused_before_it_runs(
    production: httpx.AsyncClient,
) -> None:
    nested = "ofType { " * 14 + "name" + " }" * 14
    result = await _post(
        production, "{ __schema { types { fields { type { " + nested + " } } } } }"
    )
    assert result.get("data") is None
    messages = " ".join(_messages(result))
    assert (
        "introspection has been disabled" in messages
        or "exceeds maximum operation depth" in messages
    )


async def test_responses_in_production_carry_no_tracing_or_debug_extensions(
    production: httpx.AsyncClient,
) -> None:
    result = await _post(production, "{ __typename }")
    assert set(result) == {"data"}
    broken = await _post(production, "{ nonsense }")
    assert set(broken) <= {"data", "errors"}
    assert all(set(e) <= {"message", "locations", "path", "extensions"} for e in broken["errors"])
