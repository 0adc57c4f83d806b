"""The posting service: the one way anything reaches the ledger.

Manual journal entries and every business document (invoice, payment, bill, ...) call
`post`. It validates the lines, converts them to the base currency, checks the balance and
the lock date, takes the next gapless number and writes the entry, its lines and its audit
event in one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

import orjson
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import clock
from server import sql as run_sql
from server.actor import Actor
from server.audit import log as audit
from server.crm.models import Customer, Vendor
from server.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from server.identity.base_currency import base_currency
from server.ledger.errors import IdempotencyConflict, PeriodLocked, Unbalanced
from server.ledger.models import (
    Account,
    AccountStatus,
    EntryStatus,
    IdempotencyRecord,
    JournalEntry,
    JournalLine,
    LedgerSettings,
    LineTag,
    TrackingOption,
)
from server.ledger.rates import rate_on
from server.money import Money, MoneyError, validate_currency

MAX_LINES = 500


class Side(StrEnum):
    DEBIT = "DEBIT"
    CREDIT = "CREDIT"


@dataclass(frozen=True, slots=True)
class LineInput:
    """A line as a client or a document states it."""

    account_id: UUID
    side: Side
    amount: str
    currency: str | None = None  # the base currency when omitted
    description: str | None = None
    customer_id: UUID | None = None
    vendor_id: UUID | None = None
    dimension_option_ids: tuple[UUID, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "accountId": str(self.account_id),
            "side": self.side.value,
            "amount": self.amount,
            "currency": self.currency,
            "description": self.description,
            "customerId": str(self.customer_id) if self.customer_id else None,
            "vendorId": str(self.vendor_id) if self.vendor_id else None,
            "dimensionOptionIds": [str(o) for o in self.dimension_option_ids],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineInput:
        return cls(
            account_id=UUID(data["accountId"]),
            side=Side(data["side"]),
            amount=data["amount"],
            currency=data.get("currency"),
            description=data.get("description"),
            customer_id=UUID(data["customerId"]) if data.get("customerId") else None,
            vendor_id=UUID(data["vendorId"]) if data.get("vendorId") else None,
            dimension_option_ids=tuple(UUID(o) for o in data.get("dimensionOptionIds", [])),
        )


@dataclass(frozen=True, slots=True)
class EntryInput:
    date: date
    lines: Sequence[LineInput]
    memo: str | None = None
    source_type: str | None = None
    source_id: UUID | None = None


@dataclass(slots=True)
class ResolvedLine:
    line_no: int
    account: Account
    currency: str
    debit: int
    credit: int
    base_debit: int = 0
    base_credit: int = 0
    rate: Decimal = Decimal(1)
    description: str | None = None
    customer_id: UUID | None = None
    vendor_id: UUID | None = None
    options: list[TrackingOption] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Known:
    """What a document has already read in its request: posting checks these accounts (status,
    control, currency) without reading them again, and takes these parties as found."""

    accounts: Sequence[Account] = ()
    customer_ids: frozenset[UUID] = frozenset()
    vendor_ids: frozenset[UUID] = frozenset()


NOTHING_KNOWN = Known()


def _line_error(index: int, name: str, message: str, code: ErrorCode) -> DomainError:
    return DomainError(message, code=code, field=["lines", str(index), name])


async def resolve(
    actor: Actor,
    entry: EntryInput,
    *,
    allow_control: bool,
    require_balance: bool = True,
    known: Known = NOTHING_KNOWN,
) -> list[ResolvedLine]:
    """Check every line against the organization's data; convert to the base currency."""
    org = actor.org
    problems: list[DomainError] = []
    if len(entry.lines) < 2:
        problems.append(
            DomainError(
                "an entry needs at least two lines", code=ErrorCode.TOO_FEW_LINES, field=["lines"]
            )
        )
    if len(entry.lines) > MAX_LINES:
        problems.append(
            DomainError(f"at most {MAX_LINES} lines", code=ErrorCode.INVALID, field=["lines"])
        )
    if entry.memo is not None and len(entry.memo) > 500:
        problems.append(DomainError("memo is too long", code=ErrorCode.TOO_LONG, field=["memo"]))
    if problems:
        raise ValidationFailed(problems)

    base = await base_currency(org)
    accounts = {a.id: a for a in known.accounts if a.organization_id == org}
    unread = {line.account_id for line in entry.lines} - accounts.keys()
    if unread:
        accounts.update((a.id, a) for a in await Account.filter(organization_id=org, id__in=unread))
    # Look up only what the lines name: most entries name no party and no dimension.
    customer_ids = {ln.customer_id for ln in entry.lines if ln.customer_id} - known.customer_ids
    vendor_ids = {ln.vendor_id for ln in entry.lines if ln.vendor_id} - known.vendor_ids
    option_ids = {o for ln in entry.lines for o in ln.dimension_option_ids}
    customers: set[UUID] = set(known.customer_ids)
    if customer_ids:
        found = await Customer.filter(organization_id=org, id__in=customer_ids).only("id")
        customers.update(c.id for c in found)
    vendors: set[UUID] = set(known.vendor_ids)
    if vendor_ids:
        named = await Vendor.filter(organization_id=org, id__in=vendor_ids).only("id")
        vendors.update(v.id for v in named)
    options = (
        {o.id: o for o in await TrackingOption.filter(organization_id=org, id__in=option_ids)}
        if option_ids
        else {}
    )
    rates: dict[str, Decimal] = {}

    resolved: list[ResolvedLine] = []
    for i, line in enumerate(entry.lines):
        currency = line.currency or base
        account = accounts.get(line.account_id)
        if account is None:
            problems.append(_line_error(i, "accountId", "account not found", ErrorCode.NOT_FOUND))
        elif account.status == AccountStatus.ARCHIVED:
            problems.append(
                _line_error(i, "accountId", "the account is archived", ErrorCode.ACCOUNT_ARCHIVED)
            )
        elif account.is_control and not allow_control:
            problems.append(
                _line_error(
                    i,
                    "accountId",
                    f"{account.code} {account.name} takes postings only from its documents",
                    ErrorCode.CONTROL_ACCOUNT,
                )
            )
        elif account.currency and account.currency != currency:
            problems.append(
                _line_error(
                    i,
                    "currency",
                    f"account {account.code} takes only {account.currency}",
                    ErrorCode.CURRENCY_MISMATCH,
                )
            )
        try:
            validate_currency(currency)
            amount = Money.parse(line.amount, currency)
        except MoneyError as exc:
            problems.append(_line_error(i, "amount", exc.message, ErrorCode(exc.code)))
            continue
        if amount.amount <= 0:
            problems.append(
                _line_error(
                    i,
                    "amount",
                    "line amounts are positive; the side says debit or credit",
                    ErrorCode.ZERO_AMOUNT if amount.is_zero() else ErrorCode.NEGATIVE_AMOUNT,
                )
            )
            continue
        if line.customer_id and line.customer_id not in customers:
            problems.append(_line_error(i, "customerId", "customer not found", ErrorCode.NOT_FOUND))
        if line.vendor_id and line.vendor_id not in vendors:
            problems.append(_line_error(i, "vendorId", "vendor not found", ErrorCode.NOT_FOUND))
        chosen = [options.get(o) for o in line.dimension_option_ids]
        if None in chosen:
            problems.append(
                _line_error(
                    i, "dimensionOptionIds", "dimension option not found", ErrorCode.NOT_FOUND
                )
            )
        picked = [o for o in chosen if o is not None]
        if len({o.category_id for o in picked}) != len(picked):
            problems.append(
                _line_error(
                    i,
                    "dimensionOptionIds",
                    "at most one option per dimension",
                    ErrorCode.DUPLICATE_DIMENSION,
                )
            )
        if currency != base and currency not in rates:
            try:
                rates[currency] = await rate_on(org, currency, entry.date)
            except DomainError as exc:
                problems.append(_line_error(i, "currency", exc.message, exc.code))
                continue
        resolved.append(
            ResolvedLine(
                line_no=i + 1,
                account=account,  # type: ignore[arg-type]  # problems raised below if None
                currency=currency,
                debit=amount.minor if line.side == Side.DEBIT else 0,
                credit=amount.minor if line.side == Side.CREDIT else 0,
                rate=rates.get(currency, Decimal(1)),
                description=line.description,
                customer_id=line.customer_id,
                vendor_id=line.vendor_id,
                options=picked,
            )
        )
    if problems:
        raise ValidationFailed(problems)
    _to_base(resolved, base)
    if require_balance:
        debits = sum(r.base_debit for r in resolved)
        credits = sum(r.base_credit for r in resolved)
        if debits != credits:
            difference = Money.from_minor(debits - credits, base)
            raise Unbalanced(
                f"debits and credits differ by {difference} in the base currency",
                field=["lines"],
            )
    return resolved


