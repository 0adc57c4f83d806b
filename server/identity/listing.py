"""Which API keys, members and invitations a list shows, and the orders it can show them
in: SQL conditions and keyset orders for a page."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from server import clock
from server.identity.models import Membership, User
from server.keyset import SortKey, orders
from server.sql import Bounds, Where


def _user(column: str) -> Callable[[str], str]:
    """SQL of a column of the user of a membership row."""

    def value(t: str) -> str:
        users = User._meta.db_table
        return f'(SELECT u."{column}" FROM "{users}" u WHERE u."id" = {t}."user_id")'  # noqa: S608

    return value


API_KEY_ORDERS = orders(SortKey("name"), SortKey("created_at"), SortKey("last_used_at"))
MEMBER_ORDERS = orders(
    SortKey("name", expression=_user("name")),
    SortKey("email", expression=_user("email")),
    SortKey("created_at"),
)
INVITATION_ORDERS = orders(SortKey("email"), SortKey("created_at"), SortKey("expires_at"))


def api_key_conditions(
    organization_id: UUID,
    *,
    search: str | None = None,
    revoked: bool | None = None,
    created_at: Bounds | None = None,
) -> Where:
    """The organization's keys matching every condition given (revoked and expired ones
    too unless asked otherwise)."""
    where = Where().add('"organization_id" = {}', organization_id)
    if search and search.strip():
        where.search(search, '"name"')
    if revoked is not None:
        where.add('"revoked_at" IS NOT NULL' if revoked else '"revoked_at" IS NULL')
    return where.within('"created_at"', created_at, end_inclusive=False)


def member_conditions(
    organization_id: UUID, *, search: str | None = None, joined_at: Bounds | None = None
) -> Where:
    """The organization's members matching every condition given; `search` looks in the
    user's name and email."""
    where = Where().add('"organization_id" = {}', organization_id)
    if search and search.strip():
        table = f'"{Membership._meta.db_table}"'
        where.search(search, _user("name")(table), _user("email")(table))
    return where.within('"created_at"', joined_at, end_inclusive=False)


def pending_invitation_conditions(organization_id: UUID, *, search: str | None = None) -> Where:
    """The organization's invitations still waiting to be accepted, as
    server.identity.invitations.pending selects them."""
    where = (
        Where()
        .add('"organization_id" = {}', organization_id)
        .add('"accepted_at" IS NULL')
        .add('"revoked_at" IS NULL')
        .add('"expires_at" > {}', clock.now())
    )
    if search and search.strip():
        where.search(search, '"email"', '"name"')
    return where
