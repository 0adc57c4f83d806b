"""Portal links: one invoice each, hashed, expiring, revocable, every opening audited."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx

from server import clock
from server.dates import instant_text
from server.portal.links import token_hash
from server.portal.models import PortalLink
from tests.pdf.helpers import invoice_with_lines, pdf_text
from tests.support import Api, Org

CREATE = """mutation($input: InvoicePortalLinkCreateInput!) {
  invoicePortalLinkCreate(input: $input) {
    portalLink { id expiresAt revokedAt invoice { number } } url
    userErrors { field code message } } }"""
REVOKE = """mutation($input: PortalLinkRevokeInput!) { portalLinkRevoke(input: $input) {
  portalLink { id revokedAt } userErrors { field code } } }"""
AUDIT = """query($action: AuditAction!) { auditEvents(first: 50, filter: {action: [$action]}) {
  nodes { action outcome objectType after actorType userAgent clientIp } } }"""
EVENTS = "{ events(first: 100) { nodes { type payload } } }"


async def _link(
    api: Api, org: Org, invoice_id: str, role: str = "owner", **extra: Any
) -> dict[str, Any]:
    data = await api.data(
        CREATE, {"input": {"invoiceId": invoice_id, **extra}}, token=org.token(role)
    )
    payload: dict[str, Any] = data["invoicePortalLinkCreate"]
    return payload


async def _audited(api: Api, org: Org, action: str) -> list[dict[str, Any]]:
    data = await api.data(AUDIT, {"action": action}, token=org.token())
    nodes: list[dict[str, Any]] = data["auditEvents"]["nodes"]
    return nodes


async def test_portal_link_opens_only_its_invoice(api: Api, client: httpx.AsyncClient) -> None:
    org = await api.new_org()
    shared = await invoice_with_lines(
        api, org, [("Shared work", "1", "80.00")], customer_name="Hooli"
    )
    private = await invoice_with_lines(api, org, [("Private work", "1", "55.00")])
    created = await _link(api, org, shared["id"])
    assert created["userErrors"] == []
    assert created["portalLink"]["invoice"]["number"] == shared["number"]
    url = created["url"]
    assert url.startswith("/portal/")
    page = await client.get(url)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert shared["number"] in page.text and "Hooli" in page.text and "$80.00" in page.text
    assert private["number"] not in page.text
    pdf = await client.get(f"{url}/pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert shared["number"] in text and "Shared work" in text
    assert private["number"] not in text and "Private work" not in text


async def test_portal_link_opening_is_audited(api: Api, client: httpx.AsyncClient) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    created = await _link(api, org, invoice["id"])
    await client.get(created["url"], headers={"user-agent": "portal-test"})
    await client.get(f"{created['url']}/pdf")
    opened = await _audited(api, org, "PORTAL_LINK_OPEN")
    assert [(e["outcome"], e["after"]["view"]) for e in opened] == [
        ("SUCCESS", "pdf"),
        ("SUCCESS", "page"),
    ]
    assert {e["actorType"] for e in opened} == {"ANONYMOUS"}
    assert opened[1]["userAgent"] == "portal-test"
    assert {e["objectType"] for e in opened} == {"PORTAL_LINK"}


async def test_portal_link_stores_only_the_hash_of_its_token(api: Api) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    created = await _link(api, org, invoice["id"])
    token = created["url"].removeprefix("/portal/")
    stored = await PortalLink.get(organization_id=org.id)
    assert stored.token_hash == token_hash(token)
    assert token not in stored.token_hash


async def test_portal_link_revoked_is_not_found(api: Api, client: httpx.AsyncClient) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    created = await _link(api, org, invoice["id"])
    revoked = await api.data(
        REVOKE, {"input": {"id": created["portalLink"]["id"]}}, token=org.token()
    )
    assert revoked["portalLinkRevoke"]["userErrors"] == []
    assert revoked["portalLinkRevoke"]["portalLink"]["revokedAt"] is not None
    for path in (created["url"], f"{created['url']}/pdf"):
        refused = await client.get(path)
        assert refused.status_code == 404 and refused.text == "Not Found"
    again = await api.data(
        REVOKE, {"input": {"id": created["portalLink"]["id"]}}, token=org.token()
    )
    assert again["portalLinkRevoke"]["userErrors"] == [
        {"field": ["input", "id"], "code": "INVALID_STATUS"}
    ]
    refusals = await _audited(api, org, "PORTAL_LINK_OPEN")
    assert {(e["outcome"], e["after"]["refused"]) for e in refusals} == {("DENIED", "revoked")}


async def test_portal_link_expired_is_not_found(
    api: Api, client: httpx.AsyncClient, held_clock: clock.HeldClock
) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    created = await _link(api, org, invoice["id"], expiresInDays=2)
    held_clock.advance(timedelta(days=2) - timedelta(seconds=1))
    assert (await client.get(created["url"])).status_code == 200
    held_clock.advance(timedelta(seconds=1))
    assert (await client.get(created["url"])).status_code == 404


async def test_portal_link_unknown_token_is_not_found(client: httpx.AsyncClient) -> None:
    for token in ("nothing-here", "a" * 43, "%2e%2e"):
        assert (await client.get(f"/portal/{token}")).status_code == 404


async def test_portal_link_create_refuses_drafts_and_bad_lifetimes(api: Api) -> None:
    org = await api.new_org()
    draft = await invoice_with_lines(api, org, [("Draft", "1", "10.00")], issued=False)
    refused = await _link(api, org, draft["id"])
    assert refused["url"] is None
    assert [e["code"] for e in refused["userErrors"]] == ["INVALID_STATUS"]
    issued = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    for days in (0, 366, -1):
        out_of_range = await _link(api, org, issued["id"], expiresInDays=days)
        assert [e["code"] for e in out_of_range["userErrors"]] == ["OUT_OF_RANGE"]
    assert await PortalLink.filter(organization_id=org.id).count() == 0


async def test_portal_link_of_another_organization_is_not_found(api: Api) -> None:
    org = await api.new_org()
    other = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    refused = await _link(api, other, invoice["id"])
    assert [e["code"] for e in refused["userErrors"]] == ["NOT_FOUND"]
    created = await _link(api, org, invoice["id"])
    revoke = await api.data(
        REVOKE, {"input": {"id": created["portalLink"]["id"]}}, token=other.token()
    )
    assert [e["code"] for e in revoke["portalLinkRevoke"]["userErrors"]] == ["NOT_FOUND"]


async def test_portal_link_create_needs_invoice_share(api: Api) -> None:
    org = await api.new_org("sales", "ar_clerk")
    invoice = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    denied = await api.gql(
        CREATE, {"input": {"invoiceId": invoice["id"]}}, token=org.token("sales")
    )
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    allowed = await _link(api, org, invoice["id"], role="ar_clerk")
    assert allowed["userErrors"] == [] and allowed["url"]


async def test_portal_link_create_and_revoke_write_audit_and_domain_events(api: Api) -> None:
    org = await api.new_org()
    invoice = await invoice_with_lines(api, org, [("Work", "1", "10.00")])
    created = await _link(api, org, invoice["id"])
    await api.data(REVOKE, {"input": {"id": created["portalLink"]["id"]}}, token=org.token())
    assert len(await _audited(api, org, "INVOICE_PORTAL_LINK_CREATE")) == 1
    assert len(await _audited(api, org, "INVOICE_PORTAL_LINK_REVOKE")) == 1
    events = (await api.data(EVENTS, token=org.token()))["events"]["nodes"]
    by_type = {e["type"]: e["payload"] for e in events}
    assert by_type["invoice.portal_link_created"]["invoice"] == invoice["id"]
    # The payload keeps the instant as stored; the API answers it at milliseconds.
    expires = datetime.fromisoformat(by_type["invoice.portal_link_created"]["expiresAt"])
    assert instant_text(expires) == created["portalLink"]["expiresAt"]
    assert by_type["invoice.portal_link_revoked"]["invoice"] == invoice["id"]
