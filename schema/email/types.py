"""GraphQL types of outbound e-mail."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Self
from uuid import UUID

import strawberry
from strawberry import relay

from schema.context import Info
from schema.enums import described_enum
from schema.ids import encode
from schema.permissions import authorize
from schema.reads import lookup
from server.email import models
from server.email.reads import EMAIL_DELIVERY
from server.email.smtp_settings import SmtpConfig
from server.email.templates import EffectiveTemplate

described_enum(
    models.Security,
    name="EmailSecurity",
    description="How the SMTP connection is protected.",
    values={
        models.Security.NONE: "Plain text, unencrypted; only for a server on a trusted network.",
        models.Security.STARTTLS: "Upgraded to TLS after connecting; usually port 587.",
        models.Security.TLS: "TLS from the start (implicit TLS); usually port 465.",
    },
)
described_enum(
    models.TemplateKind,
    name="TemplateKind",
    description="Kinds of document e-mail.",
    values={
        models.TemplateKind.INVOICE: "An invoice, to the customer.",
        models.TemplateKind.CREDIT_NOTE: "A credit note, to the customer.",
        models.TemplateKind.STATEMENT: "A statement of account, to the customer.",
        models.TemplateKind.REMINDER: "A payment reminder for an overdue invoice, to the customer.",
        models.TemplateKind.RECEIPT: "A receipt for a payment received, to the customer.",
        models.TemplateKind.REMITTANCE: "A remittance advice for a bill payment, to the vendor.",
    },
)
described_enum(
    models.DeliveryStatus,
    name="EmailDeliveryStatus",
    description="Where an e-mail delivery stands.",
    values={
        models.DeliveryStatus.QUEUED: "Waiting to be sent, or to be retried after a failure.",
        models.DeliveryStatus.SENT: "Accepted by the SMTP server.",
        models.DeliveryStatus.FAILED: "Refused by the SMTP server, or out of attempts.",
    },
)


@strawberry.enum(description="Whose SMTP settings apply.")
class EmailSettingsSource(Enum):
    ORGANIZATION = strawberry.enum_value(
        "ORGANIZATION", description="The organization's own, set with emailSettingsSet."
    )
    GLOBAL = strawberry.enum_value(
        "GLOBAL", description="The server's (LEDGERLINE_SMTP_*), for want of the organization's."
    )


@strawberry.type(description="The SMTP server and sender the organization's e-mails use.")
class EmailSettings:
    source: EmailSettingsSource = strawberry.field(description="Whose settings these are.")
    host: str = strawberry.field(description="The SMTP server.")
    port: int = strawberry.field(description="Its port.")
    security: models.Security = strawberry.field(description="How the connection is protected.")
    username: str | None = strawberry.field(description="User name to sign in with; null: none.")
    password_set: bool = strawberry.field(
        description="Whether a password is stored; the password itself is never returned."
    )
    from_address: str = strawberry.field(description="The sender's address.")
    from_name: str | None = strawberry.field(description="The sender's display name.")
    reply_to: str | None = strawberry.field(description="Where replies go; null: the sender.")

    @classmethod
    def from_config(cls, c: SmtpConfig) -> Self:
        return cls(
            source=EmailSettingsSource(c.source),
            host=c.host,
            port=c.port,
            security=c.security,
            username=c.username,
            password_set=bool(c.password),
            from_address=c.from_address,
            from_name=c.from_name,
            reply_to=c.reply_to,
        )


@strawberry.type(
    description="What one kind of document e-mail says (Jinja2 templates, sandboxed), and the "
    "touches of the kind's PDFs."
)
class DocumentTemplate:
    kind: models.TemplateKind = strawberry.field(description="The kind of document.")
    subject: str = strawberry.field(description="Subject template: one line once rendered.")
    text_body: str = strawberry.field(description="Plain-text body template.")
    html_body: str = strawberry.field(description="HTML body template; values are escaped.")
    pdf_footer: str | None = strawberry.field(description="Footer text of the kind's PDFs.")
    accent_color: str | None = strawberry.field(
        description="Accent colour of the kind's PDFs, #RRGGBB."
    )
    pdf_tax_id: str | None = strawberry.field(description="Tax id the kind's PDFs print.")
    pdf_bank_details: str | None = strawberry.field(
        description="Bank details the kind's PDFs print."
    )
    custom: bool = strawberry.field(
        description="True: the organization's own; false: the built-in default."
    )

    @classmethod
    def from_template(cls, t: EffectiveTemplate) -> Self:
        return cls(
            kind=t.kind,
            subject=t.subject,
            text_body=t.text_body,
            html_body=t.html_body,
            pdf_footer=t.pdf_footer,
            accent_color=t.accent_color,
            pdf_tax_id=t.pdf_tax_id,
            pdf_bank_details=t.pdf_bank_details,
            custom=t.custom,
        )


@strawberry.type(description="One document e-mail: queued, sent or failed.")
class EmailDelivery(relay.Node):
    id: relay.NodeID[str]
    kind: models.TemplateKind = strawberry.field(description="The kind of document e-mail.")
    document_type: str = strawberry.field(
        description="Type of the document sent: Invoice, CreditNote, Payment, BillPayment, "
        "or Customer for a statement."
    )
    document_id: strawberry.ID = strawberry.field(
        description="Global id of the document sent (the customer, for a statement)."
    )
    to: str = strawberry.field(description="The recipient's address.")
    cc: list[str] = strawberry.field(description="Addresses copied.")
    subject: str = strawberry.field(description="The subject, rendered when queued.")
    status: models.DeliveryStatus = strawberry.field(description="Where the delivery stands.")
    attempts: int = strawberry.field(description="Attempts made since it was last queued.")
    last_error: str | None = strawberry.field(description="The last attempt's error, if any.")
    message_id: str = strawberry.field(description="The message's Message-ID header.")
    queued_at: datetime = strawberry.field(description="When it was (last) queued.")
    sent_at: datetime | None = strawberry.field(description="When the server accepted it.")

    @classmethod
    def from_model(cls, d: models.EmailDelivery) -> Self:
        return cls(
            id=str(d.id),
            kind=d.kind,
            document_type=d.document_type,
            document_id=strawberry.ID(encode(d.document_type, d.document_id)),
            to=d.to_address,
            cc=list(d.cc),
            subject=d.subject,
            status=d.status,
            attempts=d.attempts,
            last_error=d.last_error,
            message_id=d.message_id,
            queued_at=d.queued_at,
            sent_at=d.sent_at,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[EmailDelivery | None]:
        ids = list(node_ids)
        await authorize(info.context, "email_delivery", "read")
        embedded = await lookup(info, EMAIL_DELIVERY, ids)
        if embedded is not None:
            return embedded
        org = info.context.signed_in().org
        rows = await models.EmailDelivery.filter(id__in=_uuids(ids), organization_id=org)
        found = {str(r.id): r for r in rows}
        return [cls.from_model(found[i]) if i in found else None for i in ids]


def _uuids(raw: Iterable[str]) -> list[UUID]:
    """The ids that can be uuids; others name nothing."""
    out = []
    for value in raw:
        try:
            out.append(UUID(value))
        except ValueError:
            continue
    return out
