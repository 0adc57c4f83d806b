"""Casbin adapter: built-in rules from policies/policy.csv plus rules stored in the database.

Casbin's adapters are synchronous while Tortoise is async, so rows are fetched first
(`fetch`) and handed to Casbin when it asks (`load_policy`). Writes do not go through the
adapter: they happen in the caller's transaction (see server/access/rules.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casbin import persist
from casbin.persist.adapters import FileAdapter

from server.access.models import CasbinRule


class TortoiseAdapter(persist.Adapter):
    def __init__(self, policy_file: Path) -> None:
        self._file = FileAdapter(str(policy_file))
        self._rows: list[list[str]] = []

    async def fetch(self) -> None:
        rows = (
            await CasbinRule.all()
            .order_by("id")
            .values_list("ptype", "v0", "v1", "v2", "v3", "v4", "v5")
        )
        self._rows = [[str(v) for v in row if v != ""] for row in rows]

    def load_policy(self, model: Any) -> None:
        self._file.load_policy(model)
        for ptype, *values in self._rows:
            model.model[ptype[0]][ptype].policy.append(values)

    def save_policy(self, model: Any) -> bool:
        raise NotImplementedError("rules are written through server.access.rules")
