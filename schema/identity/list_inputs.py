"""Filters and sort orders of the identity lists: members, API keys, invitations."""

from __future__ import annotations

from enum import Enum

import strawberry

from schema.enums import described_enum
from schema.filters import DateTimeRange, OrderDirection


@strawberry.input(description="Conditions on members; every condition given must hold.")
class MemberFilter:
    search: str | None = strawberry.field(
        default=None, description="Text in the member's name or email, ignoring case."
    )
    joined_at: DateTimeRange | None = strawberry.field(
        default=None, description="Joined within this range."
    )


class MemberOrderField(Enum):
    NAME = "name"
    EMAIL = "email"
    JOINED_AT = "created_at"


described_enum(
    MemberOrderField,
    name="MemberOrderField",
    description="What members are sorted by.",
    values={
        MemberOrderField.NAME: "The member's name.",
        MemberOrderField.EMAIL: "The member's email address.",
        MemberOrderField.JOINED_AT: "When the member joined the organization.",
    },
)


@strawberry.input(description="Sort order of members; ties are broken by id.")
class MemberOrder:
    field: MemberOrderField = strawberry.field(
        default=MemberOrderField.JOINED_AT, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Direction."
    )


@strawberry.input(description="Conditions on API keys; every condition given must hold.")
class ApiKeyFilter:
    search: str | None = strawberry.field(
        default=None, description="Text in the key's name, ignoring case."
    )
    revoked: bool | None = strawberry.field(
        default=None, description="True: only revoked keys; false: only keys not revoked."
    )
    created_at: DateTimeRange | None = strawberry.field(
        default=None, description="Created within this range."
    )


class ApiKeyOrderField(Enum):
    NAME = "name"
    CREATED_AT = "created_at"
    LAST_USED_AT = "last_used_at"


described_enum(
    ApiKeyOrderField,
    name="ApiKeyOrderField",
    description="What API keys are sorted by.",
    values={
        ApiKeyOrderField.NAME: "The key's name.",
        ApiKeyOrderField.CREATED_AT: "When the key was created.",
        ApiKeyOrderField.LAST_USED_AT: "When the key was last used; keys never used come last "
        "ascending, first descending.",
    },
)


@strawberry.input(description="Sort order of API keys; ties are broken by id.")
class ApiKeyOrder:
    field: ApiKeyOrderField = strawberry.field(
        default=ApiKeyOrderField.CREATED_AT, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )


@strawberry.input(description="Conditions on invitations; every condition given must hold.")
class InvitationFilter:
    search: str | None = strawberry.field(
        default=None, description="Text in the invited email or name, ignoring case."
    )


class InvitationOrderField(Enum):
    EMAIL = "email"
    CREATED_AT = "created_at"
    EXPIRES_AT = "expires_at"


described_enum(
    InvitationOrderField,
    name="InvitationOrderField",
    description="What invitations are sorted by.",
    values={
        InvitationOrderField.EMAIL: "The invited email address.",
        InvitationOrderField.CREATED_AT: "When the invitation was sent.",
        InvitationOrderField.EXPIRES_AT: "When the invitation expires.",
    },
)


@strawberry.input(description="Sort order of invitations; ties are broken by id.")
class InvitationOrder:
    field: InvitationOrderField = strawberry.field(
        default=InvitationOrderField.CREATED_AT, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )
