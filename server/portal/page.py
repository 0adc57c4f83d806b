"""The page a portal link opens: the invoice's essentials and a link to its PDF, nothing
else of the organization. Every value is HTML-escaped."""

from __future__ import annotations

from html import escape
from typing import Any
from uuid import UUID

from server.email.models import TemplateKind
from server.pdf.branding import branding_for
from server.pdf.formatting import Formatter
from server.pdf.invoices import invoice_data

_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<style>body{{font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}}
h1{{color:{accent}}}dt{{color:#666}}dd{{margin:0 0 .6rem}}a{{color:{accent}}}</style>
</head><body>
<p>{organization}</p>
<h1>{title}</h1>
<dl>{facts}</dl>
<p><a href="{pdf}">Download the invoice (PDF)</a></p>
</body></html>
"""


def _facts(data: dict[str, Any]) -> str:
    rows = [
        ("Status", data["status"]),
        ("Billed to", data["customer"]["name"]),
        ("Date", data["issueDate"]),
        ("Due date", data["dueDate"]),
        *[(label, value) for label, value in data["totals"]],
    ]
    return "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in rows if value
    )


async def invoice_page(organization_id: UUID, invoice_id: UUID, pdf_href: str) -> str:
    brand = await branding_for(organization_id, TemplateKind.INVOICE)
    data = await invoice_data(organization_id, invoice_id, Formatter(brand.locale))
    return _PAGE.format(
        lang=escape(data["lang"]),
        title=escape(f"Invoice {data['number']}"),
        accent=brand.accent_color,  # checked to be #rrggbb by Branding
        organization=escape(brand.organization_name),
        facts=_facts(data),
        pdf=escape(pdf_href),
    )
