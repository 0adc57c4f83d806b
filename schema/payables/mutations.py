"""Root mutations of bills and bill payments."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import user_errors
from schema.payables.conversion import _bill, _bill_result, _id, _lines
from schema.payables.inputs import (
    BillApproveInput,
    BillCreateInput,
    BillIdInput,
    BillLineInput,
    BillPaymentRecordInput,
    BillPaymentVoidInput,
    BillRejectInput,
    BillUpdateInput,
    BillVoidInput,
)
from schema.payables.payloads import BillPayload, BillPaymentPayload
from schema.payables.types import BillPayment
from schema.permissions import requires
from server.editing import refuse_nulls
from server.errors import DomainError, ValidationFailed
from server.payables import bill_approval, bill_inputs, bill_payments, bills

# Fields of a bill an update cannot clear, with their API names.
BILL_REQUIRED = {"vendor_reference": "vendorReference", "bill_date": "billDate", "lines": "lines"}


@strawberry.type
class PayablesMutation:
    @requires("bill", "create", mutation=True, description="Enter a vendor's invoice as a draft.")
    async def bill_create(
        self,
        info: Info,
        input: Annotated[BillCreateInput, strawberry.argument(description="The bill.")],
    ) -> BillPayload:
        actor = info.context.signed_in()

        async def run() -> bill_inputs.BillResult:
            drafts, order_lines = _lines(input.lines)
            return await bills.create(
                actor,
                bill_inputs.BillDraft(
                    vendor_id=_id(input.vendor_id, "Vendor", ["vendorId"]),
                    vendor_reference=input.vendor_reference,
                    bill_date=input.bill_date,
                    lines=drafts,
                    due_date=input.due_date,
                    currency=input.currency,
                    memo=input.memo,
                    order_line_ids=order_lines,
                    acknowledge_warnings=input.acknowledge_warnings,
                ),
            )

        return await _bill_result(run)

    @requires("bill", "create", mutation=True, description="Change a draft bill.")
    async def bill_update(
        self,
        info: Info,
        input: Annotated[BillUpdateInput, strawberry.argument(description="The changes.")],
    ) -> BillPayload:
        actor = info.context.signed_in()

        async def run() -> bill_inputs.BillResult:
            nulled = {name for name in BILL_REQUIRED if getattr(input, name) is None}
            refuse_nulls(nulled, BILL_REQUIRED)
            changes = bill_inputs.BillChanges(acknowledge_warnings=input.acknowledge_warnings)
            for name in ("vendor_reference", "bill_date", "due_date", "memo"):
                value = getattr(input, name)
                if value is not strawberry.UNSET:
                    setattr(changes, name, value)
            if input.lines is not strawberry.UNSET:
                lines: list[BillLineInput] = input.lines or []
                changes.lines, changes.order_line_ids = _lines(lines)
            return await bills.update(actor, _id(input.id, "Bill", ["id"]), changes)

        return await _bill_result(run)

    @requires("bill", "create", mutation=True, description="Send a draft bill for approval.")
    async def bill_submit(
        self,
        info: Info,
        input: Annotated[BillIdInput, strawberry.argument(description="The bill.")],
    ) -> BillPayload:
        actor = info.context.signed_in()
        return await _bill(lambda: bills.submit(actor, _id(input.id, "Bill", ["id"])))

    @requires(
        "bill",
        "approve",
        mutation=True,
        description="Approve a submitted bill: posts it and opens it for payment.",
    )
    async def bill_approve(
        self,
        info: Info,
        input: Annotated[BillApproveInput, strawberry.argument(description="The bill.")],
    ) -> BillPayload:
        actor = info.context.signed_in()
        return await _bill(
            lambda: bill_approval.approve(
                info.context.access,
                actor,
                _id(input.id, "Bill", ["id"]),
                override_tolerance=input.override_tolerance,
                idempotency_key=input.idempotency_key,
            )
        )

    @requires("bill", "approve", mutation=True, description="Send a submitted bill back to draft.")
    async def bill_reject(
        self,
        info: Info,
        input: Annotated[BillRejectInput, strawberry.argument(description="The bill and why.")],
    ) -> BillPayload:
        actor = info.context.signed_in()
        return await _bill(lambda: bills.reject(actor, _id(input.id, "Bill", ["id"]), input.reason))

    @requires("bill", "void", mutation=True, description="Void a bill; a posted one is reversed.")
    async def bill_void(
        self,
        info: Info,
        input: Annotated[BillVoidInput, strawberry.argument(description="The bill.")],
    ) -> BillPayload:
        actor = info.context.signed_in()
        return await _bill(
            lambda: bills.void(actor, _id(input.id, "Bill", ["id"]), input.date, input.reason)
        )

    @requires(
        "bill_payment",
        "record",
        mutation=True,
        description="Record a payment to a vendor and apply it to its bills.",
    )
    async def bill_payment_record(
        self,
        info: Info,
        input: Annotated[BillPaymentRecordInput, strawberry.argument(description="The payment.")],
    ) -> BillPaymentPayload:
        actor = info.context.signed_in()
        try:
            problems: list[DomainError] = []
            allocations = []
            for i, a in enumerate(input.allocations):
                try:
                    allocations.append(
                        bill_payments.AllocationDraft(
                            bill_id=_id(a.bill_id, "Bill", ["allocations", str(i), "billId"]),
                            amount=a.amount,
                        )
                    )
                except DomainError as exc:
                    problems.append(exc)
            if problems:
                raise ValidationFailed(problems)
            payment = await bill_payments.record(
                actor,
                bill_payments.PaymentDraft(
                    vendor_id=_id(input.vendor_id, "Vendor", ["vendorId"]),
                    date=input.date,
                    amount=input.amount,
                    currency=input.currency,
                    method=input.method,
                    bank_account_id=_id(input.bank_account_id, "Account", ["bankAccountId"]),
                    allocations=allocations,
                    reference=input.reference,
                    memo=input.memo,
                ),
                idempotency_key=input.idempotency_key,
            )
        except DomainError as error:
            return BillPaymentPayload(bill_payment=None, user_errors=user_errors(error))
        return BillPaymentPayload(bill_payment=BillPayment.from_model(payment), user_errors=[])

    @requires(
        "bill_payment",
        "void",
        mutation=True,
        description=(
            "Void a bill payment: what it applied to bills is undone, with any early-payment "
            "discount those bills had taken, and its entry is reversed."
        ),
    )
    async def bill_payment_void(
        self,
        info: Info,
        input: Annotated[BillPaymentVoidInput, strawberry.argument(description="The payment.")],
    ) -> BillPaymentPayload:
        actor = info.context.signed_in()
        try:
            payment = await bill_payments.void(
                actor, _id(input.id, "BillPayment", ["id"]), input.date
            )
        except DomainError as error:
            return BillPaymentPayload(bill_payment=None, user_errors=user_errors(error))
        return BillPaymentPayload(bill_payment=BillPayment.from_model(payment), user_errors=[])
