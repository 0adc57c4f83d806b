"""GraphQL payloads of receivables mutations and the dry-run previews they can carry."""

from __future__ import annotations

from typing import Self

import strawberry

from schema.context import Info
from schema.errors import UserError
from schema.ids import encode
from schema.ledger import loaders as ledger_loaders
from schema.ledger.types import Account
from schema.permissions import requires
from schema.receivables.types import Day, Invoice, Payment
from schema.scalars import Money
from server.receivables.dry_run import PostingPreview


@strawberry.type(description="A journal line a dry run would post.")
class PreviewLine:
    account: Account | None = requires("account", "read", description="The account.")
    debit: Money | None = strawberry.field(description="Debit in the line's currency.")
    credit: Money | None = strawberry.field(description="Credit in the line's currency.")
    base_debit: Money | None = strawberry.field(description="Debit in the base currency.")
    base_credit: Money | None = strawberry.field(description="Credit in the base currency.")
    description: str | None = strawberry.field(description="Narrative.")


@strawberry.type(description="An allocation a dry run would make.")
class PreviewAllocation:
    invoice_id: strawberry.ID = strawberry.field(description="The invoice.")
    amount: Money = strawberry.field(description="The amount applied.")
    date: Day = strawberry.field(description="When it would take effect.")


@strawberry.type(description="What an operation would write; nothing was written.")
class DryRun:
    number: str | None = strawberry.field(description="The number the document would get.")
    date: Day = strawberry.field(description="The date it would post on.")
    due_date: Day | None = strawberry.field(description="The due date it would get.")
    lines: list[PreviewLine] = strawberry.field(description="Journal lines it would post.")
    allocations: list[PreviewAllocation] = strawberry.field(
        description="Allocations it would make."
    )

    @classmethod
    async def build(cls, info: Info, preview: PostingPreview, base: str) -> Self:
        accounts = ledger_loaders.accounts(info.context)

        def amount(minor: int, currency: str) -> Money | None:
            return Money.from_minor(minor, currency) if minor else None

        lines = []
        for ln in preview.lines:
            account = await accounts.load(ln["account_id"])
            lines.append(
                PreviewLine(
                    account=Account.from_model(account) if account else None,
                    debit=amount(ln["debit_minor"], ln["currency"]),
                    credit=amount(ln["credit_minor"], ln["currency"]),
                    base_debit=amount(ln["base_debit_minor"], base),
                    base_credit=amount(ln["base_credit_minor"], base),
                    description=ln["description"],
                )
            )
        return cls(
            number=preview.number,
            date=preview.on,
            due_date=preview.due_date,
            lines=lines,
            allocations=[
                PreviewAllocation(
                    invoice_id=strawberry.ID(encode("Invoice", a["invoice_id"])),
                    amount=Money.of(a["amount_minor"], a["currency"]),
                    date=a["date"],
                )
                for a in preview.allocations
            ],
        )


@strawberry.type(description="The invoice after the change, a dry run, or why it was refused.")
class InvoicePayload:
    invoice: Invoice | None = strawberry.field(description="The invoice.")
    dry_run: DryRun | None = strawberry.field(description="Set instead of invoice for dry runs.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The payment after the change, a dry run, or why it was refused.")
class PaymentPayload:
    payment: Payment | None = strawberry.field(description="The payment.")
    dry_run: DryRun | None = strawberry.field(description="Set instead of payment for dry runs.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")
