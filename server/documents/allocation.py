"""Allocations: applying credits to charges and undoing it, with the checks they share.

One mechanism for receivables and payables. Callers run these inside their own transaction
and write the audit event of the business action. Each function locks the open items it
changes (PostgreSQL row locks, in id order so two transactions never wait on each other in
a circle) and takes a balance with an UPDATE whose WHERE is the rule (what is open covers
the amount): no row changed is the refusal, on both databases, so no figure read earlier
decides. On PostgreSQL the table's CHECK constraint stands behind it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from uuid import UUID

from tortoise.expressions import F, Q
from tortoise.models import Model

from server import sql
from server.actor import Actor
from server.batch import Batch, RowChange, RowUpdate
from server.documents import entries
from server.documents.models import Allocation, AllocationKind, Ledger, OpenItem
from server.errors import DomainError, ErrorCode, NotFound
from server.identity.base_currency import base_currency
from server.ledger import reversals
from server.ledger.errors import PeriodLocked
from server.ledger.models import AccountSubtype, AccountType, LedgerSettings
from server.money import Money


async def lock(organization_id: UUID, ids: Iterable[UUID]) -> dict[UUID, OpenItem]:
    """Lock open items for the rest of the transaction, in one statement.

    PostgreSQL locks the rows in the ORDER BY order, so two transactions locking
    overlapping sets always queue instead of waiting on each other in a circle.
    """
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = (
        await OpenItem.select_for_update()
        .filter(id__in=wanted, organization_id=organization_id)
        .order_by("id")
    )
    return {item.id: item for item in rows}


async def lock_with_status(
    organization_id: UUID, ids: Iterable[UUID], document: type[Model]
) -> dict[UUID, tuple[OpenItem, str]]:
    """As `lock`, with the status of each item's document (a model with the item's id and a
    `status` column) read by the same statement."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    table = document._meta.db_table
    holders = sql.placeholders(len(wanted), first=2)
    locking = " FOR UPDATE OF o" if sql.dialect() == "postgres" else ""
    # Read as records, not models: this runs on every payment, where building the query
    # through the ORM cost more than running it. Placeholders and fixed names only.
    rows = await sql.fetch_rows(
        f'SELECT o.*, (SELECT d.status FROM "{table}" d WHERE d.id = o.id) AS document_status'  # noqa: S608
        f" FROM open_items o WHERE o.organization_id = $1 AND o.id IN ({holders})"
        f" ORDER BY o.id{locking}",
        organization_id,
        *wanted,
    )
    items = sql.records(OpenItem, rows)
    return {item.id: (item, row["document_status"]) for item, row in zip(items, rows, strict=True)}


async def check_period(organization_id: UUID, on: date, field: list[str]) -> None:
    """Nothing may change what the books said on or before the lock date."""
    settings = await LedgerSettings.get(organization_id=organization_id)
    if settings.lock_date is not None and on <= settings.lock_date:
        raise PeriodLocked(
            f"the books are locked up to {settings.lock_date.isoformat()}", field=field
        )


def base_share(item: OpenItem, amount: int) -> int:
    """The base-currency part of `amount` taken from an item, at the item's own rate.

    Taking what is left takes exactly the base left, so a settled item is zero in both.
    """
    if amount == item.open_minor:
        return int(item.open_base_minor)
    share = Decimal(amount) * Decimal(item.base_amount_minor) / Decimal(item.amount_minor)
    value = int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return min(value, int(item.open_base_minor))


async def _give_back(item_id: UUID, amount: int, base: int) -> None:
    await OpenItem.filter(id=item_id).update(
        open_minor=F("open_minor") + amount, open_base_minor=F("open_base_minor") + base
    )


def _money(minor: int, currency: str) -> str:
    return str(Money.from_minor(minor, currency))


def _over_charge(charge: OpenItem, field: list[str]) -> DomainError:
    return DomainError(
        f"only {_money(charge.open_minor, charge.currency)} is open on {charge.number}",
        code=ErrorCode.EXCEEDS_OPEN_BALANCE,
        field=field,
    )


def _over_credit(credit: OpenItem, field: list[str]) -> DomainError:
    return DomainError(
        f"only {_money(credit.open_minor, credit.currency)} is unallocated",
        code=ErrorCode.EXCEEDS_UNALLOCATED,
        field=field,
    )


