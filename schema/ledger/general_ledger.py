"""`generalLedger`: an account's report over a period, its lines a connection.

The account and the period are the report's arguments, not a filter: the opening and
closing balances belong to them. The lines page by (date, line id), with the running
balance the service sums for each page (server.ledger.general_ledger)."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.ledger.report_types import GeneralLedgerLine
from schema.ledger.types import Account
from schema.page_args import After, Before, First, Last
from schema.page_json import written_page
from schema.pagination import Connection, Edge, PageInfo, page_window
from schema.permissions import requires
from schema.reads import embedded, page_item_sql
from schema.scalars import Money
from server.ledger import general_ledger as gl


def cursor(position: gl.Position) -> str:
    """A line's cursor: the URL-safe base64 of "date|line id", as GL_LINE writes it."""
    day, line_id = position
    return base64.urlsafe_b64encode(f"{day.isoformat()}|{line_id}".encode()).decode()


def _bad(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


def _position(text: str) -> gl.Position:
    try:
        raw = base64.urlsafe_b64decode(text.encode("ascii")).decode()
        day, line_id = raw.split("|")
        position = date.fromisoformat(day), int(line_id)
    except (ValueError, UnicodeError) as exc:
        raise _bad("invalid cursor") from exc
    # Line ids are positive 64-bit integers; a larger number would overflow the driver.
    if not 0 < position[1] < 2**63:
        raise _bad("invalid cursor")
    return position


def _money(value: Any) -> Money:
    return Money.of(value.minor, value.currency)


def _line(line: gl.LedgerLine) -> GeneralLedgerLine:
    return GeneralLedgerLine(
        cursor=cursor((line.date, line.line_id)),
        entry_number=line.entry_number,
        date=line.date,
        memo=line.memo,
        description=line.description,
        debit=_money(line.debit),
        credit=_money(line.credit),
        balance=_money(line.balance),
        entry_id=line.entry_id,
    )


@strawberry.type(description="An account's lines over a period with opening and closing balances.")
class GeneralLedger:
    account: Account | None = requires("account", "read", description="The account.")
    opening_balance: Money = strawberry.field(description="Balance before the period.")
    closing_balance: Money = strawberry.field(description="Balance at the end of the period.")
    report: strawberry.Private[gl.GeneralLedgerReport]

    @classmethod
    def from_report(cls, report: gl.GeneralLedgerReport) -> GeneralLedger:
        return cls(
            account=Account.from_model(report.account),
            opening_balance=_money(report.opening_balance),
            closing_balance=_money(report.closing_balance),
            report=report,
        )

    @strawberry.field(
        description="The period's lines in posting order (date, then line), each with the "
        "balance after it."
    )
    async def lines(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[GeneralLedgerLine]:
        size, backwards = page_window(first, last, info.context.settings.max_page_size)
        report = self.report

        async def count() -> int:
            return await gl.line_count(report)

        page = (
            await gl.ledger_lines(
                report,
                size,
                after=_position(after) if after else None,
                before=_position(before) if before else None,
                backwards=backwards,
                # The database writes the lines itself when it can write every field asked.
                item=page_item_sql(info, gl.GL_LINE),
            )
            if size
            else gl.LinesPage([], [], None, False)
        )
        nodes = (
            [embedded(text) for text in page.written]
            if page.written is not None
            else [_line(line) for line in page.lines]
        )
        edges = [Edge(cursor=cursor(p), node=n) for p, n in zip(page.positions, nodes, strict=True)]
        info_ = PageInfo(
            has_next_page=before is not None if backwards else page.more,
            has_previous_page=page.more if backwards else after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        )
        return await written_page(info, Connection(edges=edges, page_info=info_, count_all=count))
