"""organizationLogoSet, invoicePortalLinkCreate and portalLinkRevoke."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import user_errors
from schema.ids import decode
from schema.pdf.types import (
    InvoicePortalLinkCreateInput,
    InvoicePortalLinkCreatePayload,
    Logo,
    OrganizationLogoSetInput,
    OrganizationLogoSetPayload,
    PortalLink,
    PortalLinkRevokeInput,
    PortalLinkRevokePayload,
)
from schema.pdf.urls import portal_url
from schema.permissions import requires
from server.errors import DomainError, ErrorCode, NotFound
from server.pdf import logo as logos
from server.portal import links


def _image(text: str | None) -> bytes | None:
    if text is None:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise DomainError(
            "the image must be base64-encoded", code=ErrorCode.INVALID_IMAGE, field=["image"]
        ) from exc


@strawberry.type
class PdfMutation:
    @requires(
        "organization",
        "manage",
        mutation=True,
        description="Set or remove the logo printed on the organization's documents.",
    )
    async def organization_logo_set(
        self,
        info: Info,
        input: Annotated[OrganizationLogoSetInput, strawberry.argument(description="The image.")],
    ) -> OrganizationLogoSetPayload:
        actor = info.context.signed_in()
        try:
            stored = await logos.set_logo(actor, _image(input.image))
        except DomainError as error:
            return OrganizationLogoSetPayload(logo=None, user_errors=user_errors(error))
        return OrganizationLogoSetPayload(
            logo=Logo.from_model(stored) if stored else None, user_errors=[]
        )

    @requires(
        "invoice",
        "share",
        mutation=True,
        description="Make a link that opens one issued invoice for someone without an account.",
    )
    async def invoice_portal_link_create(
        self,
        info: Info,
        input: Annotated[
            InvoicePortalLinkCreateInput, strawberry.argument(description="The invoice.")
        ],
    ) -> InvoicePortalLinkCreatePayload:
        actor = info.context.signed_in()
        try:
            invoice_id = decode(input.invoice_id, "Invoice")
            if invoice_id is None:
                raise NotFound("invoice not found", field=["invoiceId"])
            created = await links.create_link(actor, invoice_id, input.expires_in_days)
        except DomainError as error:
            return InvoicePortalLinkCreatePayload(
                portal_link=None, url=None, user_errors=user_errors(error)
            )
        return InvoicePortalLinkCreatePayload(
            portal_link=PortalLink.from_model(created.link),
            url=portal_url(info.context, created.token),
            user_errors=[],
        )

    @requires("invoice", "share", mutation=True, description="Revoke a portal link at once.")
    async def portal_link_revoke(
        self,
        info: Info,
        input: Annotated[PortalLinkRevokeInput, strawberry.argument(description="The link.")],
    ) -> PortalLinkRevokePayload:
        actor = info.context.signed_in()
        try:
            link_id = decode(input.id, "PortalLink")
            if link_id is None:
                raise NotFound("portal link not found", field=["id"])
            link = await links.revoke_link(actor, link_id)
        except DomainError as error:
            return PortalLinkRevokePayload(portal_link=None, user_errors=user_errors(error))
        return PortalLinkRevokePayload(portal_link=PortalLink.from_model(link), user_errors=[])
