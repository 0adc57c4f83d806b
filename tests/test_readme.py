"""The README's roles table is the built-in roles of policies/policy.csv."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^\| `([a-z_]+)` \| (.+) \|$", re.MULTILINE)


def _policy() -> dict[str, set[tuple[str, str]]]:
    grants: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for line in (ROOT / "policies" / "policy.csv").read_text().splitlines():
        parts = [part.strip() for part in line.split(",")]
        if parts[0] == "p":
            grants[parts[1]].add((parts[3], parts[4]))
    return grants


def _readme_roles() -> dict[str, str]:
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## Roles") : text.index("## Documentation")]
    return dict(ROW.findall(section))


def test_readme_roles_table_matches_the_policy() -> None:
    policy, readme = _policy(), _readme_roles()
    assert set(readme) == set(policy)
    assert readme.pop("owner") == "everything"
    for role, cell in readme.items():
        listed = {
            (obj, action)
            for entry in cell.split(", ")
            for obj, actions in [entry.split(":")]
            for action in actions.split("/")
        }
        assert listed == policy[role], role


def test_readme_stays_a_front_door() -> None:
    assert len((ROOT / "README.md").read_text().splitlines()) <= 220
