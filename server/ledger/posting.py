"""The posting service: the one way anything reaches the ledger.

Manual journal entries and every business document (invoice, payment, bill, ...) call
`post`. It validates the lines, converts them to the base currency, checks the balance and
the lock date, takes the next gapless number and writes the entry, its lines and its audit
event in one transaction.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import clock
from server import sql as run_sql
from server.actor import Actor
from server.audit import log as audit
from server.ledger.entry_lines import NOTHING_KNOWN, EntryInput, Known, ResolvedLine
from server.ledger.errors import PeriodLocked
from server.ledger.idempotency import remember, replay, request_hash
from server.ledger.models import EntryStatus, JournalEntry, JournalLine, LedgerSettings, LineTag
from server.ledger.numbering import take_number
from server.ledger.resolution import resolve


async def write_lines(actor: Actor, entry: JournalEntry, lines: list[ResolvedLine]) -> None:
    rows = [
        JournalLine(
            organization_id=actor.org,
            entry_id=entry.id,
            line_no=ln.line_no,
            account_id=ln.account.id,
            currency=ln.currency,
            debit_minor=ln.debit,
            credit_minor=ln.credit,
            base_debit_minor=ln.base_debit,
            base_credit_minor=ln.base_credit,
            exchange_rate=str(ln.rate),
            description=ln.description,
            customer_id=ln.customer_id,
            vendor_id=ln.vendor_id,
            date=entry.date,
        )
        for ln in lines
    ]
    await JournalLine.bulk_create(rows)
    if any(ln.options for ln in lines):
        saved = {
            row["line_no"]: row["id"]
            for row in await JournalLine.filter(entry_id=entry.id).values("id", "line_no")
        }
        await LineTag.bulk_create(
            [
                LineTag(
                    organization_id=actor.org,
                    line_id=saved[ln.line_no],
                    category_id=o.category_id,
                    option_id=o.id,
                )
                for ln in lines
                for o in ln.options
            ]
        )


def summary(entry: JournalEntry, lines: list[ResolvedLine], number: Any = None) -> dict[str, Any]:
    return {
        "number": entry.number if number is None else number,
        "date": entry.date.isoformat(),
        "memo": entry.memo,
        "source": entry.source_type,
        "lines": [
            {
                "account": ln.account.code,
                "debit": ln.base_debit,
                "credit": ln.base_credit,
                "currency": ln.currency,
            }
            for ln in lines
        ],
    }


async def post(
    actor: Actor,
    entry: EntryInput,
    *,
    allow_control: bool = False,
    idempotency_key: str | None = None,
    operation: str = "journal_entry.post",
    audit_event: bool = True,
    entry_id: UUID | None = None,
    known: Known = NOTHING_KNOWN,
    event: dict[str, Any] | None = None,
) -> JournalEntry:
    """Validate and post a new entry in one transaction; the same key replays.

    Documents (invoices, payments, bills) post inside their own transaction and pass
    `audit_event=False`: their one audit event names the document and carries the entry.
    A document whose posting is its last write may instead hand that event over (`event`,
    from `audit.event_fields`, where `audit.Later("number")` stands for the entry's number)
    to be appended by the posting's own statement. A document may choose the entry's id
    (`entry_id`) so that it can record it before posting, instead of updating itself while
    the ledger row is locked, and may pass what it has read already (`known`).

    Everything that can be done before the organization's ledger row is locked is done
    first (checks, lookups, conversion, the audit fields); on PostgreSQL the number, the
    entry, its lines, the idempotency record and the audit event are then written by one
    statement, so the row lock is held for that statement alone.
    """
    payload = entry_payload(entry)
    earlier = await replay(actor, idempotency_key, operation, payload)
    if earlier is not None:
        return await JournalEntry.get(id=earlier.result_id)
    lines = await resolve(actor, entry, allow_control=allow_control, known=known)
    now = clock.now()
    created = JournalEntry(
        id=entry_id or uuid4(),
        organization_id=actor.org,
        status=EntryStatus.POSTED,
        date=entry.date,
        memo=entry.memo,
        source_type=entry.source_type,
        source_id=entry.source_id,
        created_by_id=actor.user_id,
        posted_by_id=actor.user_id,
        created_at=now,
        posted_at=now,
    )
    try:
        db = JournalEntry._meta.db
        if event is None and audit_event:
            event = audit.event_fields(
                actor,
                operation,
                object_type="JournalEntry",
                object_id=created.id,
                after=summary(created, lines, number=audit.Later("number")),
                idempotency_key=idempotency_key,
            )
        if not isinstance(db, AsyncpgDBClient):
            async with in_transaction():
                created.number = await take_number(actor, entry.date)
                await created.save(force_create=True)
                await write_lines(actor, created, lines)
                await remember(actor, idempotency_key, operation, payload, created.id)
                if event is not None:
                    await audit.append(audit.settled(event, {"number": created.number}))
        elif isinstance(db, TransactionalDBClient) and idempotency_key is not None:
            # Inside a transaction with a key: a savepoint, so that losing the key to a
            # concurrent request leaves the transaction usable for answering as it did.
            async with in_transaction():
                await _insert_posted(
                    actor, created, lines, idempotency_key, operation, payload, event
                )
        else:
            # One statement. Outside a transaction it is a transaction of its own: nothing
            # of the application runs while the locks are held. Inside a document's
            # transaction a refusal (the lock date) raises without a database error, and
            # any other error fails the document as a whole.
            await _insert_posted(actor, created, lines, idempotency_key, operation, payload, event)
    except IntegrityError:
        # A concurrent request with the same key won; answer as it did.
        earlier = await replay(actor, idempotency_key, operation, payload)
        if earlier is None:
            raise
        return await JournalEntry.get(id=earlier.result_id)
    return created


_LINE_COLUMNS = (
    ("line_no", "int"),
    ("account_id", "uuid"),
    ("currency", "text"),
    ("debit_minor", "bigint"),
    ("credit_minor", "bigint"),
    ("base_debit_minor", "bigint"),
    ("base_credit_minor", "bigint"),
    ("exchange_rate", "text"),
    ("description", "text"),
    ("customer_id", "uuid"),
    ("vendor_id", "uuid"),
)


async def _insert_posted(
    actor: Actor,
    created: JournalEntry,
    lines: list[ResolvedLine],
    idempotency_key: str | None,
    operation: str,
    payload: Any,
    event: dict[str, Any] | None,
) -> None:
    """Write a checked entry with one PostgreSQL statement; set its number.

    The statement takes the number with an UPDATE of the ledger row guarded by the lock
    date (a concurrent lock-date change is waited for and seen), then inserts the entry,
    its lines and tags, the idempotency record and the audit event, each only if the
    number was taken: a refusal or an error writes nothing and uses no number.
    """
    params: list[Any] = []

    def arg(value: Any, cast: str) -> str:
        params.append(value)
        return f"${len(params)}::{cast}"

    org, on = arg(actor.org, "uuid"), arg(created.date, "date")
    chain = event["chain_key"] if event is not None else audit.chain_key(actor.org)
    # Every SQL text below interpolates only parameter placeholders and fixed names.
    guard = (
        f"AND EXISTS (SELECT 1 FROM audit_chains WHERE key = {arg(chain, 'text')})"  # noqa: S608
        if event is not None
        else ""
    )
    rows = [
        (
            ln.line_no,
            ln.account.id,
            ln.currency,
            ln.debit,
            ln.credit,
            ln.base_debit,
            ln.base_credit,
            str(ln.rate),
            ln.description,
            ln.customer_id,
            ln.vendor_id,
        )
        for ln in lines
    ]
    columns = ", ".join(name for name, _ in _LINE_COLUMNS)
    arrays = ", ".join(
        arg([row[i] for row in rows], f"{cast}[]") for i, (_, cast) in enumerate(_LINE_COLUMNS)
    )
    at = arg(created.posted_at, "timestamptz")
    user = arg(actor.user_id, "uuid")
    sql = f"""WITH n AS (
    UPDATE ledger_settings SET next_entry_number = next_entry_number + 1
    WHERE organization_id = {org} AND (lock_date IS NULL OR lock_date < {on})
        {guard}
    RETURNING next_entry_number - 1 AS number
), entry AS (
    INSERT INTO journal_entries (id, organization_id, number, status, date, memo, source_type,
        source_id, created_by_id, posted_by_id, created_at, posted_at)
    SELECT {arg(created.id, "uuid")}, {org}, n.number, {arg(EntryStatus.POSTED.value, "text")},
        {on}, {arg(created.memo, "text")}, {arg(created.source_type, "text")},
        {arg(created.source_id, "uuid")}, {user}, {user}, {at}, {at}
    FROM n RETURNING id
), line AS (
    INSERT INTO journal_lines (organization_id, entry_id, {columns}, date)
    SELECT {org}, entry.id, x.*, {on}
    FROM entry, unnest({arrays}) AS x({columns})
    RETURNING id, line_no
)"""  # noqa: S608
    tags = [(ln.line_no, o.category_id, o.id) for ln in lines for o in ln.options]
    if tags:
        sql += f""", tag AS (
    INSERT INTO journal_line_tags (organization_id, line_id, category_id, option_id)
    SELECT {org}, line.id, x.category_id, x.option_id
    FROM line JOIN unnest({arg([t[0] for t in tags], "int[]")},
        {arg([t[1] for t in tags], "uuid[]")}, {arg([t[2] for t in tags], "uuid[]")})
        AS x(line_no, category_id, option_id) USING (line_no)
)"""  # noqa: S608
    if idempotency_key is not None:
        sql += f""", idempotency AS (
    INSERT INTO idempotency_records (id, organization_id, key, operation, request_hash,
        result_id, created_at)
    SELECT {arg(uuid4(), "uuid")}, {org}, {arg(idempotency_key, "text")},
        {arg(operation, "text")}, {arg(request_hash(operation, payload), "text")}, entry.id, {at}
    FROM entry
)"""  # noqa: S608
    if event is not None:
        sql += ", " + audit.append_sql(event, "n", params)
    sql += "\nSELECT number FROM n"
    taken = await run_sql.fetch_rows(sql, *params)
    if taken:
        created.number = int(taken[0]["number"])
        created._saved_in_db = True
        return
    settings = await LedgerSettings.get(organization_id=actor.org)
    if settings.lock_date is not None and created.date <= settings.lock_date:
        raise PeriodLocked(
            f"the books are locked up to {settings.lock_date.isoformat()}", field=["date"]
        )
    raise RuntimeError(f"no audit chain {chain} or the lock date moved; nothing was posted")


def entry_payload(entry: EntryInput) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat(),
        "memo": entry.memo,
        "lines": [ln.as_json() for ln in entry.lines],
    }
