"""The single authorization gate: every root field declares what it needs.

`requires(obj, action)` wraps `strawberry.field`/`strawberry.mutation`; `public()` marks the
few fields that need no token (signing in) and `signed_in()` those any member may use.
A test walks the schema and fails on a root field without a declaration.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.permission import BasePermission, PermissionExtension

from schema.context import Context
from schema.errors import Forbidden, Unauthenticated
from server.access.catalogue import PERMISSIONS
from server.audit import log as audit

GATE = "ledgerline.gate"
PUBLIC = ("public", "")
SIGNED_IN = ("signed_in", "")


class Gate(BasePermission):
    """Authenticate, then ask Casbin; a denial is audited in its own transaction."""

    message = "not allowed"
    error_extensions = {"code": "FORBIDDEN"}

    def __init__(self, obj: str, action: str) -> None:
        self.obj = obj
        self.action = action

    async def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        await authorize(info.context, self.obj, self.action)
        return True


async def authorize(context: Context, obj: str, action: str) -> None:
    """Raise UNAUTHENTICATED or FORBIDDEN unless the request may do (obj, action)."""
    actor = await context.actor()
    if actor is None:
        raise Unauthenticated(context.auth_error or "authentication required")
    if (obj, action) == SIGNED_IN:
        if actor.key_id is not None:
            # Sessions, passwords and profiles belong to people; keys act only by permission.
            raise Forbidden("API keys cannot use this field")
        return
    if not context.access.allowed(actor.subject, actor.org, obj, action):
        await audit.record_alone(
            actor, "access.denied", outcome="DENIED", object_type=obj, after={"action": action}
        )
        raise Forbidden(f"your roles do not allow {obj}:{action}")


def _declare(
    decorator: Any, requirement: tuple[str, str], kwargs: dict[str, Any], gated: bool
) -> Any:
    if gated and requirement != SIGNED_IN and requirement not in PERMISSIONS:
        raise ValueError(f"{requirement} is not in the permission catalogue")
    extensions = list(kwargs.pop("extensions", []))
    if gated:
        extensions.insert(
            0, PermissionExtension(permissions=[Gate(*requirement)], use_directives=False)
        )
    metadata = {**kwargs.pop("metadata", {}), GATE: requirement}
    return decorator(extensions=extensions, metadata=metadata, **kwargs)


def requires(obj: str, action: str, *, mutation: bool = False, **kwargs: Any) -> Any:
    """A root field that needs (obj, action) in the caller's organization."""
    decorator = strawberry.mutation if mutation else strawberry.field
    return _declare(decorator, (obj, action), kwargs, gated=True)


def signed_in(*, mutation: bool = False, **kwargs: Any) -> Any:
    """A root field any signed-in member may use (their own session and profile)."""
    decorator = strawberry.mutation if mutation else strawberry.field
    return _declare(decorator, SIGNED_IN, kwargs, gated=True)


def public(*, mutation: bool = False, **kwargs: Any) -> Any:
    """A root field that needs no token: signing in and refreshing."""
    decorator = strawberry.mutation if mutation else strawberry.field
    return _declare(decorator, PUBLIC, kwargs, gated=False)


def declared_requirement(field: Any) -> tuple[str, str] | None:
    return field.metadata.get(GATE) if field.metadata else None
