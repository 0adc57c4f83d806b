"""Every dependency of pyproject.toml is explained in docs/decisions/dependencies.md."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^\| `([A-Za-z0-9_.-]+)` \|", re.MULTILINE)


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower()


def _dependencies() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        wanted += extra
    return {_name(requirement) for requirement in wanted}


def test_every_dependency_is_explained() -> None:
    rows = set(ROW.findall((ROOT / "docs" / "decisions" / "dependencies.md").read_text()))
    assert sorted(_dependencies() - rows) == []
    assert sorted(rows - _dependencies()) == []
