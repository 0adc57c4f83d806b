"""Bills: create and edit drafts, submit, reject and void.

Approval (server.payables.bill_approval) posts Dr expense or asset per line and Dr input
tax / Cr accounts payable through the posting service, and opens the bill's open item (same
id as the bill) for payments.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server import clock
from server.actor import Actor
from server.audit import log as audit
from server.crm import terms
from server.documents import allocation
from server.documents.lines import Purpose, price_lines, totals
from server.documents.models import OpenItem
from server.errors import DomainError, ErrorCode, NotFound
from server.identity.base_currency import base_currency
from server.ledger import reversals
from server.payables import common, matching
from server.payables.bill_checks import _duplicates, _order_lines_for
from server.payables.bill_inputs import UNSET, BillChanges, BillDraft, BillResult
from server.payables.models import Bill, BillLine, BillStatus

POSTED = (BillStatus.APPROVED, BillStatus.PARTIALLY_PAID, BillStatus.PAID)


def snapshot(bill: Bill) -> dict[str, Any]:
    """The audit view of a bill."""
    return {
        "vendor": str(bill.vendor_id),
        "vendorReference": bill.vendor_reference,
        "status": str(bill.status),
        "currency": bill.currency,
        "billDate": bill.bill_date.isoformat(),
        "dueDate": bill.due_date.isoformat() if bill.due_date else None,
        "memo": bill.memo,
        "subtotal": common.amount_text(bill.subtotal_minor, bill.currency),
        "tax": common.amount_text(bill.tax_minor, bill.currency),
        "total": common.amount_text(bill.total_minor, bill.currency),
        "purchaseOrder": str(bill.purchase_order_id) if bill.purchase_order_id else None,
    }


async def get(actor: Actor, bill_id: UUID, *, lock: bool = False) -> Bill:
    query = Bill.filter(id=bill_id, organization_id=actor.org)
    if lock:
        query = query.select_for_update()
    found = await query.first()
    if found is None:
        raise NotFound("bill not found", field=["id"])
    return found


def _status(bill: Bill, allowed: Sequence[BillStatus], doing: str) -> None:
    if bill.status not in allowed:
        raise DomainError(
            f"a {bill.status.value.lower()} bill cannot be {doing}",
            code=ErrorCode.INVALID_STATUS,
            field=["id"],
        )


async def create(
    actor: Actor, draft: BillDraft, *, purchase_order_id: UUID | None = None
) -> BillResult:
    """Save a draft bill, unless it repeats one or needs the client's acknowledgement."""
    reference = common.text(draft.vendor_reference, "vendorReference", 64, required=True)
    assert reference is not None
    memo = common.text(draft.memo, "memo", 1000)
    base = await base_currency(actor.org)
    async with in_transaction():
        party = await common.vendor(actor, draft.vendor_id, lock=True)
        common.check_active(party)
        if draft.currency is not None and draft.currency != party.currency:
            raise DomainError(
                f"bills of this vendor are in {party.currency}",
                code=ErrorCode.CURRENCY_MISMATCH,
                field=["currency"],
            )
        priced = await price_lines(actor, draft.lines, party.currency, Purpose.PURCHASES, base)
        order_line_ids = await _order_lines_for(
            purchase_order_id, draft.order_line_ids, len(priced)
        )
        figures = totals(priced)
        vendor_terms = await common.vendor_terms(actor, party)
        due = draft.due_date or terms.due_date(
            vendor_terms, draft.bill_date, party.payment_terms_days
        )
        if due < draft.bill_date:
            raise DomainError(
                "the due date is before the bill date",
                code=ErrorCode.DATE_BEFORE_DOCUMENT,
                field=["dueDate"],
            )
        warnings = await _duplicates(
            actor, party.id, reference, figures.total_minor, draft.bill_date, None
        )
        if warnings and not draft.acknowledge_warnings:
            return BillResult(bill=None, warnings=warnings)
        bill = await Bill.create(
            organization_id=actor.org,
            vendor_id=party.id,
            vendor_reference=reference,
            currency=party.currency,
            bill_date=draft.bill_date,
            due_date=due,
            terms_id=vendor_terms.id if vendor_terms else None,
            purchase_order_id=purchase_order_id,
            memo=memo,
            subtotal_minor=figures.subtotal_minor,
            tax_minor=figures.tax_minor,
            total_minor=figures.total_minor,
            created_by_id=actor.author_id,
        )
        rows = [
            BillLine(bill_id=bill.id, purchase_order_line_id=order_line, **ln.stored())
            for ln, order_line in zip(priced, order_line_ids, strict=True)
        ]
        await BillLine.bulk_create(rows)
        after = snapshot(bill)
        after["lines"] = common.line_snapshot(rows, bill.currency)
        if warnings:
            after["acknowledgedWarnings"] = [str(w.bill_id) for w in warnings]
        await audit.record(actor, "bill.create", object_type="Bill", object_id=bill.id, after=after)
    return BillResult(bill=bill, warnings=warnings)


