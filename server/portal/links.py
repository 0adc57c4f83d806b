"""Creating, revoking and opening portal links.

A link's token is 256 random bits shown once; the database keeps its SHA-256, so a copy
of the database opens nothing. A link opens one invoice until it expires or is revoked,
and every opening is written to the audit log (docs/decisions/pdf-rendering.md)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor, RequestInfo
from server.audit import log as audit
from server.errors import DomainError, ErrorCode, NotFound
from server.portal.models import PortalLink
from server.receivables.models import Invoice, InvoiceStatus

DEFAULT_DAYS = 30
MAX_DAYS = 365


@dataclass(frozen=True, slots=True)
class CreatedLink:
    link: PortalLink
    token: str  # shown once; only its hash is kept


@dataclass(frozen=True, slots=True)
class OpenedLink:
    organization_id: UUID
    invoice_id: UUID
    link_id: UUID


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_link(actor: Actor, invoice_id: UUID, expires_in_days: int | None) -> CreatedLink:
    days = DEFAULT_DAYS if expires_in_days is None else expires_in_days
    if not 1 <= days <= MAX_DAYS:
        raise DomainError(
            f"a link lasts from 1 to {MAX_DAYS} days",
            code=ErrorCode.OUT_OF_RANGE,
            field=["expiresInDays"],
        )
    token = secrets.token_urlsafe(32)
    async with in_transaction():
        invoice = await Invoice.get_or_none(id=invoice_id, organization_id=actor.org)
        if invoice is None:
            raise NotFound("invoice not found", field=["invoiceId"])
        if invoice.status == InvoiceStatus.DRAFT:
            raise DomainError(
                "a draft invoice cannot be shared; issue it first",
                code=ErrorCode.INVALID_STATUS,
                field=["invoiceId"],
            )
        link = await PortalLink.create(
            organization_id=actor.org,
            invoice_id=invoice.id,
            token_hash=token_hash(token),
            expires_at=clock.now() + timedelta(days=days),
            created_by_id=actor.author_id,
        )
        await audit.record(
            actor,
            "invoice.portal_link_create",
            object_type="PortalLink",
            object_id=link.id,
            after={"invoice": str(invoice.id), "expiresAt": link.expires_at.isoformat()},
        )
    return CreatedLink(link, token)


async def revoke_link(actor: Actor, link_id: UUID) -> PortalLink:
    async with in_transaction():
        link = await PortalLink.get_or_none(id=link_id, organization_id=actor.org)
        if link is None:
            raise NotFound("portal link not found", field=["id"])
        now = clock.now()
        # Guarded: of two revocations racing, one changes the row and is audited.
        changed = await PortalLink.filter(id=link.id, revoked_at=None).update(revoked_at=now)
        if not changed:
            raise DomainError(
                "the link is already revoked", code=ErrorCode.INVALID_STATUS, field=["id"]
            )
        link.revoked_at = now
        await audit.record(
            actor,
            "invoice.portal_link_revoke",
            object_type="PortalLink",
            object_id=link.id,
            before={"invoice": str(link.invoice_id), "revokedAt": None},
            after={"invoice": str(link.invoice_id), "revokedAt": now.isoformat()},
        )
    return link


async def open_link(token: str, request: RequestInfo, view: str) -> OpenedLink | None:
    """The invoice a live link opens, with the opening (`view`: page or pdf) audited; None
    for any other token.

    A refused opening of a known link (expired, revoked) is audited too: someone holds a
    link that no longer works."""
    link = await PortalLink.get_or_none(token_hash=token_hash(token))
    if link is None:
        return None
    actor = Actor.anonymous(request, label="portal link").in_organization(link.organization_id, ())
    live = link.revoked_at is None and clock.now() < link.expires_at
    await audit.record_alone(
        actor,
        "portal_link.open",
        object_type="PortalLink",
        object_id=link.id,
        outcome="SUCCESS" if live else "DENIED",
        after={
            "invoice": str(link.invoice_id),
            "view": view,
            "refused": None if live else _why_not(link),
        },
    )
    if not live:
        return None
    return OpenedLink(link.organization_id, link.invoice_id, link.id)


def _why_not(link: PortalLink) -> str:
    return "revoked" if link.revoked_at is not None else "expired"
