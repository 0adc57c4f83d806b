"""Early-payment discounts, for receivables and payables alike.

A charge (invoice, bill) whose terms offer a discount ("2/10 net 30") and that is paid, less
its discount, on or before the last day of the discount period has the discount closed
against the discounts account: Sales discounts for receivables, Purchase discounts for
payables. The discount is a percentage of the document's total, tax included, rounded
half-up, and it is taken only when it is exactly what is left open.

The tax in the discount is given back: the discount is spread over the discounts account
and the document's tax accounts in proportion to the document's net amount and to each tax
account's tax, so output (or input) tax falls with the consideration actually received
(see docs/decisions/early-payment-discounts.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from uuid import UUID

from server.actor import Actor
from server.documents import closing, entries
from server.documents.models import (
    Allocation,
    AllocationKind,
    DocumentLine,
    Ledger,
    OpenItem,
    TaxRate,
)
from server.ledger.models import Account, AccountSubtype, AccountType

# The discounts account of each ledger: an expense when the organization gives the discount,
# income when it takes one.
ACCOUNT_TYPE = {Ledger.RECEIVABLE: AccountType.EXPENSE, Ledger.PAYABLE: AccountType.INCOME}


def due(
    *, total_minor: int, percent: Decimal | None, until: date | None, open_minor: int, on: date
) -> int:
    """The discount to take if what is open is paid on `on`, else 0."""
    if not percent or until is None or on > until:
        return 0
    value = Decimal(total_minor) * Decimal(percent) / Decimal(100)
    discount = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return discount if 0 < discount <= open_minor else 0


async def account(organization_id: UUID, ledger: Ledger) -> Account:
    """The ledger's discounts account (Sales discounts, Purchase discounts)."""
    return await entries.account_of(organization_id, AccountSubtype.DISCOUNT, ACCOUNT_TYPE[ledger])


async def _counterparts(
    organization_id: UUID, discounts: Account, lines: Sequence[DocumentLine]
) -> list[tuple[Account, int]]:
    """The discounts account weighted by the document's net amount, then each tax account
    weighted by its tax."""
    taxes: dict[UUID, int] = defaultdict(int)
    for ln in lines:
        if ln.tax_rate_id is not None and ln.tax_minor:
            taxes[ln.tax_rate_id] += int(ln.tax_minor)
    net = sum(int(ln.amount_minor) for ln in lines)
    shares: list[tuple[Account, int]] = [(discounts, net)]
    if not taxes:
        return shares
    rates = await TaxRate.filter(organization_id=organization_id, id__in=list(taxes)).values_list(
        "id", "account_id"
    )
    by_account: dict[UUID, int] = defaultdict(int)
    for rate_id, account_id in rates:
        by_account[account_id] += taxes[rate_id]
    accounts = {a.id: a for a in await Account.filter(id__in=list(by_account))}
    shares += [(accounts[a], weight) for a, weight in by_account.items() if a in accounts]
    return shares


async def take(
    actor: Actor,
    *,
    item: OpenItem,
    amount: int,
    on: date,
    lines: Sequence[DocumentLine],
    field: list[str],
    memo: str,
) -> Allocation:
    """Close `amount` of a locked charge as its early-payment discount, tax given back."""
    ledger = Ledger(item.ledger)
    discounts = await account(actor.org, ledger)
    return await closing.close(
        actor,
        item=item,
        kind=AllocationKind.DISCOUNT,
        amount=amount,
        on=on,
        account=discounts,
        field=field,
        memo=memo,
        counterparts=await _counterparts(actor.org, discounts, lines),
    )
