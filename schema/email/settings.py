"""E-mail settings and document templates: their queries and mutations."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.email.types import DocumentTemplate, EmailSettings
from schema.errors import UserError, user_errors
from schema.page_args import After, Before, First, Last
from schema.pagination import Connection, SortKey, paginate_held
from schema.permissions import requires
from server.email import models, smtp_settings, templates
from server.errors import DomainError


@strawberry.input(description="The organization's SMTP server and sender.")
class EmailSettingsSetInput:
    host: str = strawberry.field(description="The SMTP server's host name or IP address.")
    port: int = strawberry.field(description="Its port, 1 to 65535.")
    security: models.Security = strawberry.field(description="How the connection is protected.")
    username: str | None = strawberry.field(
        default=None, description="User name to sign in with; omit for a server without sign-in."
    )
    password: str | None = strawberry.field(
        default=None,
        description="Password to sign in with; omitted or null keeps the stored one, an empty "
        "string removes it. Stored encrypted, never returned.",
    )
    from_address: str = strawberry.field(description="The sender's address.")
    from_name: str | None = strawberry.field(
        default=None, description="The sender's display name, one line."
    )
    reply_to: str | None = strawberry.field(
        default=None, description="Where replies go; omit for the sender's address."
    )


@strawberry.type(description="The settings saved, or why they were refused.")
class EmailSettingsSetPayload:
    settings: EmailSettings | None = strawberry.field(description="The settings now in force.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.input(
    description="A kind of document e-mail's own wording. Jinja2 syntax; the variables of "
    "each kind are listed in docs/api/email.md. It is rendered against sample values "
    "before it is saved."
)
class DocumentTemplateSetInput:
    kind: models.TemplateKind = strawberry.field(description="The kind of document.")
    subject: str = strawberry.field(description="Subject template; must render to one line.")
    text_body: str = strawberry.field(description="Plain-text body template.")
    html_body: str = strawberry.field(description="HTML body template; values are escaped.")
    pdf_footer: str | None = strawberry.field(
        default=None, description="Footer text of the kind's PDFs."
    )
    accent_color: str | None = strawberry.field(
        default=None, description="Accent colour of the kind's PDFs, #RRGGBB."
    )
    pdf_tax_id: str | None = strawberry.field(
        default=None, description="Tax id the kind's PDFs print, such as a VAT number."
    )
    pdf_bank_details: str | None = strawberry.field(
        default=None,
        description="Bank details the kind's PDFs print, for payment; may be several lines.",
    )


@strawberry.type(description="The template saved, or why it was refused.")
class DocumentTemplateSetPayload:
    template: DocumentTemplate | None = strawberry.field(description="The template saved.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.input(description="Narrow the document template list; conditions combine with AND.")
class DocumentTemplateFilter:
    kind: list[models.TemplateKind] | None = strawberry.field(
        default=None, description="Only these kinds of document; every kind if omitted."
    )
    custom: bool | None = strawberry.field(
        default=None,
        description="Only the organization's own templates (true) or only the defaults (false).",
    )


@strawberry.type
class EmailSettingsQuery:
    @requires(
        "email_settings",
        "read",
        description="The SMTP settings in force: the organization's, else the server's; null "
        "when neither is set and e-mail cannot be sent.",
    )
    async def email_settings(self, info: Info) -> EmailSettings | None:
        actor = info.context.signed_in()
        config = await smtp_settings.effective_config(actor.org, info.context.settings)
        return EmailSettings.from_config(config) if config else None

    @requires(
        "document_template",
        "read",
        description="The template of every kind of document e-mail: the organization's own, "
        "or the built-in default.",
    )
    async def document_templates(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            DocumentTemplateFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
    ) -> Connection[DocumentTemplate]:
        # One template per kind, a few fixed by the release: paged in memory by kind, with
        # the cursors every connection writes.
        actor, flt = info.context.signed_in(), filter or DocumentTemplateFilter()
        every = [
            DocumentTemplate.from_template(t)
            for t in await templates.effective_templates(actor.org)
        ]
        return paginate_held(
            [
                t
                for t in every
                if (not flt.kind or t.kind in flt.kind)
                and (flt.custom is None or t.custom == flt.custom)
            ],
            SortKey("kind"),
            lambda t: (t.kind.value, t.kind.value),
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            every=every,
        )


@strawberry.type
class EmailSettingsMutation:
    @requires(
        "email_settings",
        "manage",
        mutation=True,
        description="Set the organization's SMTP server and sender.",
    )
    async def email_settings_set(
        self,
        info: Info,
        input: Annotated[EmailSettingsSetInput, strawberry.argument(description="The settings.")],
    ) -> EmailSettingsSetPayload:
        actor = info.context.signed_in()
        given = smtp_settings.SettingsInput(
            host=input.host,
            port=input.port,
            security=input.security,
            username=input.username,
            password=input.password,
            from_address=input.from_address,
            from_name=input.from_name,
            reply_to=input.reply_to,
        )
        try:
            await smtp_settings.set_settings(actor, info.context.settings, given)
        except DomainError as error:
            return EmailSettingsSetPayload(settings=None, user_errors=user_errors(error))
        config = await smtp_settings.effective_config(actor.org, info.context.settings)
        assert config is not None
        return EmailSettingsSetPayload(settings=EmailSettings.from_config(config), user_errors=[])

    @requires(
        "document_template",
        "manage",
        mutation=True,
        description="Save the organization's template of a kind of document e-mail; refused "
        "if it does not render (syntax, unknown variables, anything the sandbox forbids).",
    )
    async def document_template_set(
        self,
        info: Info,
        input: Annotated[
            DocumentTemplateSetInput, strawberry.argument(description="The template.")
        ],
    ) -> DocumentTemplateSetPayload:
        actor = info.context.signed_in()
        given = templates.EffectiveTemplate(
            kind=input.kind,
            subject=input.subject,
            text_body=input.text_body,
            html_body=input.html_body,
            pdf_footer=input.pdf_footer,
            accent_color=input.accent_color,
            pdf_tax_id=input.pdf_tax_id,
            pdf_bank_details=input.pdf_bank_details,
            custom=True,
        )
        try:
            saved = await templates.set_template(actor, given)
        except DomainError as error:
            return DocumentTemplateSetPayload(template=None, user_errors=user_errors(error))
        return DocumentTemplateSetPayload(
            template=DocumentTemplate.from_template(saved), user_errors=[]
        )
