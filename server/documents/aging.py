"""Aging of receivables and payables as of any date, computed in one SQL aggregation.

The report is historical: it shows the books as they stood at the end of `as_of`.

- A document counts when it is dated on or before `as_of` and was not void then (a void
  document counts from its date until the day before `voided_on`).
- An allocation counts when it is dated on or before `as_of` and was not undone then (an
  undone allocation counts from its date until the day before `reversed_on`).
- What a charge (invoice, bill) had open is its base amount less the charge-side base amount
  of its live allocations; what a credit (payment, credit note, bill payment) had unapplied
  is its base amount less the credit-side base amount of its live allocations.

Amounts are in the organization's base currency, in integer minor units, signed the natural
way for the ledger: what customers owe us (receivables) or what we owe vendors (payables) is
positive, and unapplied credits are negative. So a row's total, and the report's total, is
the balance of the ledger's control account on `as_of`.

Columns. Each open charge falls in exactly one column by its age in days, where the age is
`as_of - due_date` (basis DUE_DATE: days overdue) or `as_of - date` (basis INVOICE_DATE:
days since the document date). With the boundaries `buckets = [b1, b2, ..., bn]`
(default [30, 60, 90]):

- DUE_DATE: "Current" (age <= 0: not yet due, or due on `as_of`), "1-b1", "b1+1-b2", ...,
  "Over bn". The default columns are Current, 1-30, 31-60, 61-90, Over 90.
- INVOICE_DATE: "0-b1", "b1+1-b2", ..., "Over bn" (an age is never negative on this basis,
  so there is no separate current column). The default columns are 0-30, 31-60, 61-90,
  Over 90.

Charges disputed on `as_of` (receivables only: an open dispute with opened_on <= as_of and
resolved_on null or after as_of) are not aged: they are shown apart in `disputed`. Unapplied
credits are shown apart in `unapplied_credits`. A row's total is the sum of its columns, its
disputed amount and its unapplied credits.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from server.documents.models import Ledger
from server.errors import DomainError, ErrorCode
from server.identity.base_currency import base_currency
from server.sql import fetch

DEFAULT_BUCKETS = (30, 60, 90)
MAX_BUCKETS = 12
MAX_BUCKET_DAYS = 36_500

PARTY_TABLE = {Ledger.RECEIVABLE: "customers", Ledger.PAYABLE: "vendors"}


class AgingBasis(StrEnum):
    DUE_DATE = "DUE_DATE"  # age = days past the due date; not yet due is current
    INVOICE_DATE = "INVOICE_DATE"  # age = days since the document date


@dataclass(frozen=True, slots=True)
class AgingBucket:
    """One column: charges whose age in days is within [min_days, max_days]."""

    label: str
    min_days: int | None  # None: no lower bound
    max_days: int | None  # None: no upper bound


@dataclass(frozen=True, slots=True)
class AgingRow:
    """One party's open amounts in base minor units."""

    party_id: UUID
    name: str
    buckets: tuple[int, ...]  # undisputed open charges per column, in report.buckets order
    disputed: int  # open charges under dispute on as_of (receivables only)
    unapplied_credits: int  # zero or negative
    total: int


@dataclass(frozen=True, slots=True)
class AgingTotals:
    buckets: tuple[int, ...]
    disputed: int
    unapplied_credits: int
    total: int


@dataclass(frozen=True, slots=True)
class AgingReport:
    ledger: Ledger
    as_of: date
    basis: AgingBasis
    currency: str  # the organization's base currency
    buckets: tuple[AgingBucket, ...]
    rows: list[AgingRow]  # parties with anything open, by name
    totals: AgingTotals


class Params:
    """Numbered placeholders handed out in the order they appear in the SQL text."""

    def __init__(self) -> None:
        self.values: list[Any] = []

    def __call__(self, value: Any) -> str:
        self.values.append(value)
        return f"${len(self.values)}"


