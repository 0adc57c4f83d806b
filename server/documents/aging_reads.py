"""The aging report with its rows written as JSON by the database (server.reads).

A report over thousands of parties is mostly its rows: eight amounts and a party each. Built
as Python objects and completed field by field they cost far more time and memory than the
aggregation that finds them, so the statement that aggregates also writes each row's JSON for
the selection asked, and the report's totals beside it. Rows and totals come from the same
aggregation as `aging.aging`'s (`aging_sql`), which stays the path for selections the read
models cannot write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from server.crm.reads import CUSTOMER, VENDOR
from server.documents.aging import (
    AgingBasis,
    AgingBucket,
    AgingTotals,
    aging_sql,
    columns,
    validate_buckets,
)
from server.documents.models import Ledger
from server.identity.base_currency import base_currency
from server.reads import dialect
from server.reads.shape import MONEY, Field, Listed, Related, Shape, money_column
from server.sql import fetch_rows

# The report's currency, carried on each row the aggregation writes.
_CURRENCY = "currency__"


def row_shape(ledger: Ledger, column_count: int) -> Shape:
    """A row of the aging of `ledger` with `column_count` columns, as GraphQL shows it."""
    party, key = (CUSTOMER, "customer") if ledger == Ledger.RECEIVABLE else (VENDOR, "vendor")
    fields: dict[str, Field] = {
        # The aggregation reads only the organization's documents, so their party ids are
        # the organization's own.
        key: Related(
            party, lambda t, a: f'FROM "{party.table}" {a} WHERE {a}."id" = {t}."party_id"'
        ),
        "buckets": Listed(
            MONEY, lambda t: [(f'{t}."b{k}"', f'{t}."{_CURRENCY}"') for k in range(column_count)]
        ),
        "unappliedCredits": money_column("credits", _CURRENCY),
        "total": money_column("total", _CURRENCY),
    }
    if ledger == Ledger.RECEIVABLE:
        fields["disputed"] = money_column("disputed", _CURRENCY)
    return Shape("ArAgingRow" if ledger == Ledger.RECEIVABLE else "ApAgingRow", fields)


@dataclass(frozen=True, slots=True)
class WrittenAging:
    """An aging report whose rows are JSON text (parties by name, then id)."""

    ledger: Ledger
    as_of: date
    basis: AgingBasis
    currency: str
    buckets: tuple[AgingBucket, ...]
    rows_json: str
    totals: AgingTotals


async def written_aging(
    organization_id: UUID,
    ledger: Ledger,
    as_of: date,
    basis: AgingBasis,
    buckets: list[int] | None,
    item: Callable[[Shape], str | None],
) -> WrittenAging | None:
    """The report with each row as the JSON `item(row shape)` writes over the row `p`; None
    when `item` answers None (the caller then takes `aging.aging`). Raises as `aging.aging`
    does for bad boundaries. One statement for the rows and totals."""
    bounds = validate_buckets(buckets)
    cols = columns(basis, bounds)
    row_item = item(row_shape(ledger, len(cols)))
    if row_item is None:
        return None
    currency = await base_currency(organization_id)
    sql, params = aging_sql(organization_id, ledger, as_of, basis, bounds)
    d = dialect.current()
    # Rows without a party row (none in practice) are left out, as the Python path leaves
    # out a party its loader does not find; the totals count every row, as there.
    written = d.rows(row_item, "FROM r p WHERE p.name IS NOT NULL", "p.name, p.party_id")
    sums = ", ".join(
        f"coalesce(sum(r.{c}), 0) AS {c}"
        for c in [*(f"b{k}" for k in range(len(cols))), "disputed", "credits", "total"]
    )
    statement = (
        # Placeholders in the order of their numbers, as SQLite binds them.
        f"WITH g AS ({sql}),"  # noqa: S608
        f" r AS (SELECT g.*, CAST(${len(params) + 1} AS TEXT) AS {_CURRENCY} FROM g)"
        f" SELECT {written} AS rows__, {sums} FROM r"
    )
    found = (await fetch_rows(statement, *params, currency))[0]
    return WrittenAging(
        ledger=ledger,
        as_of=as_of,
        basis=basis,
        currency=currency,
        buckets=cols,
        rows_json=found["rows__"],
        totals=AgingTotals(
            buckets=tuple(int(found[f"b{k}"]) for k in range(len(cols))),
            disputed=int(found["disputed"]),
            unapplied_credits=int(found["credits"]),
            total=int(found["total"]),
        ),
    )
