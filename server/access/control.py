"""The process's Casbin enforcer and the rules it decides by.

Subjects are `user:<id>` (or `key:<id>`), domains `org:<id>`. Built-in role grants come from
policies/policy.csv; role assignments and custom roles are database rows. Every rule change
bumps `policy_state.version` in the same transaction, and each request compares that version
with the one this process loaded, so a change made by any process applies on the next request.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from uuid import UUID

import casbin
from casbin.model import FastModel
from tortoise.expressions import F

from server.access.adapter import TortoiseAdapter
from server.access.catalogue import BUILTIN_ROLES
from server.access.models import CasbinRule, PolicyState

POLICY_DIR = Path(__file__).resolve().parents[2] / "policies"


def subject(user_id: UUID | str) -> str:
    return f"user:{user_id}"


def key_subject(key_id: UUID | str) -> str:
    return f"key:{key_id}"


def domain(organization_id: UUID | str) -> str:
    return f"org:{organization_id}"


class _FastModel(FastModel):
    """pycasbin 2.8's FastModel.add_def drops Model.add_def's answer, so loading a model stops
    after the first definition of a section and `p2` would be ignored; give the answer back."""

    def add_def(self, sec: str, key: str, value: Any) -> bool | None:
        super().add_def(sec, key, value)
        return True if value != "" else None


class _FastEnforcer(casbin.FastEnforcer):
    def new_model(self, path: str = "", text: str = "") -> Any:
        model = _FastModel(self._cache_key_order)
        if path:
            model.load_model(path)
        else:
            model.load_model_from_text(text)
        return model


class AccessControl:
    """Answers "may this user do (object, action) in this organization?" from memory."""

    def __init__(self, policy_dir: Path = POLICY_DIR) -> None:
        self._adapter = TortoiseAdapter(policy_dir / "policy.csv")
        # Rules are indexed by (subject, object) and decisions are asked per role the user
        # holds (see `allowed`), so Casbin looks at the one or two rules of that role for
        # that object however many organizations and custom roles exist.
        self._enforcer = _FastEnforcer(
            str(policy_dir / "model.conf"), self._adapter, cache_key_order=[0, 2]
        )
        self._enforcer.enable_auto_save(False)
        # pycasbin's domain role manager installs an equality "pattern" matcher by default,
        # which makes every role lookup scan all roles of the domain. Role names here are
        # plain strings, so without a matcher lookups are dictionary hits.
        self._enforcer.get_role_manager().matching_func = None
        self.version: int | None = None
        self._lock = asyncio.Lock()
        # Decisions of the loaded rules; emptied whenever the rules are reloaded.
        self._decisions: dict[tuple[str, str, str, str], bool] = {}
        # Segregation-of-duties rows (`p2`) by (domain, object, action); rebuilt on reload.
        self._duties: dict[tuple[str, str, str], str] | None = None

    async def refresh(self, version: int | None = None) -> None:
        """Reload the rules unless `version` is the one already loaded."""
        if version is not None and version == self.version:
            return
        async with self._lock:
            current = await current_version()
            if current == self.version:
                return
            await self._adapter.fetch()
            self._enforcer.load_policy()
            self._decisions = {}
            self._duties = None
            self.version = current

    def allowed(self, who: str, organization_id: UUID, obj: str, act: str) -> bool:
        """May `who` (a subject: `user:<id>` or `key:<id>`) do (obj, act) here?"""
        key = (who, domain(organization_id), obj, act)
        decision = self._decisions.get(key)
        if decision is None:
            if len(self._decisions) > 100_000:  # bound memory; refilled on demand
                self._decisions = {}
            dom = key[1]
            decision = any(
                self._enforcer.enforce(role, dom, obj, act)
                for role in self._enforcer.get_roles_for_user_in_domain(key[0], dom)
            )
            self._decisions[key] = decision
        return decision

    def roles(self, who: str, organization_id: UUID) -> list[str]:
        return sorted(self._enforcer.get_roles_for_user_in_domain(who, domain(organization_id)))

    def permissions(self, who: str, organization_id: UUID) -> list[tuple[str, str]]:
        """Every (object, action) the subject holds in the organization, through any role."""
        granted: set[tuple[str, str]] = set()
        for role in self.roles(who, organization_id):
            granted |= self.role_permissions(role, organization_id)
        return sorted(granted)

    def role_permissions(self, role: str, organization_id: UUID) -> set[tuple[str, str]]:
        """What a role (built-in name or `role:<id>`) grants in the organization."""
        return {
            (rule[2], rule[3])
            for rule in self._enforcer.get_filtered_policy(0, role)
            if rule[1] in ("*", domain(organization_id))
        }

    def duty_states(self) -> dict[tuple[str, str, str], str]:
        """Segregation-of-duties rules (`p2` rows): (domain, object, action) -> "on" or "off".

        The domain is "*" for the defaults of policies/policy.csv and `org:<id>` for an
        organization's own choice; server/access/duties.py interprets them.
        """
        if self._duties is None:
            self._duties = {
                (dom, obj, act): state
                for dom, obj, act, state in self._enforcer.get_named_policy("p2")
            }
        return self._duties


async def current_version() -> int:
    state = await PolicyState.get_or_none(id=1)
    return state.version if state else 0


async def bump_version() -> None:
    """Call inside the transaction that changed rules."""
    updated = await PolicyState.filter(id=1).update(version=F("version") + 1)
    if not updated:
        await PolicyState.create(id=1, version=1)


async def assign_roles(user_id: UUID, organization_id: UUID, roles: Iterable[str]) -> None:
    """Replace the user's roles in the organization; call inside a transaction."""
    unknown = set(roles) - set(BUILTIN_ROLES)
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    await CasbinRule.filter(ptype="g", v0=subject(user_id), v2=domain(organization_id)).delete()
    await CasbinRule.bulk_create(
        [
            CasbinRule(ptype="g", v0=subject(user_id), v1=role, v2=domain(organization_id))
            for role in sorted(set(roles))
        ]
    )
    await bump_version()
