"""Types of the PDF settings and portal links."""

from __future__ import annotations

from datetime import datetime
from typing import Self
from uuid import UUID

import strawberry

from schema.context import Info
from schema.errors import UserError
from schema.ids import encode
from schema.receivables import loaders
from schema.receivables.types import Invoice
from server.pdf.models import OrganizationLogo
from server.portal.models import PortalLink as PortalLinkModel


@strawberry.type(description="The image printed at the head of the organization's documents.")
class Logo:
    media_type: str = strawberry.field(description="Media type: image/png or image/jpeg.")
    size_bytes: int = strawberry.field(description="The image's size in bytes.")
    sha256: str = strawberry.field(description="SHA-256 of the image, hex, to tell versions apart.")
    updated_at: datetime = strawberry.field(description="When it was set.")

    @classmethod
    def from_model(cls, logo: OrganizationLogo) -> Self:
        return cls(
            media_type=logo.media_type,
            size_bytes=len(logo.data),
            sha256=logo.sha256,
            updated_at=logo.updated_at,
        )


@strawberry.type(
    description="A link that opens one invoice for someone without an account, until it "
    "expires or is revoked. The link's secret is shown once, when it is created."
)
class PortalLink:
    id: strawberry.ID = strawberry.field(description="Global id, for portalLinkRevoke.")
    expires_at: datetime = strawberry.field(description="When it stops working.")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked, if it was.")
    created_at: datetime = strawberry.field(description="When it was made.")
    invoice_id: strawberry.Private[UUID]

    @strawberry.field(description="The invoice it opens.")
    async def invoice(self, info: Info) -> Invoice | None:
        found = await loaders.invoices(info.context).load(self.invoice_id)
        return Invoice.from_model(found) if found else None

    @classmethod
    def from_model(cls, link: PortalLinkModel) -> Self:
        return cls(
            id=strawberry.ID(encode("PortalLink", link.id)),
            expires_at=link.expires_at,
            revoked_at=link.revoked_at,
            created_at=link.created_at,
            invoice_id=link.invoice_id,
        )


@strawberry.input(description="The logo to print on documents.")
class OrganizationLogoSetInput:
    image: str | None = strawberry.field(
        description="The PNG or JPEG image, base64-encoded; at most 150 KB and 4096 pixels a "
        "side once decoded. Null removes the logo."
    )


@strawberry.type(description="The logo now set, or why it was refused.")
class OrganizationLogoSetPayload:
    logo: Logo | None = strawberry.field(description="The logo; null once removed or if refused.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.input(description="An invoice to share through a portal link.")
class InvoicePortalLinkCreateInput:
    invoice_id: strawberry.ID = strawberry.field(description="The issued invoice to share.")
    expires_in_days: int | None = strawberry.field(
        default=None, description="Days the link works, 1 to 365; 30 when not given."
    )


@strawberry.type(description="The new link with its URL, or why it was refused.")
class InvoicePortalLinkCreatePayload:
    portal_link: PortalLink | None = strawberry.field(description="The link.")
    url: str | None = strawberry.field(
        description="The URL to give the customer. Shown this once: only a hash of its "
        "secret is kept."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.input(description="The portal link to revoke.")
class PortalLinkRevokeInput:
    id: strawberry.ID = strawberry.field(description="The link's id.")


@strawberry.type(description="The revoked link, or why it was refused.")
class PortalLinkRevokePayload:
    portal_link: PortalLink | None = strawberry.field(description="The link, now revoked.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")