# An item's open balance reduced by $1 (and its base by $2) only if it covers $3.
GUARDED_TAKE = RowUpdate(
    OpenItem,
    "open_minor = open_minor - $1, open_base_minor = open_base_minor - $2",
    "open_minor >= $3 AND voided_on IS NULL",
)


def _guarded_take(
    writes: Batch, item: OpenItem, amount: int, base: int, refusal: DomainError
) -> None:
    """Reduce an item's open balance only if it covers `amount`; `refusal` otherwise."""
    writes.update(GUARDED_TAKE.row(item.id, amount, base, amount), rows=1, otherwise=refusal)


async def settle(
    actor: Actor,
    *,
    charge: OpenItem,
    credit: OpenItem,
    amount: int,
    on: date,
    field: list[str],
    memo: str | None = None,
    period_checked: bool = False,
    then: Sequence[RowChange] = (),
    batch: Batch | None = None,
    new_credit: bool = False,
) -> Allocation:
    """Apply `amount` of a credit to a charge; both must be locked by the caller.

    `period_checked`: the caller's transaction posts an entry dated `on` as well, whose
    numbering refuses a locked period under the ledger row lock. `then`: updates of the
    caller's sent with the allocation's own, such as the charge's document's new status.
    `batch`: the caller's batch, which the writes join instead of running at once; the
    caller runs it.
    `new_credit`: the credit is a new item that the caller inserts in that batch: its
    balance is reduced here in memory only, so the insert writes it net of the allocation
    (a batch's writes are independent: none updates a row another inserts).
    """
    if new_credit and batch is None:
        raise ValueError("a new credit is inserted by the caller's batch")
    if charge.voided_on is not None or credit.voided_on is not None:
        raise DomainError(
            "a void document takes no allocations", code=ErrorCode.INVALID_STATUS, field=field
        )
    if not charge.is_charge or credit.is_charge or charge.ledger != credit.ledger:
        raise DomainError("allocate a credit to a charge", code=ErrorCode.INVALID, field=field)
    if charge.party_id != credit.party_id:
        raise DomainError(
            "the documents belong to different parties", code=ErrorCode.PARTY_MISMATCH, field=field
        )
    if charge.currency != credit.currency:
        raise DomainError(
            f"cannot allocate {credit.currency} to a {charge.currency} document",
            code=ErrorCode.CURRENCY_MISMATCH,
            field=field,
        )
    if amount <= 0:
        raise DomainError("allocate a positive amount", code=ErrorCode.ZERO_AMOUNT, field=field)
    if on < charge.date or on < credit.date:
        raise DomainError(
            "an allocation cannot be dated before its documents",
            code=ErrorCode.DATE_BEFORE_DOCUMENT,
            field=field,
        )
    if not period_checked:
        await check_period(actor.org, on, field)
    charge_base, credit_base = base_share(charge, amount), base_share(credit, amount)
    entry_id = None
    difference = charge_base - credit_base
    if difference:
        # What the charge carries in base currency and what the credit brought differ
        # when the rate moved: the control account is evened and the rest is realized.
        ledger = Ledger(charge.ledger)
        charge_side = entries.CHARGE_SIDE[ledger]
        control_side = entries.opposite(charge_side) if difference > 0 else charge_side
        fx = await entries.account_of(
            actor.org, AccountSubtype.EXCHANGE_GAIN_LOSS, AccountType.EXPENSE
        )
        entry, _ = await entries.post_document(
            actor,
            on=on,
            lines=entries.base_lines(
                ledger=ledger,
                control=await entries.control_account(actor.org, ledger),
                other=fx,
                party_id=charge.party_id,
                base=await base_currency(actor.org),
                amount=abs(difference),
                control_side=control_side,
                description=(
                    f"Exchange difference {entries.item_name(charge)} / {entries.item_name(credit)}"
                ),
            ),
            memo=f"Realized exchange difference on {entries.item_name(charge)}",
            source_type="allocation",
            source_id=charge.id,
        )
        entry_id = entry.id
    made = Allocation(
        organization_id=actor.org,
        ledger=charge.ledger,
        kind=AllocationKind.SETTLEMENT,
        charge_id=charge.id,
        credit_id=credit.id,
        amount_minor=amount,
        charge_base_minor=charge_base,
        credit_base_minor=credit_base,
        date=on,
        entry_id=entry_id,
        memo=memo,
        created_by_id=actor.user_id,
    )
    # Each balance is taken by an UPDATE whose WHERE is the rule itself: what is open
    # covers the amount. The refusal is the UPDATE changing no row, never a figure read
    # earlier; with the allocation and the caller's writes, one statement on PostgreSQL.
    writes = batch if batch is not None else Batch()
    _guarded_take(writes, charge, amount, charge_base, _over_charge(charge, field))
    if not new_credit:
        _guarded_take(writes, credit, amount, credit_base, _over_credit(credit, field))
    elif amount > credit.open_minor:
        # The caller's batch inserts this credit: no row yet, so no race.
        raise _over_credit(credit, field)
    writes.insert(made)
    for change in then:
        writes.update(change)
    if batch is None:
        await writes.run()
    charge.open_minor -= amount
    charge.open_base_minor -= charge_base
    credit.open_minor -= amount
    credit.open_base_minor -= credit_base
    return made


