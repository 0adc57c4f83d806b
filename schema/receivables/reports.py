"""Receivables reports: aging, customer statements and collection KPIs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated
from uuid import UUID

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.crm import loaders
from schema.crm.types import Customer
from schema.enums import described_enum
from schema.errors import UserError
from schema.ids import decode, encode
from schema.pdf.urls import document_url, readable_kinds
from schema.permissions import requires, requires_per_row
from schema.reads import embedded, path_item_sql
from schema.scalars import CurrencyCode, Money
from server.documents import aging as ag
from server.documents.aging_reads import WrittenAging, written_aging
from server.documents.models import Ledger
from server.errors import DomainError, NotFound
from server.pdf.signed import DocumentRef
from server.receivables import figures, metrics

described_enum(
    ag.AgingBasis,
    name="AgingBasis",
    description="What a charge's age is counted from.",
    values={
        ag.AgingBasis.DUE_DATE: "Days overdue, from the due date; a charge not yet due is current.",
        ag.AgingBasis.INVOICE_DATE: "Days since the document date.",
    },
)


@strawberry.type(description="A column of an aging report: charges of an age in days.")
class AgingBucket:
    label: str = strawberry.field(description='Column title, e.g. "Current", "1-30", "Over 90".')
    min_days: int | None = strawberry.field(
        description="Youngest age in the column, in days; null for no lower bound."
    )
    max_days: int | None = strawberry.field(
        description="Oldest age in the column, in days; null for no upper bound."
    )


@strawberry.type(description="One customer's line of the receivables aging, in base currency.")
class ArAgingRow:
    customer: Customer | None = requires("customer", "read", description="The customer.")
    buckets: list[Money] = strawberry.field(
        description="Undisputed open invoice amounts per column, in the order of the columns."
    )
    disputed: Money = strawberry.field(
        description="Open amounts of invoices under dispute on the date, not aged."
    )
    unapplied_credits: Money = strawberry.field(
        description="Payments and credit notes not yet applied or refunded, as a negative amount."
    )
    total: Money = strawberry.field(
        description="Columns + disputed + unapplied credits: the customer's net balance."
    )


@strawberry.type(description="Totals of every row of an aging report.")
class AgingTotals:
    buckets: list[Money] = strawberry.field(description="Per column, in the order of the columns.")
    disputed: Money = strawberry.field(description="Open amounts under dispute.")
    unapplied_credits: Money = strawberry.field(description="Unapplied credits, negative.")
    total: Money = strawberry.field(
        description="The control account balance (receivables or payables) on the date."
    )


def aging_columns(
    report: ag.AgingReport | WrittenAging,
) -> tuple[list[AgingBucket], AgingTotals]:
    """The columns and totals of an aging report, for receivables and payables alike."""
    cur, t = report.currency, report.totals
    columns = [
        AgingBucket(label=b.label, min_days=b.min_days, max_days=b.max_days) for b in report.buckets
    ]
    totals = AgingTotals(
        buckets=[Money.of(v, cur) for v in t.buckets],
        disputed=Money.of(t.disputed, cur),
        unapplied_credits=Money.of(t.unapplied_credits, cur),
        total=Money.of(t.total, cur),
    )
    return columns, totals


@strawberry.type(
    description=(
        "Open receivables per customer and age as they stood at the end of a date: only "
        "documents and allocations dated on or before it count. Amounts in base currency."
    )
)
class ArAging:
    as_of: date = strawberry.field(description="The date the report is as of.")
    basis: ag.AgingBasis = strawberry.field(description="What ages are counted from.")
    currency: CurrencyCode = strawberry.field(description="The base currency of all amounts.")
    buckets: list[AgingBucket] = strawberry.field(description="The columns.")
    rows: list[ArAgingRow] = strawberry.field(description="Customers with anything open, by name.")
    totals: AgingTotals = strawberry.field(description="Totals of all rows.")


@strawberry.type(description="The aging report, or why its arguments were refused.")
class ArAgingResult:
    aging: ArAging | None = strawberry.field(description="The report; null when refused.")
    user_errors: list[UserError] = strawberry.field(description="Why the arguments were refused.")


class StatementLineKind(Enum):
    INVOICE = "INVOICE"
    CREDIT_NOTE = "CREDIT_NOTE"
    PAYMENT = "PAYMENT"
    VOID = "VOID"
    REFUND = "REFUND"
    WRITE_OFF = "WRITE_OFF"
    DISCOUNT = "DISCOUNT"


described_enum(
    StatementLineKind,
    name="StatementLineKind",
    description="What a customer statement line records.",
    values={
        StatementLineKind.INVOICE: "An invoice issued: increases what the customer owes.",
        StatementLineKind.CREDIT_NOTE: "A credit note issued: decreases what the customer owes.",
        StatementLineKind.PAYMENT: "A payment received: decreases what the customer owes.",
        StatementLineKind.VOID: "A document or payment voided: undoes its earlier line.",
        StatementLineKind.REFUND: "Money paid back to the customer: increases what they owe.",
        StatementLineKind.WRITE_OFF: "An amount written off as bad debt: decreases what they owe.",
        StatementLineKind.DISCOUNT: "An early-payment discount given: decreases what they owe.",
    },
)


DOCUMENT_TYPE = {"INVOICE": "Invoice", "CREDIT_NOTE": "CreditNote", "PAYMENT": "Payment"}
# The permission object of each kind of document a statement line identifies.
DOCUMENT_OBJECT = {"INVOICE": "invoice", "CREDIT_NOTE": "credit_note", "PAYMENT": "payment"}


@strawberry.type(description="A change to what the customer owes, in the customer's currency.")
class CustomerStatementLine:
    on: date = strawberry.field(name="date", description="When the change took effect.")
    kind: StatementLineKind = strawberry.field(
        description="A document, the void of one, or a write-off, discount or refund on one."
    )
    document_id: strawberry.ID | None = requires_per_row(
        "document_kind",
        DOCUMENT_OBJECT,
        description="Global id of the invoice, payment or credit note concerned; null (with "
        "FORBIDDEN) when the roles may not read that kind of document.",
    )
    number: str | None = requires_per_row(
        "document_kind",
        DOCUMENT_OBJECT,
        description="That document's number (a payment's reference); null (with FORBIDDEN) "
        "when the roles may not read that kind of document.",
    )
    due_date: date | None = strawberry.field(description="Due date, on invoice lines.")
    amount: Money = strawberry.field(
        description="Positive when it raises what the customer owes, negative when it lowers it."
    )
    balance: Money = strawberry.field(description="What the customer owes after this line.")
    document_kind: strawberry.Private[str]


@strawberry.type(
    description="What a customer owed at the start of a period, every change, and at its end."
)
class CustomerStatement:
    customer: Customer | None = requires("customer", "read", description="The customer.")
    from_: date = strawberry.field(name="from", description="First day of the period.")
    to: date = strawberry.field(description="Last day of the period.")
    opening_balance: Money = strawberry.field(
        description="Owed at the end of the day before the period (negative: in credit)."
    )
    lines: list[CustomerStatementLine] = strawberry.field(
        description="Changes in the period by date. Applying payments and credit notes to "
        "invoices does not change the balance and is not listed."
    )
    closing_balance: Money = strawberry.field(description="Owed at the end of the period.")
    customer_uuid: strawberry.Private[UUID]

    @requires(
        "invoice",
        "read",
        description="A URL that serves the statement as a PDF for five minutes, to whoever "
        "holds it. Its lines show document numbers only of the kinds the roles may read, as "
        "the lines' `number` does.",
    )
    def pdf_url(self, info: Info) -> str | None:
        ref = DocumentRef(
            "statement",
            info.context.signed_in().org,
            self.customer_uuid,
            start=self.from_,
            end=self.to,
            numbered=readable_kinds(info.context, DOCUMENT_OBJECT),
        )
        return document_url(info.context, ref)


@strawberry.type(description="Collection KPIs of a period in base currency; see the README.")
class ArMetrics:
    from_: date = strawberry.field(name="from", description="First day of the period.")
    to: date = strawberry.field(description="Last day of the period.")
    days: int = strawberry.field(description="Days in the period.")
    credit_sales: Money = strawberry.field(
        description="Invoices dated in the period and not void at its end."
    )
    receivables_begin: Money = strawberry.field(
        description="Open on invoices at the end of the day before the period."
    )
    receivables_end: Money = strawberry.field(description="Open on invoices at the end.")
    current_receivables_end: Money = strawberry.field(
        description="Part of receivablesEnd not yet due at the end of the period."
    )
    dso: Decimal | None = strawberry.field(
        description="Days sales outstanding: receivablesEnd / creditSales x days."
    )
    best_possible_dso: Decimal | None = strawberry.field(
        description="Best possible DSO: currentReceivablesEnd / creditSales x days."
    )
    average_days_delinquent: Decimal | None = strawberry.field(
        description="Days of delinquency: dso - bestPossibleDso."
    )
    collection_effectiveness_index: Decimal | None = strawberry.field(
        description="Percent collected of what was collectible: (receivablesBegin + "
        "creditSales - receivablesEnd) / (receivablesBegin + creditSales - "
        "currentReceivablesEnd) x 100."
    )
    average_days_to_pay: Decimal | None = strawberry.field(
        description="Days from invoice date to payment, weighted by amount, over payments "
        "applied in the period."
    )


def _bad(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


@strawberry.type
class ReceivablesReportsQuery:
    @requires(
        "invoice",
        "read",
        description="Receivables aging per customer as of a date (historical), in base currency.",
    )
    async def ar_aging(
        self,
        info: Info,
        as_of: Annotated[date, strawberry.argument(description="The date, inclusive.")],
        basis: Annotated[
            ag.AgingBasis, strawberry.argument(description="What ages are counted from.")
        ] = ag.AgingBasis.DUE_DATE,
        buckets: Annotated[
            list[int] | None,
            strawberry.argument(
                description="Column boundaries in days, increasing, e.g. [30, 60, 90] (the "
                "default): current, 1-30, 31-60, 61-90, over 90."
            ),
        ] = None,
    ) -> ArAgingResult:
        actor = info.context.signed_in()
        try:
            written = await written_aging(
                actor.org,
                Ledger.RECEIVABLE,
                as_of,
                basis,
                buckets,
                path_item_sql(info, ("aging", "rows")),
            )
            if written is not None:
                columns, totals = aging_columns(written)
                return ArAgingResult(
                    aging=ArAging(
                        as_of=written.as_of,
                        basis=written.basis,
                        currency=CurrencyCode(written.currency),
                        buckets=columns,
                        rows=embedded(written.rows_json),
                        totals=totals,
                    ),
                    user_errors=[],
                )
            report = await ag.aging(actor.org, Ledger.RECEIVABLE, as_of, basis, buckets)
        except DomainError as error:
            return ArAgingResult(
                aging=None,
                user_errors=[UserError(field=error.field, message=error.message, code=error.code)],
            )
        found = await loaders.customers(info.context).load_many([r.party_id for r in report.rows])
        cur = report.currency
        rows = [
            ArAgingRow(
                customer=Customer.from_model(customer),
                buckets=[Money.of(v, cur) for v in r.buckets],
                disputed=Money.of(r.disputed, cur),
                unapplied_credits=Money.of(r.unapplied_credits, cur),
                total=Money.of(r.total, cur),
            )
            for r, customer in zip(report.rows, found, strict=True)
            if customer is not None
        ]
        columns, totals = aging_columns(report)
        return ArAgingResult(
            aging=ArAging(
                as_of=report.as_of,
                basis=report.basis,
                currency=CurrencyCode(cur),
                buckets=columns,
                rows=rows,
                totals=totals,
            ),
            user_errors=[],
        )

    @requires(
        "invoice",
        "read",
        description="A customer's statement for a period; null if there is no such customer.",
    )
    async def customer_statement(
        self,
        info: Info,
        customer_id: Annotated[strawberry.ID, strawberry.argument(description="The customer.")],
        from_: Annotated[date, strawberry.argument(name="from", description="First day.")],
        to: Annotated[date, strawberry.argument(description="Last day.")],
    ) -> CustomerStatement | None:
        if to < from_:
            raise _bad("the period ends before it starts")
        decoded = decode(customer_id, "Customer")
        if decoded is None:
            return None
        actor = info.context.signed_in()
        try:
            st = await figures.customer_statement(actor.org, decoded, from_, to)
        except NotFound:
            return None
        customer = await loaders.customers(info.context).load(decoded)
        if customer is None:
            return None
        cur = st.currency
        return CustomerStatement(
            customer_uuid=decoded,
            customer=Customer.from_model(customer),
            from_=st.start,
            to=st.end,
            opening_balance=Money.of(st.opening_balance, cur),
            lines=[
                CustomerStatementLine(
                    on=ln.on,
                    kind=StatementLineKind(ln.kind),
                    document_id=strawberry.ID(
                        encode(DOCUMENT_TYPE.get(ln.document_kind, "Document"), ln.document_id)
                    ),
                    number=ln.number,
                    due_date=ln.due_date,
                    amount=Money.of(ln.amount, cur),
                    balance=Money.of(ln.balance, cur),
                    document_kind=ln.document_kind,
                )
                for ln in st.lines
            ],
            closing_balance=Money.of(st.closing_balance, cur),
        )

    @requires("invoice", "read", description="Collection KPIs of a period, in base currency.")
    async def ar_metrics(
        self,
        info: Info,
        from_: Annotated[date, strawberry.argument(name="from", description="First day.")],
        to: Annotated[date, strawberry.argument(description="Last day.")],
    ) -> ArMetrics:
        try:
            m = await metrics.ar_metrics(info.context.signed_in().org, from_, to)
        except DomainError as error:
            raise _bad(error.message) from error
        cur = m.currency
        return ArMetrics(
            from_=m.start,
            to=m.end,
            days=m.days,
            credit_sales=Money.of(m.credit_sales, cur),
            receivables_begin=Money.of(m.receivables_begin, cur),
            receivables_end=Money.of(m.receivables_end, cur),
            current_receivables_end=Money.of(m.current_receivables_end, cur),
            dso=m.dso,
            best_possible_dso=m.best_possible_dso,
            average_days_delinquent=m.average_days_delinquent,
            collection_effectiveness_index=m.collection_effectiveness,
            average_days_to_pay=m.average_days_to_pay,
        )
