"""A partial change of a draft invoice (docs/api/conventions.md): what the client leaves
out stays as it is, a null clears an optional field and is refused for a required one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from server.documents.lines import LineDraft
from server.editing import UNSET, refuse_nulls
from server.fixed_point import percent_text
from server.money import Money
from server.receivables.invoices import InvoiceDraft
from server.receivables.models import Invoice, InvoiceLine

# Fields a draft cannot do without, with their API names.
REQUIRED = {"customer_id": "customerId", "issue_date": "issueDate", "lines": "lines"}


@dataclass(frozen=True, slots=True)
class InvoiceChanges:
    """The fields the client sent: UNSET where it sent none, None where it sent null."""

    customer_id: Any = UNSET
    issue_date: Any = UNSET
    lines: Any = UNSET  # a tuple of LineDraft replacing every line
    due_date: Any = UNSET
    terms_id: Any = UNSET
    reference: Any = UNSET
    memo: Any = UNSET


async def stated_lines(invoice: Invoice) -> tuple[LineDraft, ...]:
    """A draft's lines as a client would state them to get them again."""
    rows = await InvoiceLine.filter(invoice_id=invoice.id).order_by("line_no")
    return tuple(
        LineDraft(
            item_id=row.item_id,
            description=row.description,
            quantity=percent_text(row.quantity) or "0",
            unit_price=str(Money.from_minor(row.unit_price_minor, invoice.currency).amount),
            discount_percent=percent_text(row.discount_percent),
            tax_rate_id=row.tax_rate_id,
            account_id=row.account_id,
            dimension_option_ids=tuple(UUID(str(o)) for o in row.dimension_option_ids or ()),
        )
        for row in rows
    )


async def merged(invoice: Invoice, changes: InvoiceChanges) -> InvoiceDraft:
    """The whole draft the changes make of `invoice`; ValidationFailed for a refused null."""
    refuse_nulls({n for n in REQUIRED if getattr(changes, n) is None}, REQUIRED)

    def pick(name: str, current: Any) -> Any:
        value = getattr(changes, name)
        return current if value is UNSET else value

    lines = changes.lines if changes.lines is not UNSET else await stated_lines(invoice)
    return InvoiceDraft(
        customer_id=pick("customer_id", invoice.customer_id),
        issue_date=pick("issue_date", invoice.issue_date),
        lines=tuple(lines),
        due_date=pick("due_date", invoice.due_date),
        terms_id=pick("terms_id", invoice.terms_id),
        reference=pick("reference", invoice.reference),
        memo=pick("memo", invoice.memo),
    )
