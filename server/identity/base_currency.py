"""An organization's base currency, read from the database once per process.

It is chosen when the organization is created and never changes (every posted amount is
kept in it), so postings, documents and reports need not each read it again.
"""

from __future__ import annotations

from uuid import UUID

from server.identity.models import Organization

_known: dict[UUID, str] = {}


async def base_currency(organization_id: UUID) -> str:
    found = _known.get(organization_id)
    if found is None:
        found = str((await Organization.get(id=organization_id)).base_currency)
        _known[organization_id] = found
    return found
