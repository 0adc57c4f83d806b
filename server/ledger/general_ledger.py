"""An account's general ledger: its lines over a period in posting order, with a running
balance, a page at a time.

Paged by (date, line id): the balance carried into a page is summed in SQL over every line
before the page, and each line's balance is that plus a window sum over the page, so any
page is as cheap as the first. The page's lines are read as rows (`general_ledger`) or,
for the read path, written as JSON by the same statement (`written_lines`, GL_LINE).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from server.actor import Actor
from server.errors import NotFound
from server.identity.base_currency import base_currency
from server.identity.models import Organization
from server.ledger.balances import DEBIT_NORMAL
from server.ledger.models import Account
from server.ledger.reads import JOURNAL_ENTRY
from server.money import Money
from server.reads.compile import ROW
from server.reads.shape import Related, Shape, Value, column, money
from server.sql import fetch


@dataclass(frozen=True, slots=True)
class LedgerLine:
    line_id: int
    entry_id: UUID
    entry_number: int
    date: date
    memo: str | None
    description: str | None
    debit: Money
    credit: Money
    balance: Money


# A line's place in the ledger: (date, line id), the order lines post in.
Position = tuple[date, int]


@dataclass(frozen=True, slots=True)
class GeneralLedgerReport:
    """The report's header; its lines are read a page at a time (`ledger_lines`)."""

    actor: Actor
    account: Account
    start: date
    end: date
    base: str
    sign: int
    opening_minor: int
    closing_minor: int

    @property
    def opening_balance(self) -> Money:
        return Money.from_minor(self.opening_minor, self.base)

    @property
    def closing_balance(self) -> Money:
        return Money.from_minor(self.closing_minor, self.base)


@dataclass(frozen=True, slots=True)
class LinesPage:
    """A page of lines in posting order: rows (`lines`) or each line's JSON (`written`),
    with each line's position, and whether lines lie beyond the page in the walk's
    direction."""

    positions: list[Position]
    lines: list[LedgerLine]
    written: list[str] | None
    more: bool


def cursor_text(t: str) -> str:
    """The text a line's cursor encodes, "date|line id", over a row of GL_LINE's source."""
    return f"""CAST({t}."date" AS TEXT) || '|' || CAST({t}."id" AS TEXT)"""


# A line of the page's statement: its columns are those `_lines_sql` selects.
GL_LINE = Shape(
    "GeneralLedgerLine",
    {
        # The cursor is the URL-safe base64 of "date|line id" (schema.ledger.report_queries).
        "cursor": Value(lambda t, d: d.urlsafe_base64(cursor_text(t))),
        "entryNumber": column("number"),
        "date": column("date"),
        "memo": column("memo"),
        "description": column("description"),
        "debit": money(lambda t: f'{t}."debit"', "base__"),
        "credit": money(lambda t: f'{t}."credit"', "base__"),
        "balance": money(lambda t: f'{t}."balance"', "base__"),
        "entry": Related(
            JOURNAL_ENTRY,
            lambda t, a: (
                f'FROM "{JOURNAL_ENTRY.table}" {a} WHERE {a}."id" = {t}."entry_id"'
                f' AND {a}."organization_id" = {t}."organization_id"'
            ),
        ),
    },
)


def _lines_sql(where: str, carried: int, sign: int, limit_mark: str) -> str:
    # The running balance is the balance carried in plus the window sum of the page's
    # lines up to each one; both are integers in minor units.
    return f"""SELECT l.id AS id, l.entry_id AS entry_id, l.organization_id AS organization_id,
                   e.number AS number, l.date AS date, e.memo AS memo,
                   l.description AS description,
                   l.base_debit_minor AS debit, l.base_credit_minor AS credit,
                   {int(carried)} + {int(sign)} * SUM(l.base_debit_minor - l.base_credit_minor)
                       OVER (ORDER BY l.date, l.id) AS balance,
                   (SELECT o.base_currency FROM "{Organization._meta.db_table}" o
                     WHERE o.id = l.organization_id) AS base__
            FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
            WHERE {where} ORDER BY l.date, l.id LIMIT {limit_mark}"""  # noqa: S608


async def _sums(report_of: tuple[UUID, UUID, int], where: str, *params: object) -> int:
    """The account's balance movement over the lines `where` keeps ($3 on), signed."""
    org, account_id, sign = report_of
    rows = await fetch(
        f"""SELECT COALESCE(SUM(base_debit_minor), 0) AS d,
                   COALESCE(SUM(base_credit_minor), 0) AS c
            FROM journal_lines WHERE organization_id = $1 AND account_id = $2 AND {where}""",  # noqa: S608
        org,
        account_id,
        *params,
    )
    return sign * (int(rows[0]["d"]) - int(rows[0]["c"]))


