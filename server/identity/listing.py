"""Which API keys, members and invitations a list shows, as SQL conditions for a keyset
page."""

from __future__ import annotations

from uuid import UUID

from server import clock
from server.sql import Where


def api_key_conditions(organization_id: UUID) -> Where:
    """Every key of the organization, revoked and expired ones too."""
    return Where().add('"organization_id" = {}', organization_id)


def member_conditions(organization_id: UUID) -> Where:
    """Every member of the organization."""
    return Where().add('"organization_id" = {}', organization_id)


def pending_invitation_conditions(organization_id: UUID) -> Where:
    """The organization's invitations still waiting to be accepted, as
    server.identity.invitations.pending selects them."""
    return (
        Where()
        .add('"organization_id" = {}', organization_id)
        .add('"accepted_at" IS NULL')
        .add('"revoked_at" IS NULL')
        .add('"expires_at" > {}', clock.now())
    )