def validate_buckets(buckets: list[int] | None) -> tuple[int, ...]:
    """Positive day counts in increasing order; refused with the field `buckets`."""
    if buckets is None:
        return DEFAULT_BUCKETS
    problem = None
    if not buckets:
        problem = "give at least one bucket boundary"
    elif len(buckets) > MAX_BUCKETS:
        problem = f"at most {MAX_BUCKETS} bucket boundaries"
    elif any(b < 1 or b > MAX_BUCKET_DAYS for b in buckets):
        problem = f"bucket boundaries are days from 1 to {MAX_BUCKET_DAYS}"
    elif any(later <= earlier for earlier, later in itertools.pairwise(buckets)):
        problem = "bucket boundaries must increase"
    if problem:
        raise DomainError(problem, code=ErrorCode.INVALID, field=["buckets"])
    return tuple(buckets)


def columns(basis: AgingBasis, bounds: tuple[int, ...]) -> tuple[AgingBucket, ...]:
    """The report's columns for a basis and validated boundaries."""
    out: list[AgingBucket] = []
    lower = 1
    if basis == AgingBasis.DUE_DATE:
        out.append(AgingBucket("Current", None, 0))
    else:
        lower = 0
    for upper in bounds:
        out.append(AgingBucket(f"{lower}-{upper}", lower, upper))
        lower = upper + 1
    out.append(AgingBucket(f"Over {bounds[-1]}", lower, None))
    return tuple(out)


def historical_items_sql(p: Params, organization_id: UUID, ledger: Ledger, as_of: date) -> str:
    """Open items of a ledger as they stood on `as_of`, with their open base amount.

    Columns: id, party_id, kind, is_charge, date, due_date, amount_minor, base_amount_minor,
    open_base (base amount less the base of the allocations live on `as_of`).
    """
    return f"""
        SELECT o.id AS id, o.party_id AS party_id, o.kind AS kind, o.is_charge AS is_charge,
               o.date AS date, o.due_date AS due_date, o.amount_minor AS amount_minor,
               o.base_amount_minor AS base_amount_minor,
               o.base_amount_minor - COALESCE(x.base, 0) AS open_base
        FROM open_items o
        LEFT JOIN (
            SELECT u.item_id AS item_id, SUM(u.base) AS base FROM (
                SELECT a.charge_id AS item_id, a.charge_base_minor AS base
                FROM allocations a
                WHERE a.organization_id = {p(organization_id)} AND a.ledger = {p(ledger.value)}
                  AND a.charge_id IS NOT NULL AND a.date <= {p(as_of)}
                  AND (a.reversed_on IS NULL OR a.reversed_on > {p(as_of)})
                UNION ALL
                SELECT a.credit_id AS item_id, a.credit_base_minor AS base
                FROM allocations a
                WHERE a.organization_id = {p(organization_id)} AND a.ledger = {p(ledger.value)}
                  AND a.credit_id IS NOT NULL AND a.date <= {p(as_of)}
                  AND (a.reversed_on IS NULL OR a.reversed_on > {p(as_of)})
            ) u GROUP BY u.item_id
        ) x ON x.item_id = o.id
        WHERE o.organization_id = {p(organization_id)} AND o.ledger = {p(ledger.value)}
          AND o.date <= {p(as_of)} AND (o.voided_on IS NULL OR o.voided_on > {p(as_of)})"""


def disputes_sql(p: Params, organization_id: UUID, as_of: date) -> str:
    """Invoices under dispute on `as_of` (column invoice_id)."""
    return f"""SELECT DISTINCT d.invoice_id AS invoice_id FROM disputes d
            WHERE d.organization_id = {p(organization_id)} AND d.opened_on <= {p(as_of)}
              AND (d.resolved_on IS NULL OR d.resolved_on > {p(as_of)})"""


