"""Building the MIME message of a delivery and handing it to the SMTP server."""

from __future__ import annotations

import asyncio
import re
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

import aiosmtplib

from server import clock
from server.email.attachments import Attachment
from server.email.headers import check_single_line
from server.email.models import EmailDelivery, Security
from server.email.smtp_settings import OUTBOX, SmtpConfig
from server.email.templates import Rendered


def build(
    delivery: EmailDelivery,
    config: SmtpConfig,
    rendered: Rendered,
    attachments: list[Attachment],
) -> EmailMessage:
    """The message: plain text and HTML alternatives, then any attachments.

    Every header value is checked for line breaks here too, whatever checked it before:
    the settings or a template may have changed since the delivery was queued.
    """
    headers = {
        "subject": rendered.subject,
        "to": delivery.to_address,
        "fromAddress": config.from_address,
        "fromName": config.from_name,
        "replyTo": config.reply_to,
        **{f"cc.{i}": address for i, address in enumerate(delivery.cc)},
    }
    for field, value in headers.items():
        check_single_line(value, field)
    message = EmailMessage()
    message["Subject"] = rendered.subject
    message["From"] = (
        formataddr((config.from_name, config.from_address))
        if config.from_name
        else config.from_address
    )
    message["To"] = delivery.to_address
    if delivery.cc:
        message["Cc"] = ", ".join(delivery.cc)
    if config.reply_to:
        message["Reply-To"] = config.reply_to
    message["Message-ID"] = delivery.message_id
    message["Date"] = format_datetime(clock.now())
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    for attachment in attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        message.add_attachment(
            attachment.content,
            maintype=maintype,
            subtype=subtype or "octet-stream",
            filename=attachment.name,
        )
    return message


async def transmit(
    message: EmailMessage,
    config: SmtpConfig,
    seconds: float,  # float ok: a timeout, not money
) -> None:
    """Send through the configured server; raises aiosmtplib's errors or OSError. The
    development outbox writes the message to a file named by its Message-ID instead."""
    if config.source == OUTBOX:
        await asyncio.to_thread(_write_to_outbox, message, Path(config.host))
        return
    await aiosmtplib.send(
        message,
        hostname=config.host,
        port=config.port,
        username=config.username or None,
        password=config.password if config.username else None,
        use_tls=config.security is Security.TLS,
        # NONE never upgrades, even if offered: the administrator chose a plain connection.
        start_tls=config.security is Security.STARTTLS,
        timeout=seconds,
    )


def _write_to_outbox(message: EmailMessage, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9._-]", "_", str(message["Message-ID"]).strip("<>"))
    (folder / f"{name}.eml").write_bytes(message.as_bytes())
