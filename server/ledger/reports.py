"""Financial statements, each computed by SQL aggregation over posted journal lines.

All figures are in the organization's base currency, as integer minor units until they
leave this module as Money.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID

from server.actor import Actor
from server.errors import DomainError, ErrorCode, NotFound
from server.identity.base_currency import base_currency
from server.ledger.balances import DEBIT_NORMAL, balances_as_of
from server.ledger.models import Account, AccountSubtype, AccountType
from server.money import Money
from server.sql import fetch


@dataclass(frozen=True, slots=True)
class LineFilter:
    """Restrict a report to lines tagged with every one of these dimension options, and
    with no option at all of these tracking categories."""

    option_ids: tuple[UUID, ...] = ()
    untagged_category_ids: tuple[UUID, ...] = ()


@dataclass(frozen=True, slots=True)
class AccountTotal:
    account: Account
    debit: Money
    credit: Money

    @property
    def balance(self) -> Money:
        """Signed the natural way for the account type (debits for assets and expenses)."""
        if self.account.type in DEBIT_NORMAL:
            return self.debit - self.credit
        return self.credit - self.debit


def _tag_clause(flt: LineFilter, first_param: int) -> tuple[str, list[UUID]]:
    clauses = [
        f"AND EXISTS (SELECT 1 FROM journal_line_tags t WHERE t.line_id = l.id "
        f"AND t.option_id = ${first_param + i})"
        for i in range(len(flt.option_ids))
    ]
    after = first_param + len(flt.option_ids)
    clauses += [
        f"AND NOT EXISTS (SELECT 1 FROM journal_line_tags t WHERE t.line_id = l.id "
        f"AND t.category_id = ${after + i})"
        for i in range(len(flt.untagged_category_ids))
    ]
    return " ".join(clauses), [*flt.option_ids, *flt.untagged_category_ids]


async def _base(actor: Actor) -> str:
    return await base_currency(actor.org)


async def totals_by_account(
    actor: Actor, start: date | None, end: date, flt: LineFilter = LineFilter()
) -> dict[UUID, tuple[int, int]]:
    """(debit, credit) in base minor units per account over lines dated in [start, end]."""
    params: list[object] = [actor.org, end]
    where = "l.organization_id = $1 AND l.date <= $2"
    if start is not None:
        params.append(start)
        where += f" AND l.date >= ${len(params)}"
    tags, tag_params = _tag_clause(flt, len(params) + 1)
    rows = await fetch(
        f"""SELECT l.account_id AS account_id,
                   SUM(l.base_debit_minor) AS debit, SUM(l.base_credit_minor) AS credit
            FROM journal_lines l WHERE {where} {tags} GROUP BY l.account_id""",
        *params,
        *tag_params,
    )
    return {UUID(str(r["account_id"])): (int(r["debit"]), int(r["credit"])) for r in rows}


async def _accounts(actor: Actor) -> list[Account]:
    return await Account.filter(organization_id=actor.org).order_by("code")


@dataclass(frozen=True, slots=True)
class TrialBalance:
    as_of: date
    rows: list[AccountTotal]
    total_debit: Money
    total_credit: Money


async def trial_balance(actor: Actor, as_of: date, flt: LineFilter = LineFilter()) -> TrialBalance:
    """Each account's debit or credit balance; the two totals are always equal."""
    base = await _base(actor)
    sums = await totals_by_account(actor, None, as_of, flt)
    rows = []
    for account in await _accounts(actor):
        debit, credit = sums.get(account.id, (0, 0))
        if debit == credit:
            continue
        net = debit - credit
        rows.append(
            AccountTotal(
                account,
                Money.from_minor(max(net, 0), base),
                Money.from_minor(max(-net, 0), base),
            )
        )
    return TrialBalance(
        as_of,
        rows,
        Money.from_minor(sum(r.debit.minor for r in rows), base),
        Money.from_minor(sum(r.credit.minor for r in rows), base),
    )


UNASSIGNED = "Unassigned"


@dataclass(frozen=True, slots=True)
class Period:
    """A column of a statement: a date range, optionally narrowed to one dimension option."""

    start: date
    end: date
    option_id: UUID | None = None
    label: str | None = None
    # The column of lines with no option of this tracking category (see `by_dimension`).
    untagged_category_id: UUID | None = None

    def narrow(self, flt: LineFilter) -> LineFilter:
        """The filter of this column: the report's, narrowed to the column's option."""
        if self.option_id is not None:
            return LineFilter((*flt.option_ids, self.option_id), flt.untagged_category_ids)
        if self.untagged_category_id is not None:
            return LineFilter(
                flt.option_ids, (*flt.untagged_category_ids, self.untagged_category_id)
            )
        return flt


@dataclass(slots=True)
class Section:
    """A group of accounts in a statement, with one amount per column."""

    key: str
    title: str
    rows: list[tuple[Account, list[Money]]] = field(default_factory=list)
    totals: list[Money] = field(default_factory=list)


PL_SECTIONS: tuple[tuple[str, str, AccountType, frozenset[AccountSubtype] | None], ...] = (
    ("income", "Income", AccountType.INCOME, None),
    (
        "cost_of_sales",
        "Cost of sales",
        AccountType.EXPENSE,
        frozenset({AccountSubtype.COST_OF_SALES}),
    ),
    ("expenses", "Operating expenses", AccountType.EXPENSE, None),
)


@dataclass(frozen=True, slots=True)
class ProfitAndLoss:
    columns: list[Period]
    sections: list[Section]
    gross_profit: list[Money]
    net_income: list[Money]


MAX_COLUMNS = 36


def _too_many_columns(field: str) -> DomainError:
    return DomainError(f"at most {MAX_COLUMNS} columns", code=ErrorCode.INVALID, field=[field])


async def by_dimension(actor: Actor, category_id: UUID, start: date, end: date) -> list[Period]:
    """One column per option of a tracking category, e.g. revenue per campaign, and a last
    column, "Unassigned", of the lines tagged with none of its options, so that the columns
    add up to the whole period."""
    from server.ledger.models import TrackingOption

    found = TrackingOption.filter(organization_id=actor.org, category_id=category_id)
    if await found.count() > MAX_COLUMNS:
        raise _too_many_columns("groupBy")
    options = await found.order_by("name")
    if not options:
        raise NotFound("tracking category not found or without options", field=["groupBy"])
    return [Period(start, end, o.id, o.name) for o in options] + [
        Period(start, end, label=UNASSIGNED, untagged_category_id=category_id)
    ]


def months(start: date, end: date) -> list[Period]:
    """One column per calendar month from `start` to `end`; the count is checked first,
    so a span of centuries is refused before any column is made."""
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    if count > MAX_COLUMNS:
        raise _too_many_columns("monthly")
    periods = []
    cursor = start
    while cursor <= end:
        next_month = (cursor.replace(day=28) + timedelta(days=4)).replace(day=1)
        periods.append(Period(cursor, min(end, next_month - timedelta(days=1))))
        cursor = next_month
    return periods


