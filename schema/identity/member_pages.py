"""The `members` and `invitations` pages: written by the database (server.identity.reads)
when it can write every field asked, completed here otherwise."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from schema.context import Info
from schema.embedding import Prebuilt
from schema.filters import bounds, order_key
from schema.identity.list_inputs import InvitationFilter, InvitationOrder, MemberFilter, MemberOrder
from schema.identity.types import Member, UserType
from schema.page_json import written_page
from schema.pagination import Connection, paginate_sql
from schema.reads import page_item_sql
from server.access.control import subject
from server.access.roles import role_name_map
from server.identity.listing import (
    INVITATION_ORDERS,
    MEMBER_ORDERS,
    member_conditions,
    pending_invitation_conditions,
)
from server.identity.models import Invitation, Membership, User
from server.identity.reads import INVITATION, MEMBER

N = TypeVar("N")


@dataclass(frozen=True, slots=True)
class Window:
    """A connection's paging arguments."""

    first: int | None
    after: str | None
    last: int | None
    before: str | None


async def members_page(
    info: Info, window: Window, filter: MemberFilter | None, order_by: MemberOrder | None
) -> Connection[Member]:
    ctx = info.context
    flt = filter or MemberFilter()
    order = order_by or MemberOrder()
    actor = ctx.signed_in()
    users: list[Any] = []

    def member(m: Any) -> Member:
        users.append(m.user_id)
        roles = ctx.access.roles(subject(m.user_id), m.organization_id)
        return Member(user=None, roles=roles, joined_at=m.created_at)  # type: ignore[arg-type]

    page = await paginate_sql(
        Membership,
        member_conditions(actor.org, search=flt.search, joined_at=bounds(flt.joined_at)),
        order_key(MEMBER_ORDERS, order.field, order.direction),
        member,
        first=window.first,
        after=window.after,
        last=window.last,
        before=window.before,
        max_page=ctx.settings.max_page_size,
        item_sql=page_item_sql(info, MEMBER),
    )
    if _written(page):
        return await written_page(info, page)
    found = {u.id: u for u in await User.filter(id__in=users)} if users else {}
    for edge, user_id in zip(page.edges, users, strict=True):
        edge.node.user = UserType.from_model(found[user_id])
    await _named(actor, page.edges)
    return page


async def invitations_page(
    info: Info,
    window: Window,
    filter: InvitationFilter | None,
    order_by: InvitationOrder | None,
    convert: Callable[[Any], N],
) -> Connection[N]:
    """`convert` makes an invitation of a row and its role subjects, named here."""
    ctx = info.context
    flt = filter or InvitationFilter()
    order = order_by or InvitationOrder()
    actor = ctx.signed_in()
    page = await paginate_sql(
        Invitation,
        pending_invitation_conditions(actor.org, search=flt.search),
        order_key(INVITATION_ORDERS, order.field, order.direction),
        convert,
        first=window.first,
        after=window.after,
        last=window.last,
        before=window.before,
        max_page=ctx.settings.max_page_size,
        item_sql=page_item_sql(info, INVITATION),
    )
    if _written(page):
        return await written_page(info, page)
    await _named(actor, page.edges)
    return page


def _written(page: Connection[Any]) -> bool:
    return bool(page.edges) and type(page.edges[0].node) is Prebuilt


async def _named(actor: Any, edges: list[Any]) -> None:
    """Custom roles are stored by id: name them all with one query for the page."""
    names = await role_name_map(actor, [r for edge in edges for r in edge.node.roles])
    for edge in edges:
        edge.node.roles = sorted(names[r] for r in edge.node.roles)
