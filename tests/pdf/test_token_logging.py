"""Tokens in document and portal paths never reach the request log."""

from __future__ import annotations

import io
import json

import httpx

from server.observability import configure_logging
from server.settings import Settings
from tests.pdf.helpers import invoice_with_lines
from tests.pdf.test_portal import CREATE
from tests.support import Api


async def test_request_log_keeps_no_document_or_portal_token(
    api: Api, client: httpx.AsyncClient, settings: Settings
) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    url = (
        await api.data(
            "query($id: ID!) { invoice(id: $id) { pdfUrl } }", {"id": invoice["id"]}, org.token()
        )
    )["invoice"]["pdfUrl"]
    link = (await api.data(CREATE, {"input": {"invoiceId": invoice["id"]}}, token=org.token()))[
        "invoicePortalLinkCreate"
    ]["url"]
    stream = io.StringIO()
    configure_logging(settings.model_copy(update={"log_level": "INFO"}), stream)
    try:
        for path in (url, link, f"{link}/pdf", "/portal/unknown-secret-token"):
            await client.get(path)
    finally:
        configure_logging(settings)
    requests = [json.loads(line) for line in stream.getvalue().splitlines()]
    paths = [r["path"] for r in requests if r.get("event") == "request"]
    assert paths == ["/documents/{token}", "/portal/{token}", "/portal/{token}", "/portal/{token}"]
    text = stream.getvalue()
    for secret in (
        url.removeprefix("/documents/"),
        link.removeprefix("/portal/"),
        "unknown-secret",
    ):
        assert secret not in text
