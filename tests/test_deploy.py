"""The deployment files describe processes the command line can run, with settings that exist."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from server.cli import parser
from server.settings import Settings

DEPLOY = Path(__file__).resolve().parents[1] / "docs" / "deploy"


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    return loaded


def _ledgerline_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: service
        for name, service in compose["services"].items()
        if service.get("image") == "ledgerline"
    }


def test_compose_runs_two_api_processes_two_workers_postgres_and_an_smtp_catcher() -> None:
    compose = _compose()
    commands = [s["command"][0] for s in _ledgerline_services(compose).values()]
    assert sorted(commands) == ["migrate", "serve", "serve", "worker", "worker"]
    images = {s.get("image", "").split(":")[0] for s in compose["services"].values()}
    assert {"postgres", "axllent/mailpit"} <= images


def test_every_command_in_the_deployment_files_is_one_the_cli_accepts() -> None:
    cli = parser()
    for name, service in _ledgerline_services(_compose()).items():
        args = cli.parse_args(service["command"])
        assert callable(args.run), name
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    cmd = next(line for line in dockerfile.splitlines() if line.startswith("CMD "))
    assert callable(cli.parse_args(yaml.safe_load(cmd.removeprefix("CMD "))).run)


def test_every_setting_the_compose_file_sets_exists() -> None:
    known = {f"LEDGERLINE_{name.upper()}" for name in Settings.model_fields}
    for name, service in _ledgerline_services(_compose()).items():
        assert set(service["environment"]) <= known, name
