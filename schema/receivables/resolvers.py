"""Root fields of receivables: invoices and payments received."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from uuid import UUID

import strawberry

from schema.context import Info
from schema.errors import user_errors
from schema.filters import bounds, order_key
from schema.ids import decode
from schema.page_args import After, Before, First, Last
from schema.page_json import written_page
from schema.pagination import Connection, paginate_sql
from schema.permissions import authorize, requires
from schema.reads import by_id, page_item_sql
from schema.receivables.inputs import (
    AllocationInput,
    InvoiceCreateInput,
    InvoiceFilter,
    InvoiceIssueInput,
    InvoiceLineInput,
    InvoiceOrder,
    InvoiceUpdateInput,
    InvoiceVoidInput,
    InvoiceWriteOffInput,
    PaymentAllocateInput,
    PaymentFilter,
    PaymentOrder,
    PaymentRecordInput,
    PaymentRefundInput,
    PaymentUnallocateInput,
    PaymentVoidInput,
)
from schema.receivables.payloads import DryRun, InvoicePayload, PaymentPayload
from schema.receivables.types import Invoice, Payment
from server import clock
from server.documents.lines import LineDraft
from server.editing import UNSET
from server.errors import DomainError, NotFound
from server.identity.models import Organization
from server.receivables import invoice_issue, invoices, listing, payment_input, payments, refunds
from server.receivables import models as m
from server.receivables.dry_run import PostingPreview
from server.receivables.invoice_changes import InvoiceChanges
from server.receivables.listing import invoice_conditions, payment_conditions
from server.receivables.reads import INVOICE, PAYMENT


def _id(value: strawberry.ID | None, type_name: str, path: list[str]) -> UUID:
    decoded = decode(value, type_name) if value else None
    if decoded is None:
        raise NotFound(f"{type_name} not found", field=path)
    return decoded


def _optional(value: strawberry.ID | None, type_name: str, path: list[str]) -> UUID | None:
    return _id(value, type_name, path) if value else None


def _customer_filter(value: strawberry.ID | None) -> UUID | None:
    """A list filter's customer: None for none asked; an id that cannot be a customer's
    matches nothing."""
    if value is None:
        return None
    return decode(value, "Customer") or UUID(int=0)


def _line(i: int, line: InvoiceLineInput) -> LineDraft:
    at = ["lines", str(i)]
    return LineDraft(
        item_id=_optional(line.item_id, "Item", [*at, "itemId"]),
        description=line.description,
        quantity=line.quantity,
        unit_price=line.unit_price,
        discount_percent=line.discount_percent,
        tax_rate_id=_optional(line.tax_rate_id, "TaxRate", [*at, "taxRateId"]),
        account_id=_optional(line.account_id, "Account", [*at, "accountId"]),
        dimension_option_ids=tuple(
            _id(o, "TrackingOption", [*at, "dimensionOptionIds"])
            for o in line.dimension_option_ids or []
        ),
    )


def _draft(data: InvoiceCreateInput) -> invoices.InvoiceDraft:
    return invoices.InvoiceDraft(
        customer_id=_id(data.customer_id, "Customer", ["customerId"]),
        issue_date=data.issue_date,
        due_date=data.due_date,
        terms_id=_optional(data.payment_terms_id, "PaymentTerms", ["paymentTermsId"]),
        reference=data.reference,
        memo=data.memo,
        lines=tuple(_line(i, ln) for i, ln in enumerate(data.lines)),
    )


def _changes(data: InvoiceUpdateInput) -> InvoiceChanges:
    """The fields sent, converted; UNSET stays UNSET and null stays None."""

    def sent(value: Any, convert: Any) -> Any:
        if value is strawberry.UNSET:
            return UNSET
        return None if value is None else convert(value)

    return InvoiceChanges(
        customer_id=sent(data.customer_id, lambda v: _id(v, "Customer", ["customerId"])),
        issue_date=sent(data.issue_date, lambda v: v),
        lines=sent(data.lines, lambda v: tuple(_line(i, ln) for i, ln in enumerate(v))),
        due_date=sent(data.due_date, lambda v: v),
        terms_id=sent(data.payment_terms_id, lambda v: _id(v, "PaymentTerms", ["paymentTermsId"])),
        reference=sent(data.reference, lambda v: v),
        memo=sent(data.memo, lambda v: v),
    )


def _requests(items: list[AllocationInput] | None) -> tuple[payment_input.AllocationRequest, ...]:
    return tuple(
        payment_input.AllocationRequest(
            invoice_id=_id(a.invoice_id, "Invoice", ["allocations", str(i), "invoiceId"]),
            amount=a.amount,
        )
        for i, a in enumerate(items or [])
    )


async def _base(info: Info) -> str:
    return str((await Organization.get(id=info.context.signed_in().org)).base_currency)


async def _invoice_result(
    info: Info, run: Callable[[], Awaitable[m.Invoice | PostingPreview]]
) -> InvoicePayload:
    try:
        result = await run()
    except DomainError as error:
        return InvoicePayload(invoice=None, dry_run=None, user_errors=user_errors(error))
    if isinstance(result, PostingPreview):
        preview = await DryRun.build(info, result, await _base(info))
        return InvoicePayload(invoice=None, dry_run=preview, user_errors=[])
    return InvoicePayload(invoice=Invoice.from_model(result), dry_run=None, user_errors=[])


async def _payment_result(
    info: Info, run: Callable[[], Awaitable[m.Payment | PostingPreview]]
) -> PaymentPayload:
    try:
        result = await run()
    except DomainError as error:
        return PaymentPayload(payment=None, dry_run=None, user_errors=user_errors(error))
    if isinstance(result, PostingPreview):
        preview = await DryRun.build(info, result, await _base(info))
        return PaymentPayload(payment=None, dry_run=preview, user_errors=[])
    return PaymentPayload(payment=Payment.from_model(result), dry_run=None, user_errors=[])


@strawberry.type
class ReceivablesQuery:
    @requires("invoice", "read", description="The organization's invoices, a page at a time.")
    async def invoices(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            InvoiceFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            InvoiceOrder | None,
            strawberry.argument(description="Sort order; newest issue date first if omitted."),
        ] = None,
    ) -> Connection[Invoice]:
        actor = info.context.signed_in()
        flt = filter or InvoiceFilter()
        order = order_by or InvoiceOrder()
        where = invoice_conditions(
            actor.org,
            listing.InvoiceFilter(
                status=flt.status or (),
                customer_id=_customer_filter(flt.customer_id),
                issue_date=bounds(flt.issue_date),
                due_date=bounds(flt.due_date),
                number=flt.number,
                overdue=flt.overdue,
                today=clock.today(),
                search=flt.search,
            ),
        )
        key = order_key(listing.INVOICE_ORDERS, order.field, order.direction)
        # The database writes the items itself when it can write every field asked of them.
        item_sql = page_item_sql(info, INVOICE)
        page = await paginate_sql(
            m.Invoice,
            where,
            key,
            Invoice.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            item_sql=item_sql,
            **({} if item_sql else Invoice.customers_with_page(info)),
        )
        if item_sql is None:
            await Invoice.prefetch(info, [edge.node for edge in page.edges])
            return page
        return await written_page(info, page)

    @requires("invoice", "read", description="One invoice; null if there is none with this id.")
    async def invoice(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> Invoice | None:
        org = info.context.signed_in().org

        async def stock(invoice_id: UUID) -> Invoice | None:
            found = await m.Invoice.get_or_none(id=invoice_id, organization_id=org)
            return Invoice.from_model(found) if found else None

        return await by_id(info, INVOICE, id, stock)

    @requires("payment", "read", description="Payments received, a page at a time.")
    async def payments(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            PaymentFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            PaymentOrder | None,
            strawberry.argument(description="Sort order; latest payment date first if omitted."),
        ] = None,
    ) -> Connection[Payment]:
        actor = info.context.signed_in()
        flt = filter or PaymentFilter()
        order = order_by or PaymentOrder()
        where = payment_conditions(
            actor.org,
            # An id that cannot be a customer's matches nothing.
            customer_id=_customer_filter(flt.customer_id),
            status=flt.status or (),
            payment_date=bounds(flt.payment_date),
        )
        page = await paginate_sql(
            m.Payment,
            where,
            order_key(listing.PAYMENT_ORDERS, order.field, order.direction),
            Payment.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked of them.
            item_sql=page_item_sql(info, PAYMENT),
        )
        return await written_page(info, page)

    @requires("payment", "read", description="One payment; null if there is none with this id.")
    async def payment(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> Payment | None:
        org = info.context.signed_in().org

        async def stock(payment_id: UUID) -> Payment | None:
            found = await m.Payment.get_or_none(id=payment_id, organization_id=org)
            return Payment.from_model(found) if found else None

        return await by_id(info, PAYMENT, id, stock)


@strawberry.type
class ReceivablesMutation:
    @requires("invoice", "create", mutation=True, description="Create a draft invoice.")
    async def invoice_create(
        self,
        info: Info,
        input: Annotated[InvoiceCreateInput, strawberry.argument(description="The invoice.")],
    ) -> InvoicePayload:
        actor = info.context.signed_in()
        return await _invoice_result(info, lambda: invoices.create(actor, _draft(input)))

    @requires("invoice", "create", mutation=True, description="Change a draft invoice.")
    async def invoice_update(
        self,
        info: Info,
        input: Annotated[InvoiceUpdateInput, strawberry.argument(description="The changes.")],
    ) -> InvoicePayload:
        actor = info.context.signed_in()
        return await _invoice_result(
            info,
            lambda: invoices.update(actor, _id(input.id, "Invoice", ["id"]), _changes(input)),
        )

    @requires(
        "invoice",
        "issue",
        mutation=True,
        description="Issue a draft: number it, post it and open it for payment.",
    )
    async def invoice_issue(
        self,
        info: Info,
        input: Annotated[InvoiceIssueInput, strawberry.argument(description="The invoice.")],
    ) -> InvoicePayload:
        ctx = info.context
        actor = ctx.signed_in()
        if input.override_credit_limit:
            # Asking to override is using the override: only roles holding it may.
            await authorize(ctx, "invoice", "override_credit_limit")
        return await _invoice_result(
            info,
            lambda: invoice_issue.issue(
                actor,
                _id(input.id, "Invoice", ["id"]),
                override_credit_limit=input.override_credit_limit,
                idempotency_key=input.idempotency_key,
                dry_run=input.dry_run,
            ),
        )

    @requires("invoice", "void", mutation=True, description="Void an invoice (reverses it).")
    async def invoice_void(
        self,
        info: Info,
        input: Annotated[InvoiceVoidInput, strawberry.argument(description="The invoice.")],
    ) -> InvoicePayload:
        actor = info.context.signed_in()
        return await _invoice_result(
            info, lambda: invoices.void(actor, _id(input.id, "Invoice", ["id"]), input.date)
        )

    @requires(
        "invoice", "write_off", mutation=True, description="Write an invoice off as bad debt."
    )
    async def invoice_write_off(
        self,
        info: Info,
        input: Annotated[InvoiceWriteOffInput, strawberry.argument(description="The invoice.")],
    ) -> InvoicePayload:
        actor = info.context.signed_in()
        return await _invoice_result(
            info,
            lambda: invoices.write_off(
                actor, _id(input.id, "Invoice", ["id"]), input.date, input.memo
            ),
        )

    @requires(
        "payment",
        "record",
        mutation=True,
        description="Record money received, optionally applied to invoices.",
    )
    async def payment_record(
        self,
        info: Info,
        input: Annotated[PaymentRecordInput, strawberry.argument(description="The payment.")],
    ) -> PaymentPayload:
        actor = info.context.signed_in()

        async def run() -> m.Payment | PostingPreview:
            data = payment_input.PaymentInput(
                customer_id=_id(input.customer_id, "Customer", ["customerId"]),
                date=input.date,
                amount=input.amount,
                deposit_account_id=_id(input.deposit_account_id, "Account", ["depositAccountId"]),
                method=input.method,
                currency=input.currency,
                reference=input.reference,
                memo=input.memo,
                allocations=_requests(input.allocations),
            )
            return await payments.record(
                actor, data, idempotency_key=input.idempotency_key, dry_run=input.dry_run
            )

        return await _payment_result(info, run)

    @requires("payment", "record", mutation=True, description="Apply a payment to invoices.")
    async def payment_allocate(
        self,
        info: Info,
        input: Annotated[PaymentAllocateInput, strawberry.argument(description="What to apply.")],
    ) -> PaymentPayload:
        actor = info.context.signed_in()
        return await _payment_result(
            info,
            lambda: payments.allocate(
                actor, _id(input.id, "Payment", ["id"]), _requests(input.allocations), input.date
            ),
        )

    @requires(
        "payment", "record", mutation=True, description="Undo an allocation; history is kept."
    )
    async def payment_unallocate(
        self,
        info: Info,
        input: Annotated[PaymentUnallocateInput, strawberry.argument(description="What to undo.")],
    ) -> PaymentPayload:
        actor = info.context.signed_in()
        return await _payment_result(
            info,
            lambda: payments.unallocate(
                actor, _id(input.allocation_id, "Allocation", ["allocationId"]), input.date
            ),
        )

    @requires("payment", "refund", mutation=True, description="Pay unallocated credit back.")
    async def payment_refund(
        self,
        info: Info,
        input: Annotated[PaymentRefundInput, strawberry.argument(description="The refund.")],
    ) -> PaymentPayload:
        actor = info.context.signed_in()
        return await _payment_result(
            info,
            lambda: refunds.refund(
                actor,
                _id(input.id, "Payment", ["id"]),
                refunds.RefundRequest(
                    amount=input.amount,
                    on=input.date,
                    account_id=_id(input.account_id, "Account", ["accountId"]),
                    idempotency_key=input.idempotency_key,
                ),
            ),
        )

    @requires("payment", "void", mutation=True, description="Void a payment and its allocations.")
    async def payment_void(
        self,
        info: Info,
        input: Annotated[PaymentVoidInput, strawberry.argument(description="The payment.")],
    ) -> PaymentPayload:
        actor = info.context.signed_in()
        return await _payment_result(
            info, lambda: payments.void(actor, _id(input.id, "Payment", ["id"]), input.date)
        )
