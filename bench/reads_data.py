"""The data of the read-path benchmark (bench.reads): every list of one organization at a size.

`load_size` grows each list of the organization bench.generate made to `size` rows, from
the size loaded before (0 at first), so the second size adds to the first:

- customers: bench.generate's rows (COPY);
- invoices and bills with their lines and open items: bench.bulk (vendors once, before the
  first bills);
- payments with their open items (unallocated), credit notes with their lines and open
  items (unallocated), in SQL here;
- posted two-line journal entries: bench.ledger's COPY;
- audit events appended to the organization's chain, in SQL here: realistic rows (actor,
  action, object, before and after), but their hashes are stand-ins, so auditVerify would
  report the chain broken at the first of them. The benchmark reads the log, it does not
  verify it.

Each part runs in its own transaction and is followed by VACUUM ANALYZE. Deterministic for
a seed, apart from the audit events' times.
"""

from __future__ import annotations

import time
import uuid
from datetime import date

import asyncpg

from bench.bulk import load_bills, load_invoices, load_vendors, run_numbered
from bench.generate import OWNER_EMAIL, load_customers
from bench.ledger import load_entries
from server.audit.log import chain_key

FIRST_DAY = date(2025, 1, 1)
PER_DAY = 137  # payments and credit notes a day: 100k span two years
NOTE_REASONS = ("Returned goods", "Pricing error", "Service credit", "Damaged in transit")
NOTE_LINES = ("Returned hardware", "Price adjustment", "Goodwill credit")
AUDIT_ACTIONS = (
    ("invoice.issue", "Invoice"),
    ("payment.record", "Payment"),
    ("bill.approve", "Bill"),
    ("customer.update", "Customer"),
    ("credit_note.issue", "CreditNote"),
    ("journal_entry.post", "JournalEntry"),
)

# $1..$2 the payment numbers, $3 the seed, $4 the organization, $5 the first date, $6 a
# day's count, $7 the owner, $8 the customer ids, $9 the deposit account (1010 Bank).
PAYMENT_SQL = (
    """WITH made AS (
         INSERT INTO payments (id, organization_id, date, currency, amount_minor, method,
             reference, status, created_by_id, created_at, customer_id, deposit_account_id)
         SELECT md5('payment-' || $3::int || '-' || n)::uuid, $4::uuid,
                $5::date + (n - 1) / $6::int, 'USD',
                (1000 + (n::bigint * 7937) % 500000)::bigint,
                (ARRAY['BANK_TRANSFER', 'CARD', 'CASH', 'CHECK', 'DIRECT_DEBIT',
                       'OTHER'])[1 + n % 6],
                'PAY-' || lpad(n::text, 7, '0'), 'RECORDED', $7::uuid,
                ($5::date + (n - 1) / $6::int)::timestamptz,
                ($8::uuid[])[1 + (n::bigint * 7919 + $3::int) % cardinality($8::uuid[])],
                $9::uuid
         FROM generate_series($1::int, $2::int) AS n
         RETURNING *
       )
       -- As recording a payment makes it: open for the whole amount (nothing allocated).
       INSERT INTO open_items (id, organization_id, ledger, kind, is_charge, party_id,
           number, currency, date, due_date, amount_minor, base_amount_minor, open_minor,
           open_base_minor, created_at)
       SELECT id, organization_id, 'RECEIVABLE', 'PAYMENT', false, customer_id, reference,
              currency, date, date, amount_minor, amount_minor, amount_minor, amount_minor,
              created_at
       FROM made""",
)

