"""What a document e-mail's template can say: the variables of each kind, read from the
document being sent, and sample values of the same shape for trial renders.

Every kind has `organization.name`, `message` (the sender's own words, or null) and its
party (`customer.name`/`customer.email`, or `vendor.*` for a remittance). Amounts are
formatted text such as "$1,250.00"; dates are dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from babel.numbers import format_currency

from server.crm.models import Customer, Vendor
from server.documents.models import OpenItem
from server.email.models import TemplateKind
from server.errors import DomainError, ErrorCode, NotFound
from server.identity.models import Organization
from server.money import amount_from_minor
from server.payables.models import BillPayment, BillPaymentStatus
from server.receivables import invoice_status
from server.receivables.figures import customer_statement
from server.receivables.models import (
    CreditNote,
    CreditNoteStatus,
    Invoice,
    InvoiceStatus,
    Payment,
    PaymentStatus,
)

Variables = dict[str, Any]
# A statement's period is at most this long, so a statement e-mail stays readable.
STATEMENT_MAX_DAYS = 3660


def amount(minor: int, currency: str) -> str:
    return str(format_currency(amount_from_minor(minor, currency), currency, locale="en_US"))


@dataclass(frozen=True, slots=True)
class Target:
    """A document ready to be e-mailed: whom to, by default, and what its template says."""

    kind: TemplateKind
    document_type: str
    document_id: UUID
    party_email: str | None
    variables: Variables


def _party(party: Customer | Vendor) -> Variables:
    return {"name": party.name, "email": party.email}


def _refuse(what: str, status: str, field: str = "id") -> DomainError:
    return DomainError(
        f"a {status.lower().replace('_', ' ')} {what} cannot be sent",
        code=ErrorCode.INVALID_STATUS,
        field=[field],
    )


async def _invoice(org: UUID, document_id: UUID, kind: TemplateKind) -> Target:
    invoice = await Invoice.get_or_none(id=document_id, organization_id=org)
    if invoice is None:
        raise NotFound("invoice not found", field=["id"])
    if invoice.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        raise _refuse("invoice", invoice.status.value)
    if kind is TemplateKind.REMINDER and invoice.status not in invoice_status.OPEN_STATUSES:
        raise _refuse("reminder of an invoice", invoice.status.value)
    item = await OpenItem.get_or_none(id=invoice.id, organization_id=org)
    customer = await Customer.get(id=invoice.customer_id)
    due = invoice.due_date or (item.due_date if item else None)
    return Target(
        kind,
        "Invoice",
        invoice.id,
        customer.email,
        {
            "customer": _party(customer),
            "invoice": {
                "number": invoice.number,
                "issue_date": invoice.issue_date,
                "due_date": due,
                "reference": invoice.reference,
                "currency": invoice.currency,
                "total": amount(invoice.total_minor, invoice.currency),
                "amount_due": amount(item.open_minor if item else 0, invoice.currency),
                "status": invoice.status.value,
            },
        },
    )


async def _credit_note(org: UUID, document_id: UUID) -> Target:
    note = await CreditNote.get_or_none(id=document_id, organization_id=org)
    if note is None:
        raise NotFound("credit note not found", field=["id"])
    if note.status is not CreditNoteStatus.ISSUED:
        raise _refuse("credit note", note.status.value)
    customer = await Customer.get(id=note.customer_id)
    return Target(
        TemplateKind.CREDIT_NOTE,
        "CreditNote",
        note.id,
        customer.email,
        {
            "customer": _party(customer),
            "credit_note": {
                "number": note.number,
                "issue_date": note.issue_date,
                "currency": note.currency,
                "total": amount(note.total_minor, note.currency),
            },
        },
    )


def period(start: date, end: date) -> None:
    if end < start:
        raise DomainError(
            "the period ends before it starts", code=ErrorCode.INVALID, field=["periodTo"]
        )
    if (end - start).days > STATEMENT_MAX_DAYS:
        raise DomainError(
            f"a statement covers at most {STATEMENT_MAX_DAYS} days",
            code=ErrorCode.OUT_OF_RANGE,
            field=["periodTo"],
        )


async def _statement(org: UUID, customer_id: UUID, parameters: Variables) -> Target:
    start, end = date.fromisoformat(parameters["from"]), date.fromisoformat(parameters["to"])
    period(start, end)
    customer = await Customer.get_or_none(id=customer_id, organization_id=org)
    if customer is None:
        raise NotFound("customer not found", field=["id"])
    found = await customer_statement(org, customer_id, start, end)
    money = found.currency
    return Target(
        TemplateKind.STATEMENT,
        "Customer",
        customer.id,
        customer.email,
        {
            "customer": _party(customer),
            "statement": {
                "start": start,
                "end": end,
                "currency": money,
                "opening_balance": amount(found.opening_balance, money),
                "closing_balance": amount(found.closing_balance, money),
                "lines": [
                    {
                        "date": line.on,
                        "kind": line.kind,
                        "number": line.number,
                        "amount": amount(line.amount, money),
                        "balance": amount(line.balance, money),
                    }
                    for line in found.lines
                ],
            },
        },
    )


def _payment_variables(p: Payment | BillPayment) -> Variables:
    return {
        "date": p.date,
        "currency": p.currency,
        "amount": amount(p.amount_minor, p.currency),
        "reference": p.reference,
        "method": p.method.value,
    }


async def _receipt(org: UUID, document_id: UUID) -> Target:
    payment = await Payment.get_or_none(id=document_id, organization_id=org)
    if payment is None:
        raise NotFound("payment not found", field=["id"])
    if payment.status is not PaymentStatus.RECORDED:
        raise _refuse("payment", payment.status.value)
    customer = await Customer.get(id=payment.customer_id)
    return Target(
        TemplateKind.RECEIPT,
        "Payment",
        payment.id,
        customer.email,
        {"customer": _party(customer), "payment": _payment_variables(payment)},
    )


async def _remittance(org: UUID, document_id: UUID) -> Target:
    payment = await BillPayment.get_or_none(id=document_id, organization_id=org)
    if payment is None:
        raise NotFound("bill payment not found", field=["id"])
    if payment.status is not BillPaymentStatus.RECORDED:
        raise _refuse("bill payment", payment.status.value)
    vendor = await Vendor.get(id=payment.vendor_id)
    return Target(
        TemplateKind.REMITTANCE,
        "BillPayment",
        payment.id,
        vendor.email,
        {"vendor": _party(vendor), "payment": _payment_variables(payment)},
    )


async def target(
    organization_id: UUID,
    kind: TemplateKind,
    document_id: UUID,
    parameters: Variables | None = None,
) -> Target:
    """The document of a kind, checked to be the organization's and in a state to send.

    Raises NotFound (missing or another organization's) or INVALID_STATUS (a draft, a void).
    """
    if kind in (TemplateKind.INVOICE, TemplateKind.REMINDER):
        found = await _invoice(organization_id, document_id, kind)
    elif kind is TemplateKind.CREDIT_NOTE:
        found = await _credit_note(organization_id, document_id)
    elif kind is TemplateKind.STATEMENT:
        found = await _statement(organization_id, document_id, parameters or {})
    elif kind is TemplateKind.RECEIPT:
        found = await _receipt(organization_id, document_id)
    else:
        found = await _remittance(organization_id, document_id)
    organization = await Organization.get(id=organization_id)
    found.variables["organization"] = {"name": organization.name}
    return found


def _sample_invoice() -> Variables:
    return {
        "number": "INV-000123",
        "issue_date": date(2026, 3, 1),
        "due_date": date(2026, 3, 31),
        "reference": "PO-42",
        "currency": "USD",
        "total": amount(125000, "USD"),
        "amount_due": amount(75000, "USD"),
        "status": "PARTIALLY_PAID",
    }


def _sample_payment() -> Variables:
    return {
        "date": date(2026, 3, 15),
        "currency": "USD",
        "amount": amount(50000, "USD"),
        "reference": "TRX-991",
        "method": "BANK_TRANSFER",
    }


def sample(kind: TemplateKind) -> Variables:
    """Values of every variable a kind's template may use, for trial renders on save."""
    party = {"name": "Sample Customer Ltd", "email": "billing@customer.example"}
    common: Variables = {"organization": {"name": "Sample Company"}, "message": "Thank you!"}
    if kind in (TemplateKind.INVOICE, TemplateKind.REMINDER):
        return {**common, "customer": party, "invoice": _sample_invoice()}
    if kind is TemplateKind.CREDIT_NOTE:
        note = {"number": "CN-000007", "issue_date": date(2026, 3, 5), "currency": "USD"}
        return {**common, "customer": party, "credit_note": {**note, "total": amount(2500, "USD")}}
    if kind is TemplateKind.STATEMENT:
        line = {"date": date(2026, 3, 1), "kind": "INVOICE", "number": "INV-000123"}
        statement = {
            "start": date(2026, 3, 1),
            "end": date(2026, 3, 31),
            "currency": "USD",
            "opening_balance": amount(0, "USD"),
            "closing_balance": amount(125000, "USD"),
            "lines": [{**line, "amount": amount(125000, "USD"), "balance": amount(125000, "USD")}],
        }
        return {**common, "customer": party, "statement": statement}
    if kind is TemplateKind.RECEIPT:
        return {**common, "customer": party, "payment": _sample_payment()}
    vendor = {"name": "Sample Supplies Inc", "email": "ar@vendor.example"}
    return {**common, "vendor": vendor, "payment": _sample_payment()}
