"""Persisted documents in the database: look-up, registration by clients, trusted manifests.

A document is stored under the SHA-256 of its text, checked before it is stored, so
whoever registers a document can only ever store that document: one client cannot change
what another's hash runs. What a client may do is fill the table, so registrations are
counted per registrant (an organization, or a client address when unsigned) and the
automatic documents kept in all are capped; neither limit removes anyone's document.
Automatic documents expire a retention period after their registration (a client whose
hash has expired is told so and registers it again); trusted ones never do.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.persisted.models import PersistedDocument

# A document's id: SHA-256 in lowercase hexadecimal, as Apollo's clients write it.
SHA256_HEX = re.compile(r"[0-9a-f]{64}")
# Long enough that a deployed client's documents stay between releases; short enough that
# documents no client sends any more leave the table.
RETENTION = timedelta(days=30)
RATE_WINDOW = timedelta(hours=1)
MANIFEST_REGISTRANT = "manifest"


def sha256_of(text: str) -> str | None:
    """The SHA-256 of a document's UTF-8 text; None for text UTF-8 cannot hold."""
    try:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
    except UnicodeEncodeError:  # a lone surrogate: no client can have hashed it
        return None


@dataclass(frozen=True, slots=True)
class Stored:
    body: str
    trusted: bool


async def find(sha256: str, now: datetime) -> Stored | None:
    rows = await PersistedDocument.filter(sha256=sha256).values("body", "trusted", "registered_at")
    if not rows:
        return None
    row = rows[0]
    if not row["trusted"] and row["registered_at"] < now - RETENTION:
        return None
    return Stored(body=row["body"], trusted=bool(row["trusted"]))


async def register_automatic(
    sha256: str,
    body: str,
    registrant: str,
    *,
    per_hour: int,
    max_documents: int,
    now: datetime,
) -> bool:
    """Store a document a client sent with its hash (already checked against the text).

    False when the registrant's hourly allowance or the table's cap is used up: the
    document then runs unstored, and the client sends it in full next time.
    """
    recent = await PersistedDocument.filter(
        registrant=registrant, trusted=False, registered_at__gte=now - RATE_WINDOW
    ).count()
    if recent >= per_hour:
        return False
    await PersistedDocument.filter(trusted=False, registered_at__lt=now - RETENTION).delete()
    if await PersistedDocument.filter(trusted=False).count() >= max_documents:
        return False
    try:
        await PersistedDocument.create(
            sha256=sha256, body=body, trusted=False, registrant=registrant, registered_at=now
        )
    except IntegrityError:
        # Another process stored it meanwhile: the same text, since the key is its hash.
        await PersistedDocument.filter(sha256=sha256, trusted=False).update(registered_at=now)
    return True


@dataclass(frozen=True, slots=True)
class TrustedDocument:
    sha256: str
    body: str
    name: str | None


async def register_trusted(documents: list[TrustedDocument], now: datetime) -> tuple[int, int]:
    """Store a manifest's documents as trusted, all in one transaction.

    Returns how many were new and how many were already stored (an automatic document of
    the same text becomes trusted).
    """
    added = 0
    async with in_transaction():
        for document in documents:
            updated = await PersistedDocument.filter(sha256=document.sha256).update(
                trusted=True,
                operation_name=document.name,
                registrant=MANIFEST_REGISTRANT,
                registered_at=now,
            )
            if not updated:
                await PersistedDocument.create(
                    sha256=document.sha256,
                    body=document.body,
                    trusted=True,
                    operation_name=document.name,
                    registrant=MANIFEST_REGISTRANT,
                    registered_at=now,
                )
                added += 1
    return added, len(documents) - added
