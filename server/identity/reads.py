"""API keys, members and invitations as the database writes them (server.reads)."""

from __future__ import annotations

from server.access.reads import held_roles, role_names
from server.identity.models import ApiKey, Invitation, Membership, User
from server.reads.shape import Related, Shape, Value, column, instant_column, node_id

API_KEY = Shape(
    "ApiKey",
    {
        "id": node_id("ApiKey"),
        "name": column("name"),
        "role": column("role"),
        "createdAt": instant_column("created_at"),
        "expiresAt": instant_column("expires_at"),
        "revokedAt": instant_column("revoked_at"),
        "lastUsedAt": instant_column("last_used_at"),
    },
    ApiKey._meta.db_table,
)

USER = Shape(
    "User",
    {"id": node_id("User"), "email": column("email"), "name": column("name")},
    User._meta.db_table,
)

# A member's roles are the grouping rules of the policy store, named as the stock resolver
# names them; the enforcer answers from the same rows once it has loaded them.
MEMBER = Shape(
    "Member",
    {
        "user": Related(
            USER, lambda t, a: f'FROM "{USER.table}" {a} WHERE {a}."id" = {t}."user_id"'
        ),
        "roles": Value(
            lambda t, d: role_names(
                held_roles(f'{t}."user_id"', f'{t}."organization_id"'),
                f'{t}."organization_id"',
                d,
            )
        ),
        "joinedAt": instant_column("created_at"),
    },
    Membership._meta.db_table,
)

INVITATION = Shape(
    "Invitation",
    {
        "id": node_id("Invitation"),
        "email": column("email"),
        "roles": Value(
            lambda t, d: role_names(d.json_texts(f'{t}."roles"'), f'{t}."organization_id"', d)
        ),
        "createdAt": instant_column("created_at"),
        "expiresAt": instant_column("expires_at"),
    },
    Invitation._meta.db_table,
)