def _to_base(lines: list[ResolvedLine], base: str) -> None:
    """Convert each line to the base currency.

    When every line is in one foreign currency and balances in it, each side's total is
    converted once and spread over its lines (largest remainder), so rounding can never
    unbalance an entry that balances in its own currency.
    """
    currencies = {ln.currency for ln in lines}
    for ln in lines:
        amount = Money.from_minor(ln.debit or ln.credit, ln.currency).amount
        value = Money.rounded(amount * ln.rate, base).minor
        ln.base_debit, ln.base_credit = (value, 0) if ln.debit else (0, value)
    if len(currencies) != 1 or base in currencies:
        return
    currency = next(iter(currencies))
    if sum(ln.debit for ln in lines) != sum(ln.credit for ln in lines):
        return
    total = Money.from_minor(sum(ln.debit for ln in lines), currency).amount
    total_base = Money.rounded(total * lines[0].rate, base)
    for side in ("debit", "credit"):
        members = [ln for ln in lines if getattr(ln, side)]
        parts = total_base.allocate([getattr(ln, side) for ln in members])
        for ln, part in zip(members, parts, strict=True):
            setattr(ln, f"base_{side}", part.minor)


def request_hash(operation: str, payload: Any) -> str:
    return hashlib.sha256(
        orjson.dumps([operation, payload], option=orjson.OPT_SORT_KEYS, default=str)
    ).hexdigest()


