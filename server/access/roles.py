"""Role administration: custom roles, members and their roles, without escalation.

Built-in roles (policies/policy.csv) are the same in every organization and cannot be
changed. Custom roles belong to one organization; their subject in Casbin is
`role:<id>`. Whoever grants a role must hold every permission it carries, so no one can
give away more than they have; the last owner cannot be removed or demoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import clock
from server.access.catalogue import BUILTIN_ROLES, PERMISSIONS
from server.access.control import AccessControl, bump_version, domain, subject
from server.access.models import CasbinRule, Role
from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.identity.models import Membership, Organization, PasswordToken, Session, User
from server.identity.sessions import normalise_email
from server.identity.tokens import new_refresh_token
from server.validation import check_email, check_name

OWNER = "owner"
_ROLE_NAME = re.compile(r"[a-z][a-z0-9_]{1,39}")
SET_PASSWORD_TTL = timedelta(days=7)


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


async def list_roles(access: AccessControl, actor: Actor) -> list[RoleView]:
    views = [
        RoleView(name, name, True, None, frozenset(access.role_permissions(name, actor.org)))
        for name in BUILTIN_ROLES
    ]
    for role in await Role.filter(organization_id=actor.org).order_by("name"):
        views.append(_custom_view(access, actor, role))
    return views


def _custom_view(access: AccessControl, actor: Actor, role: Role) -> RoleView:
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


def _check_permissions(
    access: AccessControl, actor: Actor, wanted: Iterable[tuple[str, str]], field: str
) -> frozenset[tuple[str, str]]:
    perms = frozenset(wanted)
    unknown = perms - PERMISSIONS
    if unknown:
        raise DomainError(
            f"not in the permission catalogue: {sorted(unknown)}",
            code=ErrorCode.INVALID,
            field=[field],
        )
    no_escalation(access, actor, perms, field)
    return perms


def no_escalation(
    access: AccessControl, actor: Actor, perms: Iterable[tuple[str, str]], field: str
) -> None:
    held = set(access.permissions(actor.subject, actor.org))
    beyond = sorted(set(perms) - held)
    if beyond:
        raise DomainError(
            "you can grant only permissions you hold yourself; missing "
            + ", ".join(f"{o}:{a}" for o, a in beyond),
            code=ErrorCode.ESCALATION,
            field=[field],
        )


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
    perms = _check_permissions(access, actor, permissions, "permissions")
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
    return _custom_view(access, actor, role)


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
    perms = _check_permissions(access, actor, permissions, "permissions")
    subj = custom_subject(role.id)
    before = access.role_permissions(subj, actor.org)
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
    return _custom_view(access, actor, role)


async def delete_role(access: AccessControl, actor: Actor, name: str) -> None:
    role = await _custom_role(actor, name)
    subj = custom_subject(role.id)
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


async def _lock_organization(actor: Actor) -> None:
    """Serialise membership changes of one organization (the last-owner rule needs it)."""
    await Organization.select_for_update().get(id=actor.org)


async def _owners(org: UUID) -> set[str]:
    rows = await CasbinRule.filter(ptype="g", v1=OWNER, v2=domain(org)).values_list("v0", flat=True)
    return {str(r) for r in rows}


async def _user_roles(org: UUID, user_id: UUID) -> set[str]:
    """Role subjects the user holds, read from the database inside the caller's lock."""
    rows = await CasbinRule.filter(ptype="g", v0=subject(user_id), v2=domain(org)).values_list(
        "v1", flat=True
    )
    return {str(r) for r in rows}


