"""Invoice payment reminders (dunning): types, the remindersDue query and the record mutation."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Annotated, Self
from uuid import UUID

import strawberry
from strawberry import relay

from schema.context import Info
from schema.crm import loaders as crm_loaders
from schema.errors import UserError, user_errors
from schema.identity.types import UserType
from schema.permissions import authorize, requires
from schema.reads import embedded, path_item_sql
from schema.receivables import enums as _enums  # noqa: F401 - registers the enums first
from schema.receivables import loaders
from schema.receivables.resolvers import _id
from schema.receivables.types import Invoice, _uuids
from schema.scalars import Money
from server import clock
from server.errors import DomainError
from server.receivables import models, reminders
from server.receivables.reminder_reads import REMINDER_DUE, written_due

Day = date  # for annotations inside types that have a field named `date`


@strawberry.type(description="A payment reminder the organization sent for an overdue invoice.")
class InvoiceReminder(relay.Node):
    id: relay.NodeID[str]
    level: int = strawberry.field(
        description="1 for the invoice's first reminder, 2 for the second, and so on."
    )
    sent_on: date = strawberry.field(description="When it was sent.")
    channel: models.ReminderChannel = strawberry.field(description="How it was sent.")
    note: str | None = strawberry.field(description="What was said or agreed.")
    amount_due: Money = strawberry.field(
        description="What was open on the invoice when it was recorded, in its currency."
    )
    created_at: datetime = strawberry.field(description="When it was recorded.")
    invoice_id: strawberry.Private[UUID]
    created_by_id: strawberry.Private[UUID | None]

    @strawberry.field(description="The invoice it chased.")
    async def invoice(self, info: Info) -> Invoice | None:
        found = await loaders.invoices(info.context).load(self.invoice_id)
        return Invoice.from_model(found) if found else None

    @requires("member", "read", description="Who recorded it; null when recorded by an API key.")
    async def sent_by(self, info: Info) -> UserType | None:
        if self.created_by_id is None:
            return None
        found = await crm_loaders.users(info.context).load(self.created_by_id)
        return UserType.from_model(found) if found else None

    @classmethod
    def from_model(cls, r: models.InvoiceReminder, currency: str) -> Self:
        return cls(
            id=str(r.id),
            level=r.level,
            sent_on=r.sent_on,
            channel=r.channel,
            note=r.note,
            amount_due=Money.of(r.amount_due_minor, currency),
            created_at=r.created_at,
            invoice_id=r.invoice_id,
            created_by_id=r.created_by_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[InvoiceReminder | None]:
        ids = list(node_ids)
        await authorize(info.context, "invoice", "read")
        org = info.context.signed_in().org
        rows = await models.InvoiceReminder.filter(
            id__in=_uuids(ids), organization_id=org
        ).select_related("invoice")
        found = {str(r.id): r for r in rows}
        return [
            cls.from_model(found[i], found[i].invoice.currency) if i in found else None for i in ids
        ]


@strawberry.type(description="An overdue invoice a payment reminder is due for.")
class ReminderDue:
    invoice: Invoice = strawberry.field(description="The invoice.")
    days_overdue: int = strawberry.field(description="Days past its due date on asOf.")
    amount_due: Money = strawberry.field(description="What is open on it now, in its currency.")
    reminders_sent: int = strawberry.field(description="Reminders recorded for it so far.")
    last_sent_on: Day | None = strawberry.field(
        description="When the last reminder was sent; null if none was."
    )
    next_level: int = strawberry.field(description="The level the next reminder will have.")


@strawberry.type(description="Invoices a reminder is due for, or why the arguments were refused.")
class RemindersDueResult:
    items: list[ReminderDue] = strawberry.field(
        description="Most days overdue first, then by invoice number; empty when refused."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the arguments were refused.")


@strawberry.input(description="Record a payment reminder sent for an overdue invoice.")
class InvoiceReminderRecordInput:
    invoice_id: strawberry.ID = strawberry.field(description="The invoice.")
    date: Day | None = strawberry.field(
        default=None, description="When it was sent; today (UTC) if omitted. Not in the future."
    )
    channel: models.ReminderChannel = strawberry.field(description="How it was sent.")
    note: str | None = strawberry.field(
        default=None, description="What was said or agreed, at most 500 characters."
    )


@strawberry.type(description="The reminder recorded and its invoice, or why it was refused.")
class InvoiceReminderRecordPayload:
    reminder: InvoiceReminder | None = strawberry.field(description="The reminder recorded.")
    invoice: Invoice | None = strawberry.field(description="The invoice it chased.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type
class RemindersQuery:
    @requires(
        "invoice",
        "read",
        description="Overdue invoices a payment reminder is due for: open, not disputed and "
        "not reminded recently. Most days overdue first.",
    )
    async def reminders_due(
        self,
        info: Info,
        as_of: Annotated[
            date | None,
            strawberry.argument(description="The day the reminders would go out; today (UTC)."),
        ] = None,
        min_days_overdue: Annotated[
            int, strawberry.argument(description="Only invoices at least this many days overdue.")
        ] = 1,
        quiet_days: Annotated[
            int,
            strawberry.argument(
                description="Leave out invoices reminded within this many days before asOf."
            ),
        ] = 7,
    ) -> RemindersDueResult:
        actor = info.context.signed_in()
        day = as_of or clock.today()
        item = path_item_sql(info, ("items",))(REMINDER_DUE)
        try:
            if item is not None:
                text = await written_due(actor.org, day, min_days_overdue, quiet_days, item)
                return RemindersDueResult(items=embedded(text), user_errors=[])
            rows = await reminders.due(actor, day, min_days_overdue, quiet_days)
        except DomainError as error:
            return RemindersDueResult(
                items=[],
                user_errors=[UserError(field=error.field, message=error.message, code=error.code)],
            )
        found = await loaders.invoices(info.context).load_many([r.invoice_id for r in rows])
        items = [
            ReminderDue(
                invoice=Invoice.from_model(invoice),
                days_overdue=r.days_overdue,
                amount_due=Money.of(r.open_minor, r.currency),
                reminders_sent=r.reminders_sent,
                last_sent_on=r.last_sent_on,
                next_level=r.next_level,
            )
            for r, invoice in zip(rows, found, strict=True)
            if invoice is not None
        ]
        return RemindersDueResult(items=items, user_errors=[])


@strawberry.type
class RemindersMutation:
    @requires(
        "invoice",
        "remind",
        mutation=True,
        description="Record a payment reminder sent for an overdue invoice.",
    )
    async def invoice_reminder_record(
        self,
        info: Info,
        input: Annotated[
            InvoiceReminderRecordInput, strawberry.argument(description="The reminder.")
        ],
    ) -> InvoiceReminderRecordPayload:
        actor = info.context.signed_in()
        try:
            reminder, invoice = await reminders.record(
                actor,
                _id(input.invoice_id, "Invoice", ["invoiceId"]),
                input.date or clock.today(),
                input.channel,
                input.note,
            )
        except DomainError as error:
            return InvoiceReminderRecordPayload(
                reminder=None, invoice=None, user_errors=user_errors(error)
            )
        return InvoiceReminderRecordPayload(
            reminder=InvoiceReminder.from_model(reminder, invoice.currency),
            invoice=Invoice.from_model(invoice),
            user_errors=[],
        )
