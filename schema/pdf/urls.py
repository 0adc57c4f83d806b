"""URLs this API hands out for documents: signed PDF URLs and portal links."""

from __future__ import annotations

from collections.abc import Mapping

from schema.context import Context
from server.pdf.signed import DocumentRef, sign

DOCUMENTS_PATH = "/documents/"
PORTAL_PATH = "/portal/"


def _absolute(context: Context, path: str) -> str:
    return context.settings.public_url.rstrip("/") + path


def document_url(context: Context, ref: DocumentRef) -> str:
    """A URL that serves the document's PDF to whoever holds it, for a few minutes. The
    answer carrying it is not cached: a cached copy would outlive the URL."""
    context.expiring = True
    return _absolute(context, DOCUMENTS_PATH + sign(ref, context.settings.secret))


def portal_url(context: Context, token: str) -> str:
    return _absolute(context, PORTAL_PATH + token)


def readable_kinds(context: Context, objects: Mapping[str, str]) -> tuple[str, ...]:
    """Of `objects` (document kind -> permission object), the kinds this request may read.

    A statement's PDF prints document numbers only for these, as the statement's lines show
    their numbers only to roles that may read those documents."""
    actor = context.signed_in()
    return tuple(
        sorted(kind for kind, obj in objects.items() if context.allows(actor, obj, "read"))
    )