async def set_member_roles(
    access: AccessControl, actor: Actor, user_id: UUID, names: Iterable[str]
) -> list[str]:
    """Replace a member's roles. Granting and taking away both need the permissions."""
    wanted = await resolve_roles(actor, names, "roles")
    if not wanted:
        raise DomainError(
            "a member needs at least one role", code=ErrorCode.REQUIRED, field=["roles"]
        )
    async with in_transaction():
        await _lock_organization(actor)
        if not await Membership.exists(user_id=user_id, organization_id=actor.org):
            raise NotFound("member not found", field=["userId"])
        current = await _user_roles(actor.org, user_id)
        changed = current ^ set(wanted.values())
        for subj in changed:
            no_escalation(access, actor, access.role_permissions(subj, actor.org), "roles")
        owners = await _owners(actor.org)
        if OWNER in current and OWNER not in wanted and owners == {subject(user_id)}:
            raise DomainError(
                "the last owner cannot be demoted", code=ErrorCode.LAST_OWNER, field=["roles"]
            )
        await _assign(actor.org, user_id, wanted.values())
        await audit.record(
            actor,
            "member.roles_set",
            object_type="User",
            object_id=user_id,
            before={"roles": await role_names(actor, current)},
            after={"roles": sorted(wanted)},
        )
    await access.refresh()
    return sorted(wanted)


async def _assign(org: UUID, user_id: UUID, subjects: Iterable[str]) -> None:
    await CasbinRule.filter(ptype="g", v0=subject(user_id), v2=domain(org)).delete()
    await CasbinRule.bulk_create(
        [
            CasbinRule(ptype="g", v0=subject(user_id), v1=s, v2=domain(org))
            for s in sorted(set(subjects))
        ]
    )
    await bump_version()


@dataclass(frozen=True, slots=True)
class AddedMember:
    user: User
    roles: list[str]
    set_password_token: str | None  # only for a user created by the invitation


async def add_member(
    access: AccessControl, actor: Actor, email: str, name: str | None, names: Iterable[str]
) -> AddedMember:
    problems = check_email(email, required=True)
    if problems:
        raise ValidationFailed(problems)
    wanted = await resolve_roles(actor, names, "roles")
    if not wanted:
        raise DomainError(
            "a member needs at least one role", code=ErrorCode.REQUIRED, field=["roles"]
        )
    for subj in wanted.values():
        no_escalation(access, actor, access.role_permissions(subj, actor.org), "roles")
    address = normalise_email(email)
    token: str | None = None
    async with in_transaction():
        await _lock_organization(actor)
        user = await User.get_or_none(email=address)
        if user is None:
            name_problems = check_name(name)
            if name_problems:
                raise ValidationFailed(name_problems)
            assert name is not None
            # No password yet: the invitee sets one with the one-time token.
            user = await User.create(email=address, name=name.strip(), password_hash="!")
            token, token_hash = new_refresh_token()
            await PasswordToken.create(
                user=user, token_hash=token_hash, expires_at=clock.now() + SET_PASSWORD_TTL
            )
        elif await Membership.exists(user_id=user.id, organization_id=actor.org):
            raise DomainError(
                "already a member of this organization", code=ErrorCode.CONFLICT, field=["email"]
            )
        await Membership.create(user=user, organization_id=actor.org)
        await _assign(actor.org, user.id, wanted.values())
        await audit.record(
            actor,
            "member.add",
            object_type="User",
            object_id=user.id,
            after={"email": address, "roles": sorted(wanted), "invited": token is not None},
        )
    await access.refresh()
    return AddedMember(user, sorted(wanted), token)


async def remove_member(access: AccessControl, actor: Actor, user_id: UUID) -> None:
    async with in_transaction():
        await _lock_organization(actor)
        membership = await Membership.get_or_none(user_id=user_id, organization_id=actor.org)
        if membership is None:
            raise NotFound("member not found", field=["userId"])
        roles = await _user_roles(actor.org, user_id)
        for subj in roles:
            no_escalation(access, actor, access.role_permissions(subj, actor.org), "userId")
        if OWNER in roles and await _owners(actor.org) == {subject(user_id)}:
            raise DomainError(
                "the last owner cannot be removed", code=ErrorCode.LAST_OWNER, field=["userId"]
            )
        await CasbinRule.filter(ptype="g", v0=subject(user_id), v2=domain(actor.org)).delete()
        await Membership.filter(id=membership.id).delete()
        await Session.filter(
            user_id=user_id, organization_id=actor.org, revoked_at__isnull=True
        ).update(revoked_at=clock.now(), revoked_reason="membership_removed")
        await bump_version()
        await audit.record(
            actor,
            "member.remove",
            object_type="User",
            object_id=user_id,
            before={"roles": await role_names(actor, roles)},
        )
    await access.refresh()