async def undo(
    actor: Actor,
    allocation: Allocation,
    on: date,
    field: list[str],
    *,
    kinds: tuple[AllocationKind, ...] = (AllocationKind.SETTLEMENT,),
) -> Allocation:
    """Take an allocation back on `on`; the row stays, marked with the date it ended.

    Only settlements between documents by default; a caller that undoes what a settlement
    earned (an early-payment discount) names that kind too.
    """
    if allocation.reversed_on is not None:
        raise DomainError(
            "the allocation was already undone", code=ErrorCode.INVALID_STATUS, field=field
        )
    if allocation.kind not in kinds:
        raise DomainError(
            "only allocations between documents can be undone",
            code=ErrorCode.INVALID,
            field=field,
        )
    if on < allocation.date:
        raise DomainError(
            "cannot be undone before it was made",
            code=ErrorCode.DATE_BEFORE_DOCUMENT,
            field=field,
        )
    await check_period(actor.org, on, field)
    await lock(actor.org, [i for i in (allocation.charge_id, allocation.credit_id) if i])
    if allocation.charge_id:
        await _give_back(
            allocation.charge_id, allocation.amount_minor, allocation.charge_base_minor
        )
    if allocation.credit_id:
        await _give_back(
            allocation.credit_id, allocation.amount_minor, allocation.credit_base_minor
        )
    reversal_id = None
    if allocation.entry_id:
        reversal = await reversals.reverse(
            actor, allocation.entry_id, on, "Allocation undone", audit_event=False
        )
        reversal_id = reversal.id
    changed = await Allocation.filter(id=allocation.id, reversed_on__isnull=True).update(
        reversed_on=on, reversed_by_id=actor.user_id, reversal_entry_id=reversal_id
    )
    if changed != 1:
        raise DomainError(
            "the allocation was already undone", code=ErrorCode.INVALID_STATUS, field=field
        )
    allocation.reversed_on = on
    allocation.reversal_entry_id = reversal_id
    return allocation


async def live_allocations(item_id: UUID) -> list[Allocation]:
    """Allocations on an item that have not been undone (the item is the caller's own)."""
    return await Allocation.filter(
        Q(charge_id=item_id) | Q(credit_id=item_id), reversed_on__isnull=True
    ).order_by("created_at")


async def check_after_history(item_id: UUID, on: date, field: list[str]) -> None:
    """A void cannot be dated before the item's last allocation or undo.

    The void ends the item from its date; dating it earlier would rewrite what the
    allocations made or undone since then said about the open balance on those days.
    """
    dates = await Allocation.filter(Q(charge_id=item_id) | Q(credit_id=item_id)).values_list(
        "date", "reversed_on"
    )
    last = max((d for pair in dates for d in pair if d is not None), default=None)
    if last is not None and on < last:
        raise DomainError(
            f"cannot be dated before its last allocation change on {last.isoformat()}",
            code=ErrorCode.DATE_BEFORE_DOCUMENT,
            field=field,
        )


async def get(actor: Actor, item_id: UUID, field: list[str]) -> OpenItem:
    item = await OpenItem.get_or_none(id=item_id, organization_id=actor.org)
    if item is None:
        raise NotFound("document not found", field=field)
    return item
