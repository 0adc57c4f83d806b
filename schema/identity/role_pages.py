"""The `roles` connection: the built-in roles, then the organization's own.

The built-in roles are the policy file's and the organization's own are rows, so the list
is two segments in one order: every built-in role, then every own role, each segment by
name in the asked direction. A cursor is the usual (sort value, id) pair: a built-in
role's id is its name, an own role's its row id, so a cursor tells its segment. A page
takes what is left of the first segment it walks into, then what it still needs of the
other; the own roles page in SQL like every other list (docs/decisions/role-list.md).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import strawberry

from schema.context import Info
from schema.enums import described_enum
from schema.filters import OrderDirection
from schema.identity.types import PermissionType
from schema.pagination import (
    Connection,
    PageInfo,
    SortKey,
    cursor_of,
    paginate_held,
    paginate_sql,
)
from schema.reads import page_item_sql
from server.access import roles as svc
from server.access.models import Role
from server.access.reads import ROLE
from server.sql import Where, count_rows


@strawberry.type(name="Role", description="A role: built in, or custom to the organization.")
class RoleType:
    name: str = strawberry.field(description="Name, unique in the organization.")
    builtin: bool = strawberry.field(description="Built-in roles cannot be changed.")
    description: str | None = strawberry.field(description="What the role is for.")
    permissions: list[PermissionType] = strawberry.field(description="What it allows.")

    @classmethod
    def from_view(cls, view: svc.RoleView) -> RoleType:
        return cls(
            name=view.name,
            builtin=view.builtin,
            description=view.description,
            permissions=[PermissionType(object=o, action=a) for o, a in sorted(view.permissions)],
        )


class RoleOrderField(Enum):
    NAME = "name"


described_enum(
    RoleOrderField,
    name="RoleOrderField",
    description="Field to sort roles by; the built-in roles always come first.",
    values={RoleOrderField.NAME: "The role's name, by code point."},
)


@strawberry.input(description="Sort order of the role list.")
class RoleOrder:
    field: RoleOrderField = strawberry.field(
        default=RoleOrderField.NAME, description="Field to sort each segment by."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Ascending or descending."
    )


@strawberry.input(description="Narrow the role list; conditions combine with AND.")
class RoleFilter:
    built_in: bool | None = strawberry.field(
        default=None,
        description="Only the built-in roles (true) or only the organization's own (false).",
    )
    search: str | None = strawberry.field(
        default=None, description="Text found in the role's name (case-insensitive)."
    )


@dataclass(frozen=True, slots=True)
class Window:
    first: int | None
    after: str | None
    last: int | None
    before: str | None


def _position(role: RoleType) -> tuple[str, str]:
    return role.name, role.name


async def role_page(
    info: Info, window: Window, flt: RoleFilter, order: RoleOrder
) -> Connection[Any]:
    """A page of the roles the filter keeps, in the order the module's docstring gives."""
    ctx, actor = info.context, info.context.signed_in()
    key = SortKey("name", descending=order.direction == OrderDirection.DESC)
    every = [RoleType.from_view(v) for v in svc.builtin_roles(ctx.access, actor)]
    builtin_cursors = {cursor_of(*_position(r), key.field) for r in every}
    wanted = (flt.search or "").casefold()
    builtins = [] if flt.built_in is False else [r for r in every if wanted in r.name.casefold()]
    own = Where().add('"organization_id" = {}', actor.org)
    if flt.search:
        own.search(flt.search, '"name"')
    if flt.built_in is True:
        own.add("1 = 0")

    async def count() -> int:
        return len(builtins) + await count_rows(Role, own)

    # A cursor in one segment leaves the other whole on one side and empty on the other.
    after_own = window.after is not None and window.after not in builtin_cursors
    before_builtin = window.before in builtin_cursors
    held = [] if after_own else builtins
    rows = own.copy().add("1 = 0") if before_builtin else own
    max_page = ctx.settings.max_page_size

    def from_held(size: int, backwards: bool) -> Connection[Any]:
        return paginate_held(
            held,
            key,
            _position,
            first=None if backwards else size,
            last=size if backwards else None,
            after=None if after_own else window.after,
            before=window.before if before_builtin else None,
            max_page=max_page,
            every=every,
        )

    async def from_rows(size: int, backwards: bool) -> Connection[Any]:
        return await paginate_sql(
            Role,
            rows,
            key,
            lambda r: RoleType.from_view(svc.custom_view(ctx.access, actor, r)),
            first=None if backwards else size,
            last=size if backwards else None,
            after=window.after if after_own else None,
            before=None if before_builtin else window.before,
            max_page=max_page,
            # The database writes the own roles itself when it can write every field asked.
            item_sql=page_item_sql(info, ROLE),
        )

    # Checked as every connection checks its window (both sizes, each within bounds).
    paginate_held(
        [],
        key,
        _position,
        first=window.first,
        last=window.last,
        after=None,
        before=None,
        max_page=max_page,
    )
    if window.last is not None:
        near = await from_rows(window.last, True)
        rest = window.last - len(near.edges)
        far = from_held(rest, True) if rest else None
        edges = [*(far.edges if far else []), *near.edges]
        if far is not None:
            more = far.page_info.has_previous_page
        else:
            more = near.page_info.has_previous_page or bool(from_held(1, True).edges)
        return _joined(edges, has_next=window.before is not None, has_previous=more, count=count)
    size = 20 if window.first is None else window.first
    near_held = from_held(size, False)
    rest = size - len(near_held.edges)
    far_rows = await from_rows(rest, False) if rest else None
    if far_rows is not None:
        more = far_rows.page_info.has_next_page
    else:
        more = near_held.page_info.has_next_page or await count_rows(Role, rows) > 0
    edges = [*near_held.edges, *(far_rows.edges if far_rows else [])]
    return _joined(edges, has_next=more, has_previous=window.after is not None, count=count)


def _joined(
    edges: list[Any], *, has_next: bool, has_previous: bool, count: Callable[[], Awaitable[int]]
) -> Connection[Any]:
    page = PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=page, count_all=count)
