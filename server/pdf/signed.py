"""Short-lived signed URLs for documents: `Invoice.pdfUrl` and its kind.

A token names one document of one organization and when it stops working, signed with
HMAC-SHA256 under a key derived from the application secret. Whoever holds it may fetch
that PDF until it expires, without a session: it is handed only to a caller the gate
allowed to read the document, and lives minutes (docs/decisions/pdf-rendering.md)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

import orjson

from server import clock
from server.pdf.invoices import render_credit_note, render_invoice
from server.pdf.statements import render_statement

URL_LIFETIME = timedelta(minutes=5)
KINDS = ("invoice", "credit_note", "statement")
_PURPOSE = b"ledgerline/document-url/v1"


class InvalidSignature(Exception):
    """The token was not made by this application, or was changed."""


class Expired(Exception):
    """The token was genuine but its time is up."""


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """The document a token names. A statement also carries its period and the kinds of
    document whose numbers it may print."""

    kind: str
    organization_id: UUID
    document_id: UUID  # the customer, for a statement
    start: date | None = None
    end: date | None = None
    numbered: tuple[str, ...] = field(default=())


def _key(secret: str) -> bytes:
    # A key of its own, so a document token can never pass for any other signed value.
    return hmac.new(secret.encode(), _PURPOSE, hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(ref: DocumentRef, secret: str, lifetime: timedelta = URL_LIFETIME) -> str:
    if ref.kind not in KINDS:
        raise ValueError(f"no signed URLs for {ref.kind!r}")
    claims: dict[str, Any] = {
        "k": ref.kind,
        "o": str(ref.organization_id),
        "d": str(ref.document_id),
        "x": int((clock.now() + lifetime).timestamp()),
    }
    if ref.kind == "statement":
        claims.update(f=ref.start, t=ref.end, n=list(ref.numbered))
    body = _b64(orjson.dumps(claims))
    mac = hmac.new(_key(secret), body.encode(), hashlib.sha256).digest()
    return f"{body}.{_b64(mac)}"


def verify(token: str, secret: str, now: datetime | None = None) -> DocumentRef:
    """The document the token names; InvalidSignature or Expired otherwise."""
    body, _, mac = token.partition(".")
    try:
        given = _unb64(mac)
    except ValueError as exc:
        raise InvalidSignature from exc
    expected = hmac.new(_key(secret), body.encode(), hashlib.sha256).digest()
    if not body or not hmac.compare_digest(given, expected):
        raise InvalidSignature
    claims = orjson.loads(_unb64(body))
    if (now or clock.now()).timestamp() >= claims["x"]:
        raise Expired
    statement = claims["k"] == "statement"
    return DocumentRef(
        kind=claims["k"],
        organization_id=UUID(claims["o"]),
        document_id=UUID(claims["d"]),
        start=date.fromisoformat(claims["f"]) if statement else None,
        end=date.fromisoformat(claims["t"]) if statement else None,
        numbered=tuple(claims["n"]) if statement else (),
    )


async def render(ref: DocumentRef) -> bytes:
    """The PDF a verified token names; NotFound if the document is gone."""
    if ref.kind == "invoice":
        return await render_invoice(ref.organization_id, ref.document_id)
    if ref.kind == "credit_note":
        return await render_credit_note(ref.organization_id, ref.document_id)
    assert ref.start is not None and ref.end is not None
    return await render_statement(
        ref.organization_id, ref.document_id, ref.start, ref.end, ref.numbered
    )
