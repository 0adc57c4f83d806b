"""Event types of the organization itself: its members, roles, API keys and duty rules."""

from __future__ import annotations

from server.events.payload import BOOLEAN, DATE_TIME, INTEGER, TEXT, TEXTS, EventType, Field, Node

ROLES = Field("roles", TEXTS, "The member's roles after the change.")

TYPES = (
    EventType(
        "organization.created",
        1,
        "organization.create",
        "Organization",
        "The organization was opened, with its books.",
        (
            Field("name", TEXT, "Its name."),
            Field("baseCurrency", TEXT, "The currency its books are kept in."),
        ),
    ),
    EventType(
        "member.added",
        1,
        "member.add",
        "Membership",
        "A user was made a member from the command line or the demo.",
        (Field("email", TEXT, "The member's e-mail address.", source="user"), ROLES),
    ),
    EventType(
        "member.invited",
        1,
        "member.invite",
        "Invitation",
        "Someone was invited to join with some roles.",
        (
            Field("email", TEXT, "The address invited."),
            Field("roles", TEXTS, "The roles offered."),
        ),
    ),
    EventType(
        "member.invitation_revoked",
        1,
        "member.invitation_revoke",
        "Invitation",
        "An invitation was withdrawn before it was accepted.",
        (Field("email", TEXT, "The address invited.", before=True),),
    ),
    EventType(
        "member.joined",
        1,
        "member.join",
        "User",
        "An invited person accepted and became a member.",
        (Field("invitation", Node("Invitation"), "The invitation accepted."), ROLES),
    ),
    EventType(
        "member.roles_changed",
        1,
        "member.roles_set",
        "User",
        "A member's roles were changed.",
        (
            ROLES,
            Field("previousRoles", TEXTS, "The roles before.", source="roles", before=True),
        ),
    ),
    EventType(
        "member.removed",
        1,
        "member.remove",
        "User",
        "A member was removed from the organization.",
        (Field("previousRoles", TEXTS, "The roles they had.", source="roles", before=True),),
    ),
    EventType(
        "role.created",
        1,
        "role.create",
        "Role",
        "A custom role was created.",
        (
            Field("name", TEXT, "Its name."),
            Field("permissions", TEXTS, "Its permissions, as `object:action`."),
        ),
    ),
    EventType(
        "role.permissions_changed",
        1,
        "role.permissions_set",
        "Role",
        "A custom role's permissions were replaced.",
        (
            Field("permissions", TEXTS, "Its permissions after, as `object:action`."),
            Field("previousPermissions", TEXTS, "Before.", source="permissions", before=True),
        ),
    ),
    EventType(
        "role.deleted",
        1,
        "role.delete",
        "Role",
        "A custom role was deleted.",
        (Field("name", TEXT, "Its name.", before=True),),
    ),
    EventType(
        "api_key.created",
        1,
        "api_key.create",
        "ApiKey",
        "An API key was created (its secret is never in an event).",
        (
            Field("name", TEXT, "What the key is for."),
            Field("role", TEXT, "The role it acts with."),
            Field("expiresAt", DATE_TIME, "When it stops working; null: never."),
        ),
    ),
    EventType(
        "api_key.revoked",
        1,
        "api_key.revoke",
        "ApiKey",
        "An API key was revoked.",
        (Field("name", TEXT, "What the key was for.", before=True),),
    ),
    EventType(
        "duty_rule.changed",
        1,
        "duty_rule.set",
        "Organization",
        "A segregation-of-duties rule was switched on or off.",
        (
            Field("rule", TEXT, "The rule, as `object:action`."),
            Field("enabled", BOOLEAN, "Whether it is on after the change."),
        ),
    ),
    EventType(
        "organization.logo_changed",
        1,
        "organization.logo_set",
        "Organization",
        "The logo printed on the organization's documents was set or removed.",
        (
            Field("mediaType", TEXT, "image/png or image/jpeg; null when removed."),
            Field("bytes", INTEGER, "The image's size in bytes; 0 when removed."),
            Field("sha256", TEXT, "SHA-256 of the image, hex; null when removed."),
        ),
    ),
)
