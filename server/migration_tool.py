"""Write one aerich migration that holds both SQLite and PostgreSQL SQL.

Aerich renders DDL for one dialect. This runs it offline (no database needed) once per
dialect on a scratch copy of migrations/ and merges the two results into one file whose
upgrade(db) picks the SQL by the connection's dialect. `ledgerline makemigration NAME`.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from aerich import Command
from aerich.exceptions import NotSupportError
from aerich.migrate import Migrate
from tortoise.context import TortoiseContext

from server.db import tortoise_config

APP = "models"
MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"
# Offline: the URLs only choose the DDL dialect; nothing connects to them.
DIALECT_URLS = {"sqlite": "sqlite://:memory:", "postgres": "postgres://x:x@127.0.0.1:1/x"}

_TEMPLATE = '''"""{title}"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {upgrade}

DOWNGRADE = {downgrade}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.schema_generator.DIALECT]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.schema_generator.DIALECT]


MODELS_STATE = (
    {state!r}
)
'''


def reset_aerich_state() -> None:
    """Aerich keeps a diff in class attributes it never clears; start each run clean."""
    for attr in (
        "upgrade_operators",
        "downgrade_operators",
        "_upgrade_fk_m2m_index_operators",
        "_downgrade_fk_m2m_index_operators",
        "_upgrade_m2m",
        "_downgrade_m2m",
    ):
        setattr(Migrate, attr, [])
    Migrate._rename_fields, Migrate._rename_models = {}, {}
    Migrate._last_version_content = None


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def _generate(url: str, name: str, scratch: Path, source: Path) -> Path | None:
    command = Command(tortoise_config=tortoise_config(url), app=APP, location=str(scratch))
    has_history = source.exists() and any(source.glob("*.py"))  # noqa: ASYNC240 - a CLI tool
    try:
        if has_history:
            shutil.copytree(source, scratch / APP)
            await command.init(offline=True)  # the baseline is the last file's MODELS_STATE
            created = await command.migrate(name=name, no_input=True, offline=True)
        else:
            await command.init_migrations(safe=True)
            created = f"{Migrate.get_last_version_file()}.py"
    finally:
        await command.aclose()
    return scratch / APP / created if created else None


async def pending_changes(location: Path = MIGRATIONS) -> bool:
    """True when the models differ from the state recorded by the last migration."""
    reset_aerich_state()
    with tempfile.TemporaryDirectory() as tmp, TortoiseContext():
        return (
            await _generate(DIALECT_URLS["postgres"], "drift", Path(tmp), location / APP)
            is not None
        )


async def make_migration(name: str, location: Path = MIGRATIONS) -> Path | None:
    """Write the merged migration; None when the models have not changed."""
    results: dict[str, tuple[str, Any, Any, Any]] = {}
    for dialect, url in reversed(DIALECT_URLS.items()):
        reset_aerich_state()
        with tempfile.TemporaryDirectory() as tmp, TortoiseContext():
            try:
                path = await _generate(url, name, Path(tmp), location / APP)
            except NotSupportError as exc:
                # Aerich cannot alter a column on SQLite. SQLite does not enforce declared
                # lengths or most column types, so a column change is a no-op there.
                if dialect != "sqlite" or "Modify column" not in str(exc):
                    raise
                filename, _, _, state = results["postgres"]
                results[dialect] = (filename, "", "", state)
                continue
            if path is None:
                return None
            module = _load(path)
            results[dialect] = (
                path.name,
                await module.upgrade(None),
                await module.downgrade(None),
                module.MODELS_STATE,
            )
    filename, _, _, state = results["postgres"]
    target = location / APP / filename
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        _TEMPLATE.format(
            title=f"{Path(filename).stem}: the same change for SQLite and PostgreSQL.",
            upgrade=_dict({d: results[d][1] for d in DIALECT_URLS}),
            downgrade=_dict({d: results[d][2] for d in DIALECT_URLS}),
            state=state,
        )
    )
    return target


def _dict(values: dict[str, str]) -> str:
    body = "".join(f'    "{k}": """{v}""",\n' for k, v in values.items())
    return "{\n" + body + "}"