# $1..$2 the credit note numbers, $3 the seed, $4 the organization, $5 the first date,
# $6 a day's count, $7 the owner, $8 the customer ids, $9 the revenue account (4000),
# $10 reasons, $11 line descriptions.
CREDIT_NOTE_SQL = (
    """CREATE TEMP TABLE bench_notes (i int, id uuid, customer_id uuid, issue_date date,
           line_count int) ON COMMIT DROP""",
    """INSERT INTO bench_notes
       SELECT n, md5('credit-note-' || $3::int || '-' || n)::uuid,
              ($8::uuid[])[1 + (n::bigint * 6007 + $3::int) % cardinality($8::uuid[])],
              $5::date + (n - 1) / $6::int, 1 + n % 2
       FROM generate_series($1::int, $2::int) AS n""",
    """CREATE TEMP TABLE bench_note_lines (note_id uuid, line_no int, description text,
           units int, price bigint) ON COMMIT DROP""",
    """INSERT INTO bench_note_lines
       SELECT g.id, k, ($11::text[])[1 + (g.i + k) % cardinality($11::text[])],
              1 + (g.i::bigint * 7 + k) % 3,
              (1000 + ((g.i::bigint * 59 + k * 271) % 800) * 25)::bigint
       FROM bench_notes g CROSS JOIN LATERAL generate_series(1, g.line_count) AS k""",
    """INSERT INTO credit_notes (id, organization_id, number, status, currency, issue_date,
           reason, subtotal_minor, tax_minor, total_minor, created_by_id, issued_by_id,
           created_at, updated_at, customer_id)
       SELECT g.id, $4::uuid, 'CN-' || lpad(g.i::text, 6, '0'), 'ISSUED', 'USD',
              g.issue_date, ($10::text[])[1 + g.i % cardinality($10::text[])],
              t.total, 0, t.total, $7::uuid, $7::uuid, g.issue_date, g.issue_date,
              g.customer_id
       FROM bench_notes g
       JOIN (SELECT note_id, sum(units * price)::bigint AS total
             FROM bench_note_lines GROUP BY note_id) t ON t.note_id = g.id
       ORDER BY g.i""",
    # Quantities are whole ten-thousandths (server/fixed_point.py); no discount, no tax.
    """INSERT INTO credit_note_lines (line_no, description, quantity, unit_price_minor,
           discount_percent, amount_minor, tax_minor, dimension_option_ids, account_id,
           credit_note_id)
       SELECT line_no, description, units * 10000, price, 0, units * price, 0, '[]'::jsonb,
              $9::uuid, note_id
       FROM bench_note_lines ORDER BY note_id, line_no""",
    # As issuing a credit note makes it: open for the whole total (nothing applied yet).
    """INSERT INTO open_items (id, organization_id, ledger, kind, is_charge, party_id,
           number, currency, date, due_date, amount_minor, base_amount_minor, open_minor,
           open_base_minor, created_at)
       SELECT id, organization_id, 'RECEIVABLE', 'CREDIT_NOTE', false, customer_id, number,
              currency, issue_date, issue_date, total_minor, total_minor, total_minor,
              total_minor, created_at
       FROM credit_notes WHERE id IN (SELECT id FROM bench_notes)""",
    """INSERT INTO number_sequences (id, organization_id, kind, next_number)
       VALUES (gen_random_uuid(), $4::uuid, 'credit_note', $2::int + 1)
       ON CONFLICT (organization_id, kind) DO UPDATE SET next_number = EXCLUDED.next_number""",
)

