"""Document templates: the organization's own or the built-in ones, rendered in a sandbox.

Templates are Jinja2 run by an `ImmutableSandboxedEnvironment`: no attribute starting with
an underscore, no mutation of the values given, no calls outside a short safe list. HTML
bodies are autoescaped; subjects and text bodies are not (they are not markup). Undefined
variables are errors (`StrictUndefined`), so a misspelt name is refused when the template
is saved rather than rendered as nothing in a customer's inbox: every save renders the
template against the kind's sample values first (docs/decisions/email.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from uuid import UUID

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.email.context import sample
from server.email.defaults import DEFAULTS
from server.email.headers import line_break_error
from server.email.models import DocumentTemplate, TemplateKind
from server.errors import DomainError, ErrorCode, ValidationFailed
from server.validation import check_length

SUBJECT_MAX = 500  # the template; a rendered subject may be at most SUBJECT_RENDERED_MAX
SUBJECT_RENDERED_MAX = 998  # RFC 5322's line limit
BODY_MAX = 100_000
RENDERED_MAX = 1_000_000
PDF_FOOTER_MAX = 1000
PDF_TAX_ID_MAX = 64
PDF_BANK_DETAILS_MAX = 500
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True, slots=True)
class EffectiveTemplate:
    """What a kind of document e-mail says for one organization; `custom` if its own."""

    kind: TemplateKind
    subject: str
    text_body: str
    html_body: str
    pdf_footer: str | None
    accent_color: str | None
    pdf_tax_id: str | None
    pdf_bank_details: str | None
    custom: bool


@dataclass(frozen=True, slots=True)
class Rendered:
    subject: str
    text: str
    html: str


class TemplateFailed(DomainError):
    """A template that cannot be rendered: bad syntax, a sandbox escape, a render error."""


@lru_cache(maxsize=2)
def _environment(html: bool) -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        autoescape=html, undefined=StrictUndefined, keep_trailing_newline=True
    )


def _render(source: str, variables: dict[str, Any], *, html: bool, field: str) -> str:
    try:
        text = _environment(html).from_string(source).render(variables)
    except TemplateSyntaxError as exc:
        raise TemplateFailed(
            f"{field}: syntax error on line {exc.lineno}: {exc.message}",
            code=ErrorCode.TEMPLATE_SYNTAX,
            field=[field],
        ) from exc
    except SecurityError as exc:
        raise TemplateFailed(
            f"{field}: not allowed in a template: {exc}",
            code=ErrorCode.TEMPLATE_UNSAFE,
            field=[field],
        ) from exc
    except (TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
        raise TemplateFailed(
            f"{field}: cannot be rendered: {exc}", code=ErrorCode.TEMPLATE_RENDER, field=[field]
        ) from exc
    if len(text) > RENDERED_MAX:
        raise TemplateFailed(
            f"{field}: renders to more than {RENDERED_MAX} characters",
            code=ErrorCode.TEMPLATE_RENDER,
            field=[field],
        )
    return text


def render(template: EffectiveTemplate, variables: dict[str, Any]) -> Rendered:
    """The subject and both bodies; the subject is one line (HEADER_LINE_BREAK otherwise)."""
    subject = _render(template.subject, variables, html=False, field="subject").strip()
    error = line_break_error(subject, "subject")
    if error is not None:
        raise TemplateFailed(
            "the subject renders to more than one line: line breaks are not allowed in an "
            "e-mail header",
            code=ErrorCode.HEADER_LINE_BREAK,
            field=["subject"],
        )
    if len(subject) > SUBJECT_RENDERED_MAX:
        raise TemplateFailed(
            f"the subject renders to more than {SUBJECT_RENDERED_MAX} characters",
            code=ErrorCode.TEMPLATE_RENDER,
            field=["subject"],
        )
    return Rendered(
        subject=subject,
        text=_render(template.text_body, variables, html=False, field="textBody"),
        html=_render(template.html_body, variables, html=True, field="htmlBody"),
    )


def default(kind: TemplateKind) -> EffectiveTemplate:
    subject, text, html = DEFAULTS[kind]
    return EffectiveTemplate(kind, subject, text, html, None, None, None, None, custom=False)


def _effective(row: DocumentTemplate) -> EffectiveTemplate:
    return EffectiveTemplate(
        row.kind,
        row.subject,
        row.text_body,
        row.html_body,
        row.pdf_footer,
        row.accent_color,
        row.pdf_tax_id,
        row.pdf_bank_details,
        custom=True,
    )


async def template_for(organization_id: UUID, kind: TemplateKind) -> EffectiveTemplate:
    """The template an organization's e-mails (and PDFs: footer, accent colour, tax id, bank
    details) of a kind use."""
    row = await DocumentTemplate.get_or_none(organization_id=organization_id, kind=kind)
    return _effective(row) if row is not None else default(kind)


async def effective_templates(organization_id: UUID) -> list[EffectiveTemplate]:
    """One template per kind, in the kinds' order: the organization's own or the default."""
    rows = {r.kind: r for r in await DocumentTemplate.filter(organization_id=organization_id)}
    return [_effective(rows[k]) if k in rows else default(k) for k in TemplateKind]


def _input_errors(t: EffectiveTemplate) -> list[DomainError]:
    errors = check_length(t.subject, SUBJECT_MAX, "subject")
    errors += check_length(t.text_body, BODY_MAX, "textBody")
    errors += check_length(t.html_body, BODY_MAX, "htmlBody")
    errors += check_length(t.pdf_footer, PDF_FOOTER_MAX, "pdfFooter")
    errors += check_length(t.pdf_tax_id, PDF_TAX_ID_MAX, "pdfTaxId")
    errors += check_length(t.pdf_bank_details, PDF_BANK_DETAILS_MAX, "pdfBankDetails")
    for value, field in ((t.subject, "subject"), (t.text_body, "textBody")):
        if not value.strip():
            errors.append(
                DomainError(f"{field} is required", code=ErrorCode.REQUIRED, field=[field])
            )
    line = line_break_error(t.subject, "subject")
    if line is not None:
        errors.append(line)
    if t.accent_color is not None and not _COLOR.fullmatch(t.accent_color):
        errors.append(
            DomainError(
                "accentColor must be #RRGGBB, such as #1A6B3C",
                code=ErrorCode.INVALID_COLOR,
                field=["accentColor"],
            )
        )
    return errors


def snapshot(t: EffectiveTemplate | DocumentTemplate) -> dict[str, Any]:
    return {
        "kind": t.kind.value,
        "subject": t.subject,
        "textBody": t.text_body,
        "htmlBody": t.html_body,
        "pdfFooter": t.pdf_footer,
        "accentColor": t.accent_color,
        "pdfTaxId": t.pdf_tax_id,
        "pdfBankDetails": t.pdf_bank_details,
    }


async def set_template(actor: Actor, given: EffectiveTemplate) -> EffectiveTemplate:
    """Save the organization's template of a kind, once it renders against sample values."""
    errors = _input_errors(given)
    if errors:
        raise ValidationFailed(errors)
    render(given, sample(given.kind))  # raises TemplateFailed: nothing is saved
    values = snapshot(given)
    color = given.accent_color.upper() if given.accent_color else None
    async with in_transaction():
        row = await DocumentTemplate.select_for_update().get_or_none(
            organization_id=actor.org, kind=given.kind
        )
        before = snapshot(row) if row is not None else None
        fields: dict[str, Any] = {
            "subject": given.subject,
            "text_body": given.text_body,
            "html_body": given.html_body,
            "pdf_footer": given.pdf_footer or None,
            "accent_color": color,
            "pdf_tax_id": given.pdf_tax_id or None,
            "pdf_bank_details": given.pdf_bank_details or None,
        }
        if row is None:
            row = await DocumentTemplate.create(
                organization_id=actor.org, kind=given.kind, **fields
            )
        else:
            await row.update_from_dict(fields).save()
        await audit.record(
            actor,
            "document_template.set",
            object_type="Organization",
            object_id=actor.org,
            before=before,
            after={**values, "accentColor": color},
        )
    return _effective(row)
