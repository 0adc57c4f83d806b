"""GraphQL documents stored by their SHA-256, shared by every API process."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class PersistedDocument(Model):
    """A document's text under the SHA-256 of that text.

    The key is the hash of the body, checked before anything is stored, so a row can never
    hold another document than its key names: storing is safe whoever asks. Trusted rows
    come from a manifest registered at build time and never expire; the others were
    registered by clients (automatic persisted queries) and live for a retention period.
    """

    sha256 = fields.CharField(max_length=64, primary_key=True)
    body = fields.TextField()
    trusted = fields.BooleanField(default=False)
    # The operation's name as the manifest gives it, for people reading the table.
    operation_name = fields.CharField(max_length=200, null=True)
    # Who registered an automatic document ("organization:<id>" or "address:<ip>"), so each
    # registrant's rate is counted apart; "manifest" for trusted rows.
    registrant = fields.CharField(max_length=80)
    registered_at = fields.DatetimeField()

    class Meta:
        table = "persisted_documents"
        indexes = (("registrant", "registered_at"), ("trusted", "registered_at"))
