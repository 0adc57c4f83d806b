"""The journal entries documents make, built for the one posting service.

Amounts posted for a document are in its own currency and converted by the posting service;
entries that only move balances between open items (exchange differences, write-offs,
discounts) are posted in the base currency at the open items' own base amounts, so the
control accounts always equal the sum of the open items.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from server.actor import Actor
from server.documents.lines import PricedLine
from server.documents.models import Ledger, OpenItem, OpenItemKind
from server.ledger import entry_lines, posting, resolution
from server.ledger.chart import accounts_and_system_account, system_account
from server.ledger.entry_lines import EntryInput, LineInput, Side
from server.ledger.models import Account, AccountSubtype, AccountType, JournalEntry, JournalLine
from server.money import Money

CONTROL_SUBTYPE = {
    Ledger.RECEIVABLE: AccountSubtype.ACCOUNTS_RECEIVABLE,
    Ledger.PAYABLE: AccountSubtype.ACCOUNTS_PAYABLE,
}
# The side a charge (invoice, bill) posts to its control account.
CHARGE_SIDE = {Ledger.RECEIVABLE: Side.DEBIT, Ledger.PAYABLE: Side.CREDIT}


_KIND_NAMES = {
    OpenItemKind.INVOICE: "invoice",
    OpenItemKind.CREDIT_NOTE: "credit note",
    OpenItemKind.PAYMENT: "payment",
    OpenItemKind.BILL: "bill",
    OpenItemKind.BILL_PAYMENT: "bill payment",
}


def item_name(item: OpenItem) -> str:
    """How journal text names an open item: its kind and number, or its kind and date when
    it has no number (a payment recorded without a reference). Journal text never shows a
    missing value as "None"."""
    kind = _KIND_NAMES.get(OpenItemKind(item.kind), "document")
    if item.number:
        return f"{kind} {item.number}"
    return f"{kind} of {item.date.isoformat()}"


def opposite(side: Side) -> Side:
    return Side.CREDIT if side == Side.DEBIT else Side.DEBIT


def text(minor: int, currency: str) -> str:
    return str(Money.from_minor(minor, currency).amount)


async def control_account(organization_id: UUID, ledger: Ledger) -> Account:
    return await system_account(organization_id, CONTROL_SUBTYPE[ledger])


async def accounts_and_control(
    organization_id: UUID, ledger: Ledger, ids: Sequence[UUID]
) -> tuple[dict[UUID, Account], Account]:
    """The accounts with these ids (those found) and the ledger's control account, read by
    one statement."""
    return await accounts_and_system_account(organization_id, ids, CONTROL_SUBTYPE[ledger])


async def account_of(organization_id: UUID, subtype: AccountSubtype, type_: AccountType) -> Account:
    """A system account by subtype and type (discounts exist as income and as expense)."""
    found = (
        await Account.filter(organization_id=organization_id, subtype=subtype, type=type_)
        .order_by("-is_system", "code")
        .first()
    )
    if found is None:
        return await system_account(organization_id, subtype)
    return found


def party_fields(ledger: Ledger, party_id: UUID) -> tuple[UUID | None, UUID | None]:
    """(customer_id, vendor_id) for a control account line."""
    return (party_id, None) if ledger == Ledger.RECEIVABLE else (None, party_id)


def document_lines(
    *,
    ledger: Ledger,
    control: Account,
    control_side: Side,
    party_id: UUID,
    lines: Sequence[PricedLine],
    currency: str,
    description: str,
) -> list[LineInput]:
    """The control account line first, then one line per document line, then tax by account."""
    other = opposite(control_side)
    customer_id, vendor_id = party_fields(ledger, party_id)
    total = sum(ln.amount_minor + ln.tax_minor for ln in lines)
    out = [
        LineInput(
            account_id=control.id,
            side=control_side,
            amount=text(total, currency),
            currency=currency,
            description=description,
            customer_id=customer_id,
            vendor_id=vendor_id,
        )
    ]
    for ln in lines:
        if ln.amount_minor:
            out.append(
                LineInput(
                    account_id=ln.account.id,
                    side=other,
                    amount=text(ln.amount_minor, currency),
                    currency=currency,
                    description=ln.description,
                    dimension_option_ids=tuple(ln.dimension_option_ids),
                    customer_id=customer_id,
                    vendor_id=vendor_id,
                )
            )
    taxes: dict[UUID, int] = defaultdict(int)
    for ln in lines:
        if ln.tax_rate is not None and ln.tax_minor:
            taxes[ln.tax_rate.account_id] += ln.tax_minor
    for account_id, amount in taxes.items():
        out.append(
            LineInput(
                account_id=account_id,
                side=other,
                amount=text(amount, currency),
                currency=currency,
                description="Tax",
            )
        )
    return out


async def post_entry(
    actor: Actor,
    *,
    on: date,
    lines: Sequence[LineInput],
    memo: str,
    source_type: str,
    source_id: UUID,
    entry_id: UUID | None = None,
    known: entry_lines.Known = entry_lines.NOTHING_KNOWN,
    event: dict[str, Any] | None = None,
) -> JournalEntry:
    """Post a document's entry inside the caller's transaction, through the one service.

    `event` is the document's audit event when the posting is the document's last write
    (see posting.post); otherwise the document records its own.
    """
    return await posting.post(
        actor,
        EntryInput(date=on, lines=lines, memo=memo, source_type=source_type, source_id=source_id),
        allow_control=True,
        audit_event=False,
        entry_id=entry_id,
        known=known,
        event=event,
    )


async def post_document(
    actor: Actor,
    *,
    on: date,
    lines: Sequence[LineInput],
    memo: str,
    source_type: str,
    source_id: UUID,
) -> tuple[JournalEntry, int]:
    """Post inside the caller's transaction; returns the entry and its first line's base amount.

    The first line is always the control account's, so its base amount is what the
    document's open item carries.
    """
    entry = await post_entry(
        actor, on=on, lines=lines, memo=memo, source_type=source_type, source_id=source_id
    )
    first = await JournalLine.get(entry_id=entry.id, line_no=1)
    return entry, int(first.base_debit_minor + first.base_credit_minor)


async def control_base(
    actor: Actor, *, on: date, lines: Sequence[LineInput], currency: str, base: str
) -> int:
    """The base amount the first (control) line will post at, before anything is locked."""
    first = lines[0]
    if currency == base:
        return Money.parse(first.amount, currency).minor
    resolved = await preview(actor, on=on, lines=lines)
    return resolved[0].base_debit + resolved[0].base_credit


async def preview(
    actor: Actor, *, on: date, lines: Sequence[LineInput]
) -> list[entry_lines.ResolvedLine]:
    """The lines as they would post (converted, balanced), without writing anything."""
    return await resolution.resolve(actor, EntryInput(date=on, lines=lines), allow_control=True)


def base_lines(
    *,
    ledger: Ledger,
    control: Account,
    other: Account,
    party_id: UUID,
    base: str,
    amount: int,
    control_side: Side,
    description: str,
) -> list[LineInput]:
    """Two lines in the base currency: the control account and its counterpart."""
    return spread_lines(
        ledger=ledger,
        control=control,
        others=[(other, 1)],
        party_id=party_id,
        base=base,
        amount=amount,
        control_side=control_side,
        description=description,
    )


def spread_lines(
    *,
    ledger: Ledger,
    control: Account,
    others: Sequence[tuple[Account, int]],
    party_id: UUID,
    base: str,
    amount: int,
    control_side: Side,
    description: str,
) -> list[LineInput]:
    """Lines in the base currency: the control account, then its counterparts, the amount
    spread over them by weight (largest remainder, so the parts add up to the amount)."""
    customer_id, vendor_id = party_fields(ledger, party_id)
    parts = Money.from_minor(amount, base).allocate([weight for _, weight in others])
    return [
        LineInput(
            account_id=control.id,
            side=control_side,
            amount=text(amount, base),
            currency=base,
            description=description,
            customer_id=customer_id,
            vendor_id=vendor_id,
        )
    ] + [
        LineInput(
            account_id=account.id,
            side=opposite(control_side),
            amount=str(part.amount),
            currency=base,
            description=description,
        )
        for (account, _), part in zip(others, parts, strict=True)
        if not part.is_zero()
    ]
