"""Root fields of credit notes and invoice disputes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry

from schema.context import Info
from schema.errors import user_errors
from schema.filters import OrderDirection, bounds, order_key
from schema.ids import decode
from schema.page_args import After, Before, First, Last
from schema.page_json import written_page
from schema.pagination import Connection, SortKey, paginate_sql
from schema.permissions import requires
from schema.reads import page_item_sql
from schema.receivables import enums as _enums  # noqa: F401 - registers the enums first
from schema.receivables.credit_types import (
    CreditNote,
    CreditNotePayload,
    Dispute,
    DisputeFilter,
    DisputeOrder,
    DisputePayload,
)
from schema.receivables.inputs import (
    AllocationInput,
    CreditNoteFilter,
    CreditNoteOrder,
    InvoiceLineInput,
)
from schema.receivables.resolvers import (
    _customer_filter,
    _id,
    _line,
    _optional,
    _requests,
)
from schema.scalars import Amount
from server.errors import DomainError
from server.receivables import credit_notes, disputes, refunds
from server.receivables import models as m
from server.receivables.listing import (
    CREDIT_NOTE_ORDERS,
    credit_note_conditions,
    dispute_conditions,
)
from server.receivables.reads import CREDIT_NOTE, DISPUTE

Day = date


@strawberry.input(description="A new draft credit note.")
class CreditNoteCreateInput:
    customer_id: strawberry.ID = strawberry.field(description="Who it is for.")
    issue_date: date = strawberry.field(description="Its date.")
    lines: list[InvoiceLineInput] = strawberry.field(description="What is credited.")
    invoice_id: strawberry.ID | None = strawberry.field(
        default=None, description="The invoice it corrects."
    )
    reason: str | None = strawberry.field(default=None, description="Why it is given.")


@strawberry.input(description="Issue a draft credit note.")
class CreditNoteIssueInput:
    id: strawberry.ID = strawberry.field(description="The draft.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Repeat the request safely: the same key returns the same result."
    )


@strawberry.input(description="Apply a credit note to invoices.")
class CreditNoteAllocateInput:
    id: strawberry.ID = strawberry.field(description="The credit note.")
    allocations: list[AllocationInput] = strawberry.field(description="Invoices and amounts.")
    date: Day | None = strawberry.field(
        default=None, description="When it takes effect; the credit note's date if omitted."
    )


@strawberry.input(description="Pay a credit note's unapplied amount back.")
class CreditNoteRefundInput:
    id: strawberry.ID = strawberry.field(description="The credit note.")
    amount: Amount = strawberry.field(description="How much to pay back.")
    date: Day = strawberry.field(description="When it is paid back.")
    account_id: strawberry.ID = strawberry.field(description="Bank account it is paid from.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Repeat the request safely: the same key returns the same result."
    )


@strawberry.input(description="Open a dispute on an invoice.")
class InvoiceDisputeOpenInput:
    invoice_id: strawberry.ID = strawberry.field(description="The invoice.")
    reason: m.DisputeReason = strawberry.field(description="Why the customer disputes it.")
    note: str | None = strawberry.field(default=None, description="Details.")
    date: Day = strawberry.field(description="When the customer raised it.")


@strawberry.input(description="Resolve a dispute.")
class InvoiceDisputeResolveInput:
    id: strawberry.ID = strawberry.field(description="The dispute.")
    resolution: m.DisputeResolution = strawberry.field(description="How it ends.")
    date: Day = strawberry.field(description="When it is resolved.")
    note: str | None = strawberry.field(default=None, description="Notes on the outcome.")
    credit_note_id: strawberry.ID | None = strawberry.field(
        default=None, description="The issued credit note that settles it (CREDIT_NOTE)."
    )


async def _note_result(run: Callable[[], Awaitable[m.CreditNote]]) -> CreditNotePayload:
    try:
        note = await run()
    except DomainError as error:
        return CreditNotePayload(credit_note=None, user_errors=user_errors(error))
    return CreditNotePayload(credit_note=CreditNote.from_model(note), user_errors=[])


async def _dispute_result(run: Callable[[], Awaitable[m.Dispute]]) -> DisputePayload:
    try:
        dispute = await run()
    except DomainError as error:
        return DisputePayload(dispute=None, user_errors=user_errors(error))
    return DisputePayload(dispute=Dispute.from_model(dispute), user_errors=[])


@strawberry.type
class CreditNotesQuery:
    @requires("credit_note", "read", description="Credit notes, a page at a time.")
    async def credit_notes(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            CreditNoteFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            CreditNoteOrder | None,
            strawberry.argument(description="Sort order; latest date first if omitted."),
        ] = None,
    ) -> Connection[CreditNote]:
        flt = filter or CreditNoteFilter()
        order = order_by or CreditNoteOrder()
        where = credit_note_conditions(
            info.context.signed_in().org,
            customer_id=_customer_filter(flt.customer_id),
            status=flt.status or (),
            issue_date=bounds(flt.issue_date),
        )
        page = await paginate_sql(
            m.CreditNote,
            where,
            order_key(CREDIT_NOTE_ORDERS, order.field, order.direction),
            CreditNote.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked of them.
            item_sql=page_item_sql(info, CREDIT_NOTE),
        )
        return await written_page(info, page)

    @requires(
        "invoice",
        "read",
        description="The organization's invoice disputes, oldest first unless ordered.",
    )
    async def invoice_disputes(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            DisputeFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            DisputeOrder | None,
            strawberry.argument(description="Sort order; oldest first if omitted."),
        ] = None,
    ) -> Connection[Dispute]:
        flt, order = filter or DisputeFilter(), order_by or DisputeOrder()
        # An id that cannot be an invoice's matches nothing, as the other lists' filters.
        invoice = (
            None if flt.invoice_id is None else decode(flt.invoice_id, "Invoice") or UUID(int=0)
        )
        page = await paginate_sql(
            m.Dispute,
            dispute_conditions(
                info.context.signed_in().org,
                invoice_id=invoice,
                statuses=flt.status,
                opened_on=bounds(flt.opened_on),
            ),
            SortKey(order.field.value, descending=order.direction == OrderDirection.DESC),
            Dispute.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked of them.
            item_sql=page_item_sql(info, DISPUTE),
        )
        return await written_page(info, page)


@strawberry.type
class CreditNotesMutation:
    @requires("credit_note", "create", mutation=True, description="Create a draft credit note.")
    async def credit_note_create(
        self,
        info: Info,
        input: Annotated[CreditNoteCreateInput, strawberry.argument(description="The note.")],
    ) -> CreditNotePayload:
        actor = info.context.signed_in()

        async def run() -> m.CreditNote:
            draft = credit_notes.CreditNoteDraft(
                customer_id=_id(input.customer_id, "Customer", ["customerId"]),
                issue_date=input.issue_date,
                lines=tuple(_line(i, ln) for i, ln in enumerate(input.lines)),
                invoice_id=_optional(input.invoice_id, "Invoice", ["invoiceId"]),
                reason=input.reason,
            )
            return await credit_notes.create(actor, draft)

        return await _note_result(run)

    @requires("credit_note", "issue", mutation=True, description="Issue a credit note (posts it).")
    async def credit_note_issue(
        self,
        info: Info,
        input: Annotated[CreditNoteIssueInput, strawberry.argument(description="The note.")],
    ) -> CreditNotePayload:
        actor = info.context.signed_in()
        return await _note_result(
            lambda: credit_notes.issue(
                actor,
                _id(input.id, "CreditNote", ["id"]),
                idempotency_key=input.idempotency_key,
            )
        )

    @requires("credit_note", "issue", mutation=True, description="Apply a credit note to invoices.")
    async def credit_note_allocate(
        self,
        info: Info,
        input: Annotated[CreditNoteAllocateInput, strawberry.argument(description="What.")],
    ) -> CreditNotePayload:
        actor = info.context.signed_in()
        return await _note_result(
            lambda: credit_notes.allocate(
                actor,
                _id(input.id, "CreditNote", ["id"]),
                _requests(input.allocations),
                input.date,
            )
        )

    @requires(
        "credit_note",
        "issue",
        mutation=True,
        description="Refund a credit note's unapplied amount.",
    )
    async def credit_note_refund(
        self,
        info: Info,
        input: Annotated[CreditNoteRefundInput, strawberry.argument(description="The refund.")],
    ) -> CreditNotePayload:
        actor = info.context.signed_in()
        return await _note_result(
            lambda: credit_notes.refund(
                actor,
                _id(input.id, "CreditNote", ["id"]),
                refunds.RefundRequest(
                    amount=input.amount,
                    on=input.date,
                    account_id=_id(input.account_id, "Account", ["accountId"]),
                    idempotency_key=input.idempotency_key,
                ),
            )
        )

    @requires("invoice", "dispute", mutation=True, description="Open a dispute on an invoice.")
    async def invoice_dispute_open(
        self,
        info: Info,
        input: Annotated[InvoiceDisputeOpenInput, strawberry.argument(description="The dispute.")],
    ) -> DisputePayload:
        actor = info.context.signed_in()
        return await _dispute_result(
            lambda: disputes.open_dispute(
                actor,
                _id(input.invoice_id, "Invoice", ["invoiceId"]),
                input.reason,
                input.note,
                input.date,
            )
        )

    @requires("invoice", "dispute", mutation=True, description="Resolve a dispute.")
    async def invoice_dispute_resolve(
        self,
        info: Info,
        input: Annotated[
            InvoiceDisputeResolveInput, strawberry.argument(description="The outcome.")
        ],
    ) -> DisputePayload:
        actor = info.context.signed_in()
        return await _dispute_result(
            lambda: disputes.resolve(
                actor,
                _id(input.id, "Dispute", ["id"]),
                input.resolution,
                input.date,
                input.note,
                _optional(input.credit_note_id, "CreditNote", ["creditNoteId"]),
            )
        )