async def profit_and_loss(
    actor: Actor, columns: Sequence[Period], flt: LineFilter = LineFilter()
) -> ProfitAndLoss:
    """Income and expenses per column; net income = income - cost of sales - expenses."""
    for p in columns:
        if p.end < p.start:
            raise DomainError(
                "a period ends before it starts", code=ErrorCode.INVALID, field=["to"]
            )
    if len(columns) > MAX_COLUMNS:
        raise _too_many_columns("monthly")
    base = await _base(actor)
    per_column = [await totals_by_account(actor, p.start, p.end, p.narrow(flt)) for p in columns]
    sections = [Section(key, title) for key, title, _, _ in PL_SECTIONS]
    for account in await _accounts(actor):
        if account.type not in (AccountType.INCOME, AccountType.EXPENSE):
            continue
        values = []
        for sums in per_column:
            debit, credit = sums.get(account.id, (0, 0))
            net = credit - debit if account.type == AccountType.INCOME else debit - credit
            values.append(Money.from_minor(net, base))
        if all(v.is_zero() for v in values):
            continue
        if account.type == AccountType.INCOME:
            section = sections[0]
        elif account.subtype == AccountSubtype.COST_OF_SALES:
            section = sections[1]
        else:
            section = sections[2]
        section.rows.append((account, values))
    for section in sections:
        section.totals = [
            Money.from_minor(sum(values[i].minor for _, values in section.rows), base)
            for i in range(len(columns))
        ]
    income, cost, expenses = sections
    gross = [income.totals[i] - cost.totals[i] for i in range(len(columns))]
    net_income = [gross[i] - expenses.totals[i] for i in range(len(columns))]
    return ProfitAndLoss(list(columns), sections, gross, net_income)


@dataclass(frozen=True, slots=True)
class BalanceSheet:
    as_of: date
    assets: Section
    liabilities: Section
    equity: Section
    current_year_earnings: Money
    total_assets: Money
    total_liabilities_and_equity: Money


async def balance_sheet(actor: Actor, as_of: date, flt: LineFilter = LineFilter()) -> BalanceSheet:
    """Assets = liabilities + equity, where equity includes earnings not yet closed.

    Income and expense balances of earlier years show as retained earnings; those of the
    current calendar year up to `as_of` as current-year earnings.
    """
    base = await _base(actor)
    sums = await totals_by_account(actor, None, as_of, flt)
    year_start = date(as_of.year, 1, 1)
    this_year = await totals_by_account(actor, year_start, as_of, flt)
    sections = {
        AccountType.ASSET: Section("assets", "Assets"),
        AccountType.LIABILITY: Section("liabilities", "Liabilities"),
        AccountType.EQUITY: Section("equity", "Equity"),
    }
    earnings_all = 0
    earnings_year = 0
    retained: Account | None = None
    for account in await _accounts(actor):
        debit, credit = sums.get(account.id, (0, 0))
        if account.type in (AccountType.INCOME, AccountType.EXPENSE):
            earnings_all += credit - debit
            year_debit, year_credit = this_year.get(account.id, (0, 0))
            earnings_year += year_credit - year_debit
            continue
        if account.subtype == AccountSubtype.RETAINED_EARNINGS and retained is None:
            retained = account
        net = debit - credit if account.type == AccountType.ASSET else credit - debit
        if net != 0 or account is retained:
            sections[account.type].rows.append((account, [Money.from_minor(net, base)]))
    prior_years = earnings_all - earnings_year
    equity = sections[AccountType.EQUITY]
    if prior_years:
        for i, (account, values) in enumerate(equity.rows):
            if account is retained:
                equity.rows[i] = (account, [values[0] + Money.from_minor(prior_years, base)])
    equity.rows = [(a, v) for a, v in equity.rows if not v[0].is_zero()]
    for section in sections.values():
        section.totals = [Money.from_minor(sum(v[0].minor for _, v in section.rows), base)]
    current = Money.from_minor(earnings_year, base)
    liabilities = sections[AccountType.LIABILITY].totals[0]
    return BalanceSheet(
        as_of,
        sections[AccountType.ASSET],
        sections[AccountType.LIABILITY],
        equity,
        current,
        sections[AccountType.ASSET].totals[0],
        liabilities + equity.totals[0] + current,
    )


async def account_balances(actor: Actor, as_of: date) -> dict[UUID, Money]:
    """Every account's natural-sign balance as of a date (the balance rule's SQL,
    server.ledger.balances)."""
    base = await _base(actor)
    accounts = await _accounts(actor)
    minor = await balances_as_of(actor.org, [a.id for a in accounts], as_of)
    return {a.id: Money.from_minor(minor.get(a.id, 0), base) for a in accounts}
