"""Payables aging: what the organization owes each vendor, by age, as of a date."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from schema.context import Info
from schema.crm import loaders
from schema.crm.types import Vendor
from schema.errors import UserError
from schema.permissions import requires
from schema.reads import embedded, path_item_sql
from schema.receivables.reports import AgingBucket, AgingTotals, aging_columns
from schema.scalars import CurrencyCode, Money
from server.documents import aging as ag
from server.documents.aging_reads import written_aging
from server.documents.models import Ledger
from server.errors import DomainError


@strawberry.type(description="One vendor's line of the payables aging, in base currency.")
class ApAgingRow:
    vendor: Vendor | None = requires("vendor", "read", description="The vendor.")
    buckets: list[Money] = strawberry.field(
        description="Open bill amounts per column, in the order of the columns."
    )
    unapplied_credits: Money = strawberry.field(
        description="Bill payments not yet applied to bills, as a negative amount."
    )
    total: Money = strawberry.field(description="Columns + unapplied credits: what is owed.")


@strawberry.type(
    description=(
        "Open payables per vendor and age as they stood at the end of a date: only bills, "
        "payments and allocations dated on or before it count. Amounts in base currency."
    )
)
class ApAging:
    as_of: date = strawberry.field(description="The date the report is as of.")
    currency: CurrencyCode = strawberry.field(description="The base currency of all amounts.")
    buckets: list[AgingBucket] = strawberry.field(description="The columns.")
    rows: list[ApAgingRow] = strawberry.field(description="Vendors with anything open, by name.")
    totals: AgingTotals = strawberry.field(
        description="Totals of all rows; the total is the payables control account balance "
        "(as an amount owed, positive)."
    )


@strawberry.type(description="The payables aging, or why its arguments were refused.")
class ApAgingResult:
    aging: ApAging | None = strawberry.field(description="The report; null when refused.")
    user_errors: list[UserError] = strawberry.field(description="Why the arguments were refused.")


@strawberry.type
class PayablesAgingQuery:
    @requires("bill", "read", description="Payables aging per vendor as of a date (historical).")
    async def ap_aging(
        self,
        info: Info,
        as_of: Annotated[date, strawberry.argument(description="The date, inclusive.")],
        buckets: Annotated[
            list[int] | None,
            strawberry.argument(
                description="Column boundaries in days past due, increasing; [30, 60, 90] if "
                "omitted: current, 1-30, 31-60, 61-90, over 90."
            ),
        ] = None,
    ) -> ApAgingResult:
        actor = info.context.signed_in()
        try:
            written = await written_aging(
                actor.org,
                Ledger.PAYABLE,
                as_of,
                ag.AgingBasis.DUE_DATE,
                buckets,
                path_item_sql(info, ("aging", "rows")),
            )
            if written is not None:
                columns, totals = aging_columns(written)
                return ApAgingResult(
                    aging=ApAging(
                        as_of=written.as_of,
                        currency=CurrencyCode(written.currency),
                        buckets=columns,
                        rows=embedded(written.rows_json),
                        totals=totals,
                    ),
                    user_errors=[],
                )
            report = await ag.aging(
                actor.org, Ledger.PAYABLE, as_of, ag.AgingBasis.DUE_DATE, buckets
            )
        except DomainError as error:
            return ApAgingResult(
                aging=None,
                user_errors=[UserError(field=error.field, message=error.message, code=error.code)],
            )
        found = await loaders.vendors(info.context).load_many([r.party_id for r in report.rows])
        cur = report.currency
        rows = [
            ApAgingRow(
                vendor=Vendor.from_model(vendor),
                buckets=[Money.of(v, cur) for v in r.buckets],
                unapplied_credits=Money.of(r.unapplied_credits, cur),
                total=Money.of(r.total, cur),
            )
            for r, vendor in zip(report.rows, found, strict=True)
            if vendor is not None
        ]
        columns, totals = aging_columns(report)
        return ApAgingResult(
            aging=ApAging(
                as_of=report.as_of,
                currency=CurrencyCode(cur),
                buckets=columns,
                rows=rows,
                totals=totals,
            ),
            user_errors=[],
        )
