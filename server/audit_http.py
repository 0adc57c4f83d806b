"""GET /audit/export: an authenticated, streaming download of the audit log for auditors."""

from __future__ import annotations

from datetime import datetime

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from server.access.control import AccessControl
from server.actor import RequestInfo
from server.audit import export
from server.audit import log as audit
from server.http_errors import error_response
from server.identity.authenticate import authenticate
from server.identity.errors import AuthenticationFailed
from server.settings import Settings

FORMATS = {"csv": ("text/csv", export.as_csv), "jsonl": ("application/x-ndjson", export.jsonl)}


def _error(status: int, code: str, message: str) -> Response:
    return error_response(status, message, code)


async def export_audit(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    access: AccessControl = request.app.state.access
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    info = RequestInfo(
        request_id=request.scope.get("state", {}).get("request_id"),
        client_ip=request.client.host if request.client else None,
        user_agent=(request.headers.get("user-agent") or "")[:512] or None,
        operation_name="auditExport",
    )
    if scheme.lower() != "bearer" or not token:
        return _error(401, "UNAUTHENTICATED", "authentication required")
    try:
        actor = await authenticate(settings, access, token.strip(), info)
    except AuthenticationFailed:
        return _error(401, "UNAUTHENTICATED", "invalid or expired access token")
    if not access.allowed(actor.subject, actor.org, "audit", "read"):
        await audit.record_alone(
            actor, "access.denied", outcome="DENIED", after={"object": "audit", "action": "read"}
        )
        return _error(403, "FORBIDDEN", "your roles do not allow audit:read")
    fmt = request.query_params.get("format", "jsonl")
    if fmt not in FORMATS:
        return _error(400, "BAD_USER_INPUT", "format is csv or jsonl")
    try:
        start = _when(request.query_params.get("from"))
        end = _when(request.query_params.get("to"))
    except ValueError:
        return _error(400, "BAD_USER_INPUT", "from and to are ISO 8601 date-times")
    await audit.record_alone(
        actor,
        "audit.export",
        object_type="AuditLog",
        after={"format": fmt, "from": _iso(start), "to": _iso(end)},
    )
    media_type, render = FORMATS[fmt]
    rows = export.rows(audit.chain_key(actor.org), start, end)
    return StreamingResponse(
        render(rows),
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="audit.{fmt}"'},
    )


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("a time zone is required")
    return parsed


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
