"""GET /documents/{token} (a signed, short-lived PDF URL) and GET /portal/{token}[/pdf]
(a customer's link to one invoice).

Neither needs a session: the token is the authority. A refused token gets a bare 403 or
404 with no detail, whatever was wrong with it (docs/decisions/pdf-rendering.md)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from server.actor import RequestInfo
from server.errors import NotFound
from server.pdf import render_invoice_pdf
from server.pdf.signed import Expired, InvalidSignature, render, verify
from server.portal.links import open_link
from server.portal.page import invoice_page
from server.settings import Settings

# Tokens ride in the path: no cache may keep the answer and no page may pass it on.
_PRIVATE = {
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-robots-tag": "noindex",
}
_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"


def _refused(status: int) -> Response:
    return PlainTextResponse("Forbidden" if status == 403 else "Not Found", status, _PRIVATE)


def _pdf(data: bytes, name: str) -> Response:
    headers = {**_PRIVATE, "content-disposition": f'inline; filename="{name}.pdf"'}
    return Response(data, media_type="application/pdf", headers=headers)


async def document_pdf(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    try:
        ref = verify(request.path_params["token"], settings.secret)
    except InvalidSignature:
        return _refused(403)
    except Expired:
        return _refused(404)
    except ValueError:  # a genuine signature over claims this version cannot read
        return _refused(404)
    try:
        data = await render(ref)
    except NotFound:
        return _refused(404)
    return _pdf(data, ref.kind.replace("_", "-"))


def _request_info(request: Request) -> RequestInfo:
    return RequestInfo(
        request_id=request.scope.get("state", {}).get("request_id"),
        client_ip=request.client.host if request.client else None,
        user_agent=(request.headers.get("user-agent") or "")[:512] or None,
        operation_name="portal",
    )


async def portal_page(request: Request) -> Response:
    token = request.path_params["token"]
    opened = await open_link(token, _request_info(request), view="page")
    if opened is None:
        return _refused(404)
    try:
        html = await invoice_page(opened.organization_id, opened.invoice_id, f"{token}/pdf")
    except NotFound:
        return _refused(404)
    return HTMLResponse(html, headers={**_PRIVATE, "content-security-policy": _PAGE_POLICY})


async def portal_pdf(request: Request) -> Response:
    opened = await open_link(request.path_params["token"], _request_info(request), view="pdf")
    if opened is None:
        return _refused(404)
    try:
        data = await render_invoice_pdf(opened.organization_id, opened.invoice_id)
    except NotFound:
        return _refused(404)
    return _pdf(data, "invoice")
