"""A delivery as its audit events and domain events show it."""

from __future__ import annotations

from typing import Any

from server.email.models import EmailDelivery
from server.global_ids import encode


def delivery_values(d: EmailDelivery) -> dict[str, Any]:
    return {
        "kind": d.kind.value,
        "documentType": d.document_type,
        "document": encode(d.document_type, d.document_id),
        "to": d.to_address,
        "cc": list(d.cc),
        "subject": d.subject,
        "status": d.status.value,
        "attempts": d.attempts,
        "error": d.last_error,
    }
