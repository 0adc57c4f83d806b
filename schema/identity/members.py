"""Root fields of membership: invitations, members' roles, removal."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry

from schema.context import Info
from schema.errors import UserError, user_errors
from schema.identity.list_inputs import InvitationFilter, InvitationOrder
from schema.identity.member_pages import Window, invitations_page
from schema.identity.types import Member, OrganizationType, UserType
from schema.ids import decode, encode
from schema.page_args import After, Before, First, Last
from schema.pagination import Connection
from schema.permissions import public, requires
from server.access.control import subject
from server.access.roles import role_names
from server.errors import DomainError, NotFound
from server.identity import invitations, members
from server.identity.models import Invitation, Membership

_OLD_MEMBER_ADD = "memberAdd invites: the person becomes a member on invitationAccept."


@strawberry.input(description="Someone to invite into the organization.")
class MemberAddInput:
    email: str = strawberry.field(description="The person's email address.")
    name: str | None = strawberry.field(
        default=None,
        description="Their name, offered when they accept without an account yet.",
    )
    roles: list[str] = strawberry.field(description="Roles they get on accepting, by name.")


@strawberry.input(description="An invitation to accept, as the person it names.")
class InvitationAcceptInput:
    token: str = strawberry.field(description="The invitation token given by memberAdd.")
    password: str = strawberry.field(
        description="The password of the account with the invited address, or the new "
        "account's password (10 to 256 characters) if there is none yet. Either failure "
        "answers INVALID_CREDENTIALS with the same message."
    )
    name: str | None = strawberry.field(
        default=None,
        description="Name for a new account; the invitation's name, or the address before "
        "the @, if omitted. Checked even when the address has an account, and then unused.",
    )
    totp_code: str | None = strawberry.field(
        default=None,
        description="Code from the authenticator app (or a recovery code), for an account "
        "with two-factor sign-in on.",
    )


@strawberry.input(description="A member and their new roles.")
class MemberRolesSetInput:
    user_id: strawberry.ID = strawberry.field(description="The member (a User id).")
    roles: list[str] = strawberry.field(description="All their roles from now on.")


@strawberry.input(description="A member to remove.")
class MemberRemoveInput:
    user_id: strawberry.ID = strawberry.field(description="The member (a User id).")


@strawberry.type(
    name="Invitation",
    description="An offer to join the organization, pending until the person accepts it.",
)
class InvitationType:
    id: strawberry.ID = strawberry.field(description="Global id.")
    email: str = strawberry.field(description="The address invited.")
    roles: list[str] = strawberry.field(description="Roles given on accepting.")
    created_at: datetime = strawberry.field(description="When it was made.")
    expires_at: datetime = strawberry.field(description="When the token stops working.")

    @classmethod
    def from_model(cls, made: Invitation, roles: list[str]) -> InvitationType:
        return cls(
            id=strawberry.ID(encode("Invitation", made.id)),
            email=made.email,
            roles=roles,
            created_at=made.created_at,
            expires_at=made.expires_at,
        )

    @classmethod
    def from_invited(cls, invited: invitations.Invited) -> InvitationType:
        return cls.from_model(invited.invitation, invited.roles)


@strawberry.input(description="A pending invitation to cancel.")
class InvitationRevokeInput:
    id: strawberry.ID = strawberry.field(description="The invitation.")


@strawberry.type(description="The cancelled invitation, or why it was refused.")
class InvitationRevokePayload:
    invitation: InvitationType | None = strawberry.field(
        description="The invitation; its token no longer works."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(
    description="The invitation and its token, the same whether or not the address already "
    "has an account; or why it was refused."
)
class MemberAddPayload:
    invitation: InvitationType | None = strawberry.field(description="The invitation.")
    invitation_token: str | None = strawberry.field(
        description="One-time token (7 days) for invitationAccept. Shown once; deliver it to "
        "the person privately."
    )
    member: Member | None = strawberry.field(
        description="Always null.", deprecation_reason=_OLD_MEMBER_ADD
    )
    set_password_token: str | None = strawberry.field(
        description="Always null.", deprecation_reason=_OLD_MEMBER_ADD
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The organization joined, or why the invitation was refused.")
class InvitationAcceptPayload:
    organization: OrganizationType | None = strawberry.field(
        description="The organization now joined; sign in to it with sessionCreate."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The member, or why the change was refused.")
class MemberPayload:
    member: Member | None = strawberry.field(description="The member after the change.")
    set_password_token: str | None = strawberry.field(
        description="Always null.", deprecation_reason="Only memberAdd ever set it."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="Whether the member was removed.")
class MemberRemovePayload:
    removed_user_id: strawberry.ID | None = strawberry.field(description="The removed user.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


def _user_id(value: strawberry.ID) -> Any:
    decoded = decode(value, "User")
    if decoded is None:
        raise NotFound("member not found", field=["userId"])
    return decoded


async def _member(info: Info, user_id: Any) -> Member:
    ctx = info.context
    actor = ctx.signed_in()
    membership = await Membership.get(user_id=user_id, organization_id=actor.org).prefetch_related(
        "user"
    )
    names = await role_names(actor, ctx.access.roles(subject(user_id), actor.org))
    return Member(
        user=UserType.from_model(membership.user), roles=names, joined_at=membership.created_at
    )


@strawberry.type
class MembersQuery:
    @requires("member", "read", description="Invitations waiting to be accepted.")
    async def invitations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            InvitationFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            InvitationOrder | None,
            strawberry.argument(description="Sort order; newest first if omitted."),
        ] = None,
    ) -> Connection[InvitationType]:
        return await invitations_page(
            info,
            Window(first, after, last, before),
            filter,
            order_by,
            lambda made: InvitationType.from_model(made, [str(r) for r in made.roles]),
        )


@strawberry.type
class MembersMutation:
    @requires(
        "member",
        "manage",
        mutation=True,
        description="Invite someone; they become a member when they accept.",
    )
    async def member_add(
        self,
        info: Info,
        input: Annotated[MemberAddInput, strawberry.argument(description="Who and which roles.")],
    ) -> MemberAddPayload:
        ctx = info.context
        try:
            invited = await invitations.invite(
                ctx.access, ctx.signed_in(), input.email, input.name, input.roles
            )
        except DomainError as error:
            return MemberAddPayload(
                invitation=None,
                invitation_token=None,
                member=None,
                set_password_token=None,
                user_errors=user_errors(error),
            )
        return MemberAddPayload(
            invitation=InvitationType.from_invited(invited),
            invitation_token=invited.token,
            member=None,
            set_password_token=None,
            user_errors=[],
        )

    @public(
        mutation=True,
        description="Accept an invitation: signs in as the invited account (or creates it) "
        "and joins the organization.",
    )
    async def invitation_accept(
        self,
        info: Info,
        input: Annotated[
            InvitationAcceptInput, strawberry.argument(description="Token and credentials.")
        ],
    ) -> InvitationAcceptPayload:
        ctx = info.context
        try:
            organization = await invitations.accept(
                ctx.access,
                ctx.settings,
                input.token,
                input.password,
                input.name,
                input.totp_code,
                ctx.request_info,
            )
        except DomainError as error:
            return InvitationAcceptPayload(organization=None, user_errors=user_errors(error))
        return InvitationAcceptPayload(
            organization=OrganizationType.from_model(organization), user_errors=[]
        )

    @requires(
        "member",
        "manage",
        mutation=True,
        description="Cancel a pending invitation (one you could have made).",
    )
    async def invitation_revoke(
        self,
        info: Info,
        input: Annotated[InvitationRevokeInput, strawberry.argument(description="Which one.")],
    ) -> InvitationRevokePayload:
        ctx = info.context
        actor = ctx.signed_in()
        try:
            invitation_id = decode(input.id, "Invitation")
            if invitation_id is None:
                raise NotFound("invitation not found or no longer pending", field=["id"])
            revoked = await invitations.revoke(ctx.access, actor, invitation_id)
        except DomainError as error:
            return InvitationRevokePayload(invitation=None, user_errors=user_errors(error))
        names = await role_names(actor, [str(r) for r in revoked.roles])
        return InvitationRevokePayload(
            invitation=InvitationType.from_model(revoked, names), user_errors=[]
        )

    @requires("member", "manage", mutation=True, description="Replace a member's roles.")
    async def member_roles_set(
        self,
        info: Info,
        input: Annotated[MemberRolesSetInput, strawberry.argument(description="The change.")],
    ) -> MemberPayload:
        ctx = info.context
        try:
            user_id = _user_id(input.user_id)
            await members.set_member_roles(ctx.access, ctx.signed_in(), user_id, input.roles)
        except DomainError as error:
            return MemberPayload(
                member=None, set_password_token=None, user_errors=user_errors(error)
            )
        return MemberPayload(
            member=await _member(info, user_id), set_password_token=None, user_errors=[]
        )

    @requires("member", "manage", mutation=True, description="Remove a member; their sessions end.")
    async def member_remove(
        self,
        info: Info,
        input: Annotated[MemberRemoveInput, strawberry.argument(description="The member.")],
    ) -> MemberRemovePayload:
        ctx = info.context
        try:
            await members.remove_member(ctx.access, ctx.signed_in(), _user_id(input.user_id))
        except DomainError as error:
            return MemberRemovePayload(removed_user_id=None, user_errors=user_errors(error))
        return MemberRemovePayload(removed_user_id=input.user_id, user_errors=[])