async def update(actor: Actor, bill_id: UUID, changes: BillChanges) -> BillResult:
    """Change a draft; the lines, when given, replace all of its lines."""
    current = await get(actor, bill_id)
    base = await base_currency(actor.org)
    async with in_transaction():
        party = await common.vendor(actor, current.vendor_id, lock=True)
        bill = await get(actor, bill_id, lock=True)
        _status(bill, (BillStatus.DRAFT,), "edited")
        before = snapshot(bill)
        if changes.vendor_reference is not UNSET:
            reference = common.text(changes.vendor_reference, "vendorReference", 64, required=True)
            assert reference is not None
            bill.vendor_reference = reference
        if changes.memo is not UNSET:
            bill.memo = common.text(changes.memo, "memo", 1000)
        if changes.bill_date is not UNSET:
            if changes.bill_date is None:
                raise DomainError("give the bill date", code=ErrorCode.REQUIRED, field=["billDate"])
            bill.bill_date = changes.bill_date
        rows: list[BillLine] | None = None
        if changes.lines is not UNSET:
            priced = await price_lines(actor, changes.lines, bill.currency, Purpose.PURCHASES, base)
            order_line_ids = await _order_lines_for(
                bill.purchase_order_id, changes.order_line_ids, len(priced)
            )
            figures = totals(priced)
            bill.subtotal_minor = figures.subtotal_minor
            bill.tax_minor = figures.tax_minor
            bill.total_minor = figures.total_minor
            rows = [
                BillLine(bill_id=bill.id, purchase_order_line_id=order_line, **ln.stored())
                for ln, order_line in zip(priced, order_line_ids, strict=True)
            ]
        if changes.due_date is not UNSET or changes.bill_date is not UNSET:
            due = changes.due_date if changes.due_date is not UNSET else bill.due_date
            if due is None or (changes.due_date is UNSET and changes.bill_date is not UNSET):
                due = terms.due_date(
                    await common.vendor_terms(actor, party),
                    bill.bill_date,
                    party.payment_terms_days,
                )
            bill.due_date = due
        if bill.due_date is not None and bill.due_date < bill.bill_date:
            raise DomainError(
                "the due date is before the bill date",
                code=ErrorCode.DATE_BEFORE_DOCUMENT,
                field=["dueDate"],
            )
        warnings = await _duplicates(
            actor, party.id, bill.vendor_reference, bill.total_minor, bill.bill_date, bill.id
        )
        if warnings and not changes.acknowledge_warnings:
            return BillResult(bill=None, warnings=warnings)
        await bill.save()
        after = snapshot(bill)
        if rows is not None:
            await BillLine.filter(bill_id=bill.id).delete()
            await BillLine.bulk_create(rows)
            after["lines"] = common.line_snapshot(rows, bill.currency)
        await audit.record(
            actor, "bill.update", object_type="Bill", object_id=bill.id, before=before, after=after
        )
    return BillResult(bill=bill, warnings=warnings)


