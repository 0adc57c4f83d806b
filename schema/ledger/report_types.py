"""GraphQL types of the ledger's reports: trial balance, statements and the general ledger."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import strawberry

from schema.context import Info
from schema.ledger import loaders
from schema.ledger.types import Account, JournalEntry
from schema.permissions import requires
from schema.scalars import Money
from server.ledger import reports as rep


@strawberry.type(description="An account's balance in the trial balance.")
class TrialBalanceRow:
    account: Account | None = requires("account", "read", description="The account.")
    debit: Money = strawberry.field(description="Debit balance (zero if in credit).")
    credit: Money = strawberry.field(description="Credit balance (zero if in debit).")


@strawberry.type(description="Every account's balance on a date; the two totals are equal.")
class TrialBalance:
    as_of: date = strawberry.field(description="Lines dated up to and including this date.")
    rows: list[TrialBalanceRow] = strawberry.field(description="Accounts with a balance.")
    total_debit: Money = strawberry.field(description="Sum of debit balances.")
    total_credit: Money = strawberry.field(description="Sum of credit balances.")

    @classmethod
    def from_report(cls, tb: rep.TrialBalance) -> TrialBalance:
        return cls(
            as_of=tb.as_of,
            rows=[
                TrialBalanceRow(
                    account=Account.from_model(r.account),
                    debit=_money(r.debit),
                    credit=_money(r.credit),
                )
                for r in tb.rows
            ],
            total_debit=_money(tb.total_debit),
            total_credit=_money(tb.total_credit),
        )


def _money(value: Any) -> Money:
    money = Money.from_minor(value.minor, value.currency)
    assert money is not None
    return money


@strawberry.type(description="A period column of a statement.")
class PeriodColumn:
    from_: date = strawberry.field(name="from", description="First day.")
    to: date = strawberry.field(description="Last day.")
    # The option's name is the tracking category's (account:read), not the report's.
    label: str | None = requires(
        "account",
        "read",
        description="The dimension option of the column when grouped by a tracking category.",
    )
    unassigned: bool = strawberry.field(
        description=(
            "True for the column, when grouped by a tracking category, of the lines tagged "
            "with none of its options; with it the columns add up to the whole period."
        )
    )


@strawberry.type(description="An account's amounts in a statement, one per column.")
class StatementRow:
    account: Account | None = requires("account", "read", description="The account.")
    amounts: list[Money] = strawberry.field(description="One amount per column.")


@strawberry.type(description="A section of a statement with its accounts and totals.")
class StatementSection:
    key: str = strawberry.field(description="Stable key, e.g. income, expenses, assets.")
    title: str = strawberry.field(description="Heading to display.")
    rows: list[StatementRow] = strawberry.field(description="Accounts in the section.")
    totals: list[Money] = strawberry.field(description="Section total per column.")

    @classmethod
    def from_report(cls, s: rep.Section) -> StatementSection:
        return cls(
            key=s.key,
            title=s.title,
            rows=[
                StatementRow(account=Account.from_model(a), amounts=[_money(v) for v in values])
                for a, values in s.rows
            ],
            totals=[_money(t) for t in s.totals],
        )


@strawberry.type(description="Income and expenses over periods, and the resulting net income.")
class ProfitAndLoss:
    columns: list[PeriodColumn] = strawberry.field(
        description="The periods: the main one (or its months), then the comparison."
    )
    sections: list[StatementSection] = strawberry.field(
        description="Income, cost of sales, operating expenses."
    )
    gross_profit: list[Money] = strawberry.field(description="Income - cost of sales.")
    net_income: list[Money] = strawberry.field(description="Gross profit - expenses.")

    @classmethod
    def from_report(cls, p: rep.ProfitAndLoss) -> ProfitAndLoss:
        return cls(
            columns=[
                PeriodColumn(
                    from_=c.start,
                    to=c.end,
                    label=c.label,
                    unassigned=c.untagged_category_id is not None,
                )
                for c in p.columns
            ],
            sections=[StatementSection.from_report(s) for s in p.sections],
            gross_profit=[_money(v) for v in p.gross_profit],
            net_income=[_money(v) for v in p.net_income],
        )


@strawberry.type(description="Assets, liabilities and equity on a date.")
class BalanceSheet:
    as_of: date = strawberry.field(description="The date.")
    assets: StatementSection = strawberry.field(description="Assets.")
    liabilities: StatementSection = strawberry.field(description="Liabilities.")
    equity: StatementSection = strawberry.field(
        description="Equity accounts, retained earnings including earlier years' results."
    )
    current_year_earnings: Money = strawberry.field(
        description="Net income from 1 January of the year up to the date."
    )
    total_assets: Money = strawberry.field(description="Total assets.")
    total_liabilities_and_equity: Money = strawberry.field(
        description="Liabilities + equity + current-year earnings; equals total assets."
    )

    @classmethod
    def from_report(cls, b: rep.BalanceSheet) -> BalanceSheet:
        return cls(
            as_of=b.as_of,
            assets=StatementSection.from_report(b.assets),
            liabilities=StatementSection.from_report(b.liabilities),
            equity=StatementSection.from_report(b.equity),
            current_year_earnings=_money(b.current_year_earnings),
            total_assets=_money(b.total_assets),
            total_liabilities_and_equity=_money(b.total_liabilities_and_equity),
        )


@strawberry.type(description="A line of an account's ledger with the running balance.")
class GeneralLedgerLine:
    cursor: str = strawberry.field(
        description="The line's cursor, as its edge gives it: pass as `after` or `before`."
    )
    # The entry's number and texts are the journal's; the report gives amounts and dates.
    entry_number: int | None = requires(
        "journal", "read", description="Number of the journal entry (journal:read)."
    )
    date: date = strawberry.field(description="Accounting date.")
    memo: str | None = requires("journal", "read", description="The entry's memo (journal:read).")
    description: str | None = requires(
        "journal", "read", description="The line's description (journal:read)."
    )
    debit: Money = strawberry.field(description="Debit in the base currency.")
    credit: Money = strawberry.field(description="Credit in the base currency.")
    balance: Money = strawberry.field(description="Balance after this line.")
    entry_id: strawberry.Private[UUID]

    @requires("journal", "read", description="The journal entry.")
    async def entry(self, info: Info) -> JournalEntry | None:
        found = await loaders.entries(info.context).load(self.entry_id)
        return JournalEntry.from_model(found) if found else None
