"""Root queries of the ledger's reports: trial balance, P&L, balance sheet, general ledger."""

from __future__ import annotations

import base64
from datetime import date
from typing import Annotated, Any

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.ids import decode
from schema.ledger.report_types import (
    BalanceSheet,
    GeneralLedger,
    GeneralLedgerLine,
    ProfitAndLoss,
    TrialBalance,
)
from schema.ledger.types import Account
from schema.permissions import requires
from schema.reads import embedded, path_item_sql
from server.errors import DomainError, NotFound
from server.ledger import general_ledger as gl
from server.ledger import reports as rep


def _cursor(d: date, line_id: int) -> str:
    return base64.urlsafe_b64encode(f"{d.isoformat()}|{line_id}".encode()).decode()


def _uncursor(cursor: str) -> tuple[date, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode("ascii")).decode()
        day, line_id = raw.split("|")
        position = date.fromisoformat(day), int(line_id)
    except (ValueError, UnicodeError) as exc:
        raise GraphQLError("invalid cursor", extensions={"code": "BAD_USER_INPUT"}) from exc
    # Line ids are positive 64-bit integers; a larger number would overflow the driver.
    if not 0 < position[1] < 2**63:
        raise GraphQLError("invalid cursor", extensions={"code": "BAD_USER_INPUT"})
    return position


def _report_filter(option_ids: list[strawberry.ID] | None) -> rep.LineFilter:
    ids = []
    for value in option_ids or []:
        decoded = decode(value, "TrackingOption")
        if decoded is None:
            raise GraphQLError("unknown dimension option", extensions={"code": "BAD_USER_INPUT"})
        ids.append(decoded)
    return rep.LineFilter(tuple(ids))


DIMENSIONS_ARG = strawberry.argument(
    description="Only lines tagged with every one of these tracking options."
)


@strawberry.type
class LedgerReportsQuery:
    @requires("report", "read", description="Every account's balance on a date.")
    async def trial_balance(
        self,
        info: Info,
        as_of: Annotated[date, strawberry.argument(description="Up to and including.")],
        dimension_option_ids: Annotated[list[strawberry.ID] | None, DIMENSIONS_ARG] = None,
    ) -> TrialBalance:
        actor = info.context.signed_in()
        report = await rep.trial_balance(actor, as_of, _report_filter(dimension_option_ids))
        return TrialBalance.from_report(report)

    @requires("report", "read", description="Income, expenses and net income for a period.")
    async def profit_and_loss(
        self,
        info: Info,
        from_: Annotated[date, strawberry.argument(name="from", description="First day.")],
        to: Annotated[date, strawberry.argument(description="Last day.")],
        compare_from: Annotated[
            date | None, strawberry.argument(description="First day of a comparison period.")
        ] = None,
        compare_to: Annotated[
            date | None, strawberry.argument(description="Last day of the comparison period.")
        ] = None,
        monthly: Annotated[
            bool, strawberry.argument(description="One column per month of the period.")
        ] = False,
        dimension_option_ids: Annotated[list[strawberry.ID] | None, DIMENSIONS_ARG] = None,
        group_by: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="A tracking category: one column per option (e.g. per campaign)."
            ),
        ] = None,
    ) -> ProfitAndLoss:
        actor = info.context.signed_in()
        if group_by is not None:
            category = decode(group_by, "TrackingCategory")
            try:
                if category is None or monthly:
                    raise NotFound("groupBy needs a tracking category and no monthly columns")
                columns = await rep.by_dimension(actor, category, from_, to)
            except DomainError as error:
                raise GraphQLError(error.message, extensions={"code": "BAD_USER_INPUT"}) from error
        else:
            try:
                columns = rep.months(from_, to) if monthly else [rep.Period(from_, to)]
            except DomainError as error:
                raise GraphQLError(error.message, extensions={"code": "BAD_USER_INPUT"}) from error
        if (compare_from is None) != (compare_to is None):
            raise GraphQLError(
                "give both compareFrom and compareTo", extensions={"code": "BAD_USER_INPUT"}
            )
        if compare_from is not None and compare_to is not None:
            columns.append(rep.Period(compare_from, compare_to))
        try:
            report = await rep.profit_and_loss(actor, columns, _report_filter(dimension_option_ids))
        except DomainError as error:
            raise GraphQLError(error.message, extensions={"code": "BAD_USER_INPUT"}) from error
        return ProfitAndLoss.from_report(report)

    @requires("report", "read", description="Assets, liabilities and equity on a date.")
    async def balance_sheet(
        self,
        info: Info,
        as_of: Annotated[date, strawberry.argument(description="The date.")],
    ) -> BalanceSheet:
        return BalanceSheet.from_report(await rep.balance_sheet(info.context.signed_in(), as_of))

    @requires("report", "read", description="An account's lines with a running balance.")
    async def general_ledger(
        self,
        info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(description="The account.")],
        from_: Annotated[date, strawberry.argument(name="from", description="First day.")],
        to: Annotated[date, strawberry.argument(description="Last day.")],
        first: Annotated[int, strawberry.argument(description="Lines per page, up to 100.")] = 50,
        after: Annotated[str | None, strawberry.argument(description="Cursor.")] = None,
    ) -> GeneralLedger | None:
        if not 0 < first <= info.context.settings.max_page_size:
            raise GraphQLError("first must be 1 to 100", extensions={"code": "BAD_USER_INPUT"})
        decoded = decode(account_id, "Account")
        if decoded is None:
            return None
        try:
            page = await gl.general_ledger(
                info.context.signed_in(),
                decoded,
                from_,
                to,
                first=first,
                after=_uncursor(after) if after else None,
                # The database writes the lines itself when it can write every field asked.
                item=path_item_sql(info, ("lines",))(gl.GL_LINE),
            )
        except NotFound:
            return None
        if page.written is not None:
            return GeneralLedger(
                account=Account.from_model(page.account),
                opening_balance=_m(page.opening_balance),
                closing_balance=_m(page.closing_balance),
                lines=embedded(f"[{','.join(page.written)}]"),
                has_next_page=page.has_next_page,
                end_cursor=_cursor(*page.end) if page.end else None,
            )
        lines = [
            GeneralLedgerLine(
                cursor=_cursor(ln.date, ln.line_id),
                entry_number=ln.entry_number,
                date=ln.date,
                memo=ln.memo,
                description=ln.description,
                debit=_m(ln.debit),
                credit=_m(ln.credit),
                balance=_m(ln.balance),
                entry_id=ln.entry_id,
            )
            for ln in page.lines
        ]
        return GeneralLedger(
            account=Account.from_model(page.account),
            opening_balance=_m(page.opening_balance),
            closing_balance=_m(page.closing_balance),
            lines=lines,
            has_next_page=page.has_next_page,
            end_cursor=lines[-1].cursor if lines else None,
        )


def _m(value: Any) -> Any:
    from schema.scalars import Money

    return Money.from_minor(value.minor, value.currency)
