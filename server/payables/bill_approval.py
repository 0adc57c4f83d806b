"""Approving a bill: posting it and opening it for payment, with segregation of duties."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import clock
from server.access import duties
from server.access.control import AccessControl
from server.actor import Actor
from server.audit import log as audit
from server.crm import terms
from server.crm.models import Vendor
from server.documents import entries
from server.documents.lines import priced_lines
from server.documents.models import Ledger, OpenItem, OpenItemKind
from server.errors import DomainError, ErrorCode
from server.ledger import idempotency
from server.payables import common, matching
from server.payables.bills import _status, get
from server.payables.models import Bill, BillLine, BillStatus

APPROVE_OPERATION = "bill.approve"


async def approve(
    access: AccessControl,
    actor: Actor,
    bill_id: UUID,
    *,
    override_tolerance: bool = False,
    idempotency_key: str | None = None,
) -> Bill:
    """Post the bill and open it for payment; the same key replays the first approval."""
    payload = {"id": str(bill_id), "overrideTolerance": override_tolerance}
    earlier = await idempotency.replay(actor, idempotency_key, APPROVE_OPERATION, payload)
    if earlier is not None:
        return await get(actor, earlier.result_id)
    try:
        return await _approve(access, actor, bill_id, override_tolerance, idempotency_key, payload)
    except duties.SegregationOfDuties as refusal:
        # An authorization matter: the refusal is audited although nothing else is written.
        await duties.record_refusal(actor, refusal)
        raise
    except IntegrityError:
        # A concurrent approval with the same key won; answer as it did.
        earlier = await idempotency.replay(actor, idempotency_key, APPROVE_OPERATION, payload)
        if earlier is None:
            raise
        return await get(actor, earlier.result_id)


async def _approve(
    access: AccessControl,
    actor: Actor,
    bill_id: UUID,
    override_tolerance: bool,
    idempotency_key: str | None,
    payload: dict[str, Any],
) -> Bill:
    async with in_transaction():
        bill = await get(actor, bill_id, lock=True)
        _status(bill, (BillStatus.SUBMITTED,), "approved")
        # Policy (policies/policy.csv, per organization): the creator may not approve.
        duties.refuse_creator(
            access,
            actor,
            obj="bill",
            act="approve",
            created_by_id=bill.created_by_id,
            object_type="Bill",
            object_id=bill.id,
        )
        rows = await BillLine.filter(bill_id=bill.id).order_by("line_no")
        if not rows or bill.total_minor <= 0:
            raise DomainError(
                "a bill of zero cannot be approved", code=ErrorCode.EMPTY_DOCUMENT, field=["id"]
            )
        overridden: list[str] = []
        if bill.purchase_order_id is not None:
            order = await matching.lock_order(actor.org, bill.purchase_order_id)
            if order is not None:
                ordered = await matching.order_lines(order.id)
                found = matching.problems(rows, ordered, bill.currency)
                if found and not override_tolerance:
                    raise DomainError(
                        "the bill goes beyond its purchase order: "
                        + "; ".join(found)
                        + " (an approver may pass overrideTolerance)",
                        code=ErrorCode.TOLERANCE_EXCEEDED,
                        field=["overrideTolerance"],
                    )
                overridden = found
                await matching.add_billed(order, rows, ordered, +1)
        party = await Vendor.get(id=bill.vendor_id)
        vendor_terms = await common.vendor_terms(actor, party)
        percent, until = terms.discount(vendor_terms, bill.bill_date)
        priced = await priced_lines(actor.org, rows)
        lines = entries.document_lines(
            ledger=Ledger.PAYABLE,
            control=await entries.control_account(actor.org, Ledger.PAYABLE),
            control_side=entries.CHARGE_SIDE[Ledger.PAYABLE],
            party_id=bill.vendor_id,
            lines=priced,
            currency=bill.currency,
            description=f"Bill {bill.vendor_reference}",
        )
        entry, base_amount = await entries.post_document(
            actor,
            on=bill.bill_date,
            lines=lines,
            memo=f"Bill {bill.vendor_reference} from {party.name}"[:500],
            source_type="bill",
            source_id=bill.id,
        )
        due = bill.due_date or bill.bill_date
        await OpenItem.create(
            id=bill.id,
            organization_id=actor.org,
            ledger=Ledger.PAYABLE,
            kind=OpenItemKind.BILL,
            is_charge=True,
            party_id=bill.vendor_id,
            number=bill.vendor_reference,
            currency=bill.currency,
            date=bill.bill_date,
            due_date=due,
            amount_minor=bill.total_minor,
            base_amount_minor=base_amount,
            open_minor=bill.total_minor,
            open_base_minor=base_amount,
        )
        bill.status = BillStatus.APPROVED
        bill.entry_id = entry.id
        bill.approved_by_id = actor.user_id
        bill.approved_at = clock.now()
        bill.discount_percent = percent
        bill.discount_until = until
        bill.tolerance_overridden = bool(overridden)
        await bill.save()
        await idempotency.remember(actor, idempotency_key, APPROVE_OPERATION, payload, bill.id)
        after: dict[str, Any] = {
            "status": "APPROVED",
            "entry": entry.number,
            "currency": bill.currency,
            "total": common.amount_text(bill.total_minor, bill.currency),
            "baseAmount": base_amount,
        }
        if overridden:
            after["toleranceOverridden"] = overridden
        await audit.record(
            actor,
            APPROVE_OPERATION,
            object_type="Bill",
            object_id=bill.id,
            before={"status": "SUBMITTED"},
            after=after,
            idempotency_key=idempotency_key,
        )
    return bill