def aging_sql(
    organization_id: UUID,
    ledger: Ledger,
    as_of: date,
    basis: AgingBasis,
    bounds: tuple[int, ...],
) -> tuple[str, list[Any]]:
    """The one statement behind `aging`, with its parameters (for the report and benchmarks).

    An age of at most N days is a reference date on or after as_of - N, so the columns
    compare dates and need no date arithmetic (the same SQL on SQLite and PostgreSQL).
    Placeholders are handed out in the order they appear in the text.
    """
    p = Params()
    ref = "i.due_date" if basis == AgingBasis.DUE_DATE else "i.date"
    cols = columns(basis, bounds)
    last = len(cols) - 1
    select_buckets = ", ".join(
        f"SUM(CASE WHEN g.is_charge = 1 AND g.disputed = 0 AND g.col = {k} "
        f"THEN g.open_base ELSE 0 END) AS b{k}"
        for k in range(len(cols))
    )
    # Column k holds ages up to its max_days: the first column whose bound is met wins.
    whens = " ".join(
        f"WHEN {ref} >= {p(as_of - timedelta(days=c.max_days))} THEN {k}"
        for k, c in enumerate(cols)
        if c.max_days is not None
    )
    items = historical_items_sql(p, organization_id, ledger, as_of)
    if ledger == Ledger.RECEIVABLE:
        disputed = "CASE WHEN dd.invoice_id IS NULL THEN 0 ELSE 1 END"
        disputes = (
            f"LEFT JOIN ({disputes_sql(p, organization_id, as_of)}) dd ON dd.invoice_id = i.id"
        )
    else:  # payables have no disputes
        disputed, disputes = "0", ""
    sql = f"""
        SELECT g.party_id AS party_id, MAX(pt.name) AS name, {select_buckets},
               SUM(CASE WHEN g.is_charge = 1 AND g.disputed = 1 THEN g.open_base ELSE 0 END)
                   AS disputed,
               SUM(CASE WHEN g.is_charge = 0 THEN -g.open_base ELSE 0 END) AS credits,
               SUM(CASE WHEN g.is_charge = 1 THEN g.open_base ELSE -g.open_base END) AS total
        FROM (
            SELECT i.party_id AS party_id,
                   CASE WHEN i.is_charge THEN 1 ELSE 0 END AS is_charge,
                   i.open_base AS open_base,
                   {disputed} AS disputed,
                   CASE {whens} ELSE {last} END AS col
            FROM ({items}) i
            {disputes}
            WHERE i.open_base <> 0
        ) g
        LEFT JOIN {PARTY_TABLE[ledger]} pt ON pt.id = g.party_id
        GROUP BY g.party_id
        ORDER BY MAX(pt.name), g.party_id"""
    return sql, p.values


async def aging(
    organization_id: UUID,
    ledger: Ledger,
    as_of: date,
    basis: AgingBasis = AgingBasis.DUE_DATE,
    buckets: list[int] | None = None,
) -> AgingReport:
    """Open charges per party and age column, disputed charges and unapplied credits apart.

    Raises DomainError (INVALID, field `buckets`) for boundaries that are not positive,
    increasing day counts. See the module docstring for the definitions.
    """
    bounds = validate_buckets(buckets)
    cols = columns(basis, bounds)
    sql, params = aging_sql(organization_id, ledger, as_of, basis, bounds)
    rows: list[AgingRow] = []
    for r in await fetch(sql, *params):
        amounts = tuple(int(r[f"b{k}"]) for k in range(len(cols)))
        rows.append(
            AgingRow(
                party_id=UUID(str(r["party_id"])),
                name=str(r["name"] or ""),
                buckets=amounts,
                disputed=int(r["disputed"]),
                unapplied_credits=int(r["credits"]),
                total=int(r["total"]),
            )
        )
    totals = AgingTotals(
        buckets=tuple(sum(r.buckets[k] for r in rows) for k in range(len(cols))),
        disputed=sum(r.disputed for r in rows),
        unapplied_credits=sum(r.unapplied_credits for r in rows),
        total=sum(r.total for r in rows),
    )
    return AgingReport(
        ledger=ledger,
        as_of=as_of,
        basis=basis,
        currency=await base_currency(organization_id),
        buckets=cols,
        rows=rows,
        totals=totals,
    )
