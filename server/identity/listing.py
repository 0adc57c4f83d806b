"""Which API keys a list shows, as SQL conditions for a keyset page."""

from __future__ import annotations

from uuid import UUID

from server.sql import Where


def api_key_conditions(organization_id: UUID) -> Where:
    """Every key of the organization, revoked and expired ones too."""
    return Where().add('"organization_id" = {}', organization_id)
