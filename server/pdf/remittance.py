"""The data of a remittance advice (a bill payment as its vendor is told of it), and its
rendering."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from server.crm.models import Vendor
from server.documents.models import Allocation, AllocationKind, Ledger, OpenItem
from server.email.models import TemplateKind
from server.errors import NotFound
from server.payables.models import BillPayment
from server.pdf.branding import branding_for
from server.pdf.compiler import render
from server.pdf.formatting import Formatter
from server.pdf.parts import labels, language, party


async def remittance_data(
    organization_id: UUID, bill_payment_id: UUID, fmt: Formatter
) -> dict[str, Any]:
    """A bill payment as its vendor is told of it: the bills it pays and how much of each."""
    payment = await BillPayment.get_or_none(id=bill_payment_id, organization_id=organization_id)
    if payment is None:
        raise NotFound("bill payment not found")
    vendor = await Vendor.get(id=payment.vendor_id)
    allocations = await Allocation.filter(
        organization_id=organization_id,
        ledger=Ledger.PAYABLE,
        kind=AllocationKind.SETTLEMENT,
        credit_id=payment.id,
        reversed_on=None,
    ).order_by("date", "id")
    bills = {
        item.id: item
        for item in await OpenItem.filter(
            organization_id=organization_id, id__in=[a.charge_id for a in allocations]
        )
    }
    cur = payment.currency
    applied = sum(a.amount_minor for a in allocations)
    rows = []
    for allocation in allocations:
        bill = bills.get(allocation.charge_id) if allocation.charge_id else None
        rows.append(
            {
                "number": (bill.number or "") if bill else "",
                "date": fmt.day(bill.date) if bill else "",
                "total": fmt.money(bill.amount_minor, bill.currency) if bill else "",
                "amount": fmt.money(allocation.amount_minor, cur),
            }
        )
    totals = [("Paid", fmt.money(payment.amount_minor, cur))]
    if applied != payment.amount_minor:
        totals.append(("On account", fmt.money(payment.amount_minor - applied, cur)))
    return {
        "labels": labels(
            title="Remittance advice",
            payee="Paid to",
            date="Payment date",
            method="Method",
            columns=["Your invoice", "Dated", "Invoice total", "Paid"],
        ),
        "lang": language(fmt.locale),
        "number": payment.reference or "",
        "status": "VOID" if payment.voided_on else "",
        "vendor": party(vendor),
        "date": fmt.day(payment.date),
        "method": payment.method.value.replace("_", " ").capitalize(),
        "reference": payment.reference or "",
        "lines": rows,
        "totals": totals,
        "memo": payment.memo or "",
    }


async def render_remittance(organization_id: UUID, bill_payment_id: UUID) -> bytes:
    brand = await branding_for(organization_id, TemplateKind.REMITTANCE)
    data = await remittance_data(organization_id, bill_payment_id, Formatter(brand.locale))
    return await render("remittance", data, brand)
