"""Endpoint secrets and Standard Webhooks signatures (docs/decisions/webhooks.md).

A secret reads `whsec_<base64 of 32 random bytes>`, the form the Standard Webhooks
libraries take as is. It is sealed at rest and shown only when it is made. After a
rotation the previous secret keeps signing for ROTATION_OVERLAP: each message carries one
signature per secret (the header holds several, space-separated), so a receiver verifies
with either until it has switched.
"""

from __future__ import annotations

import base64
import secrets
from datetime import datetime, timedelta
from math import floor

from standardwebhooks.webhooks import Webhook

from server.identity.sealing import seal, unseal
from server.settings import Settings
from server.webhooks.models import WebhookEndpoint

PREFIX = "whsec_"
SECRET_BYTES = 32
ROTATION_OVERLAP = timedelta(hours=24)


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def sealed(settings: Settings, secret: str) -> str:
    return seal(settings, secret)


def signing_secrets(settings: Settings, endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    """The secrets that sign a message sent at `now`: the current one, and the previous one
    while its overlap lasts."""
    found = [unseal(settings, endpoint.secret_sealed)]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret_sealed and expires is not None and now < expires:
        found.append(unseal(settings, endpoint.previous_secret_sealed))
    return found


def headers(message_id: str, sent_at: datetime, body: bytes, secrets_: list[str]) -> dict[str, str]:
    """The three Standard Webhooks headers, with one signature per secret."""
    signatures = [Webhook(s).sign(message_id, sent_at, body) for s in secrets_]
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(floor(sent_at.timestamp())),
        "webhook-signature": " ".join(signatures),
    }