async def submit(actor: Actor, bill_id: UUID) -> Bill:
    async with in_transaction():
        bill = await get(actor, bill_id, lock=True)
        _status(bill, (BillStatus.DRAFT,), "submitted")
        if bill.total_minor <= 0:
            raise DomainError(
                "a bill of zero cannot be submitted", code=ErrorCode.EMPTY_DOCUMENT, field=["id"]
            )
        bill.status = BillStatus.SUBMITTED
        bill.submitted_by_id = actor.user_id
        bill.rejection_reason = None
        await bill.save()
        await audit.record(
            actor,
            "bill.submit",
            object_type="Bill",
            object_id=bill.id,
            before={"status": "DRAFT"},
            after={"status": "SUBMITTED"},
        )
    return bill


async def reject(actor: Actor, bill_id: UUID, reason: str) -> Bill:
    cleaned = common.text(reason, "reason", 1000, required=True)
    async with in_transaction():
        bill = await get(actor, bill_id, lock=True)
        _status(bill, (BillStatus.SUBMITTED,), "rejected")
        bill.status = BillStatus.DRAFT
        bill.rejection_reason = cleaned
        await bill.save()
        await audit.record(
            actor,
            "bill.reject",
            object_type="Bill",
            object_id=bill.id,
            before={"status": "SUBMITTED"},
            after={"status": "DRAFT", "reason": cleaned},
        )
    return bill


async def void(actor: Actor, bill_id: UUID, on: date | None, reason: str | None) -> Bill:
    """Void a bill: a posted one is reversed on `on` (today if omitted) and closed."""
    note = common.text(reason, "reason", 1000)
    async with in_transaction():
        bill = await get(actor, bill_id, lock=True)
        _status(
            bill,
            (BillStatus.DRAFT, BillStatus.SUBMITTED, *POSTED),
            "voided",
        )
        before = snapshot(bill)
        day = on or clock.today()
        if bill.status in POSTED:
            if day < bill.bill_date:
                raise DomainError(
                    "a bill cannot be voided before its date",
                    code=ErrorCode.DATE_BEFORE_DOCUMENT,
                    field=["date"],
                )
            if bill.purchase_order_id is not None:
                order = await matching.lock_order(actor.org, bill.purchase_order_id)
                if order is not None:
                    rows = await BillLine.filter(bill_id=bill.id)
                    await matching.add_billed(order, rows, await matching.order_lines(order.id), -1)
            items = await allocation.lock(actor.org, [bill.id])
            item = items.get(bill.id)
            if await allocation.live_allocations(bill.id):
                raise DomainError(
                    "payments or discounts are allocated to this bill; undo them first",
                    code=ErrorCode.HAS_ALLOCATIONS,
                    field=["id"],
                )
            assert bill.entry_id is not None and item is not None
            reversal = await reversals.reverse(
                actor,
                bill.entry_id,
                day,
                f"Void of bill {bill.vendor_reference}"[:500],
                audit_event=False,
            )
            changed = await OpenItem.filter(
                id=item.id, open_minor=item.amount_minor, voided_on__isnull=True
            ).update(voided_on=day, open_minor=0, open_base_minor=0)
            if changed != 1:
                raise DomainError(
                    "payments are allocated to this bill",
                    code=ErrorCode.HAS_ALLOCATIONS,
                    field=["id"],
                )
            bill.void_entry_id = reversal.id
        bill.status = BillStatus.VOID
        bill.voided_on = day
        await bill.save()
        after = {"status": "VOID", "date": day.isoformat(), "reason": note}
        await audit.record(
            actor, "bill.void", object_type="Bill", object_id=bill.id, before=before, after=after
        )
    return bill


async def refresh_statuses(bills: Sequence[Bill], items: dict[UUID, OpenItem]) -> None:
    """Set APPROVED, PARTIALLY_PAID or PAID from what is open on each bill."""
    for bill in bills:
        item = items.get(bill.id)
        if item is None or bill.status not in POSTED:
            continue
        if item.open_minor == 0:
            status = BillStatus.PAID
        elif item.open_minor < item.amount_minor:
            status = BillStatus.PARTIALLY_PAID
        else:
            status = BillStatus.APPROVED
        if status != bill.status:
            bill.status = status
            await Bill.filter(id=bill.id).update(status=status)
