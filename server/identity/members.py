"""Members and their roles: set and removed under server/access/grants.py's rule.

The organization always keeps one owner who is a person: API keys never count.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.access.control import AccessControl, bump_version, domain, subject
from server.access.grants import OWNER, check_grant, check_take
from server.access.models import CasbinRule
from server.access.roles import resolve_roles, role_names
from server.actor import Actor
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound
from server.identity.models import Membership, Organization, Session


async def lock_organization(organization_id: UUID) -> None:
    """Serialise membership changes of one organization (the last-owner rule needs it)."""
    await Organization.select_for_update().get(id=organization_id)


async def owners(org: UUID) -> set[str]:
    """Subjects of the people holding the owner role (API keys are never owners)."""
    rows = await CasbinRule.filter(
        ptype="g", v1=OWNER, v2=domain(org), v0__startswith="user:"
    ).values_list("v0", flat=True)
    return {str(r) for r in rows}


async def user_roles(org: UUID, user_id: UUID) -> set[str]:
    """Role subjects the user holds, read from the database inside the caller's lock."""
    rows = await CasbinRule.filter(ptype="g", v0=subject(user_id), v2=domain(org)).values_list(
        "v1", flat=True
    )
    return {str(r) for r in rows}


async def assign(org: UUID, user_id: UUID, subjects: Iterable[str]) -> None:
    """Replace the user's role rules in the organization; call inside a transaction."""
    await CasbinRule.filter(ptype="g", v0=subject(user_id), v2=domain(org)).delete()
    await CasbinRule.bulk_create(
        [
            CasbinRule(ptype="g", v0=subject(user_id), v1=s, v2=domain(org))
            for s in sorted(set(subjects))
        ]
    )
    await bump_version()


def _is_self(actor: Actor, user_id: UUID) -> bool:
    return actor.person_id == user_id


async def set_member_roles(
    access: AccessControl, actor: Actor, user_id: UUID, names: Iterable[str]
) -> list[str]:
    """Replace a member's roles; every role given or taken away must be the actor's to change."""
    wanted = await resolve_roles(actor, names, "roles")
    if not wanted:
        raise DomainError(
            "a member needs at least one role", code=ErrorCode.REQUIRED, field=["roles"]
        )
    async with in_transaction():
        await lock_organization(actor.org)
        if not await Membership.exists(user_id=user_id, organization_id=actor.org):
            raise NotFound("member not found", field=["userId"])
        current = await user_roles(actor.org, user_id)
        target = set(wanted.values())
        check_grant(access, actor, target - current, "roles", to_self=_is_self(actor, user_id))
        check_take(access, actor, current - target, "roles")
        if (
            OWNER in current
            and OWNER not in target
            and await owners(actor.org) == {subject(user_id)}
        ):
            raise DomainError(
                "the last owner cannot be demoted", code=ErrorCode.LAST_OWNER, field=["roles"]
            )
        await assign(actor.org, user_id, target)
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


async def remove_member(access: AccessControl, actor: Actor, user_id: UUID) -> None:
    """Remove a member: every role they hold is taken away, under the same rule."""
    async with in_transaction():
        await lock_organization(actor.org)
        membership = await Membership.get_or_none(user_id=user_id, organization_id=actor.org)
        if membership is None:
            raise NotFound("member not found", field=["userId"])
        roles = await user_roles(actor.org, user_id)
        check_take(access, actor, roles, "userId")
        if OWNER in roles and await owners(actor.org) == {subject(user_id)}:
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