async def general_ledger(
    actor: Actor, account_id: UUID, start: date, end: date
) -> GeneralLedgerReport:
    """An account's general ledger over [start, end]: its header (opening and closing
    balances); NotFound for an account the organization does not have."""
    account = await Account.get_or_none(id=account_id, organization_id=actor.org)
    if account is None:
        raise NotFound("account not found", field=["accountId"])
    sign = 1 if account.type in DEBIT_NORMAL else -1
    of = (actor.org, account.id, sign)
    opening = await _sums(of, "date < $3", start)
    closing = opening + await _sums(of, "date >= $3 AND date <= $4", start, end)
    base = await base_currency(actor.org)
    return GeneralLedgerReport(actor, account, start, end, base, sign, opening, closing)


async def line_count(report: GeneralLedgerReport) -> int:
    rows = await fetch(
        """SELECT count(*) AS n FROM journal_lines
           WHERE organization_id = $1 AND account_id = $2 AND date >= $3 AND date <= $4""",
        report.actor.org,
        report.account.id,
        report.start,
        report.end,
    )
    return int(rows[0]["n"])


def _between(
    after: Position | None, before: Position | None, first_mark: int
) -> tuple[str, list[object]]:
    """Conditions on l.date, l.id for lines strictly after `after` and before `before`."""
    sql, params = "", list[object]()
    if after is not None:
        n = first_mark + len(params)
        sql += f" AND (l.date > ${n} OR (l.date = ${n + 1} AND l.id > ${n + 2}))"
        params += [after[0], after[0], after[1]]
    if before is not None:
        n = first_mark + len(params)
        sql += f" AND (l.date < ${n} OR (l.date = ${n + 1} AND l.id < ${n + 2}))"
        params += [before[0], before[0], before[1]]
    return sql, params


_PERIOD = "l.organization_id = $1 AND l.account_id = $2 AND l.date >= $3 AND l.date <= $4"


def _period(report: GeneralLedgerReport) -> list[object]:
    return [report.actor.org, report.account.id, report.start, report.end]


async def _start_walking_back(
    report: GeneralLedgerReport, size: int, after: Position | None, before: Position | None
) -> tuple[Position | None, bool]:
    """Where the last `size` lines between `after` and `before` start, as the position just
    before the first of them (None when there are none), and whether lines come before
    them."""
    between, between_params = _between(after, before, 5)
    params = [*_period(report), *between_params, size + 1]
    found = await fetch(
        f"""SELECT l.date AS date, l.id AS id FROM journal_lines l
            WHERE {_PERIOD}{between}
            ORDER BY l.date DESC, l.id DESC LIMIT ${len(params)}""",  # noqa: S608
        *params,
    )
    if not found[:size]:
        return None, len(found) > size
    first = found[:size][-1]
    return (_day(first["date"]), int(first["id"]) - 1), len(found) > size


async def ledger_lines(
    report: GeneralLedgerReport,
    size: int,
    *,
    after: Position | None = None,
    before: Position | None = None,
    backwards: bool = False,
    item: str | None = None,
) -> LinesPage:
    """Up to `size` lines of the period strictly between `after` and `before`: the first
    ones, or the last ones when `backwards`; in posting order either way, each with the
    running balance. With `item` (SQL over a GL_LINE row aliased
    server.reads.compile.ROW), each line written as JSON instead."""
    more = False
    if backwards:
        # Find where the page starts walking back, then read it forwards from there, so
        # the running balance has one definition, the forward window sum.
        after, more = await _start_walking_back(report, size, after, before)
        if after is None:
            return LinesPage([], [], [] if item is not None else None, more)
    carried = report.opening_minor
    if after is not None:
        carried += await _sums(
            (report.actor.org, report.account.id, report.sign),
            "date >= $3 AND (date < $4 OR (date = $5 AND id <= $6))",
            report.start,
            after[0],
            after[0],
            after[1],
        )
    between, between_params = _between(after, before, 5)
    params = [*_period(report), *between_params, size + (0 if backwards else 1)]
    lines_sql = _lines_sql(_PERIOD + between, carried, report.sign, f"${len(params)}")
    if item is not None:
        lines_sql = (
            f'SELECT {ROW}."id" AS id, {ROW}."date" AS date, {item} AS item__'  # noqa: S608
            f' FROM ({lines_sql}) {ROW} ORDER BY {ROW}."date", {ROW}."id"'
        )
    rows = await fetch(lines_sql, *params)
    if not backwards:
        more = len(rows) > size
    page = rows[:size]
    positions = [(_day(r["date"]), int(r["id"])) for r in page]
    if item is not None:
        return LinesPage(positions, [], [str(r["item__"]) for r in page], more)
    return LinesPage(positions, [_line(r, report.base) for r in page], None, more)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _line(row: Any, base: str) -> LedgerLine:
    return LedgerLine(
        line_id=int(row["id"]),
        entry_id=UUID(str(row["entry_id"])),
        entry_number=int(row["number"]),
        date=_day(row["date"]),
        memo=row["memo"],
        description=row["description"],
        debit=Money.from_minor(int(row["debit"]), base),
        credit=Money.from_minor(int(row["credit"]), base),
        balance=Money.from_minor(int(row["balance"]), base),
    )
