"""GraphQL types of identity: users, organizations, the viewer, sessions."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from schema.context import Info
from schema.errors import UserError, user_errors
from schema.permissions import SIGNED_IN, authorize
from schema.scalars import CurrencyCode
from server.errors import DomainError
from server.identity import models
from server.identity.sessions import SessionGrant


@strawberry.type(name="User", description="A person who signs in.")
class UserType(relay.Node):
    id: relay.NodeID[str]
    email: str = strawberry.field(description="Sign-in email address, lower case.")
    name: str = strawberry.field(description="Display name.")

    @classmethod
    def from_model(cls, user: models.User) -> UserType:
        return cls(id=str(user.id), email=user.email, name=user.name)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: list[str], required: bool = False
    ) -> list[UserType | None]:
        # Users are visible through what references them, not by id.
        await authorize(info.context, *SIGNED_IN)
        return [None for _ in node_ids]


@strawberry.type(name="Organization", description="A company keeping its books in Ledgerline.")
class OrganizationType(relay.Node):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Legal or trading name.")
    base_currency: CurrencyCode = strawberry.field(description="Currency the books are kept in.")
    locale: str = strawberry.field(
        description="How its documents write numbers, dates and amounts (en_US, de_DE)."
    )
    created_at: datetime = strawberry.field(description="When the organization was created.")

    @classmethod
    def from_model(cls, org: models.Organization) -> OrganizationType:
        return cls(
            id=str(org.id),
            name=org.name,
            base_currency=CurrencyCode(org.base_currency),
            locale=org.locale,
            created_at=org.created_at,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: list[str], required: bool = False
    ) -> list[OrganizationType | None]:
        await authorize(info.context, "organization", "read")
        actor = info.context.signed_in()
        wanted = {str(actor.organization_id)}
        found = {
            str(o.id): o
            for o in await models.Organization.filter(id__in=[i for i in node_ids if i in wanted])
        }
        return [cls.from_model(found[i]) if i in found else None for i in node_ids]


@strawberry.type(name="Permission", description="A permission: an action on a kind of object.")
class PermissionType:
    object: str = strawberry.field(description="Kind of object, for example `customer`.")
    action: str = strawberry.field(description="Action, for example `create`.")


@strawberry.type(description="The signed-in user as seen in the current organization.")
class Viewer:
    user: UserType = strawberry.field(description="The signed-in user.")
    organization: OrganizationType = strawberry.field(
        description="The organization the access token is bound to."
    )
    roles: list[str] = strawberry.field(description="Roles held in the current organization.")
    permissions: list[PermissionType] = strawberry.field(
        description="Every (object, action) the roles allow; clients hide what is not allowed."
    )
    organizations: list[OrganizationType] = strawberry.field(
        description="Every organization the user belongs to (switch with sessionRefresh)."
    )


@strawberry.type(description="A user's membership of the organization and the roles held.")
class Member:
    user: UserType = strawberry.field(description="The member.")
    roles: list[str] = strawberry.field(description="Roles held in this organization.")
    joined_at: datetime = strawberry.field(description="When the user joined.")


@strawberry.type(description="Tokens and who they belong to, or why signing in failed.")
class SessionPayload:
    access_token: str | None = strawberry.field(
        description="Short-lived JWT for `Authorization: Bearer`."
    )
    access_token_expires_at: datetime | None = strawberry.field(
        description="When the access token stops working."
    )
    refresh_token: str | None = strawberry.field(
        description="Opaque, single-use token for sessionRefresh; store it securely."
    )
    user: UserType | None = strawberry.field(description="The signed-in user.")
    organization: OrganizationType | None = strawberry.field(
        description="The organization the access token is bound to."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the request was refused.")


@strawberry.type(description="Result of signing out.")
class SessionRevokePayload:
    revoked: bool = strawberry.field(description="The session has ended.")
    user_errors: list[UserError] = strawberry.field(description="Why the request was refused.")


@strawberry.type(description="The new organization, or why it was not created.")
class OrganizationPayload:
    organization: OrganizationType | None = strawberry.field(description="The organization.")
    user_errors: list[UserError] = strawberry.field(description="Why the request was refused.")


def session_granted(grant: SessionGrant) -> SessionPayload:
    """The payload of a successful sign-in, refresh or password change."""
    return SessionPayload(
        access_token=grant.access_token,
        access_token_expires_at=grant.access_token_expires_at,
        refresh_token=grant.refresh_token,
        user=UserType.from_model(grant.user),
        organization=OrganizationType.from_model(grant.organization),
        user_errors=[],
    )


def session_refused(error: DomainError) -> SessionPayload:
    """The payload of a refused sign-in, refresh or password change."""
    return SessionPayload(
        access_token=None,
        access_token_expires_at=None,
        refresh_token=None,
        user=None,
        organization=None,
        user_errors=user_errors(error),
    )
