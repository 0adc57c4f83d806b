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


@dataclass(frozen=True, slots=True)
class GeneralLedgerPage:
    account: Account
    opening_balance: Money
    lines: list[LedgerLine]
    closing_balance: Money
    has_next_page: bool
    # With `written_lines`' item: each line's JSON, in order, and the last line's position.
    written: list[str] | None = None
    end: tuple[date, int] | None = None


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


async def general_ledger(
    actor: Actor,
    account_id: UUID,
    start: date,
    end: date,
    *,
    first: int,
    after: tuple[date, int] | None = None,
    item: str | None = None,
) -> GeneralLedgerPage:
    """An account's lines in [start, end] in posting order, with a running balance; with
    `item` (SQL over a GL_LINE row aliased server.reads.compile.ROW), each line written as
    JSON instead (`GeneralLedgerPage.written`)."""
    account = await Account.get_or_none(id=account_id, organization_id=actor.org)
    if account is None:
        raise NotFound("account not found", field=["accountId"])
    base = await base_currency(actor.org)
    sign = 1 if account.type in DEBIT_NORMAL else -1

    async def balance_before(where: str, *params: object) -> int:
        rows = await fetch(
            f"""SELECT COALESCE(SUM(base_debit_minor), 0) AS d,
                       COALESCE(SUM(base_credit_minor), 0) AS c
                FROM journal_lines WHERE organization_id = $1 AND account_id = $2 AND {where}""",  # noqa: S608
            actor.org,
            account.id,
            *params,
        )
        return sign * (int(rows[0]["d"]) - int(rows[0]["c"]))

    opening = await balance_before("date < $3", start)
    carried = opening
    params: list[object] = [actor.org, account.id, start, end]
    where = "l.organization_id = $1 AND l.account_id = $2 AND l.date >= $3 AND l.date <= $4"
    if after is not None:
        carried = opening + await balance_before(
            "date >= $3 AND (date < $4 OR (date = $5 AND id <= $6))",
            start,
            after[0],
            after[0],
            after[1],
        )
        params += [after[0], after[0], after[1]]
        where += " AND (l.date > $5 OR (l.date = $6 AND l.id > $7))"
    params.append(first + 1)
    lines_sql = _lines_sql(where, carried, sign, f"${len(params)}")
    if item is not None:
        lines_sql = (
            f'SELECT {ROW}."id" AS id, {ROW}."date" AS date, {item} AS item__'  # noqa: S608
            f' FROM ({lines_sql}) {ROW} ORDER BY {ROW}."date", {ROW}."id"'
        )
    rows = await fetch(lines_sql, *params)
    closing = opening + await balance_before("date >= $3 AND date <= $4", start, end)
    page = rows[:first]
    if item is not None:
        last = (_day(page[-1]["date"]), int(page[-1]["id"])) if page else None
        written = [str(r["item__"]) for r in page]
        return GeneralLedgerPage(
            account,
            Money.from_minor(opening, base),
            [],
            Money.from_minor(closing, base),
            len(rows) > first,
            written,
            last,
        )
    lines = [_line(row, base) for row in page]
    return GeneralLedgerPage(
        account,
        Money.from_minor(opening, base),
        lines,
        Money.from_minor(closing, base),
        len(rows) > first,
    )


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
