"""Custom roles: created, changed and deleted without escalation.

Built-in roles (policies/policy.csv) are the same in every organization and cannot be
changed. Custom roles belong to one organization; their subject in Casbin is
`role:<id>`. Who may create or change which permission is server/access/grants.py's rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.access.catalogue import BUILTIN_ROLES, PERMISSIONS
from server.access.control import AccessControl, bump_version, domain
from server.access.grants import check_permission_change, no_escalation
from server.access.models import CasbinRule, Role
from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound

_ROLE_NAME = re.compile(r"[a-z][a-z0-9_]{1,39}")


@dataclass(frozen=True, slots=True)
class RoleView:
    """A role as clients see it: name, whether built in, its permissions."""

    name: str
    subject: str
    builtin: bool
    description: str | None
    permissions: frozenset[tuple[str, str]]
    id: UUID | None = None


def custom_subject(role_id: UUID) -> str:
    return f"role:{role_id}"


def builtin_roles(access: AccessControl, actor: Actor) -> list[RoleView]:
    """The built-in roles, as the policy file grants them; listed before the custom ones
    (schema.identity.role_pages)."""
    return [
        RoleView(name, name, True, None, frozenset(access.role_permissions(name, actor.org)))
        for name in BUILTIN_ROLES
    ]


def custom_view(access: AccessControl, actor: Actor, role: Any) -> RoleView:
    """An own role (a model or a record of its row) with the permissions it grants."""
    subj = custom_subject(role.id)
    return RoleView(
        role.name,
        subj,
        False,
        role.description,
        frozenset(access.role_permissions(subj, actor.org)),
        role.id,
    )


async def role_name_map(actor: Actor, subjects: Iterable[str]) -> dict[str, str]:
    """Display name of each Casbin role subject (custom roles by their name), one query."""
    subjects = set(subjects)
    ids = [UUID(s.removeprefix("role:")) for s in subjects if s.startswith("role:")]
    names = (
        {
            custom_subject(r.id): r.name
            for r in await Role.filter(id__in=ids, organization_id=actor.org)
        }
        if ids
        else {}
    )
    return {s: names.get(s, s) for s in subjects}


async def role_names(actor: Actor, subjects: Iterable[str]) -> list[str]:
    """Display names for Casbin role subjects, sorted."""
    return sorted((await role_name_map(actor, subjects)).values())


async def resolve_roles(actor: Actor, names: Iterable[str], field: str) -> dict[str, str]:
    """Role names -> Casbin subjects; unknown names are an error."""
    wanted = sorted(set(names))
    custom = {
        r.name: custom_subject(r.id)
        for r in await Role.filter(organization_id=actor.org, name__in=wanted)
    }
    resolved = {}
    for name in wanted:
        if name in BUILTIN_ROLES:
            resolved[name] = name
        elif name in custom:
            resolved[name] = custom[name]
        else:
            raise NotFound(f"no role named {name!r}", field=[field])
    return resolved


def _in_catalogue(wanted: Iterable[tuple[str, str]], field: str) -> frozenset[tuple[str, str]]:
    perms = frozenset(wanted)
    unknown = perms - PERMISSIONS
    if unknown:
        raise DomainError(
            f"not in the permission catalogue: {sorted(unknown)}",
            code=ErrorCode.INVALID,
            field=[field],
        )
    return perms


def _role_name(name: str) -> str:
    clean = name.strip().lower()
    if not _ROLE_NAME.fullmatch(clean):
        raise DomainError(
            "role names are 2 to 40 lower-case letters, digits or underscores",
            code=ErrorCode.INVALID,
            field=["name"],
        )
    if clean in BUILTIN_ROLES:
        raise DomainError(
            "that is the name of a built-in role", code=ErrorCode.CONFLICT, field=["name"]
        )
    return clean


async def _write_grants(org: UUID, subj: str, perms: Iterable[tuple[str, str]]) -> None:
    await CasbinRule.filter(ptype="p", v0=subj, v1=domain(org)).delete()
    await CasbinRule.bulk_create(
        [CasbinRule(ptype="p", v0=subj, v1=domain(org), v2=o, v3=a) for o, a in sorted(perms)]
    )
    await bump_version()


def _perm_list(perms: Iterable[tuple[str, str]]) -> list[str]:
    return [f"{o}:{a}" for o, a in sorted(perms)]


async def create_role(
    access: AccessControl,
    actor: Actor,
    name: str,
    description: str | None,
    permissions: Iterable[tuple[str, str]],
) -> RoleView:
    clean = _role_name(name)
    perms = _in_catalogue(permissions, "permissions")
    no_escalation(access, actor, perms, "permissions")
    try:
        async with in_transaction():
            role = await Role.create(organization_id=actor.org, name=clean, description=description)
            await _write_grants(actor.org, custom_subject(role.id), perms)
            await audit.record(
                actor,
                "role.create",
                object_type="Role",
                object_id=role.id,
                after={"name": clean, "permissions": _perm_list(perms)},
            )
    except IntegrityError as exc:
        raise DomainError(
            "a role with this name exists", code=ErrorCode.CONFLICT, field=["name"]
        ) from exc
    await access.refresh()
    return custom_view(access, actor, role)


async def _custom_role(actor: Actor, name: str) -> Role:
    if name in BUILTIN_ROLES:
        raise DomainError(
            "built-in roles cannot be changed", code=ErrorCode.BUILTIN_ROLE, field=["name"]
        )
    role = await Role.get_or_none(organization_id=actor.org, name=name)
    if role is None:
        raise NotFound(f"no role named {name!r}", field=["name"])
    return role


async def set_role_permissions(
    access: AccessControl, actor: Actor, name: str, permissions: Iterable[tuple[str, str]]
) -> RoleView:
    role = await _custom_role(actor, name)
    perms = _in_catalogue(permissions, "permissions")
    subj = custom_subject(role.id)
    before = access.role_permissions(subj, actor.org)
    check_permission_change(access, actor, before, perms, "permissions")
    async with in_transaction():
        await _write_grants(actor.org, subj, perms)
        await audit.record(
            actor,
            "role.permissions_set",
            object_type="Role",
            object_id=role.id,
            before={"permissions": _perm_list(before)},
            after={"permissions": _perm_list(perms)},
        )
    await access.refresh()
    return custom_view(access, actor, role)


async def delete_role(access: AccessControl, actor: Actor, name: str) -> None:
    role = await _custom_role(actor, name)
    subj = custom_subject(role.id)
    # Deleting takes every permission away: the same rule as narrowing it to none.
    check_permission_change(access, actor, access.role_permissions(subj, actor.org), (), "name")
    async with in_transaction():
        if await CasbinRule.exists(ptype="g", v1=subj, v2=domain(actor.org)):
            raise DomainError(
                "the role is still assigned to members", code=ErrorCode.ROLE_IN_USE, field=["name"]
            )
        await CasbinRule.filter(ptype="p", v0=subj).delete()
        await Role.filter(id=role.id).delete()
        await bump_version()
        await audit.record(
            actor, "role.delete", object_type="Role", object_id=role.id, before={"name": role.name}
        )
    await access.refresh()
