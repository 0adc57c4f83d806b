"""Files attached to a document e-mail: the hook a PDF renderer fills.

`attachments_for` returns nothing until a renderer registers itself with `provide`; the
sender checks the total against LEDGERLINE_EMAIL_ATTACHMENTS_MAX_BYTES either way.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from server.email.models import EmailDelivery


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str
    content_type: str  # such as application/pdf
    content: bytes


Provider = Callable[[EmailDelivery], Awaitable[list[Attachment]]]
_PROVIDERS: list[Provider] = []


def provide(provider: Provider) -> Provider:
    """Register a source of attachments (a decorator); each is asked for every delivery."""
    _PROVIDERS.append(provider)
    return provider


def withdraw(provider: Provider) -> None:
    """Stop asking a provider registered with `provide`."""
    _PROVIDERS.remove(provider)


async def attachments_for(delivery: EmailDelivery) -> list[Attachment]:
    found: list[Attachment] = []
    for provider in _PROVIDERS:
        found += await provider(delivery)
    return found


class AttachmentsTooLarge(Exception):
    """The attachments of one message exceed the configured cap."""


def check_size(attachments: list[Attachment], limit: int) -> None:
    total = sum(len(a.content) for a in attachments)
    if total > limit:
        raise AttachmentsTooLarge(f"attachments of {total} bytes exceed the {limit}-byte limit")
