"""Every GraphQL example of the documentation parses, is valid against the schema the API
serves, and runs against the demo data without errors (docs/decisions/docs-examples.md).

Each page starts from a fresh copy of the demo database, signed in as the demo owner, and
runs its examples top to bottom, so a page may use what its earlier examples created and no
page sees another's changes. The demo database is its own SQLite file in a Tortoise context
of its own: the test database of the rest of the suite is never touched."""

from __future__ import annotations

import ipaddress
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import GraphQLSchema, build_schema, parse, validate
from tortoise.context import TortoiseContext

from schema.export import sdl
from server.app import create_app
from server.db import migrate, tortoise_config
from server.demo import DEMO_DOMAIN, load_demo
from server.settings import Settings
from server.webhooks import guard
from tests.conftest import IS_POSTGRES
from tests.docs_examples import (
    CATALOGUE,
    PAGES,
    Fence,
    Memory,
    Operation,
    fences,
    is_sdl,
    operations,
    relative,
    user_errors,
    with_typenames,
)
from tests.support import Api

DEMO_PASSWORD = "demo-password"
EXAMPLE_PAGES = [page for page in PAGES if fences(page)]


def _relative(page: Path) -> str:
    return relative(page)


@pytest.fixture(scope="module")
def served_schema() -> GraphQLSchema:
    return build_schema(sdl())


def _static_problems(fence: Fence, schema: GraphQLSchema) -> list[str]:
    """What is wrong with a fence before anything runs: parsing, validation, variables."""
    try:
        document = parse(fence.source)
    except Exception as error:  # a syntax error names the line within the fence
        return [f"{fence.where}: does not parse: {error}"]
    if fence.sdl or is_sdl(document):
        return [f"{fence.where}: {p}" for p in _sdl_problems(document, schema)]
    problems = [
        f"{_relative(fence.page)}:{operation.line}: {error.message}"
        for operation in operations(fence)
        for error in validate(schema, parse(operation.document))
    ]
    if fence.variables is not None:
        try:
            json.loads(fence.variables)
        except ValueError as error:
            problems.append(f"{fence.where}: the ```json variables do not parse: {error}")
    return problems


def _sdl_problems(document: Any, schema: GraphQLSchema) -> list[str]:
    """An SDL snippet shows part of the served schema: its types, fields and values exist."""
    problems = []
    for definition in document.definitions:
        name = getattr(getattr(definition, "name", None), "value", None)
        if name is None:
            continue
        served = schema.get_type(name)
        if served is None:
            problems.append(f"type {name} is not in the schema")
            continue
        members = getattr(served, "fields", None) or getattr(served, "values", None) or {}
        for member in [*(definition.fields or ()), *(getattr(definition, "values", ()) or ())]:
            if member.name.value not in members:
                problems.append(f"{name}.{member.name.value} is not in the schema")
    return problems


@pytest.mark.parametrize("page", EXAMPLE_PAGES, ids=_relative)
def test_docs_graphql_examples_parse_and_validate(page: Path, served_schema: GraphQLSchema) -> None:
    problems = [p for fence in fences(page) for p in _static_problems(fence, served_schema)]
    assert problems == [], "\n".join(problems)


def test_docs_stale_example_is_reported_with_its_page_and_line(
    tmp_path: Path, served_schema: GraphQLSchema
) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n```graphql\n{ viewer { roles } }\n# as: approver\n# expect: userErrors\n"
        "query($n: Int) { customers(first: $n) { nodes { nickname } } }\n```\n\n"
        '```json\n{"n": 2}\n```\n'
    )
    (fence,) = fences(page)
    assert fence.variables == '{"n": 2}'
    first, second = operations(fence)
    assert (first.line, first.role, first.expect) == (4, "owner", None)
    assert (second.line, second.role, second.expect) == (7, "approver", "userErrors")
    (problem,) = _static_problems(fence, served_schema)
    assert problem.startswith(f"{page}:7: Cannot query field 'nickname'")


@pytest.fixture(scope="module")
async def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the demo loaded, copied afresh for every page."""
    path = tmp_path_factory.mktemp("docs-demo") / "demo.sqlite3"
    url = f"sqlite://{path}"
    await migrate(url)
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(url))
        await load_demo(DEMO_PASSWORD, datetime.now(UTC).date())
    return path


@pytest.mark.skipif(IS_POSTGRES, reason="the examples run on a SQLite copy of the demo anyway")
async def test_docs_graphql_examples_run_against_the_demo(
    demo_database: Path, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Webhook hosts of the examples resolve to this machine, where nothing listens for them:
    # no example reaches the network.
    monkeypatch.setattr(guard, "resolve", _here)
    # One application for every page, its rules reloaded for each page's database. The query
    # cache is off: pages restore the same audit sequence with other contents.
    app = create_app(
        settings.model_copy(
            update={
                "database_url": f"sqlite://{demo_database}",
                "query_cache_entries": 0,
                "webhooks_allow_private": True,
            }
        ),
        manage_database=False,
    )
    transport = httpx.ASGITransport(app=app, client=("203.0.113.9", 40000))
    problems: list[str] = []
    for number, page in enumerate(EXAMPLE_PAGES):
        copy = tmp_path / f"page-{number}.sqlite3"
        shutil.copyfile(demo_database, copy)
        async with TortoiseContext() as context:
            await context.init(config=tortoise_config(f"sqlite://{copy}"))
            await app.state.access.refresh()
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                problems += await _run_page(Api(c), page)
    assert problems == [], "\n".join(problems)


async def _here(target: guard.Target) -> list[guard.IPAddress]:
    return [ipaddress.ip_address("127.0.0.1")]


async def _run_page(api: Api, page: Path) -> list[str]:
    tokens: dict[str, str] = {}

    async def token(role: str) -> str:
        if role not in tokens:
            session = await api.sign_in(f"{role}@{DEMO_DOMAIN}", DEMO_PASSWORD)
            tokens[role] = session["accessToken"]
        return tokens[role]

    memory = Memory()
    memory.learn_demo(await api.data(CATALOGUE, token=await token("owner")))
    problems: list[str] = []
    for fence in fences(page):
        if fence.sdl or is_sdl(parse(fence.source)):
            continue
        for operation in operations(fence):
            if operation.document.startswith("subscription"):
                continue  # validated above; subscriptions are served over WebSocket only
            problem = await _run(api, operation, memory, await token(operation.role))
            if problem:
                problems.append(f"{_relative(page)}:{operation.line}: {problem}")
    return problems


async def _run(api: Api, operation: Operation, memory: Memory, token: str) -> str | None:
    declared = parse(operation.document).definitions[0]
    names = {v.variable.name.value for v in getattr(declared, "variable_definitions", None) or ()}
    given = json.loads(operation.fence.variables or "{}")
    try:
        document = with_typenames(memory.fill(operation.document))
        variables = json.loads(memory.fill(json.dumps({k: given[k] for k in names & set(given)})))
    except LookupError as error:
        return str(error)
    result = await api.gql(document, variables, token=token)
    memory.learn(result.get("data"))
    errors, failures = result.get("errors"), user_errors(result.get("data"))
    if operation.expect == "errors":
        return None if errors else "meant to fail with errors, but it did not"
    if errors:
        return f"errors: {json.dumps(errors)[:600]}"
    if operation.expect == "userErrors":
        return None if failures else "meant to show userErrors, but there were none"
    if failures:
        return f"userErrors: {json.dumps(failures)[:600]}"
    return None
