"""The aerich history covers the models and upgrades an empty database to head."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from aerich.utils import compress_dict, decompress_dict
from tortoise import Tortoise

from server.db import MIGRATIONS_DIR, migrate
from server.identity.models import Organization
from server.migration_tool import pending_changes


def _number(name: str) -> int:
    return int(name.split("_", 1)[0])


# In the order aerich applies them: by number, so that 10 comes after 9.
HISTORY = sorted((p.name for p in (MIGRATIONS_DIR / "models").glob("*.py")), key=_number)


def _model_tables() -> set[str]:
    """Tables of the models the session's Tortoise context knows (aerich's own included)."""
    apps = Tortoise.apps
    assert apps is not None
    tables = set()
    for model in apps.get_models_iterable():
        tables.add(model._meta.db_table)
        for field in model._meta.m2m_fields:
            tables.add(model._meta.fields_map[field].through)
    return tables


async def _session_still_works() -> None:
    """server.db.migrate and the migration tool use their own Tortoise contexts."""
    assert await Organization.all().count() >= 0
    assert Tortoise.apps is not None and "models" in Tortoise.apps


def test_history_present() -> None:
    assert HISTORY, "migrations/models holds no migration"
    assert HISTORY[0].startswith("0_")
    numbers = [int(name.split("_", 1)[0]) for name in HISTORY]
    assert numbers == list(range(len(HISTORY))), f"gap or duplicate in {HISTORY}"


async def test_models_changed_without_migration_none() -> None:
    assert await pending_changes() is False, (
        "the models differ from the last migration's state: run "
        "`ledgerline makemigration NAME` and commit the file"
    )
    await _session_still_works()


async def test_pending_changes_detects_model_missing_from_history(tmp_path: Path) -> None:
    """The drift check is live: a history whose last state lacks a field is reported."""
    copy = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR / "models", copy / "models")
    last = copy / "models" / HISTORY[-1]
    spec = importlib.util.spec_from_file_location(f"migration_{uuid.uuid4().hex}", last)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    state = decompress_dict(module.MODELS_STATE)
    organization = state["models.Organization"]
    organization["data_fields"] = [
        f for f in organization["data_fields"] if f["name"] != "base_currency"
    ]
    with last.open("a") as handle:
        handle.write(f"\nMODELS_STATE = {compress_dict(state)!r}\n")

    assert await pending_changes(copy) is True
    await _session_still_works()


async def test_history_upgrades_empty_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "fresh.sqlite3"
    url = f"sqlite://{path}"

    applied = await migrate(url)

    assert applied == HISTORY  # every migration, in order
    with sqlite3.connect(path) as db:
        tables = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        versions = sorted((row[0] for row in db.execute("SELECT version FROM aerich")), key=_number)
        seeded = db.execute("SELECT version FROM policy_state").fetchall()
    assert _model_tables() - tables == set()
    assert versions == HISTORY
    assert len(seeded) == 1  # the seed migration ran too
    assert await migrate(url) == []  # at head: nothing more to apply
    await _session_still_works()


def _asyncpg_url(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


@pytest.fixture
async def scratch_postgres() -> AsyncIterator[str]:
    server = os.environ["LEDGERLINE_TEST_DATABASE_URL"].rsplit("/", 1)[0]
    name = f"ledgerline_migrate_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_asyncpg_url(f"{server}/postgres"))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield f"{server}/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.mark.postgres
async def test_history_upgrades_empty_postgres_database(scratch_postgres: str) -> None:
    applied = await migrate(scratch_postgres)

    assert applied == HISTORY  # every migration, in order
    db = await asyncpg.connect(_asyncpg_url(scratch_postgres))
    try:
        tables = {
            row["table_name"]
            for row in await db.fetch(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
        }
        versions = sorted(
            (row["version"] for row in await db.fetch("SELECT version FROM aerich")), key=_number
        )
        audit_triggers = await db.fetch(
            "SELECT tgname FROM pg_trigger "
            "WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal"
        )
    finally:
        await db.close()
    assert _model_tables() - tables == set()
    assert versions == HISTORY
    assert audit_triggers, "the audit log is not append-only on PostgreSQL"
    assert await migrate(scratch_postgres) == []
    await _session_still_works()
