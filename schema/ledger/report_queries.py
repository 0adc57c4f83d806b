"""Root queries of the ledger's reports: trial balance, P&L, balance sheet, general ledger."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.ids import decode
from schema.ledger.general_ledger import GeneralLedger
from schema.ledger.report_types import (
    BalanceSheet,
    ProfitAndLoss,
    TrialBalance,
)
from schema.permissions import requires
from server.errors import DomainError, NotFound
from server.ledger import general_ledger as gl
from server.ledger import reports as rep


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

    @requires(
        "report",
        "read",
        description="An account's general ledger over a period: opening and closing balances "
        "and its lines with a running balance; null for an account there is none of.",
    )
    async def general_ledger(
        self,
        info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(description="The account.")],
        from_: Annotated[date, strawberry.argument(name="from", description="First day.")],
        to: Annotated[date, strawberry.argument(description="Last day.")],
    ) -> GeneralLedger | None:
        decoded = decode(account_id, "Account")
        if decoded is None:
            return None
        try:
            report = await gl.general_ledger(info.context.signed_in(), decoded, from_, to)
        except NotFound:
            return None
        return GeneralLedger.from_report(report)
