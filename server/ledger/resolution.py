"""Checking an entry's lines and converting them to the base currency before posting."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from server.actor import Actor
from server.crm.models import Customer, Vendor
from server.errors import DomainError, ErrorCode, ValidationFailed
from server.identity.base_currency import base_currency
from server.ledger.entry_lines import NOTHING_KNOWN, EntryInput, Known, ResolvedLine, Side
from server.ledger.errors import Unbalanced
from server.ledger.models import Account, AccountStatus, TrackingOption
from server.ledger.rates import rate_on
from server.money import Money, MoneyError, validate_currency

MAX_LINES = 500


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
