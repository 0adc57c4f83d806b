"""Invoice payment reminders (dunning): types, the remindersDue query and the record mutation."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Self
from uuid import UUID

import strawberry
from strawberry import relay

from schema.context import Info
from schema.crm import loaders as crm_loaders
from schema.enums import described_enum
from schema.errors import UserError, user_errors
from schema.filters import OrderDirection
from schema.identity.types import UserType
from schema.page_args import After, Before, First, Last
from schema.pagination import Connection
from schema.permissions import authorize, requires
from schema.receivables import enums as _enums  # noqa: F401 - registers the enums first
from schema.receivables import loaders
from schema.receivables.reminder_pages import ReminderDue, due_connection
from schema.receivables.resolvers import _id
from schema.receivables.types import Invoice, _uuids
from schema.scalars import Money
from server import clock
from server.errors import DomainError
from server.receivables import models, reminders
from server.receivables.reminder_reads import DueWindow

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


class ReminderDueOrderField(Enum):
    DAYS_OVERDUE = "days_overdue"


described_enum(
    ReminderDueOrderField,
    name="ReminderDueOrderField",
    description="Field to sort the invoices a reminder is due for by.",
    values={
        ReminderDueOrderField.DAYS_OVERDUE: "Days overdue, then the invoice number, then id "
        "(the reverse of both when ascending)."
    },
)


@strawberry.input(description="Sort order of the invoices a reminder is due for.")
class ReminderDueOrder:
    field: ReminderDueOrderField = strawberry.field(
        default=ReminderDueOrderField.DAYS_OVERDUE, description="Field to sort by."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Descending (most overdue first) or ascending."
    )


@strawberry.input(description="Which overdue invoices the list holds.")
class ReminderDueFilter:
    min_days_overdue: int = strawberry.field(
        default=1, description="Only invoices at least this many days overdue."
    )
    quiet_days: int = strawberry.field(
        default=7, description="Leave out invoices reminded within this many days before asOf."
    )


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
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            ReminderDueFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            ReminderDueOrder | None,
            strawberry.argument(description="Sort order; most days overdue first if omitted."),
        ] = None,
    ) -> Connection[ReminderDue]:
        flt, order = filter or ReminderDueFilter(), order_by or ReminderDueOrder()
        window = DueWindow(
            as_of or clock.today(),
            flt.min_days_overdue,
            flt.quiet_days,
            most_overdue_first=order.direction == OrderDirection.DESC,
        )
        return await due_connection(info, window, (first, after, last, before))


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
