"""GraphiQL works offline: its page loads only files the app serves, pinned by their sums."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from schema.graphiql import ASSETS
from server.app import create_app
from server.settings import Settings

REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")
CONTENT_TYPES = {".js": "text/javascript", ".css": "text/css"}


def test_graphiql_assets_match_their_recorded_sums() -> None:
    manifest = json.loads((ASSETS / "manifest.json").read_text())
    on_disk = {p.name for p in ASSETS.iterdir() if p.name != "manifest.json"}
    assert on_disk == {f"{name}.gz" for name in manifest["assets"]}
    for name, asset in manifest["assets"].items():
        npm_file = gzip.decompress((ASSETS / f"{name}.gz").read_bytes())
        assert hashlib.sha256(npm_file).hexdigest() == asset["sha256"], name
        assert asset["version"] in name


async def _page(client: httpx.AsyncClient) -> str:
    response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    return response.text


async def test_graphiql_page_references_no_other_site(client: httpx.AsyncClient) -> None:
    page = await _page(client)
    assert "GraphiQL" in page
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", page, re.IGNORECASE)


async def test_graphiql_page_assets_served_with_their_types(client: httpx.AsyncClient) -> None:
    references = REFERENCE.findall(await _page(client))
    assert len(references) == 4
    for reference in references:
        assert reference.startswith("/graphiql/assets/"), reference
        response = await client.get(reference)
        assert response.status_code == 200, reference
        suffix = reference[reference.rindex(".") :]
        assert response.headers["content-type"].startswith(CONTENT_TYPES[suffix]), reference
        assert response.headers["content-encoding"] == "gzip", reference
        name = reference.rsplit("/", 1)[1]
        npm_file = gzip.decompress((ASSETS / f"{name}.gz").read_bytes())
        assert response.content == npm_file  # httpx inflates what it was sent


async def test_graphiql_asset_inflated_for_a_client_without_gzip(
    client: httpx.AsyncClient,
) -> None:
    name = "react-18.2.0.production.min.js"
    response = await client.get(f"/graphiql/assets/{name}", headers={"accept-encoding": "identity"})
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert response.content == gzip.decompress((ASSETS / f"{name}.gz").read_bytes())


@pytest.mark.parametrize("name", ["manifest.json", "..%2Fpage.html", "other.js"])
async def test_graphiql_asset_not_listed_not_served(client: httpx.AsyncClient, name: str) -> None:
    response = await client.get(f"/graphiql/assets/{name}")
    assert response.status_code == 404


@pytest.fixture
async def production(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    application: Any = create_app(
        Settings(**{**settings.model_dump(), "env": "production"}), manage_database=False
    )
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def test_graphiql_assets_in_production_not_served(production: httpx.AsyncClient) -> None:
    response = await production.get("/graphiql/assets/graphiql-3.8.3.min.js")
    assert response.status_code == 404
