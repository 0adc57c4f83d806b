"""Root fields of role administration and passwords."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import UserError, user_errors
from schema.filters import bounds, order_key
from schema.identity.duty_types import (
    DutySegregationFilter,
    DutySegregationPayload,
    DutySegregationRule,
    DutySegregationSetInput,
)
from schema.identity.list_inputs import ApiKeyFilter, ApiKeyOrder
from schema.identity.role_pages import RoleFilter, RoleOrder, RoleType, Window, role_page
from schema.identity.types import (
    SessionPayload,
    session_granted,
    session_refused,
)
from schema.ids import decode, encode
from schema.page_args import After, Before, First, Last
from schema.pagination import Connection, SortKey, paginate_held, paginate_sql
from schema.permissions import public, requires, signed_in
from schema.reads import page_item_sql
from server.access import duties
from server.access import roles as svc
from server.access.catalogue import CATALOGUE
from server.errors import DomainError, NotFound
from server.identity import accounts, api_keys, duty_rules, totp
from server.identity.listing import API_KEY_ORDERS, api_key_conditions
from server.identity.models import ApiKey
from server.identity.reads import API_KEY


@strawberry.type(description="A permission of the catalogue, as roles may grant it.")
class CatalogueEntry:
    object: str = strawberry.field(description="Kind of object.")
    action: str = strawberry.field(description="Action.")
    description: str = strawberry.field(description="What it allows.")


@strawberry.input(description="A permission: an action on a kind of object.")
class PermissionInput:
    object: str = strawberry.field(description="Kind of object, e.g. customer.")
    action: str = strawberry.field(description="Action, e.g. create.")


@strawberry.input(description="A custom role.")
class RoleCreateInput:
    name: str = strawberry.field(description="Lower-case name, e.g. collections_agent.")
    description: str | None = strawberry.field(default=None, description="What it is for.")
    permissions: list[PermissionInput] = strawberry.field(description="What it allows.")


@strawberry.input(description="New permissions of a custom role (replacing the old ones).")
class RolePermissionsSetInput:
    name: str = strawberry.field(description="The custom role.")
    permissions: list[PermissionInput] = strawberry.field(description="What it allows.")


@strawberry.input(description="A custom role to delete.")
class RoleDeleteInput:
    name: str = strawberry.field(description="The custom role; refused while assigned.")


@strawberry.input(description="A password change.")
class PasswordChangeInput:
    current_password: str = strawberry.field(description="The password in use.")
    new_password: str = strawberry.field(description="The new password, 10 to 256 characters.")


@strawberry.input(description="A one-time token and the password to set with it.")
class PasswordSetInput:
    token: str = strawberry.field(description="The token given when the member was added.")
    password: str = strawberry.field(description="The new password, 10 to 256 characters.")


@strawberry.type(description="The role, or why the change was refused.")
class RolePayload:
    role: RoleType | None = strawberry.field(description="The role after the change.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="Whether the role was deleted.")
class RoleDeletePayload:
    deleted_name: str | None = strawberry.field(description="Name of the deleted role.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="Whether the password was set.")
class PasswordSetPayload:
    ok: bool = strawberry.field(description="The password is set; sign in with it.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


def _perms(items: list[PermissionInput]) -> list[tuple[str, str]]:
    return [(p.object, p.action) for p in items]


@strawberry.type(name="ApiKey", description="A credential for an integration.")
class ApiKeyType:
    id: strawberry.ID = strawberry.field(description="Global id.")
    name: str = strawberry.field(description="What the key is for.")
    role: str = strawberry.field(description="The one role it acts with.")
    created_at: datetime = strawberry.field(description="When it was created.")
    expires_at: datetime | None = strawberry.field(description="When it stops working.")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked.")
    last_used_at: datetime | None = strawberry.field(
        description="Last request made with it (to the minute)."
    )

    @classmethod
    def from_model(cls, key: ApiKey) -> ApiKeyType:
        return cls(
            id=strawberry.ID(encode("ApiKey", key.id)),
            name=key.name,
            role=key.role,
            created_at=key.created_at,
            expires_at=key.expires_at,
            revoked_at=key.revoked_at,
            last_used_at=key.last_used_at,
        )


@strawberry.input(description="A new API key.")
class ApiKeyCreateInput:
    name: str = strawberry.field(description="What the key is for, e.g. Shop sync.")
    role: str = strawberry.field(description="The role it acts with (one you can grant).")
    expires_at: datetime | None = strawberry.field(
        default=None, description="When it stops working; never if omitted."
    )


@strawberry.type(description="The new key and its secret, or why it was refused.")
class ApiKeyCreatePayload:
    api_key: ApiKeyType | None = strawberry.field(description="The key.")
    secret: str | None = strawberry.field(
        description="Send as `Authorization: Bearer <secret>`. Shown only now; store it safely."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The revoked key, or why it was refused.")
class ApiKeyRevokePayload:
    api_key: ApiKeyType | None = strawberry.field(description="The key, now revoked.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="A TOTP secret to add to an authenticator app.")
class TotpEnrollPayload:
    secret: str | None = strawberry.field(description="Base32 secret, for manual entry.")
    otpauth_uri: str | None = strawberry.field(description="The otpauth:// URI, for a QR code.")
    user_errors: list[UserError] = strawberry.field(description="Why the request was refused.")


@strawberry.type(description="Two-factor sign-in is on; keep the recovery codes safe.")
class TotpConfirmPayload:
    enabled: bool = strawberry.field(description="Two-factor sign-in is on.")
    recovery_codes: list[str] = strawberry.field(
        description="Ten one-time codes usable instead of a TOTP code; shown only now."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the request was refused.")


@strawberry.type(description="Whether two-factor sign-in is off now.")
class TotpDisablePayload:
    disabled: bool = strawberry.field(description="Two-factor sign-in is off.")
    user_errors: list[UserError] = strawberry.field(description="Why the request was refused.")


@strawberry.type
class AdminQuery:
    @requires(
        "role",
        "read",
        description="Built-in roles, then the organization's own, each by name; with permissions.",
    )
    async def roles(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[RoleFilter | None, strawberry.argument(description="Conditions.")] = None,
        order_by: Annotated[
            RoleOrder | None,
            strawberry.argument(description="Sort order; by name ascending if omitted."),
        ] = None,
    ) -> Connection[RoleType]:
        return await role_page(
            info,
            Window(first, after, last, before),
            filter or RoleFilter(),
            order_by or RoleOrder(),
        )

    @requires("api_key", "read", description="The organization's API keys, a page at a time.")
    async def api_keys(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            ApiKeyFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            ApiKeyOrder | None,
            strawberry.argument(description="Sort order; newest first if omitted."),
        ] = None,
    ) -> Connection[ApiKeyType]:
        actor = info.context.signed_in()
        flt = filter or ApiKeyFilter()
        order = order_by or ApiKeyOrder()
        where = api_key_conditions(
            actor.org,
            search=flt.search,
            revoked=flt.revoked,
            created_at=bounds(flt.created_at),
        )
        return await paginate_sql(
            ApiKey,
            where,
            order_key(API_KEY_ORDERS, order.field, order.direction),
            ApiKeyType.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked.
            item_sql=page_item_sql(info, API_KEY),
        )

    @requires(
        "duty_rule",
        "read",
        description="The segregation-of-duties rules and whether each is on here.",
    )
    def duty_segregations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            DutySegregationFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
    ) -> Connection[DutySegregationRule]:
        # The rules are the policy file's (a few, fixed by the release): paged in memory,
        # by (object, action), with the cursors every connection writes.
        ctx, flt = info.context, filter or DutySegregationFilter()
        every = [
            DutySegregationRule.from_rule(r) for r in duties.list_rules(ctx.access, ctx.signed_in())
        ]
        return paginate_held(
            [r for r in every if flt.enabled is None or r.enabled == flt.enabled],
            SortKey("rule"),
            lambda r: (f"{r.object}:{r.action}", f"{r.object}:{r.action}"),
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=ctx.settings.max_page_size,
            every=every,
        )

    @requires("role", "read", description="Every permission a role can grant.")
    def permission_catalogue(self) -> list[CatalogueEntry]:
        return [
            CatalogueEntry(object=p.object, action=p.action, description=p.description)
            for p in CATALOGUE
        ]


@strawberry.type
class AdminMutation:
    @requires("role", "manage", mutation=True, description="Create a custom role.")
    async def role_create(
        self,
        info: Info,
        input: Annotated[RoleCreateInput, strawberry.argument(description="The role.")],
    ) -> RolePayload:
        ctx = info.context
        try:
            view = await svc.create_role(
                ctx.access,
                ctx.signed_in(),
                input.name,
                input.description,
                _perms(input.permissions),
            )
        except DomainError as error:
            return RolePayload(role=None, user_errors=user_errors(error))
        return RolePayload(role=RoleType.from_view(view), user_errors=[])

    @requires("role", "manage", mutation=True, description="Replace a custom role's permissions.")
    async def role_permissions_set(
        self,
        info: Info,
        input: Annotated[RolePermissionsSetInput, strawberry.argument(description="The change.")],
    ) -> RolePayload:
        ctx = info.context
        try:
            view = await svc.set_role_permissions(
                ctx.access, ctx.signed_in(), input.name, _perms(input.permissions)
            )
        except DomainError as error:
            return RolePayload(role=None, user_errors=user_errors(error))
        return RolePayload(role=RoleType.from_view(view), user_errors=[])

    @requires("role", "manage", mutation=True, description="Delete an unassigned custom role.")
    async def role_delete(
        self,
        info: Info,
        input: Annotated[RoleDeleteInput, strawberry.argument(description="The role.")],
    ) -> RoleDeletePayload:
        ctx = info.context
        try:
            await svc.delete_role(ctx.access, ctx.signed_in(), input.name)
        except DomainError as error:
            return RoleDeletePayload(deleted_name=None, user_errors=user_errors(error))
        return RoleDeletePayload(deleted_name=input.name, user_errors=[])

    @requires(
        "duty_rule",
        "manage",
        mutation=True,
        description="Switch a segregation-of-duties rule on or off for the organization.",
    )
    async def duty_segregation_set(
        self,
        info: Info,
        input: Annotated[DutySegregationSetInput, strawberry.argument(description="The change.")],
    ) -> DutySegregationPayload:
        ctx = info.context
        try:
            rule = await duty_rules.set_rule(
                ctx.access, ctx.signed_in(), input.object, input.action, input.enabled
            )
        except DomainError as error:
            return DutySegregationPayload(rule=None, user_errors=user_errors(error))
        return DutySegregationPayload(rule=DutySegregationRule.from_rule(rule), user_errors=[])

    @signed_in(mutation=True, description="Change your password; other sessions end.")
    async def password_change(
        self,
        info: Info,
        input: Annotated[PasswordChangeInput, strawberry.argument(description="The change.")],
    ) -> SessionPayload:
        ctx = info.context
        try:
            grant = await accounts.change_password(
                ctx.settings, ctx.signed_in(), input.current_password, input.new_password
            )
        except DomainError as error:
            return session_refused(error)
        return session_granted(grant)

    @requires("api_key", "manage", mutation=True, description="Create an API key.")
    async def api_key_create(
        self,
        info: Info,
        input: Annotated[ApiKeyCreateInput, strawberry.argument(description="The key.")],
    ) -> ApiKeyCreatePayload:
        ctx = info.context
        try:
            key, secret = await api_keys.create(
                ctx.access, ctx.signed_in(), input.name, input.role, input.expires_at
            )
        except DomainError as error:
            return ApiKeyCreatePayload(api_key=None, secret=None, user_errors=user_errors(error))
        return ApiKeyCreatePayload(
            api_key=ApiKeyType.from_model(key), secret=secret, user_errors=[]
        )

    @requires("api_key", "manage", mutation=True, description="Revoke an API key at once.")
    async def api_key_revoke(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The key.")],
    ) -> ApiKeyRevokePayload:
        ctx = info.context
        try:
            key_id = decode(id, "ApiKey")
            if key_id is None:
                raise NotFound("API key not found", field=["id"])
            key = await api_keys.revoke(ctx.access, ctx.signed_in(), key_id)
        except DomainError as error:
            return ApiKeyRevokePayload(api_key=None, user_errors=user_errors(error))
        return ApiKeyRevokePayload(api_key=ApiKeyType.from_model(key), user_errors=[])

    @signed_in(mutation=True, description="Start two-factor sign-in: a secret to scan.")
    async def totp_enroll(self, info: Info) -> TotpEnrollPayload:
        try:
            enrollment = await totp.enroll(info.context.settings, info.context.signed_in())
        except DomainError as error:
            return TotpEnrollPayload(secret=None, otpauth_uri=None, user_errors=user_errors(error))
        return TotpEnrollPayload(
            secret=enrollment.secret, otpauth_uri=enrollment.uri, user_errors=[]
        )

    @signed_in(mutation=True, description="Turn two-factor sign-in on with a first code.")
    async def totp_confirm(
        self,
        info: Info,
        code: Annotated[str, strawberry.argument(description="Code from the app.")],
    ) -> TotpConfirmPayload:
        try:
            codes = await totp.confirm(info.context.settings, info.context.signed_in(), code)
        except DomainError as error:
            return TotpConfirmPayload(
                enabled=False, recovery_codes=[], user_errors=user_errors(error)
            )
        return TotpConfirmPayload(enabled=True, recovery_codes=codes, user_errors=[])

    @signed_in(mutation=True, description="Turn two-factor sign-in off; needs a current code.")
    async def totp_disable(
        self,
        info: Info,
        code: Annotated[str, strawberry.argument(description="Code from the app.")],
    ) -> TotpDisablePayload:
        try:
            await totp.disable(info.context.settings, info.context.signed_in(), code)
        except DomainError as error:
            return TotpDisablePayload(disabled=False, user_errors=user_errors(error))
        return TotpDisablePayload(disabled=True, user_errors=[])

    @public(mutation=True, description="Set a password with a one-time set-password token.")
    async def password_set(
        self,
        info: Info,
        input: Annotated[PasswordSetInput, strawberry.argument(description="Token and password.")],
    ) -> PasswordSetPayload:
        try:
            await accounts.set_password_with_token(
                input.token, input.password, info.context.request_info
            )
        except DomainError as error:
            return PasswordSetPayload(ok=False, user_errors=user_errors(error))
        return PasswordSetPayload(ok=True, user_errors=[])
