"""Document templates: defaults, custom ones in use, and what a save refuses."""

from __future__ import annotations

from typing import Any

from server.email.models import DeliveryStatus, DocumentTemplate, TemplateKind
from server.email.templates import template_for
from server.settings import Settings
from tests.email.conftest import SmtpServer
from tests.email.helpers import INVOICE_SEND, TEMPLATE_SET, configure, send, through_jobs
from tests.receivables.helpers import customer, issued_invoice
from tests.support import Api, Org, walk_pages

TEMPLATES = """{ documentTemplates(first: 100) {
  totalCount nodes { kind subject textBody htmlBody custom accentColor } } }"""


def template(**extra: Any) -> dict[str, Any]:
    return {
        "kind": "INVOICE",
        "subject": "Your invoice {{ invoice.number }}",
        "textBody": "Hello {{ customer.name }}, you owe {{ invoice.amount_due }}.",
        "htmlBody": "<p>Hello {{ customer.name }}</p>",
        **extra,
    }


async def save(api: Api, org: Org, role: str = "owner", **extra: Any) -> dict[str, Any]:
    data = await api.data(TEMPLATE_SET, {"input": template(**extra)}, org.token(role))
    payload: dict[str, Any] = data["documentTemplateSet"]
    return payload


async def test_document_templates_lists_a_default_for_every_kind(api: Api) -> None:
    org = await api.new_org()
    found = (await api.data(TEMPLATES, token=org.token()))["documentTemplates"]["nodes"]
    assert [t["kind"] for t in found] == sorted(k.value for k in TemplateKind)
    assert not any(t["custom"] for t in found)
    assert all(t["subject"] and t["textBody"] and t["htmlBody"] for t in found)


async def test_document_template_set_is_used_for_the_next_send(
    api: Api, smtp: SmtpServer, settings: Settings
) -> None:
    org = await api.new_org()
    await configure(api, org, smtp)
    saved = await save(api, org, pdfFooter="Bank: 12-34-56", accentColor="#1a6b3c")
    assert saved["userErrors"] == [] and saved["template"]["custom"] is True
    assert saved["template"]["accentColor"] == "#1A6B3C"
    effective = await template_for(org.id, TemplateKind.INVOICE)
    assert (effective.pdf_footer, effective.accent_color) == ("Bank: 12-34-56", "#1A6B3C")
    listed = (await api.data(TEMPLATES, token=org.token()))["documentTemplates"]["nodes"]
    assert [t["kind"] for t in listed if t["custom"]] == ["INVOICE"]
    query = """query($f: DocumentTemplateFilter) { documentTemplates(filter: $f) {
        totalCount nodes { kind } } }"""
    mine = await api.data(query, {"f": {"custom": True}}, token=org.token())
    assert mine["documentTemplates"] == {"totalCount": 1, "nodes": [{"kind": "INVOICE"}]}
    two = await api.data(query, {"f": {"kind": ["RECEIPT", "INVOICE"]}}, token=org.token())
    assert two["documentTemplates"]["nodes"] == [{"kind": "INVOICE"}, {"kind": "RECEIPT"}]

    client = await customer(api, org, "Acme Ltd", email="ap@acme.test")
    invoice = await issued_invoice(api, org, client, "99.00")
    sent = await send(api, org, INVOICE_SEND, {"id": invoice["id"]})
    assert sent["delivery"]["subject"] == f"Your invoice {invoice['number']}"
    assert await through_jobs(sent["delivery"]) is DeliveryStatus.SENT
    mail = smtp.handler.by_message_id(sent["delivery"]["messageId"]).message
    assert mail.get_body(("plain",)).get_content().strip() == "Hello Acme Ltd, you owe $99.00."


async def _refused(api: Api, org: Org, **extra: Any) -> list[tuple[str, str]]:
    payload = await save(api, org, **extra)
    assert payload["template"] is None
    return [(e["field"][-1], e["code"]) for e in payload["userErrors"]]


async def test_document_template_set_refuses_a_syntax_error(api: Api) -> None:
    org = await api.new_org()
    refused = await _refused(api, org, textBody="Hello {{ customer.name ")
    assert refused == [("textBody", "TEMPLATE_SYNTAX")]
    assert not await DocumentTemplate.exists(organization_id=org.id)


async def test_document_template_set_refuses_a_sandbox_escape(api: Api) -> None:
    org = await api.new_org()
    for body in (
        "{{ ''.__class__.__mro__ }}",
        "{{ customer.name.__class__.__subclasses__() }}",
        "{{ invoice.update({'number': 1}) }}",
        "{{ '{0.__class__}'.format(customer.name) }}",
    ):
        assert await _refused(api, org, htmlBody=body) == [("htmlBody", "TEMPLATE_UNSAFE")], body
    assert not await DocumentTemplate.exists(organization_id=org.id)


async def test_document_template_set_refuses_an_unknown_variable(api: Api) -> None:
    org = await api.new_org()
    refused = await _refused(api, org, textBody="{{ invoice.numbr.upper() }}")
    assert refused == [("textBody", "TEMPLATE_RENDER")]
    assert await _refused(api, org, textBody="{{ payment.amount }}") == [
        ("textBody", "TEMPLATE_RENDER")
    ]


async def test_document_template_set_refuses_a_subject_rendering_a_line_break(api: Api) -> None:
    org = await api.new_org()
    refused = await _refused(api, org, subject='Invoice {{ "\\r\\n" }}Bcc: all@evil.test')
    assert refused == [("subject", "HEADER_LINE_BREAK")]


async def test_document_template_set_refuses_a_bad_colour(api: Api) -> None:
    org = await api.new_org()
    assert await _refused(api, org, accentColor="green") == [("accentColor", "INVALID_COLOR")]


async def test_document_template_set_needs_an_administrator(api: Api) -> None:
    org = await api.new_org("admin", "accountant")
    assert (await save(api, org, role="admin"))["userErrors"] == []
    result = await api.gql(TEMPLATE_SET, {"input": template()}, org.token("accountant"))
    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    listed = await api.data(TEMPLATES, token=org.token("accountant"))
    assert any(t["custom"] for t in listed["documentTemplates"]["nodes"])


async def test_document_templates_walked_both_ways_give_each_kind_once(api: Api) -> None:
    org = await api.new_org()
    query = """query($first: Int, $after: String, $last: Int, $before: String) {
      documentTemplates(first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { kind } } } }"""

    async def fetch(**variables: Any) -> dict[str, Any]:
        variables.pop("o")
        page: dict[str, Any] = (await api.data(query, variables, token=org.token()))[
            "documentTemplates"
        ]
        assert page["totalCount"] == len(TemplateKind)
        return page

    forwards, backwards, _ = await walk_pages(fetch, {}, lambda n: n["kind"], first=2, size=4)
    assert forwards == backwards == sorted(k.value for k in TemplateKind)


async def test_a_role_without_document_template_read_cannot_list_templates(api: Api) -> None:
    org = await api.new_org("approver")
    refused = await api.gql(TEMPLATES, token=org.token("approver"))
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