async def replay(
    actor: Actor, key: str | None, operation: str, payload: Any
) -> IdempotencyRecord | None:
    """The earlier result of this key, if any; a key reused for other input is refused."""
    if key is None:
        return None
    if not 1 <= len(key) <= 128:
        raise DomainError(
            "idempotency keys are 1 to 128 characters",
            code=ErrorCode.INVALID,
            field=["idempotencyKey"],
        )
    record = await IdempotencyRecord.get_or_none(organization_id=actor.org, key=key)
    if record is None:
        return None
    if record.operation != operation or record.request_hash != request_hash(operation, payload):
        raise IdempotencyConflict()
    return record


async def remember(
    actor: Actor, key: str | None, operation: str, payload: Any, result: UUID
) -> None:
    """Store the result under the key, in the transaction that produced it."""
    if key is not None:
        await IdempotencyRecord.create(
            organization_id=actor.org,
            key=key,
            operation=operation,
            request_hash=request_hash(operation, payload),
            result_id=result,
        )


async def take_number(actor: Actor, on: date) -> int:
    """Take the next number and check the lock date in one UPDATE, which locks the
    organization's ledger row.

    The row stays locked until the caller's transaction ends, so numbers are gapless and
    no posting can slip in on or before a lock date being set at the same time. A refusal
    raises, and the caller's rollback gives the number back.
    """
    rows = await run_sql.fetch(
        "UPDATE ledger_settings SET next_entry_number = next_entry_number + 1 "
        "WHERE organization_id = $1 RETURNING next_entry_number - 1 AS number, lock_date",
        actor.org,
    )
    if not rows:
        raise NotFound("the organization has no ledger")
    lock_date = rows[0]["lock_date"]
    if isinstance(lock_date, str):  # SQLite hands dates back as text
        lock_date = date.fromisoformat(lock_date)
    if lock_date is not None and on <= lock_date:
        raise PeriodLocked(f"the books are locked up to {lock_date.isoformat()}", field=["date"])
    return int(rows[0]["number"])


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


