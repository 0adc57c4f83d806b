"""Sending documents by e-mail, retrying a failed delivery, and the deliveries connection."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any
from uuid import UUID

import strawberry
from strawberry.relay import from_base64

from schema.context import Info
from schema.email.types import EmailDelivery
from schema.enums import described_enum
from schema.errors import UserError, user_errors
from schema.filters import DateTimeRange, OrderDirection, bounds, order_key
from schema.ids import decode
from schema.page_args import After, Before, First, Last
from schema.page_json import written_page
from schema.pagination import Connection, paginate_sql
from schema.permissions import requires
from schema.reads import page_item_sql
from server.email import listing, models, sending
from server.email.models import DeliveryStatus, TemplateKind
from server.email.reads import EMAIL_DELIVERY
from server.errors import DomainError, NotFound

Day = date


@strawberry.input(description="E-mail a document to its party, or to the address given.")
class DocumentSendInput:
    id: strawberry.ID = strawberry.field(description="The document.")
    to: str | None = strawberry.field(
        default=None,
        description="The recipient; the customer's (or vendor's) e-mail address if omitted.",
    )
    cc: list[str] | None = strawberry.field(
        default=None, description="Addresses to copy, at most 10."
    )
    message: str | None = strawberry.field(
        default=None, description="Your own words, put into the template as `message`."
    )


@strawberry.input(description="E-mail a customer their statement of account for a period.")
class CustomerStatementSendInput:
    id: strawberry.ID = strawberry.field(description="The customer.")
    period_from: Day = strawberry.field(description="First day of the statement.")
    period_to: Day = strawberry.field(description="Last day of the statement.")
    to: str | None = strawberry.field(
        default=None, description="The recipient; the customer's e-mail address if omitted."
    )
    cc: list[str] | None = strawberry.field(
        default=None, description="Addresses to copy, at most 10."
    )
    message: str | None = strawberry.field(
        default=None, description="Your own words, put into the template as `message`."
    )


@strawberry.input(description="Queue a failed e-mail delivery again.")
class EmailDeliveryRetryInput:
    id: strawberry.ID = strawberry.field(description="The delivery.")


@strawberry.type(description="The delivery queued, or why the document was not sent.")
class EmailDeliveryPayload:
    queued: strawberry.Private[EmailDelivery | None]
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")

    @requires("email_delivery", "read", description="The delivery queued.")
    def delivery(self) -> EmailDelivery | None:
        return self.queued


class EmailDeliveryOrderField(Enum):
    QUEUED_AT = "queued_at"
    SENT_AT = "sent_at"
    TO_ADDRESS = "to_address"


described_enum(
    EmailDeliveryOrderField,
    name="EmailDeliveryOrderField",
    description="Field to sort deliveries by.",
    values={
        EmailDeliveryOrderField.QUEUED_AT: (
            "When the delivery was last queued (a retry queues it again)."
        ),
        EmailDeliveryOrderField.SENT_AT: "When the e-mail was sent; those not sent come last "
        "ascending, first descending.",
        EmailDeliveryOrderField.TO_ADDRESS: "The recipient's address.",
    },
)


@strawberry.input(description="Sort order of a delivery list.")
class EmailDeliveryOrder:
    field: EmailDeliveryOrderField = strawberry.field(
        default=EmailDeliveryOrderField.QUEUED_AT,
        description="Field to sort by; ties are broken by id.",
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Ascending or descending."
    )


@strawberry.input(description="Narrow a delivery list; conditions combine with AND.")
class EmailDeliveryFilter:
    status: list[DeliveryStatus] | None = strawberry.field(
        default=None, description="Only deliveries in one of these statuses."
    )
    kind: list[TemplateKind] | None = strawberry.field(
        default=None, description="Only deliveries of one of these kinds."
    )
    queued_at: DateTimeRange | None = strawberry.field(
        default=None, description="Last queued within this range."
    )
    document_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Only deliveries of this document (a customer's id: their statements).",
    )


def _id(value: strawberry.ID, type_name: str) -> UUID:
    found = decode(value, type_name)
    if found is None:
        raise NotFound(f"{type_name} not found", field=["id"])
    return found


def _document(value: strawberry.ID | None) -> tuple[tuple[str, UUID] | None, bool]:
    """(the document named, whether the name cannot be a document at all)."""
    if value is None:
        return None, False
    try:
        kind, raw = from_base64(value)
        return (kind, UUID(raw)), False
    except (ValueError, TypeError):
        return None, True


async def _queue(info: Info, request: sending.SendRequest) -> EmailDeliveryPayload:
    actor = info.context.signed_in()
    try:
        delivery = await sending.queue(actor, info.context.settings, request)
    except DomainError as error:
        return EmailDeliveryPayload(queued=None, user_errors=user_errors(error))
    return EmailDeliveryPayload(queued=EmailDelivery.from_model(delivery), user_errors=[])


def _request(
    kind: TemplateKind, type_name: str, given: Any, parameters: dict[str, Any] | None = None
) -> sending.SendRequest:
    return sending.SendRequest(
        kind=kind,
        document_id=_id(given.id, type_name),
        to=given.to,
        cc=list(given.cc or []),
        message=given.message,
        parameters=parameters or {},
    )


def _send_doc(kind: TemplateKind, type_name: str) -> Any:
    async def send(info: Info, given: Any) -> EmailDeliveryPayload:
        try:
            request = _request(kind, type_name, given)
        except DomainError as error:
            return EmailDeliveryPayload(queued=None, user_errors=user_errors(error))
        return await _queue(info, request)

    return send


_SEND_INVOICE = _send_doc(TemplateKind.INVOICE, "Invoice")
_SEND_CREDIT_NOTE = _send_doc(TemplateKind.CREDIT_NOTE, "CreditNote")
_SEND_RECEIPT = _send_doc(TemplateKind.RECEIPT, "Payment")
_SEND_REMITTANCE = _send_doc(TemplateKind.REMITTANCE, "BillPayment")
SendArg = Annotated[DocumentSendInput, strawberry.argument(description="What to send, to whom.")]


@strawberry.type
class EmailSendMutation:
    @requires("invoice", "send", mutation=True, description="E-mail an issued invoice.")
    async def invoice_send(self, info: Info, input: SendArg) -> EmailDeliveryPayload:
        return await _SEND_INVOICE(info, input)

    @requires("credit_note", "send", mutation=True, description="E-mail an issued credit note.")
    async def credit_note_send(self, info: Info, input: SendArg) -> EmailDeliveryPayload:
        return await _SEND_CREDIT_NOTE(info, input)

    @requires(
        "payment", "send", mutation=True, description="E-mail a receipt of a payment received."
    )
    async def payment_receipt_send(self, info: Info, input: SendArg) -> EmailDeliveryPayload:
        return await _SEND_RECEIPT(info, input)

    @requires(
        "bill_payment",
        "send",
        mutation=True,
        description="E-mail remittance advice of a bill payment to the vendor.",
    )
    async def remittance_send(self, info: Info, input: SendArg) -> EmailDeliveryPayload:
        return await _SEND_REMITTANCE(info, input)

    @requires(
        "invoice",
        "send",
        mutation=True,
        description="E-mail a customer their statement of account for a period.",
    )
    async def customer_statement_send(
        self,
        info: Info,
        input: Annotated[
            CustomerStatementSendInput, strawberry.argument(description="What to send, to whom.")
        ],
    ) -> EmailDeliveryPayload:
        period = {"from": input.period_from.isoformat(), "to": input.period_to.isoformat()}
        try:
            request = _request(TemplateKind.STATEMENT, "Customer", input, period)
        except DomainError as error:
            return EmailDeliveryPayload(queued=None, user_errors=user_errors(error))
        return await _queue(info, request)

    @requires(
        "email_delivery",
        "retry",
        mutation=True,
        description="Queue a FAILED delivery again, with a fresh count of attempts.",
    )
    async def email_delivery_retry(
        self,
        info: Info,
        input: Annotated[EmailDeliveryRetryInput, strawberry.argument(description="Which.")],
    ) -> EmailDeliveryPayload:
        actor = info.context.signed_in()
        try:
            delivery = await sending.retry(actor, _id(input.id, "EmailDelivery"))
        except DomainError as error:
            return EmailDeliveryPayload(queued=None, user_errors=user_errors(error))
        return EmailDeliveryPayload(queued=EmailDelivery.from_model(delivery), user_errors=[])


@strawberry.type
class EmailDeliveriesQuery:
    @requires(
        "email_delivery",
        "read",
        description="The organization's document e-mails, newest first unless ordered.",
    )
    async def email_deliveries(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            EmailDeliveryFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            EmailDeliveryOrder | None,
            strawberry.argument(description="Sort order; newest first if omitted."),
        ] = None,
    ) -> Connection[EmailDelivery]:
        f = filter or EmailDeliveryFilter()
        order = order_by or EmailDeliveryOrder()
        document, nothing = _document(f.document_id)
        where = listing.delivery_conditions(
            info.context.signed_in().org,
            listing.DeliveryFilter(
                status=f.status or (),
                kind=f.kind or (),
                queued_at=bounds(f.queued_at),
                document=document,
                nothing=nothing,
            ),
        )
        page = await paginate_sql(
            models.EmailDelivery,
            where,
            order_key(listing.DELIVERY_ORDERS, order.field, order.direction),
            EmailDelivery.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked.
            item_sql=page_item_sql(info, EMAIL_DELIVERY),
        )
        return await written_page(info, page)
