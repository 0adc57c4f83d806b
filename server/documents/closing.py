"""Closing an open item against an account: write-offs, discounts and refunds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tortoise.expressions import F

from server.actor import Actor
from server.documents import entries
from server.documents.allocation import _over_charge, _over_credit, base_share, check_period
from server.documents.models import Allocation, AllocationKind, Ledger, OpenItem
from server.errors import DomainError, ErrorCode
from server.identity.base_currency import base_currency
from server.ledger import entry_lines
from server.ledger.models import Account, AccountSubtype, AccountType


async def _take(item: OpenItem, amount: int, base: int, field: list[str]) -> None:
    """Reduce a locked item's open balance, only if it covers `amount` (see `allocation.settle`)."""
    changed = await OpenItem.filter(
        id=item.id, open_minor__gte=amount, voided_on__isnull=True
    ).update(open_minor=F("open_minor") - amount, open_base_minor=F("open_base_minor") - base)
    if changed != 1:
        raise _over_charge(item, field) if item.is_charge else _over_credit(item, field)
    item.open_minor -= amount
    item.open_base_minor -= base


async def close(
    actor: Actor,
    *,
    item: OpenItem,
    kind: AllocationKind,
    amount: int,
    on: date,
    account: Account,
    field: list[str],
    memo: str,
    counterparts: Sequence[tuple[Account, int]] = (),
) -> Allocation:
    """Reduce one locked item against an account: a write-off, a discount or a refund.

    Write-offs and discounts close part of a charge; a refund pays out part of a credit.
    The entry is in the base currency at the item's own base amount, except a refund,
    whose cash leaves in the document's currency at the refund date's rate.
    `counterparts`: accounts and weights to spread a write-off or discount over instead of
    `account` alone (a discount gives back the tax it contains).
    """
    if item.voided_on is not None:
        raise DomainError("the document is void", code=ErrorCode.INVALID_STATUS, field=field)
    if amount <= 0:
        raise DomainError("give a positive amount", code=ErrorCode.ZERO_AMOUNT, field=field)
    if on < item.date:
        raise DomainError(
            "cannot be dated before the document", code=ErrorCode.DATE_BEFORE_DOCUMENT, field=field
        )
    await check_period(actor.org, on, field)
    ledger = Ledger(item.ledger)
    charge_side = entries.CHARGE_SIDE[ledger]
    share = base_share(item, amount)
    base = await base_currency(actor.org)
    control = await entries.control_account(actor.org, ledger)
    if kind == AllocationKind.REFUND:
        lines = await _refund_lines(actor, item, amount, share, on, account, control, base)
    else:
        lines = entries.spread_lines(
            ledger=ledger,
            control=control,
            others=counterparts or [(account, 1)],
            party_id=item.party_id,
            base=base,
            amount=share,
            control_side=entries.opposite(charge_side),
            description=memo,
        )
    await _take(item, amount, share, field)
    entry, _ = await entries.post_document(
        actor, on=on, lines=lines, memo=memo, source_type=kind.value.lower(), source_id=item.id
    )
    return await Allocation.create(
        organization_id=actor.org,
        ledger=item.ledger,
        kind=kind,
        charge_id=item.id if item.is_charge else None,
        credit_id=None if item.is_charge else item.id,
        amount_minor=amount,
        charge_base_minor=share if item.is_charge else 0,
        credit_base_minor=0 if item.is_charge else share,
        date=on,
        entry_id=entry.id,
        memo=memo,
        created_by_id=actor.user_id,
    )


async def _refund_lines(
    actor: Actor,
    item: OpenItem,
    amount: int,
    share: int,
    on: date,
    bank: Account,
    control: Account,
    base: str,
) -> list[entry_lines.LineInput]:
    """Cash out in the document's currency; the control account back at the credit's base."""
    ledger = Ledger(item.ledger)
    # A refund reverses a credit, so the control account moves to the charge side.
    control_side = entries.CHARGE_SIDE[ledger]
    customer_id, vendor_id = entries.party_fields(ledger, item.party_id)
    cash = entry_lines.LineInput(
        account_id=bank.id,
        side=entries.opposite(control_side),
        amount=entries.text(amount, item.currency),
        currency=item.currency,
        description="Refund",
    )
    if item.currency == base:
        return [
            entry_lines.LineInput(
                account_id=control.id,
                side=control_side,
                amount=entries.text(share, base),
                currency=base,
                description="Refund",
                customer_id=customer_id,
                vendor_id=vendor_id,
            ),
            cash,
        ]
    converted = await entries.preview(
        actor,
        on=on,
        lines=[
            cash,
            entry_lines.LineInput(
                account_id=control.id, side=control_side, amount=cash.amount, currency=item.currency
            ),
        ],
    )
    cash_base = converted[0].base_debit + converted[0].base_credit
    lines = [
        entry_lines.LineInput(
            account_id=control.id,
            side=control_side,
            amount=entries.text(share, base),
            currency=base,
            description="Refund",
            customer_id=customer_id,
            vendor_id=vendor_id,
        ),
        cash,
    ]
    difference = cash_base - share  # paid out more base than the credit carried: a loss
    if difference:
        fx = await entries.account_of(
            actor.org, AccountSubtype.EXCHANGE_GAIN_LOSS, AccountType.EXPENSE
        )
        lines.append(
            entry_lines.LineInput(
                account_id=fx.id,
                side=control_side if difference > 0 else entries.opposite(control_side),
                amount=entries.text(abs(difference), base),
                currency=base,
                description="Exchange difference on refund",
            )
        )
    return lines
