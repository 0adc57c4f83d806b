"""Customer figures and statements, in the customer's currency, computed by SQL aggregation.

Definitions (a customer's invoices, payments and credit notes are always in its currency):

- outstanding: what is open now on the customer's invoices (void invoices excluded), as
  server.documents.reads.outstanding_minor writes it (the customers list sorts by it too).
- overdue: the part of `outstanding` on invoices whose due date is before today.
- unapplied credits: payments and credit notes not yet applied to invoices nor refunded,
  as a positive amount (credit the customer has on account).
- credit available: credit limit - outstanding + unapplied credits, i.e. the limit less the
  customer's net balance; negative when the customer is over its limit; null without a limit.
- average days to pay: over the customer's live settlements of invoices by payments (credit
  notes are not payments), the days from the invoice date to the settlement date, weighted
  by the amount settled; null when nothing has been paid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID

from server.documents.aging import Params
from server.documents.models import Ledger
from server.documents.reads import outstanding_minor
from server.errors import NotFound
from server.sql import days_between, fetch

ONE_DECIMAL = Decimal("0.1")


def weighted_days(weighted: Any, amount: Any) -> Decimal | None:
    """Amount-weighted days to one decimal; None when nothing was weighed."""
    if amount is None or int(amount) == 0:
        return None
    return (Decimal(int(weighted)) / Decimal(int(amount))).quantize(
        ONE_DECIMAL, rounding=ROUND_HALF_UP
    )


@dataclass(frozen=True, slots=True)
class CustomerFigures:
    customer_id: UUID
    currency: str
    outstanding: int
    overdue: int
    unapplied_credits: int
    credit_limit: int | None
    credit_available: int | None
    average_days_to_pay: Decimal | None


async def customer_figures(
    organization_id: UUID, customer_ids: Sequence[UUID], today: date
) -> dict[UUID, CustomerFigures]:
    """Figures of many customers in one statement; customers not found are left out."""
    ids = list(dict.fromkeys(customer_ids))
    if not ids:
        return {}
    p = Params()
    days = days_between("a.date", "ch.date")

    def id_list() -> str:
        return ", ".join(p(i) for i in ids)

    sql = f"""
        SELECT c.id AS id, c.currency AS currency, c.credit_limit_minor AS credit_limit,
               {outstanding_minor(Ledger.RECEIVABLE)("c")} AS outstanding,
               COALESCE(b.overdue, 0) AS overdue,
               COALESCE(b.credits, 0) AS credits, t.weighted AS weighted, t.paid AS paid
        FROM customers c
        LEFT JOIN (
            SELECT o.party_id AS party_id,
                   SUM(CASE WHEN o.is_charge AND o.due_date < {p(today)}
                            THEN o.open_minor ELSE 0 END) AS overdue,
                   SUM(CASE WHEN o.is_charge THEN 0 ELSE o.open_minor END) AS credits
            FROM open_items o
            WHERE o.organization_id = {p(organization_id)} AND o.ledger = 'RECEIVABLE'
              AND o.voided_on IS NULL AND o.party_id IN ({id_list()})
            GROUP BY o.party_id
        ) b ON b.party_id = c.id
        LEFT JOIN (
            SELECT ch.party_id AS party_id, SUM(a.amount_minor * {days}) AS weighted,
                   SUM(a.amount_minor) AS paid
            FROM allocations a
            JOIN open_items ch ON ch.id = a.charge_id
            JOIN open_items cr ON cr.id = a.credit_id
            WHERE a.organization_id = {p(organization_id)} AND a.ledger = 'RECEIVABLE'
              AND a.kind = 'SETTLEMENT' AND a.reversed_on IS NULL AND cr.kind = 'PAYMENT'
              AND ch.party_id IN ({id_list()})
            GROUP BY ch.party_id
        ) t ON t.party_id = c.id
        WHERE c.organization_id = {p(organization_id)} AND c.id IN ({id_list()})"""
    found: dict[UUID, CustomerFigures] = {}
    for r in await fetch(sql, *p.values):
        outstanding, credits = int(r["outstanding"]), int(r["credits"])
        limit = None if r["credit_limit"] is None else int(r["credit_limit"])
        customer_id = UUID(str(r["id"]))
        found[customer_id] = CustomerFigures(
            customer_id=customer_id,
            currency=str(r["currency"]),
            outstanding=outstanding,
            overdue=int(r["overdue"]),
            unapplied_credits=credits,
            credit_limit=limit,
            credit_available=None if limit is None else limit - outstanding + credits,
            average_days_to_pay=weighted_days(r["weighted"], r["paid"]),
        )
    return found


@dataclass(frozen=True, slots=True)
class StatementLine:
    on: date
    kind: str  # INVOICE, CREDIT_NOTE, PAYMENT, VOID, REFUND, WRITE_OFF, DISCOUNT
    document_id: UUID
    document_kind: str  # the open item's kind: INVOICE, CREDIT_NOTE or PAYMENT
    number: str | None
    due_date: date | None
    amount: int  # positive raises what the customer owes, negative lowers it
    balance: int  # after this line


@dataclass(frozen=True, slots=True)
class CustomerStatement:
    customer_id: UUID
    currency: str
    start: date
    end: date
    opening_balance: int  # at the end of the day before `start`
    lines: list[StatementLine]
    closing_balance: int  # at the end of `end`


def _events_sql(p: Params, organization_id: UUID, customer_id: UUID) -> str:
    """Everything that changed what a customer owes, in its currency, one row per change.

    Documents (+ invoices, - payments and credit notes) on their date; a void takes the
    document's amount back on the void date; write-offs and discounts lower an invoice and
    refunds pay a credit back out on their date. Settlements move amounts between the
    customer's own documents and leave the balance unchanged, so they are not listed.
    """
    where = "o.organization_id = {} AND o.ledger = 'RECEIVABLE' AND o.party_id = {}"

    def scope() -> str:
        return where.format(p(organization_id), p(customer_id))

    return f"""
        SELECT o.date AS date, 0 AS seq, o.kind AS kind, o.id AS document_id,
               o.kind AS document_kind, o.number AS number, o.due_date AS due_date,
               CASE WHEN o.is_charge THEN o.amount_minor ELSE -o.amount_minor END AS amount
        FROM open_items o WHERE {scope()}
        UNION ALL
        SELECT o.voided_on, 2, 'VOID', o.id, o.kind, o.number, NULL,
               CASE WHEN o.is_charge THEN -o.amount_minor ELSE o.amount_minor END
        FROM open_items o WHERE {scope()} AND o.voided_on IS NOT NULL
        UNION ALL
        SELECT a.date, 1, a.kind, o.id, o.kind, o.number, NULL,
               CASE WHEN a.kind = 'REFUND' THEN a.amount_minor ELSE -a.amount_minor END
        FROM allocations a
        JOIN open_items o ON o.id = COALESCE(a.charge_id, a.credit_id)
        WHERE a.organization_id = {p(organization_id)} AND a.ledger = 'RECEIVABLE'
          AND a.kind <> 'SETTLEMENT' AND {scope()}"""


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


async def customer_statement(
    organization_id: UUID, customer_id: UUID, start: date, end: date
) -> CustomerStatement:
    """Opening balance, every change dated in [start, end] with a running balance, closing.

    Raises NotFound for a customer of another organization or none.
    """
    customers = await fetch(
        "SELECT currency FROM customers WHERE organization_id = $1 AND id = $2",
        organization_id,
        customer_id,
    )
    if not customers:
        raise NotFound("customer not found", field=["customerId"])
    p = Params()
    events = _events_sql(p, organization_id, customer_id)
    before, first, last = p(start - timedelta(days=1)), p(start), p(end)
    order = "l.date, l.seq, l.number, l.document_id"
    # One row per change in the period, each with the balance after it; a period without
    # changes is one row of nulls beside the opening balance.
    rows = await fetch(
        f"""WITH e AS ({events}),
            o AS (SELECT COALESCE(SUM(amount), 0) AS opening FROM e WHERE date <= {before})
            SELECT o.opening AS opening, l.date AS date, l.kind AS kind,
                   l.document_id AS document_id, l.document_kind AS document_kind,
                   l.number AS number, l.due_date AS due_date, l.amount AS amount,
                   o.opening + SUM(l.amount) OVER (ORDER BY {order} ROWS UNBOUNDED PRECEDING)
                       AS balance
            FROM o LEFT JOIN (SELECT * FROM e WHERE date >= {first} AND date <= {last}) l
                ON 1 = 1
            ORDER BY {order}""",
        *p.values,
    )
    opening = int(rows[0]["opening"])
    lines = [
        StatementLine(
            on=_day(r["date"]),
            kind=str(r["kind"]),
            document_id=UUID(str(r["document_id"])),
            document_kind=str(r["document_kind"]),
            number=r["number"],
            due_date=None if r["due_date"] is None else _day(r["due_date"]),
            amount=int(r["amount"]),
            balance=int(r["balance"]),
        )
        for r in rows
        if r["document_id"] is not None
    ]
    balance = lines[-1].balance if lines else opening
    return CustomerStatement(
        customer_id=customer_id,
        currency=str(customers[0]["currency"]),
        start=start,
        end=end,
        opening_balance=opening,
        lines=lines,
        closing_balance=balance,
    )
