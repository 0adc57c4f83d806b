"""An organization's SMTP settings: saved with the password sealed, read back with the
global settings (LEDGERLINE_SMTP_*) as the fallback for organizations without their own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from server.actor import Actor
from server.audit import log as audit
from server.email.headers import address_errors, line_break_error
from server.email.models import EmailSettings, Security
from server.errors import DomainError, ErrorCode, ValidationFailed
from server.identity.sealing import seal, unseal
from server.settings import Settings
from server.validation import check_length

# A host name or an IP literal: no spaces, no scheme, no path.
_HOST = re.compile(r"[A-Za-z0-9.\-:\[\]]{1,253}")
PASSWORD_MAX = 500
FROM_NAME_MAX = 200


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    """Where and as whom to send; `source` says whose settings these are."""

    source: str  # ORGANIZATION or GLOBAL
    host: str
    port: int
    security: Security
    username: str | None
    password: str | None
    from_address: str
    from_name: str | None
    reply_to: str | None


@dataclass(frozen=True, slots=True)
class SettingsInput:
    host: str
    port: int
    security: Security
    username: str | None
    # None keeps the stored password; "" removes it.
    password: str | None
    from_address: str
    from_name: str | None
    reply_to: str | None


def _errors(given: SettingsInput) -> list[DomainError]:
    errors: list[DomainError] = []
    if not _HOST.fullmatch(given.host or ""):
        errors.append(
            DomainError(
                "host must be a host name or an IP address", code=ErrorCode.INVALID, field=["host"]
            )
        )
    if not 1 <= given.port <= 65535:
        errors.append(
            DomainError("port must be 1 to 65535", code=ErrorCode.OUT_OF_RANGE, field=["port"])
        )
    for value, field in ((given.username, "username"), (given.password, "password")):
        line = line_break_error(value, field)
        if line is not None:
            errors.append(line)
    errors += check_length(given.username, 254, "username")
    errors += check_length(given.password, PASSWORD_MAX, "password")
    errors += address_errors(given.from_address, "fromAddress", required=True)
    errors += address_errors(given.reply_to, "replyTo")
    line = line_break_error(given.from_name, "fromName")
    errors += [line] if line else check_length(given.from_name, FROM_NAME_MAX, "fromName")
    return errors


def snapshot(row: EmailSettings) -> dict[str, Any]:
    """What the audit log and the domain event show: never the password, only whether one is
    stored (`signsIn`: a name with "password" in it would be redacted as a secret)."""
    return {
        "host": row.host,
        "port": row.port,
        "security": row.security.value,
        "username": row.username,
        "signsIn": row.password_sealed is not None,
        "fromAddress": row.from_address,
        "fromName": row.from_name,
        "replyTo": row.reply_to,
    }


async def set_settings(actor: Actor, settings: Settings, given: SettingsInput) -> EmailSettings:
    """Create or replace the organization's SMTP settings."""
    errors = _errors(given)
    if errors:
        raise ValidationFailed(errors)
    values: dict[str, Any] = {
        "host": given.host,
        "port": given.port,
        "security": given.security,
        "username": given.username or None,
        "from_address": given.from_address,
        "from_name": given.from_name or None,
        "reply_to": given.reply_to or None,
    }
    if given.password is not None:
        values["password_sealed"] = seal(settings, given.password) if given.password else None
    async with in_transaction():
        row = await EmailSettings.select_for_update().get_or_none(organization_id=actor.org)
        before = snapshot(row) if row is not None else None
        if row is None:
            row = await EmailSettings.create(organization_id=actor.org, **values)
        else:
            await row.update_from_dict(values).save()
        await audit.record(
            actor,
            "email_settings.set",
            object_type="Organization",
            object_id=actor.org,
            before=before,
            after=snapshot(row),
        )
    return row


async def organization_settings(actor: Actor) -> EmailSettings | None:
    return await EmailSettings.get_or_none(organization_id=actor.org)


def global_config(settings: Settings) -> SmtpConfig | None:
    """The process-wide SMTP server, if one is configured."""
    if not settings.smtp_host or not settings.smtp_from_address:
        return None
    return SmtpConfig(
        source="GLOBAL",
        host=settings.smtp_host,
        port=settings.smtp_port,
        security=Security(settings.smtp_security),
        username=settings.smtp_username,
        password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
        from_address=settings.smtp_from_address,
        from_name=settings.smtp_from_name,
        reply_to=settings.smtp_reply_to,
    )


async def effective_config(organization_id: Any, settings: Settings) -> SmtpConfig | None:
    """The organization's own settings, else the global ones, else None (e-mail is off)."""
    row = await EmailSettings.get_or_none(organization_id=organization_id)
    if row is None:
        return global_config(settings)
    return SmtpConfig(
        source="ORGANIZATION",
        host=row.host,
        port=row.port,
        security=row.security,
        username=row.username,
        password=unseal(settings, row.password_sealed) if row.password_sealed else None,
        from_address=row.from_address,
        from_name=row.from_name,
        reply_to=row.reply_to,
    )
