"""Documents bulk-loaded straight in SQL, shared by the benchmarks.

Invoices (with lines and receivables open items), vendors, and bills (with lines and
payables open items), inserted with `INSERT ... SELECT` over `generate_series` in one
transaction each, deterministic for a seed: a document's id, party, date and lines follow
from its number, so a later load of numbers first..last adds to an earlier one. No journal
entries are written for them.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

import asyncpg

PLACEHOLDER = re.compile(r"\$(\d+)")


async def run_numbered(
    conn: asyncpg.Connection, statements: Sequence[str], values: Sequence[Any]
) -> None:
    """Run each statement with the parameters it names: `$n` is values[n - 1], renumbered
    to the ones the statement uses (asyncpg counts them strictly)."""
    for sql in statements:
        used = sorted({int(n) for n in PLACEHOLDER.findall(sql)})
        await conn.execute(_renumbered(sql, used), *(values[n - 1] for n in used))


def _renumbered(sql: str, used: list[int]) -> str:
    position = {n: i + 1 for i, n in enumerate(used)}
    return PLACEHOLDER.sub(lambda m: f"${position[int(m.group(1))]}", sql)


# ---------------------------------------------------------------- invoices

INVOICE_FIRST_DAY = date(2025, 1, 1)
INVOICES_PER_DAY = 1370  # invoices a day: 1M invoices span two years
INVOICE_DESCRIPTIONS = (
    "Consulting hours",
    "Annual support plan",
    "Hardware",
    "Installation",
    "Training",
)

INVOICE_SQL = (
    # The invoices of this batch: id, customer and date follow from the number. Utility
    # statements take no parameters, so the temporary tables are created, then filled.
    """CREATE TEMP TABLE bench_gen (i int, id uuid, customer_id uuid, issue_date date,
           line_count int) ON COMMIT DROP""",
    """INSERT INTO bench_gen
       SELECT i, md5('invoice-' || $3::int || '-' || i)::uuid AS id,
              ($4::uuid[])[1 + (i::bigint * 7919 + $3::int) % cardinality($4::uuid[])]
                  AS customer_id,
              $5::date + ((i - 1) / $6::int) AS issue_date,
              1 + i % 3 AS line_count
       FROM generate_series($1::int, $2::int) AS i""",
    """CREATE TEMP TABLE bench_lines (invoice_id uuid, line_no int, description text,
           quantity int, unit_price_minor bigint, account_id uuid) ON COMMIT DROP""",
    """INSERT INTO bench_lines
       SELECT g.id AS invoice_id, k AS line_no,
              ($7::text[])[1 + (g.i + k) % cardinality($7::text[])] AS description,
              1 + (g.i * 31 + k * 17) % 10 AS quantity,
              (500 + ((g.i * 131 + k * 977) % 2000) * 25)::bigint AS unit_price_minor,
              CASE WHEN k % 2 = 1 THEN $8::uuid ELSE $9::uuid END AS account_id
       FROM bench_gen g CROSS JOIN LATERAL generate_series(1, g.line_count) AS k""",
    """INSERT INTO invoices (id, organization_id, number, status, currency, issue_date,
           due_date, subtotal_minor, tax_minor, total_minor, credit_limit_overridden,
           created_by_id, issued_by_id, created_at, updated_at, issued_at, customer_id)
       SELECT g.id, $10::uuid,
              'INV-' || CASE WHEN g.i < 1000000 THEN lpad(g.i::text, 6, '0') ELSE g.i::text END,
              'ISSUED', 'USD', g.issue_date, g.issue_date + 30, t.total, 0, t.total, false,
              $11::uuid, $11::uuid, g.issue_date, g.issue_date, g.issue_date, g.customer_id
       FROM bench_gen g
       JOIN (SELECT invoice_id, sum(quantity * unit_price_minor)::bigint AS total
             FROM bench_lines GROUP BY invoice_id) t ON t.invoice_id = g.id
       ORDER BY g.i""",
    """INSERT INTO invoice_lines (line_no, description, quantity, unit_price_minor,
           discount_percent, amount_minor, tax_minor, dimension_option_ids, account_id,
           invoice_id)
       -- Quantities are stored in ten-thousandths (server/fixed_point.py).
       SELECT line_no, description, quantity * 10000, unit_price_minor, 0,
              quantity * unit_price_minor, 0, '[]'::jsonb, account_id, invoice_id
       FROM bench_lines ORDER BY invoice_id, line_no""",
    """INSERT INTO open_items (id, organization_id, ledger, kind, is_charge, party_id, number,
           currency, date, due_date, amount_minor, base_amount_minor, open_minor,
           open_base_minor, created_at)
       SELECT id, organization_id, 'RECEIVABLE', 'INVOICE', true, customer_id, number,
              currency, issue_date, due_date, total_minor, total_minor, total_minor,
              total_minor, created_at
       FROM invoices i WHERE i.id IN (SELECT id FROM bench_gen)""",
    """INSERT INTO number_sequences (id, organization_id, kind, next_number)
       VALUES (gen_random_uuid(), $10::uuid, 'invoice', $2::int + 1)
       ON CONFLICT (organization_id, kind) DO UPDATE SET next_number = EXCLUDED.next_number""",
)


async def load_invoices(
    dsn: str,
    org: uuid.UUID,
    user: uuid.UUID,
    accounts: dict[str, uuid.UUID],
    first: int,
    last: int,
    seed: int,
) -> dict[str, float]:
    """Invoices numbered first..last with their lines and open items, in one transaction,
    then VACUUM ANALYZE; the seconds each part took."""
    conn = await asyncpg.connect(dsn)
    try:
        customers = [
            r["id"]
            for r in await conn.fetch(
                'SELECT "id" FROM "customers" WHERE "organization_id" = $1 ORDER BY "id"', org
            )
        ]
        values = [
            *(first, last, seed, customers, INVOICE_FIRST_DAY, INVOICES_PER_DAY),
            list(INVOICE_DESCRIPTIONS),
            *(accounts["4000"], accounts["4100"], org, user),
        ]
        started = time.perf_counter()
        async with conn.transaction():
            await run_numbered(conn, INVOICE_SQL, values)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        for table in ("invoices", "invoice_lines", "open_items"):
            await conn.execute(f"VACUUM (ANALYZE) {table}")
        return {"insert": loaded, "vacuum": time.perf_counter() - started}
    finally:
        await conn.close()


# ---------------------------------------------------------------- vendors and bills

# Vendors 1..$3 of organization $1; their ids and names follow from the seed $2 (text).
VENDORS_SQL = """
INSERT INTO vendors (id, organization_id, name, email, currency, payment_terms_days, status,
    tags_text, created_at, updated_at)
