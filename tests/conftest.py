"""Test database and client.

SQLite by default; with LEDGERLINE_TEST_BACKEND=postgres a fresh database is created on the
server of LEDGERLINE_TEST_DATABASE_URL and dropped afterwards. Either way the schema is built
by the migrations, as in production. Tests isolate themselves by creating their own
organizations, so nothing depends on what another test left behind.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from hypothesis import settings as hypothesis_settings
from tortoise import Tortoise

from server import clock
from server.app import create_app
from server.db import migrate, tortoise_config
from server.settings import Settings
from tests.support import Api

BACKEND = os.environ.get("LEDGERLINE_TEST_BACKEND", "sqlite")
IS_POSTGRES = BACKEND == "postgres"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason="needs PostgreSQL (LEDGERLINE_TEST_BACKEND=postgres)")
    for item in items:
        if "postgres" in item.keywords and not IS_POSTGRES:
            item.add_marker(skip)


def _asyncpg_url(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


@pytest.fixture(scope="session")
async def database_url(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    if not IS_POSTGRES:
        yield f"sqlite://{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        return
    server = os.environ["LEDGERLINE_TEST_DATABASE_URL"].rsplit("/", 1)[0]
    name = f"ledgerline_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_asyncpg_url(f"{server}/postgres"))
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture(scope="session")
async def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        env="test",
        database_url=database_url,
        data_dir=Path(tmp_path_factory.mktemp("data")),
        jwt_secret="test-secret-" + "x" * 40,
        cors_origins=["https://app.example.com"],
        # Every test client shares one address; the per-address limit is tested on its own.
        sign_in_free_failures_per_address=10_000,
        log_json=True,
        log_level="WARNING",
        # The cheapest argon2id parameters; tests/identity/test_passwords.py keeps the real ones.
        password_hash_time_cost=1,
        password_hash_memory_kib=8,
        password_hash_parallelism=1,
    )


@pytest.fixture(scope="session", autouse=True)
async def database(database_url: str) -> AsyncIterator[None]:
    await migrate(database_url)
    await Tortoise.init(config=tortoise_config(database_url))
    yield
    await Tortoise.close_connections()


@pytest.fixture(scope="session")
async def app(settings: Settings, database: None) -> Any:
    application = create_app(settings, manage_database=False)
    await application.state.access.refresh()
    return application


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
async def api(client: httpx.AsyncClient) -> Api:
    return Api(client)


# Property tests draw the same examples on every run, so a red build is reproducible and
# never depends on luck; a run with HYPOTHESIS_PROFILE=explore searches afresh.
hypothesis_settings.register_profile("repeatable", derandomize=True, deadline=None)
hypothesis_settings.register_profile("explore", deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture
def held_clock() -> Iterator[clock.HeldClock]:
    """The application's clock held at the current moment until the test moves it."""
    with clock.held_at(datetime.now(UTC)) as held:
        yield held