async def reverse(
    actor: Actor,
    entry_id: UUID,
    on: date,
    memo: str | None = None,
    *,
    audit_event: bool = True,
) -> JournalEntry:
    """Post the mirror image of a posted entry on `on`; the original stays as it was.

    Documents that void themselves pass `audit_event=False` and record their own event.
    """
    original = await JournalEntry.get_or_none(id=entry_id, organization_id=actor.org)
    if original is None:
        raise NotFound("journal entry not found", field=["id"])
    if original.status != EntryStatus.POSTED:
        raise DomainError(
            "only posted entries can be reversed", code=ErrorCode.NOT_POSTED, field=["id"]
        )
    try:
        async with in_transaction():
            number = await take_number(actor, on)
            if await JournalEntry.exists(reversal_of_id=original.id):
                raise DomainError(
                    "the entry is already reversed", code=ErrorCode.ALREADY_REVERSED, field=["id"]
                )
            lines = await JournalLine.filter(entry_id=original.id).order_by("line_no")
            tags = await LineTag.filter(line_id__in=[ln.id for ln in lines]).select_related(
                "option"
            )
            created = await JournalEntry.create(
                organization_id=actor.org,
                number=number,
                status=EntryStatus.POSTED,
                date=on,
                memo=memo or f"Reversal of entry {original.number}",
                source_type=original.source_type,
                source_id=original.source_id,
                reversal_of_id=original.id,
                created_by_id=actor.user_id,
                posted_by_id=actor.user_id,
                posted_at=clock.now(),
            )
            accounts = {
                a.id: a for a in await Account.filter(id__in={ln.account_id for ln in lines})
            }
            mirrored = [
                ResolvedLine(
                    line_no=ln.line_no,
                    account=accounts[ln.account_id],
                    currency=ln.currency,
                    debit=ln.credit_minor,
                    credit=ln.debit_minor,
                    base_debit=ln.base_credit_minor,
                    base_credit=ln.base_debit_minor,
                    rate=Decimal(ln.exchange_rate),
                    description=ln.description,
                    customer_id=ln.customer_id,
                    vendor_id=ln.vendor_id,
                    options=[t.option for t in tags if t.line_id == ln.id],
                )
                for ln in lines
            ]
            await write_lines(actor, created, mirrored)
            if audit_event:
                await audit.record(
                    actor,
                    "journal_entry.reverse",
                    object_type="JournalEntry",
                    object_id=created.id,
                    before={"reverses": str(original.id), "number": original.number},
                    after=summary(created, mirrored),
                )
    except IntegrityError as exc:  # a concurrent reversal of the same entry won
        raise DomainError(
            "the entry is already reversed", code=ErrorCode.ALREADY_REVERSED, field=["id"]
        ) from exc
    return created


async def set_lock_date(actor: Actor, lock_date: date | None) -> LedgerSettings:
    async with in_transaction():
        settings = await LedgerSettings.select_for_update().get(organization_id=actor.org)
        before = settings.lock_date.isoformat() if settings.lock_date else None
        settings.lock_date = lock_date
        await LedgerSettings.filter(organization_id=actor.org).update(lock_date=lock_date)
        await audit.record(
            actor,
            "ledger.lock_date_set",
            object_type="Organization",
            object_id=actor.org,
            before={"lockDate": before},
            after={"lockDate": lock_date.isoformat() if lock_date else None},
        )
    return settings
