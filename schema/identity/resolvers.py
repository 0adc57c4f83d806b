"""Root fields of identity: signing in and out, the viewer, organizations."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from schema.context import Info
from schema.errors import user_errors
from schema.identity.list_inputs import MemberFilter, MemberOrder
from schema.identity.member_pages import Window, members_page
from schema.identity.types import (
    Member,
    OrganizationPayload,
    OrganizationType,
    PermissionType,
    SessionPayload,
    SessionRevokePayload,
    UserType,
    Viewer,
    session_granted,
    session_refused,
)
from schema.ids import decode
from schema.page_args import After, Before, First, Last
from schema.pagination import Connection
from schema.permissions import public, requires, signed_in
from schema.scalars import CurrencyCode
from server.access.roles import role_names
from server.errors import DomainError, ErrorCode
from server.identity import sessions
from server.identity.models import Organization, User
from server.onboarding import organizations


@strawberry.input(description="Credentials to sign in with.")
class SessionCreateInput:
    email: str = strawberry.field(description="Sign-in email address.")
    password: str = strawberry.field(description="Password.")
    organization_id: strawberry.ID | None = strawberry.field(
        default=None, description="Organization to act in; the first one joined if omitted."
    )
    totp_code: str | None = strawberry.field(
        default=None,
        description="Code from the authenticator app (or a recovery code), once two-factor "
        "sign-in is on.",
    )


@strawberry.input(description="A refresh token to rotate.")
class SessionRefreshInput:
    refresh_token: str = strawberry.field(description="The refresh token last received.")
    organization_id: strawberry.ID | None = strawberry.field(
        default=None, description="Switch the session to another organization of the user's."
    )


@strawberry.input(description="A new organization.")
class OrganizationCreateInput:
    name: str = strawberry.field(description="Legal or trading name.")
    base_currency: CurrencyCode = strawberry.field(description="Currency the books are kept in.")


def _organization_id(value: strawberry.ID | None) -> tuple[bool, UUID | None]:
    if value is None:
        return True, None
    decoded = decode(value, "Organization")
    return decoded is not None, decoded


@strawberry.type
class IdentityQuery:
    @signed_in(description="The signed-in user, their roles and permissions.")
    async def viewer(self, info: Info) -> Viewer:
        ctx = info.context
        actor = ctx.signed_in()
        user = await User.get(id=actor.user_id)
        organizations = await Organization.filter(memberships__user_id=actor.user_id).order_by(
            "name"
        )
        current = next(o for o in organizations if o.id == actor.organization_id)
        return Viewer(
            user=UserType.from_model(user),
            organization=OrganizationType.from_model(current),
            roles=await role_names(actor, actor.roles),
            permissions=[
                PermissionType(object=o, action=a)
                for o, a in ctx.access.permissions(actor.subject, actor.org)
            ],
            organizations=[OrganizationType.from_model(o) for o in organizations],
        )

    @requires("member", "read", description="Members of the organization and their roles.")
    async def members(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            MemberFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            MemberOrder | None,
            strawberry.argument(description="Sort order; earliest joined first if omitted."),
        ] = None,
    ) -> Connection[Member]:
        return await members_page(info, Window(first, after, last, before), filter, order_by)

    @requires("organization", "read", description="The organization the token is bound to.")
    async def organization(self, info: Info) -> OrganizationType:
        actor = info.context.signed_in()
        return OrganizationType.from_model(await Organization.get(id=actor.org))


@strawberry.type
class IdentityMutation:
    @public(mutation=True, description="Sign in with email and password.")
    async def session_create(
        self,
        info: Info,
        input: Annotated[
            SessionCreateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> SessionPayload:
        ctx = info.context
        ok, organization_id = _organization_id(input.organization_id)
        try:
            if not ok:
                raise DomainError(
                    "not a member of that organization",
                    code=ErrorCode.NOT_A_MEMBER,
                    field=["organizationId"],
                )
            grant = await sessions.sign_in(
                ctx.settings,
                input.email,
                input.password,
                organization_id,
                ctx.request_info,
                totp_code=input.totp_code,
            )
        except DomainError as error:
            return session_refused(error)
        return session_granted(grant)

    @public(mutation=True, description="Exchange a refresh token for new tokens (rotation).")
    async def session_refresh(
        self,
        info: Info,
        input: Annotated[
            SessionRefreshInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> SessionPayload:
        ctx = info.context
        ok, organization_id = _organization_id(input.organization_id)
        try:
            if not ok:
                raise DomainError(
                    "not a member of that organization",
                    code=ErrorCode.NOT_A_MEMBER,
                    field=["organizationId"],
                )
            grant = await sessions.refresh(
                ctx.settings,
                input.refresh_token,
                organization_id,
                ctx.request_info,
            )
        except DomainError as error:
            return session_refused(error)
        return session_granted(grant)

    @signed_in(mutation=True, description="Sign out: ends the session and its tokens.")
    async def session_revoke(self, info: Info) -> SessionRevokePayload:
        await sessions.revoke(info.context.signed_in())
        return SessionRevokePayload(revoked=True, user_errors=[])

    @signed_in(mutation=True, description="Create an organization; the caller becomes its owner.")
    async def organization_create(
        self,
        info: Info,
        input: Annotated[
            OrganizationCreateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> OrganizationPayload:
        actor = info.context.signed_in()
        try:
            user = await User.get(id=actor.user_id)
            organization = await organizations.create_organization(
                actor, user, input.name, input.base_currency
            )
        except DomainError as error:
            return OrganizationPayload(organization=None, user_errors=user_errors(error))
        return OrganizationPayload(
            organization=OrganizationType.from_model(organization), user_errors=[]
        )
