"""Invoice payment reminders (dunning): which invoices to chase, and the chasing done.

Ledgerline does not send reminders; the organization does (by email, letter or phone) and
records each one here, with the amount that was open when it went out. A reminder is
refused for an invoice that is not overdue, has nothing open or is under an open dispute.

`due` lists the invoices a reminder is due for as of a date: issued or partly paid with
money still open, at least `min_days_overdue` days past the due date, not under an open
dispute, and not reminded within the last `quiet_days` days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.documents.aging import Params
from server.documents.models import OpenItem
from server.errors import DomainError, ErrorCode
from server.money import Money
from server.receivables import invoice_status, invoices
from server.receivables.models import (
    Dispute,
    DisputeStatus,
    Invoice,
    InvoiceReminder,
    ReminderChannel,
)
from server.sql import days_between

MAX_NOTE = 500
MAX_DAYS = 3650  # bounds of min_days_overdue and quiet_days: ten years


def snapshot(r: InvoiceReminder, currency: str) -> dict[str, Any]:
    return {
        "reminder": str(r.id),
        "level": r.level,
        "sentOn": r.sent_on.isoformat(),
        "channel": r.channel.value,
        "amountDue": str(Money.from_minor(r.amount_due_minor, currency)),
    }


async def record(
    actor: Actor, invoice_id: UUID, on: date, channel: ReminderChannel, note: str | None
) -> tuple[InvoiceReminder, Invoice]:
    """Record a reminder sent on `on` for an overdue invoice; its level is the next one.

    The invoice row is locked, so two reminders of one invoice take turns and get
    consecutive levels; opening a dispute locks the same row.
    """
    if note is not None and len(note) > MAX_NOTE:
        raise DomainError(f"at most {MAX_NOTE} characters", code=ErrorCode.TOO_LONG, field=["note"])
    async with in_transaction():
        invoice = await invoices.locked(actor, invoice_id, "invoiceId")
        if invoice.status not in invoice_status.OPEN_STATUSES:
            raise DomainError(
                f"a {invoice.status.value.lower().replace('_', ' ')} invoice is not chased",
                code=ErrorCode.INVALID_STATUS,
                field=["invoiceId"],
            )
        if await Dispute.exists(invoice_id=invoice.id, status=DisputeStatus.OPEN):
            raise DomainError(
                "the invoice is disputed: resolve the dispute before reminding",
                code=ErrorCode.INVOICE_DISPUTED,
                field=["invoiceId"],
            )
        item = await OpenItem.get_or_none(id=invoice.id, organization_id=actor.org)
        if item is None or item.voided_on is not None or item.open_minor <= 0:
            raise DomainError(
                "nothing is open on the invoice", code=ErrorCode.INVALID_STATUS, field=["invoiceId"]
            )
        due_date = invoice.due_date or item.due_date
        if on < due_date:
            raise DomainError(
                f"the invoice is not overdue on that date: it falls due on {due_date}",
                code=ErrorCode.NOT_OVERDUE,
                field=["date"],
            )
        if on > clock.today():
            raise DomainError(
                "a reminder cannot be dated in the future",
                code=ErrorCode.OUT_OF_RANGE,
                field=["date"],
            )
        # Levels follow dates, so the highest level is also the latest reminder.
        latest = await InvoiceReminder.filter(invoice_id=invoice.id).order_by("-level").first()
        if latest is not None and on < latest.sent_on:
            raise DomainError(
                f"the previous reminder was sent on {latest.sent_on}; levels follow dates",
                code=ErrorCode.DATE_BEFORE_DOCUMENT,
                field=["date"],
            )
        reminder = await InvoiceReminder.create(
            organization_id=actor.org,
            invoice_id=invoice.id,
            level=latest.level + 1 if latest else 1,
            sent_on=on,
            channel=channel,
            note=note,
            amount_due_minor=item.open_minor,
            created_by_id=actor.user_id,
        )
        await audit.record(
            actor,
            "invoice.remind",
            object_type="Invoice",
            object_id=invoice.id,
            after=snapshot(reminder, invoice.currency),
        )
    return reminder, invoice


@dataclass(frozen=True, slots=True)
class ReminderDue:
    invoice_id: UUID
    number: str | None
    currency: str
    days_overdue: int
    open_minor: int  # open now, in the invoice currency
    reminders_sent: int
    last_sent_on: date | None
    next_level: int


def _day(value: Any) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def check_days(value: int, field: str) -> None:
    if not 0 <= value <= MAX_DAYS:
        raise DomainError(
            f"{field} must be 0 to {MAX_DAYS} days", code=ErrorCode.INVALID, field=[field]
        )


def due_sql(
    organization_id: UUID, as_of: date, min_days_overdue: int, quiet_days: int
) -> tuple[str, list[Any]]:
    """The invoices a reminder is due for (server.receivables.reminder_reads pages them),
    with its parameters, in the order they appear."""
    try:
        overdue_since = as_of - timedelta(days=min_days_overdue)
        quiet_since = as_of - timedelta(days=quiet_days)
    except OverflowError as exc:
        raise DomainError("the date is out of range", field=["asOf"]) from exc
    p = Params()
    statuses = ", ".join(f"'{s.value}'" for s in invoice_status.OPEN_STATUSES)
    # Constant fragments only; every value is a bound parameter.
    sql = f"""
        SELECT i.id AS id, i.organization_id AS organization_id, i.number AS number,
               i.currency AS currency,
               {days_between(p(as_of), "i.due_date")} AS days_overdue,
               o.open_minor AS open_minor,
               COALESCE(r.sent, 0) AS sent, r.last_sent_on AS last_sent_on
        FROM invoices i
        JOIN open_items o ON o.id = i.id
        LEFT JOIN (
            SELECT x.invoice_id AS invoice_id, COUNT(*) AS sent, MAX(x.sent_on) AS last_sent_on
            FROM invoice_reminders x
            WHERE x.organization_id = {p(organization_id)}
            GROUP BY x.invoice_id
        ) r ON r.invoice_id = i.id
        WHERE i.organization_id = {p(organization_id)} AND i.status IN ({statuses})
          AND o.open_minor > 0 AND o.voided_on IS NULL
          AND i.due_date <= {p(overdue_since)}
          AND NOT EXISTS (
              SELECT 1 FROM disputes d
              WHERE d.invoice_id = i.id AND d.status = '{DisputeStatus.OPEN.value}'
          )
          AND (r.last_sent_on IS NULL OR r.last_sent_on <= {p(quiet_since)})
        ORDER BY days_overdue DESC, i.number, i.id"""  # noqa: S608
    return sql, p.values


def due_from_row(r: Any) -> ReminderDue:
    """An invoice a reminder is due for, from a row of `due_sql`."""
    return ReminderDue(
        invoice_id=UUID(str(r["id"])),
        number=r["number"],
        currency=str(r["currency"]),
        days_overdue=int(r["days_overdue"]),
        open_minor=int(r["open_minor"]),
        reminders_sent=int(r["sent"]),
        last_sent_on=_day(r["last_sent_on"]),
        next_level=int(r["sent"]) + 1,
    )
