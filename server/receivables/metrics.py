"""Collection KPIs of a period, in the base currency, computed by one SQL aggregation.

For a period [from, to] of N = to - from + 1 days:

- credit sales S: the base amount of invoices dated in the period and not void at its end.
- receivables at a date: what was open on invoices at the end of that day (historical, as in
  the aging: only documents and allocations dated on or before it; unapplied credits are not
  netted). AR_begin is taken the day before `from`, AR_end at `to`; current AR_end is the
  part of AR_end not yet due on `to` (due on or after `to`).
- DSO (days sales outstanding) = AR_end / S * N.
- Best possible DSO = current AR_end / S * N: the DSO if nothing were overdue.
- Average days delinquent = DSO - best possible DSO.
- Collection effectiveness index (percent)
  = (AR_begin + S - AR_end) / (AR_begin + S - current AR_end) * 100:
  what was collected out of what could have been collected.
- Average days to pay: over settlements of invoices by payments dated in the period and not
  undone by its end, the days from invoice date to settlement date, weighted by the base
  amount settled.

A figure is null when its denominator is zero (no sales, nothing collectible, nothing paid).
Days and percentages are rounded half-up to one decimal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from uuid import UUID

from server.documents.aging import Params, historical_items_sql
from server.documents.models import Ledger
from server.errors import DomainError, ErrorCode
from server.identity.base_currency import base_currency
from server.receivables.figures import ONE_DECIMAL, weighted_days
from server.sql import days_between, fetch


@dataclass(frozen=True, slots=True)
class ArMetrics:
    start: date
    end: date
    days: int
    currency: str
    credit_sales: int
    receivables_begin: int
    receivables_end: int
    current_receivables_end: int
    dso: Decimal | None
    best_possible_dso: Decimal | None
    average_days_delinquent: Decimal | None
    collection_effectiveness: Decimal | None
    average_days_to_pay: Decimal | None


def _round(value: Decimal) -> Decimal:
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


async def ar_metrics(organization_id: UUID, start: date, end: date) -> ArMetrics:
    """The KPIs of [start, end]; see the module docstring. Refuses a period ending first."""
    if end < start:
        raise DomainError("the period ends before it starts", code=ErrorCode.INVALID, field=["to"])
    p = Params()
    settled_days = days_between("a.date", "ch.date")

    def items(as_of: date) -> str:
        return historical_items_sql(p, organization_id, Ledger.RECEIVABLE, as_of)

    # One row from single-row aggregations; placeholders are numbered in textual order.
    sql = f"""
        SELECT b.ar_begin AS ar_begin, e.ar_end AS ar_end, e.current_end AS current_end,
               s.sales AS sales, t.weighted AS weighted, t.paid AS paid
        FROM
          (SELECT COALESCE(SUM(CASE WHEN i.is_charge THEN i.open_base ELSE 0 END), 0) AS ar_begin
           FROM ({items(start - timedelta(days=1))}) i) b,
          (SELECT COALESCE(SUM(CASE WHEN i.is_charge THEN i.open_base ELSE 0 END), 0) AS ar_end,
                  COALESCE(SUM(CASE WHEN i.is_charge AND i.due_date >= {p(end)}
                                    THEN i.open_base ELSE 0 END), 0) AS current_end
           FROM ({items(end)}) i) e,
          (SELECT COALESCE(SUM(o.base_amount_minor), 0) AS sales FROM open_items o
           WHERE o.organization_id = {p(organization_id)} AND o.ledger = 'RECEIVABLE'
             AND o.is_charge AND o.date >= {p(start)} AND o.date <= {p(end)}
             AND (o.voided_on IS NULL OR o.voided_on > {p(end)})) s,
          (SELECT COALESCE(SUM(a.charge_base_minor * {settled_days}), 0) AS weighted,
                  COALESCE(SUM(a.charge_base_minor), 0) AS paid
           FROM allocations a
           JOIN open_items ch ON ch.id = a.charge_id JOIN open_items cr ON cr.id = a.credit_id
           WHERE a.organization_id = {p(organization_id)} AND a.ledger = 'RECEIVABLE'
             AND a.kind = 'SETTLEMENT' AND cr.kind = 'PAYMENT'
             AND a.date >= {p(start)} AND a.date <= {p(end)}
             AND (a.reversed_on IS NULL OR a.reversed_on > {p(end)})) t"""
    (row,) = await fetch(sql, *p.values)
    days = (end - start).days + 1
    sales, ar_begin, ar_end = int(row["sales"]), int(row["ar_begin"]), int(row["ar_end"])
    current_end = int(row["current_end"])
    dso = best = delinquent = None
    if sales:
        dso = _round(Decimal(ar_end) * days / sales)
        best = _round(Decimal(current_end) * days / sales)
        delinquent = dso - best
    collectible = ar_begin + sales - current_end
    cei = _round(Decimal(ar_begin + sales - ar_end) * 100 / collectible) if collectible else None
    return ArMetrics(
        start=start,
        end=end,
        days=days,
        currency=await base_currency(organization_id),
        credit_sales=sales,
        receivables_begin=ar_begin,
        receivables_end=ar_end,
        current_receivables_end=current_end,
        dso=dso,
        best_possible_dso=best,
        average_days_delinquent=delinquent,
        collection_effectiveness=cei,
        average_days_to_pay=weighted_days(row["weighted"], row["paid"]),
    )
