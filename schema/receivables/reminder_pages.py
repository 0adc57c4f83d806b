"""`remindersDue` as a connection: the invoices a reminder is due for, a page at a time.

The list is a report over a day (`asOf`), ordered by a computed value (days overdue), so it
pages with its own keyset, (days overdue, invoice number, invoice id), rather than a
table's column (server.receivables.reminder_reads). Arguments out of range are refused as
every report and connection refuses them: a BAD_USER_INPUT error naming the field."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any
from uuid import UUID

import orjson
import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.page_json import written_page
from schema.pagination import Connection, Edge, PageInfo, page_window
from schema.reads import embedded, page_item_sql
from schema.receivables import loaders
from schema.receivables.types import Invoice
from schema.scalars import Money
from server.errors import DomainError
from server.receivables.reminder_reads import (
    REMINDER_DUE,
    DueWindow,
    Mark,
    due_count,
    due_page,
)

Day = date  # for annotations inside types that have a field named `date`


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


def _bad(message: str, field: list[str] | None = None) -> GraphQLError:
    extensions: dict[str, Any] = {"code": "BAD_USER_INPUT"}
    if field:
        extensions["field"] = field
    return GraphQLError(message, extensions=extensions)


def _cursor(mark: Mark) -> str:
    raw = orjson.dumps([mark[0], mark[1], str(mark[2])])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _mark(cursor: str) -> Mark:
    try:
        days, number, item = orjson.loads(
            base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        )
        if type(days) is not int or not isinstance(number, str) or not -(2**31) < days < 2**31:
            raise ValueError(cursor)
        return days, number, UUID(item)
    except (ValueError, TypeError, AttributeError) as exc:
        raise _bad("invalid cursor") from exc


async def _stock_nodes(info: Info, rows: list[Any]) -> list[Any]:
    found = await loaders.invoices(info.context).load_many([r.invoice_id for r in rows])
    return [
        None
        if invoice is None
        else ReminderDue(
            invoice=Invoice.from_model(invoice),
            days_overdue=r.days_overdue,
            amount_due=Money.of(r.open_minor, r.currency),
            reminders_sent=r.reminders_sent,
            last_sent_on=r.last_sent_on,
            next_level=r.next_level,
        )
        # An invoice the due list found is the organization's; None only if it went since.
        for r, invoice in zip(rows, found, strict=True)
    ]


async def due_connection(
    info: Info,
    window: DueWindow,
    arguments: tuple[int | None, str | None, int | None, str | None],
) -> Connection[ReminderDue]:
    """A page of the list for the connection's `arguments`, (first, after, last, before)."""
    first, after, last, before = arguments
    size, backwards = page_window(first, last, info.context.settings.max_page_size)
    org = info.context.signed_in().org
    try:
        page = await due_page(
            org,
            window,
            size,
            after=_mark(after) if after else None,
            before=_mark(before) if before else None,
            backwards=backwards,
            # The database writes the rows itself when it can write every field asked.
            item=page_item_sql(info, REMINDER_DUE),
        )
    except DomainError as error:
        # The days are the filter's; the day itself is the report's argument.
        field = list(error.field or [])
        raise _bad(error.message, field if field[:1] == ["asOf"] else ["filter", *field]) from error

    async def count() -> int:
        return await due_count(org, window)

    if page.written is not None:
        pairs = list(zip(page.marks, (embedded(t) for t in page.written), strict=True))
    else:
        nodes = await _stock_nodes(info, page.rows)
        pairs = [(m, n) for m, n in zip(page.marks, nodes, strict=True) if n is not None]
    edges = [Edge(cursor=_cursor(m), node=n) for m, n in pairs]
    page_info = PageInfo(
        has_next_page=before is not None if backwards else page.more,
        has_previous_page=page.more if backwards else after is not None,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return await written_page(info, Connection(edges=edges, page_info=page_info, count_all=count))
