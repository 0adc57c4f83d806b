"""API keys as the database writes them (server.reads). Members and invitations are not
declared: their roles come from the policy store and custom roles are named by id."""

from __future__ import annotations

from server.identity.models import ApiKey
from server.reads.shape import Shape, column, instant_column, node_id

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