SELECT md5($2 || '-vendor-' || g)::uuid, $1,
       (ARRAY['Allied', 'Bayside', 'Central', 'Dynamic', 'Eastern', 'First', 'Global',
              'Harbor', 'Integrated', 'Metro'])[1 + g % 10]
       || ' ' || (ARRAY['Supplies', 'Freight', 'Components', 'Services', 'Packaging',
                        'Utilities', 'Office', 'Parts'])[1 + (g / 10) % 8]
       || ' #' || lpad(g::text, 5, '0'),
       'ap' || g || '@vendor.example.com', 'USD',
       (ARRAY[15, 30, 30, 45, 60])[1 + g % 5], 'ACTIVE', ',',
       now(), now()
FROM generate_series(1, $3::int) g
"""


BILL_FIRST_DAY = date(2025, 1, 1)
BILLS_PER_DAY = 137  # bills a day: 100k bills span two years
BILL_DESCRIPTIONS = ("Office supplies", "Electricity", "Legal advice", "Cloud hosting", "Repairs")
BILL_EXPENSE_ACCOUNTS = ("6200", "6400", "6600", "6700")  # office, utilities, fees, software

# Parameters, numbered once for every statement ($n is the n-th value load_bills passes;
# each statement is renumbered to the ones it uses): $1..$2 the bill numbers, $3 the seed,
# $4 the vendor ids, $5 the first bill date, $6 bills a day, $7 line descriptions, $8 the
# expense account ids, $9 the organization, $10 the owner.
BILL_SQL = (
    # Utility statements take no parameters: the work tables are created, then filled.
    """CREATE TEMP TABLE bench_bills (i int, id uuid, vendor_id uuid, bill_date date,
           line_count int) ON COMMIT DROP""",
    """INSERT INTO bench_bills
       SELECT n, md5('bill-' || $3::int || '-' || n)::uuid,
              ($4::uuid[])[1 + (n::bigint * 7919 + $3::int) % cardinality($4::uuid[])],
              $5::date + (n - 1) / $6::int,
              1 + (n + $3::int) % 3
       FROM generate_series($1::int, $2::int) AS n""",
    """CREATE TEMP TABLE bench_bill_lines (bill_id uuid, line_no int, description text,
           units int, price bigint, account_id uuid) ON COMMIT DROP""",
    """INSERT INTO bench_bill_lines
       SELECT b.id, k,
              ($7::text[])[1 + (b.i + k) % cardinality($7::text[])],
              1 + (b.i::bigint * 37 + k * 11) % 8,
              (1200 + ((b.i::bigint * 173 + k * 641) % 1500) * 20)::bigint,
              ($8::uuid[])[1 + (b.i + 3 * k) % cardinality($8::uuid[])]
       FROM bench_bills b, generate_series(1, b.line_count) AS k""",
    """INSERT INTO bills (id, organization_id, vendor_id, vendor_reference, status, currency,
           bill_date, due_date, subtotal_minor, tax_minor, total_minor, tolerance_overridden,
           created_by_id, submitted_by_id, approved_by_id, approved_at, created_at,
           updated_at)
       SELECT b.id, $9::uuid, b.vendor_id,
              'VINV-' || lpad(b.i::text, greatest(7, length(b.i::text)), '0'),
              'APPROVED', 'USD', b.bill_date, b.bill_date + 30, s.total, 0, s.total, false,
              $10::uuid, $10::uuid, $10::uuid, b.bill_date, b.bill_date, b.bill_date
       FROM bench_bills b
       JOIN (SELECT bill_id, sum(units * price)::bigint AS total
             FROM bench_bill_lines GROUP BY bill_id) s ON s.bill_id = b.id
       ORDER BY b.i""",
    # Quantities are whole ten-thousandths (server/fixed_point.py); no discount, no tax.
    """INSERT INTO bill_lines (bill_id, line_no, description, account_id, quantity,
           unit_price_minor, amount_minor, discount_percent, tax_minor, dimension_option_ids)
       SELECT bill_id, line_no, description, account_id, units * 10000, price, units * price,
              0, 0, '[]'::jsonb
       FROM bench_bill_lines ORDER BY bill_id, line_no""",
    # As approving a bill makes it (server/payables/bill_approval.py): the number is the vendor's.
    """INSERT INTO open_items (id, organization_id, ledger, kind, is_charge, party_id, number,
           currency, date, due_date, amount_minor, base_amount_minor, open_minor,
           open_base_minor, created_at)
       SELECT b.id, b.organization_id, 'PAYABLE', 'BILL', true, b.vendor_id,
              b.vendor_reference, b.currency, b.bill_date, b.due_date, b.total_minor,
              b.total_minor, b.total_minor, b.total_minor, b.approved_at
       FROM bills b JOIN bench_bills g ON g.id = b.id""",
)


async def load_vendors(dsn: str, org: uuid.UUID, vendors: int, seed: int) -> float:
    """`vendors` vendors (names, emails, terms), in SQL; the seconds it took."""
    conn = await asyncpg.connect(dsn)
    try:
        started = time.perf_counter()
        await conn.execute(VENDORS_SQL, org, str(seed), vendors)
        return time.perf_counter() - started
    finally:
        await conn.close()


async def load_bills(
    dsn: str,
    org: uuid.UUID,
    user: uuid.UUID,
    accounts: dict[str, uuid.UUID],
    bills: int,
    seed: int,
    first: int = 1,
) -> dict[str, float]:
    """Bills first..bills with their lines and open items in one transaction, then VACUUM
    ANALYZE; the seconds each part took."""
    conn = await asyncpg.connect(dsn)
    try:
        vendor_ids = await conn.fetch(
            'SELECT "id" FROM "vendors" WHERE "organization_id" = $1 ORDER BY "id"', org
        )
        values = [
            *(first, bills, seed, [r["id"] for r in vendor_ids], BILL_FIRST_DAY, BILLS_PER_DAY),
            list(BILL_DESCRIPTIONS),
            [accounts[code] for code in BILL_EXPENSE_ACCOUNTS],
            *(org, user),
        ]
        clock = time.perf_counter()
        async with conn.transaction():
            await run_numbered(conn, BILL_SQL, values)
        timings = {"insert": time.perf_counter() - clock}
        clock = time.perf_counter()
        await conn.execute("VACUUM (ANALYZE) bills, bill_lines, open_items, vendors")
        timings["vacuum"] = time.perf_counter() - clock
        return timings
    finally:
        await conn.close()
