"""Who may give or take away which role or permission (docs/decisions/role-administration.md).

- The owner role is given and taken away by owners only, and only people hold it.
- The other built-in roles are the organization's job descriptions: any member manager may
  give them to or take them from other people, so staffing does not need an owner.
- Custom roles and single permissions can carry anything, owner powers included, so giving,
  taking away, widening, narrowing or deleting them needs every permission concerned.
- Nobody adds to their own powers: roles added to oneself, and the role of an API key one
  creates (its secret goes to its creator), carry only permissions one already holds.
- An API key acts for the person who created it: it never adds roles to that person, and it
  gives or changes only permissions both it and that person hold.
"""

from __future__ import annotations

from collections.abc import Iterable

from server.access.catalogue import BUILTIN_ROLES
from server.access.control import AccessControl, subject
from server.actor import Actor
from server.errors import DomainError, ErrorCode

OWNER = "owner"


def is_owner(access: AccessControl, actor: Actor) -> bool:
    """Whether a person acting holds the owner role; an API key never counts as an owner."""
    return (
        actor.kind == "user"
        and actor.key_id is None
        and OWNER in access.roles(actor.subject, actor.org)
    )


def held_permissions(access: AccessControl, actor: Actor) -> set[tuple[str, str]]:
    """What the actor may hand on: a key only what both it and its creator hold.

    A key outlives changes to its creator's roles; without the second half a demoted creator
    could give themself back, through the key, what was taken away.
    """
    held = set(access.permissions(actor.subject, actor.org))
    if actor.key_id is not None:
        creator = actor.person_id
        held &= set(access.permissions(subject(creator), actor.org)) if creator else set()
    return held


def no_escalation(
    access: AccessControl, actor: Actor, perms: Iterable[tuple[str, str]], field: str
) -> None:
    """Refuse unless the actor holds every one of `perms`."""
    held = held_permissions(access, actor)
    beyond = sorted(set(perms) - held)
    if beyond:
        raise DomainError(
            "you can give or change only permissions you hold yourself; missing "
            + ", ".join(f"{o}:{a}" for o, a in beyond),
            code=ErrorCode.ESCALATION,
            field=[field],
        )


def _owner_only(access: AccessControl, actor: Actor, field: str) -> None:
    if not is_owner(access, actor):
        raise DomainError(
            "only an owner can give or take away the owner role",
            code=ErrorCode.ESCALATION,
            field=[field],
        )


def check_grant(
    access: AccessControl, actor: Actor, subjects: Iterable[str], field: str, *, to_self: bool
) -> None:
    """May the actor give these roles (built-in names or `role:<id>`) to a person?

    `to_self` is true when that person is the one behind the actor (a key's creator too).
    """
    wanted = sorted(set(subjects))
    if to_self and wanted and actor.key_id is not None:
        raise DomainError(
            "an API key cannot add roles to the person who created it",
            code=ErrorCode.ESCALATION,
            field=[field],
        )
    for role in wanted:
        if role == OWNER:
            _owner_only(access, actor, field)
        elif role in BUILTIN_ROLES and not to_self:
            continue
        else:
            no_escalation(access, actor, access.role_permissions(role, actor.org), field)


def check_take(access: AccessControl, actor: Actor, subjects: Iterable[str], field: str) -> None:
    """May the actor take these roles away from a person (themself included)?"""
    for role in sorted(set(subjects)):
        if role == OWNER:
            _owner_only(access, actor, field)
        elif role not in BUILTIN_ROLES:
            no_escalation(access, actor, access.role_permissions(role, actor.org), field)


def check_key_role(access: AccessControl, actor: Actor, role: str, field: str) -> None:
    """May the actor create an API key acting with `role`?"""
    if role == OWNER:
        raise DomainError(
            "API keys cannot hold the owner role; only people are owners",
            code=ErrorCode.ROLE_NOT_ALLOWED,
            field=[field],
        )
    no_escalation(access, actor, access.role_permissions(role, actor.org), field)


def check_permission_change(
    access: AccessControl,
    actor: Actor,
    before: Iterable[tuple[str, str]],
    after: Iterable[tuple[str, str]],
    field: str,
) -> None:
    """May the actor change a custom role's permissions from `before` to `after`?

    Every permission added or removed must be one the actor holds, so an admin can neither
    widen an owner's role beyond admin powers nor strip what it cannot give back.
    """
    no_escalation(access, actor, set(before) ^ set(after), field)