# $1 the chain key, $2 the organization, $3 events to append, $4 the owner (text), $5 the
# owner's email, $6 actions, $7 their object types. The chain head is locked and moved on.
AUDIT_SQL = (
    """WITH head AS (
         SELECT last_sequence FROM audit_chains WHERE key = $1::text FOR UPDATE
       ), made AS (
         INSERT INTO audit_events (chain_key, organization_id, sequence, occurred_at,
             actor_type, actor_id, actor_label, actor_roles, action, object_type, object_id,
             outcome, before, after, request_id, client_ip, user_agent, operation_name,
             prev_hash, hash)
         SELECT $1::text, $2::uuid, head.last_sequence + n,
                now() - make_interval(secs => $3::int - n),
                'user', $4::text, $5::text, '["owner"]'::jsonb,
                ($6::text[])[1 + n % cardinality($6::text[])],
                ($7::text[])[1 + n % cardinality($7::text[])],
                md5('audit-object-' || (head.last_sequence + n))::uuid::text, 'SUCCESS',
                jsonb_build_object('status', 'DRAFT'),
                jsonb_build_object('status', 'ISSUED', 'number',
                                   'DOC-' || lpad((head.last_sequence + n)::text, 7, '0')),
                md5('request-' || (head.last_sequence + n)), '127.0.0.1', 'bench',
                'Bench',
                encode(sha256(convert_to('bench-' || (head.last_sequence + n - 1), 'UTF8')),
                       'hex'),
                encode(sha256(convert_to('bench-' || (head.last_sequence + n), 'UTF8')),
                       'hex')
         FROM head, generate_series(1, $3::int) AS n
         RETURNING sequence, hash
       )
       UPDATE audit_chains SET last_sequence = top.sequence, last_hash = top.hash
       FROM (SELECT sequence, hash FROM made ORDER BY sequence DESC LIMIT 1) top
       WHERE audit_chains.key = $1::text""",
)


async def _load_documents(
    dsn: str,
    statements: tuple[str, ...],
    values: list[object],
    tables: str,
) -> float:
    conn = await asyncpg.connect(dsn)
    try:
        started = time.perf_counter()
        async with conn.transaction():
            await run_numbered(conn, statements, values)
        await conn.execute(f"VACUUM (ANALYZE) {tables}")
        return time.perf_counter() - started
    finally:
        await conn.close()


async def _customer_ids(dsn: str, org: uuid.UUID) -> list[uuid.UUID]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            'SELECT "id" FROM "customers" WHERE "organization_id" = $1 ORDER BY "id"', org
        )
    finally:
        await conn.close()
    return [r["id"] for r in rows]


async def load_size(
    database_url: str,
    dsn: str,
    org: uuid.UUID,
    user: uuid.UUID,
    accounts: dict[str, uuid.UUID],
    loaded: int,
    size: int,
    vendors: int,
    seed: int,
) -> dict[str, float]:
    """Every list from `loaded` to `size` rows (see the module docstring); the seconds each
    took, by list."""
    took: dict[str, float] = {}

    def timed(name: str, started: float) -> None:
        took[name] = time.perf_counter() - started

    started = time.perf_counter()
    if size > loaded:
        await load_customers(database_url, org, size, seed, first=loaded)
    timed("customers", started)
    started = time.perf_counter()
    await load_invoices(dsn, org, user, accounts, loaded + 1, size, seed)
    timed("invoices", started)
    started = time.perf_counter()
    if not loaded:
        await load_vendors(dsn, org, vendors, seed)
    await load_bills(dsn, org, user, accounts, size, seed, first=loaded + 1)
    timed("bills", started)
    customers = await _customer_ids(dsn, org)
    numbered = [loaded + 1, size, seed, org, FIRST_DAY, PER_DAY, user, customers]
    took["payments"] = await _load_documents(
        dsn, PAYMENT_SQL, [*numbered, accounts["1010"]], "payments, open_items"
    )
    took["credit notes"] = await _load_documents(
        dsn,
        CREDIT_NOTE_SQL,
        [*numbered, accounts["4000"], list(NOTE_REASONS), list(NOTE_LINES)],
        "credit_notes, credit_note_lines, open_items",
    )
    started = time.perf_counter()
    # Each load draws its entries' ids from a seed of its own.
    await load_entries(
        dsn, org, user, accounts, size - loaded, seed + loaded, first_number=loaded + 1
    )
    timed("journal entries", started)
    took["audit events"] = await _load_documents(
        dsn,
        AUDIT_SQL,
        [
            *(chain_key(org), org, size - loaded, str(user), OWNER_EMAIL),
            *([a for a, _ in AUDIT_ACTIONS], [t for _, t in AUDIT_ACTIONS]),
        ],
        "audit_events",
    )
    return took
