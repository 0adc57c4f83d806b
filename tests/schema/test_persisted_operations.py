"""Persisted documents: automatic persisted queries (Apollo's protocol), trusted documents
registered from a manifest, persisted queries over GET, and their refusals."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from server import clock
from server.app import create_app
from server.cli import register_manifest
from server.persisted.manifest import ManifestRefused
from server.persisted.models import PersistedDocument
from server.persisted.registry import TrustedDocument, register_trusted
from server.settings import Settings
from tests.support import Api, Org

ROOT = Path(__file__).resolve().parents[2]
VIEWER = "query Viewer { viewer { roles } }"


def fresh(document: str) -> str:
    """The document with a comment of its own, so its hash is new to the database."""
    return f"# {uuid.uuid4().hex}\n{document}"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def apq(text: str, *, with_document: bool = False, **params: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256(text)}}
    }
    if with_document:
        body["query"] = text
    return {**body, **params}


def codes(response: httpx.Response) -> list[str]:
    return [e["extensions"]["code"] for e in response.json()["errors"]]


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


async def trust(*texts: str) -> None:
    await register_trusted(
        [TrustedDocument(sha256=sha256(t), body=t, name=None) for t in texts], clock.now()
    )


def _variant(settings: Settings, **changes: Any) -> Settings:
    return Settings(**{**settings.model_dump(), **changes})


async def _app(settings: Settings) -> Any:
    application = create_app(settings, manage_database=False)
    await application.state.access.refresh()
    return application


async def _client(
    application: Any, address: str = "203.0.113.9"
) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=application, client=(address, 40002))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
async def org(api: Api) -> Org:
    return await api.new_org()


# --- automatic persisted queries ------------------------------------------------------------


async def test_apq_unknown_hash_answers_not_found_with_200(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json=apq(fresh("{ __typename }")))
    assert response.status_code == 200
    assert codes(response) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert response.json()["errors"][0]["message"] == "PersistedQueryNotFound"


async def test_apq_hash_with_document_runs_then_hash_alone_runs(
    client: httpx.AsyncClient, org: Org
) -> None:
    text = fresh(VIEWER)
    first = await client.post(
        "/graphql", json=apq(text, with_document=True), headers=bearer(org.token())
    )
    assert first.json() == {"data": {"viewer": {"roles": ["owner"]}}}
    again = await client.post("/graphql", json=apq(text), headers=bearer(org.token()))
    assert again.json() == {"data": {"viewer": {"roles": ["owner"]}}}
    stored = await PersistedDocument.get(sha256=sha256(text))
    assert stored.body == text and not stored.trusted
    assert stored.registrant == f"organization:{org.id}"


async def test_apq_hash_of_other_document_refused_with_mismatch(client: httpx.AsyncClient) -> None:
    text = fresh("{ __typename }")
    body = apq(fresh("{ __typename }"))
    body["query"] = text
    response = await client.post("/graphql", json=body)
    assert response.status_code == 400
    assert codes(response) == ["PERSISTED_QUERY_HASH_MISMATCH"]
    assert not await PersistedDocument.exists(sha256=sha256(text))


async def test_apq_document_that_does_not_validate_runs_unstored(client: httpx.AsyncClient) -> None:
    text = fresh("{ noSuchField }")
    response = await client.post("/graphql", json=apq(text, with_document=True))
    assert codes(response) == ["GRAPHQL_VALIDATION_FAILED"]
    assert not await PersistedDocument.exists(sha256=sha256(text))


@pytest.mark.parametrize(
    "persisted",
    [
        {"version": 1, "sha256Hash": "A" * 64},
        {"version": 1, "sha256Hash": "a" * 63},
        {"version": 1, "sha256Hash": 5},
        {"version": 1},
        {"version": 2, "sha256Hash": "a" * 64},
        "a" * 64,
    ],
)
async def test_apq_malformed_extension_refused_with_400(
    client: httpx.AsyncClient, persisted: Any
) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ __typename }", "extensions": {"persistedQuery": persisted}}
    )
    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]


async def test_apq_registered_by_one_app_runs_on_another_sharing_the_database(
    settings: Settings,
) -> None:
    text = fresh("query Shared { __typename }")
    first, second = await _app(settings), await _app(settings)
    async for a in _client(first):
        registered = await a.post("/graphql", json=apq(text, with_document=True))
        assert registered.json() == {"data": {"__typename": "Query"}}
    async for b in _client(second):
        response = await b.post("/graphql", json=apq(text))
        assert response.json() == {"data": {"__typename": "Query"}}


async def test_apq_registrations_over_the_hourly_allowance_run_unstored(settings: Settings) -> None:
    application = await _app(_variant(settings, apq_registrations_per_hour=1))
    kept, over = fresh("{ __typename }"), fresh("{ __typename }")
    async for c in _client(application, address=f"198.51.100.{uuid.uuid4().int % 250}"):
        for text in (kept, over):
            response = await c.post("/graphql", json=apq(text, with_document=True))
            assert response.json() == {"data": {"__typename": "Query"}}
        assert (await c.post("/graphql", json=apq(kept))).json() == {
            "data": {"__typename": "Query"}
        }
        assert codes(await c.post("/graphql", json=apq(over))) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_apq_turned_off_answers_not_supported(settings: Settings) -> None:
    application = await _app(_variant(settings, automatic_persisted_queries=False))
    async for c in _client(application):
        response = await c.post("/graphql", json=apq(fresh("{ __typename }")))
        assert response.status_code == 200
        assert codes(response) == ["PERSISTED_QUERY_NOT_SUPPORTED"]
        plain = await c.post("/graphql", json={"query": "{ __typename }"})
        assert plain.json() == {"data": {"__typename": "Query"}}


# --- trusted documents ------------------------------------------------------------------------


async def test_document_id_of_trusted_document_runs(client: httpx.AsyncClient, org: Org) -> None:
    text = fresh(VIEWER)
    await trust(text)
    for document_id in (sha256(text), f"sha256:{sha256(text)}"):
        response = await client.post(
            "/graphql", json={"documentId": document_id}, headers=bearer(org.token())
        )
        assert response.json() == {"data": {"viewer": {"roles": ["owner"]}}}


async def test_document_id_unknown_answers_not_found(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"documentId": sha256(fresh("{ __typename }"))})
    assert response.status_code == 200
    assert codes(response) == ["PERSISTED_QUERY_NOT_FOUND"]


@pytest.mark.parametrize("document_id", ["sha256:xyz", "md5:" + "a" * 64, 5, "A" * 64])
async def test_document_id_malformed_refused_with_400(
    client: httpx.AsyncClient, document_id: Any
) -> None:
    response = await client.post("/graphql", json={"documentId": document_id})
    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]


@pytest.fixture(scope="module")
async def trusted_only_app(settings: Settings) -> Any:
    return await _app(_variant(settings, trusted_documents_only=True))


@pytest.fixture
async def trusted_only(trusted_only_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client(trusted_only_app):
        yield c


async def test_trusted_only_refuses_ad_hoc_document(trusted_only: httpx.AsyncClient) -> None:
    response = await trusted_only.post("/graphql", json={"query": fresh("{ __typename }")})
    assert response.status_code == 400
    assert codes(response) == ["PERSISTED_QUERY_REQUIRED"]


async def test_trusted_only_refuses_apq_registration(trusted_only: httpx.AsyncClient) -> None:
    text = fresh("{ __typename }")
    assert codes(await trusted_only.post("/graphql", json=apq(text))) == [
        "PERSISTED_QUERY_NOT_FOUND"
    ]
    response = await trusted_only.post("/graphql", json=apq(text, with_document=True))
    assert response.status_code == 400
    assert codes(response) == ["PERSISTED_QUERY_REQUIRED"]
    assert not await PersistedDocument.exists(sha256=sha256(text))


async def test_trusted_only_refuses_automatic_document(
    trusted_only: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    text = fresh("{ __typename }")
    await client.post("/graphql", json=apq(text, with_document=True))
    assert await PersistedDocument.exists(sha256=sha256(text), trusted=False)
    assert codes(await trusted_only.post("/graphql", json=apq(text))) == [
        "PERSISTED_QUERY_NOT_FOUND"
    ]


async def test_trusted_only_runs_trusted_document_by_id_hash_or_text(
    trusted_only: httpx.AsyncClient, org: Org
) -> None:
    text = fresh(VIEWER)
    await trust(text)
    for body in ({"documentId": sha256(text)}, apq(text), {"query": text}):
        response = await trusted_only.post("/graphql", json=body, headers=bearer(org.token()))
        assert response.json() == {"data": {"viewer": {"roles": ["owner"]}}}, body


# --- GET ----------------------------------------------------------------------------------------


def get_params(text: str, **params: Any) -> dict[str, str]:
    return {
        "extensions": json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha256(text)}}),
        **params,
    }


async def test_get_persisted_query_anonymous_answer_cacheable(client: httpx.AsyncClient) -> None:
    text = fresh("{ __typename }")
    await trust(text)
    response = await client.get("/graphql", params=get_params(text))
    assert response.json() == {"data": {"__typename": "Query"}}
    assert response.headers["cache-control"] == "public, max-age=60"
    assert "Authorization" in response.headers["vary"]


async def test_get_persisted_query_signed_in_answer_never_stored(
    client: httpx.AsyncClient, org: Org
) -> None:
    text = fresh(VIEWER)
    await trust(text)
    response = await client.get(
        "/graphql", params=get_params(text, operationName="Viewer"), headers=bearer(org.token())
    )
    assert response.json() == {"data": {"viewer": {"roles": ["owner"]}}}
    assert response.headers["cache-control"] == "private, no-store"
    assert "Authorization" in response.headers["vary"]


async def test_get_persisted_query_with_errors_not_stored(client: httpx.AsyncClient) -> None:
    text = fresh(VIEWER)
    await trust(text)
    response = await client.get("/graphql", params={"documentId": sha256(text)})
    assert codes(response) == ["UNAUTHENTICATED"]
    assert response.headers["cache-control"] == "no-store"


async def test_get_persisted_query_with_variables(client: httpx.AsyncClient) -> None:
    text = fresh("query Echo($skip: Boolean!) { __typename @skip(if: $skip) }")
    await trust(text)
    response = await client.get(
        "/graphql", params=get_params(text, variables=json.dumps({"skip": False}))
    )
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize(
    "text",
    [
        "mutation Out { sessionRevoke { userErrors { code } } }",
        'subscription Jobs { jobProgress(id: "x") { id } }',
    ],
)
async def test_get_persisted_mutation_or_subscription_refused_with_405(
    client: httpx.AsyncClient, text: str
) -> None:
    text = fresh(text)
    await trust(text)
    for params in (get_params(text), {"documentId": sha256(text)}):
        response = await client.get("/graphql", params=params)
        assert response.status_code == 405
        assert response.headers["allow"] == "POST"
        assert codes(response) == ["METHOD_NOT_ALLOWED"]


async def test_get_mutation_among_query_operations_refused_by_name(
    client: httpx.AsyncClient,
) -> None:
    text = fresh("query Q { __typename } mutation M { sessionRevoke { userErrors { code } } }")
    await trust(text)
    query = await client.get("/graphql", params=get_params(text, operationName="Q"))
    assert query.json() == {"data": {"__typename": "Query"}}
    mutation = await client.get("/graphql", params=get_params(text, operationName="M"))
    assert mutation.status_code == 405


async def test_get_ad_hoc_query_refused_with_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ __typename }"})
    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]


async def test_get_unknown_hash_answers_not_found_uncached(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql", params=get_params(fresh("{ __typename }")), headers={"accept": "*/*"}
    )
    assert response.status_code == 200
    assert codes(response) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert response.headers["cache-control"] == "no-store"


# --- the manifest -------------------------------------------------------------------------------


def _register(settings: Settings, path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LEDGERLINE_DATABASE_URL": settings.database_url,
        "LEDGERLINE_DATA_DIR": str(settings.data_dir),
        "LEDGERLINE_JWT_SECRET": settings.secret,
        "LEDGERLINE_LOG_LEVEL": "WARNING",
    }
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "documents", "register", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def _manifest(*operations: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "apollo-persisted-query-manifest",
        "version": 1,
        "operations": list(operations),
    }


def _operation(text: str, **changes: Any) -> dict[str, Any]:
    return {"id": sha256(text), "name": "Op", "type": "query", "body": text, **changes}


async def test_manifest_registered_documents_run_by_id(
    settings: Settings, client: httpx.AsyncClient
) -> None:
    apollo, plain = fresh("query A { __typename }"), fresh("query B { __typename }")
    assert await register_manifest(
        json.dumps(_manifest(_operation(apollo))).encode(), settings
    ) == (1, 0)
    assert await register_manifest(json.dumps({sha256(plain): plain}).encode(), settings) == (1, 0)
    for text in (apollo, plain):
        response = await client.post("/graphql", json={"documentId": sha256(text)})
        assert response.json() == {"data": {"__typename": "Query"}}
        assert (await PersistedDocument.get(sha256=sha256(text))).trusted


async def test_manifest_documents_stored_by_clients_become_trusted(
    settings: Settings, client: httpx.AsyncClient
) -> None:
    text = fresh("{ __typename }")
    await client.post("/graphql", json=apq(text, with_document=True))
    assert await register_manifest(json.dumps({sha256(text): text}).encode(), settings) == (0, 1)
    assert (await PersistedDocument.get(sha256=sha256(text))).trusted


@pytest.mark.parametrize(
    "flaw",
    [
        {"id": "A" * 64},
        {"id": "not-a-hash"},
        {"id": sha256("something else")},
        {"type": "mutation"},
        {"type": "fragment"},
        {"body": "{ unclosed"},
        {"body": 5},
        {"name": 5},
    ],
)
async def test_manifest_with_a_flaw_refused_whole(settings: Settings, flaw: dict[str, Any]) -> None:
    good, bad = fresh("query Good { __typename }"), fresh("query Bad { __typename }")
    manifest = _manifest(_operation(good), _operation(bad, **flaw))
    with pytest.raises(ManifestRefused) as refused:
        await register_manifest(json.dumps(manifest).encode(), settings)
    assert refused.value.problems
    assert not await PersistedDocument.exists(sha256=sha256(good))


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b"[]",
        b'{"format": "other", "version": 1, "operations": []}',
        b"{}",
        b'{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [5]}',
    ],
)
async def test_manifest_not_of_a_known_shape_refused(settings: Settings, data: bytes) -> None:
    with pytest.raises(ManifestRefused):
        await register_manifest(data, settings)


async def test_manifest_command_with_a_flaw_stores_nothing(
    settings: Settings, tmp_path: Path
) -> None:
    good = fresh("query Good { __typename }")
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(_manifest(_operation(good), _operation("{ x }", id="A" * 64))))
    done = _register(settings, path)
    assert done.returncode == 1
    assert "nothing registered" in done.stderr
    assert "lowercase hexadecimal" in done.stderr
    assert not await PersistedDocument.exists(sha256=sha256(good))
