"""E-mail deliveries as the database writes them (server.reads).

The document's id is left to the stock resolver: its global id's type is the row's
`document_type`, which the dialects' global-id SQL (a fixed type name) does not take.
"""

from __future__ import annotations

from server.email.models import DeliveryStatus, EmailDelivery, TemplateKind
from server.reads.shape import Shape, column, enum_column, instant_column, json_column, node_id

EMAIL_DELIVERY = Shape(
    "EmailDelivery",
    {
        "id": node_id("EmailDelivery"),
        "kind": enum_column("kind", TemplateKind),
        "documentType": column("document_type"),
        "to": column("to_address"),
        "cc": json_column("cc"),
        "subject": column("subject"),
        "status": enum_column("status", DeliveryStatus),
        "attempts": column("attempts"),
        "lastError": column("last_error"),
        "messageId": column("message_id"),
        "queuedAt": instant_column("queued_at"),
        "sentAt": instant_column("sent_at"),
    },
    EmailDelivery._meta.db_table,
)
