"""Event types of outbound e-mail: its settings, document templates and deliveries."""

from __future__ import annotations

from server.events.payload import BOOLEAN, ENUM, INTEGER, TEXT, TEXTS, EventType, Field

DELIVERY = (
    Field("kind", ENUM, "TemplateKind: which kind of document e-mail."),
    Field(
        "documentType",
        TEXT,
        "Type of the document sent, such as Invoice; Customer for a statement.",
    ),
    Field("document", TEXT, "Global id of the document sent (the customer, for a statement)."),
    Field("to", TEXT, "The recipient's address."),
    Field("cc", TEXTS, "Addresses copied."),
    Field("subject", TEXT, "The subject, as rendered when queued."),
    Field("status", ENUM, "EmailDeliveryStatus after the change."),
    Field("attempts", INTEGER, "Attempts made so far."),
)

TYPES = (
    EventType(
        "email_settings.changed",
        1,
        "email_settings.set",
        "Organization",
        "The organization's SMTP settings were saved (the password never appears).",
        (
            Field("host", TEXT, "The SMTP server."),
            Field("port", INTEGER, "Its port."),
            Field("security", ENUM, "EmailSecurity: NONE, STARTTLS or TLS."),
            Field("username", TEXT, "The user name signed in with; null: none."),
            Field("signsIn", BOOLEAN, "Whether a password is stored."),
            Field("fromAddress", TEXT, "The sender's address."),
            Field("fromName", TEXT, "The sender's display name."),
            Field("replyTo", TEXT, "Where replies go; null: to the sender."),
        ),
    ),
    EventType(
        "document_template.changed",
        1,
        "document_template.set",
        "Organization",
        "The organization saved its own template for a kind of document e-mail.",
        (
            Field("kind", ENUM, "TemplateKind."),
            Field("subject", TEXT, "The subject template."),
            Field("pdfFooter", TEXT, "Footer text of the kind's PDFs."),
            Field("accentColor", TEXT, "Accent colour of the kind's PDFs, #RRGGBB."),
            Field("pdfTaxId", TEXT, "Tax id the kind's PDFs print."),
            Field("pdfBankDetails", TEXT, "Bank details the kind's PDFs print."),
        ),
    ),
    EventType(
        "email.queued",
        1,
        "email.queue",
        "EmailDelivery",
        "A document was queued to be e-mailed.",
        DELIVERY,
    ),
    EventType(
        "email.requeued",
        1,
        "email.retry",
        "EmailDelivery",
        "A failed delivery was queued again.",
        DELIVERY,
    ),
    EventType(
        "email.sent",
        1,
        "email.deliver",
        "EmailDelivery",
        "The SMTP server accepted a delivery.",
        DELIVERY,
    ),
    EventType(
        "email.failed",
        1,
        "email.fail",
        "EmailDelivery",
        "A delivery failed for good: refused by the server, or out of attempts.",
        (*DELIVERY, Field("error", TEXT, "The last error.")),
    ),
)
