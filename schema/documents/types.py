"""GraphQL types of items, tax rates and payment terms."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any, Self, TypeVar
from uuid import UUID

import strawberry
from strawberry import relay
from tortoise.models import Model

from schema.context import Info
from schema.documents import loaders
from schema.enums import described_enum
from schema.errors import UserError
from schema.filters import OrderDirection
from schema.ledger import loaders as ledger_loaders
from schema.ledger.types import Account
from schema.permissions import authorize, requires
from schema.reads import lookup
from schema.records import RecordStatus
from schema.scalars import Money, Percent
from server.crm import models as crm_models
from server.crm import terms
from server.documents import items, models, taxes
from server.documents.reads import ITEM
from server.fixed_point import percent_text

TK = crm_models.TermsKind
described_enum(
    TK,
    name="PaymentTermsKind",
    description="How a due date is computed from the document date.",
    values={
        TK.NET: "Due `days` days after the document date.",
        TK.DUE_ON_RECEIPT: "Due on the document date.",
        TK.END_OF_MONTH: "Due at the end of the document's month, plus `days` days if any.",
    },
)
PaymentTermsKind = crm_models.TermsKind

T = TypeVar("T", bound=Model)


def _percent(value: Any) -> Percent | None:
    text = percent_text(value)
    return None if text is None else Percent(text)


async def _resolve(
    info: Info,
    node_ids: Iterable[str],
    fetch: Callable[[Any, list[UUID]], Awaitable[list[T]]],
    convert: Callable[[T], Any],
) -> list[Any]:
    """Nodes of the caller's organization in the order asked; anything else is null."""
    ids = list(node_ids)
    await authorize(info.context, "item", "read")
    wanted = []
    for raw in ids:
        try:
            wanted.append(UUID(raw))
        except ValueError:
            continue
    found = {str(m.pk): m for m in await fetch(info.context.signed_in(), wanted)}
    return [convert(found[i]) if i in found else None for i in ids]


@strawberry.type(
    description="When documents fall due and the discount for paying early, e.g. 2/10 net 30."
)
class PaymentTerms(relay.Node):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Name, unique in the organization, e.g. Net 30.")
    kind: PaymentTermsKind = strawberry.field(description="How the due date is counted.")
    days: int = strawberry.field(
        description="Days after the document date (NET) or after the month's end (END_OF_MONTH)."
    )
    discount_percent: Percent | None = strawberry.field(
        description="Early-payment discount in percent; null without a discount."
    )
    discount_days: int | None = strawberry.field(
        description="Days after the document date the discount holds; null without a discount."
    )
    status: RecordStatus = strawberry.field(description="ACTIVE, or ARCHIVED (no new uses).")
    created_at: datetime = strawberry.field(description="When the terms were created.")
    model: strawberry.Private[crm_models.PaymentTerms]

    @strawberry.field(description="The due date of a document dated `on` under these terms.")
    def due_date(
        self, on: Annotated[date, strawberry.argument(description="The document date.")]
    ) -> date:
        return terms.due_date(self.model, on)

    @strawberry.field(
        description="Last day of the early-payment discount for a document dated `on`, if any."
    )
    def discount_until(
        self, on: Annotated[date, strawberry.argument(description="The document date.")]
    ) -> date | None:
        return terms.discount(self.model, on)[1]

    @classmethod
    def from_model(cls, t: crm_models.PaymentTerms) -> Self:
        return cls(
            id=str(t.id),
            name=t.name,
            kind=t.kind,
            days=t.days,
            discount_percent=_percent(t.discount_percent),
            discount_days=t.discount_days,
            status=t.status,
            created_at=t.created_at,
            model=t,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[PaymentTerms | None]:
        return await _resolve(info, node_ids, terms.get_many_terms, cls.from_model)


@strawberry.type(description="A tax charged on sales or reclaimed on purchases, e.g. VAT 20%.")
class TaxRate(relay.Node):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Name, unique in the organization.")
    rate: Percent = strawberry.field(description="The rate in percent, e.g. 20 or 8.875.")
    inclusive: bool = strawberry.field(description="Prices with this rate already include the tax.")
    status: RecordStatus = strawberry.field(description="ACTIVE, or ARCHIVED (no new uses).")
    created_at: datetime = strawberry.field(description="When the rate was created.")
    account_id: strawberry.Private[UUID]

    @requires(
        "account", "read", description="The tax payable or tax receivable account the tax goes to."
    )
    async def account(self, info: Info) -> Account | None:
        found = await ledger_loaders.accounts(info.context).load(self.account_id)
        return Account.from_model(found) if found else None

    @classmethod
    def from_model(cls, r: models.TaxRate) -> Self:
        rate = _percent(r.rate)
        assert rate is not None
        return cls(
            id=str(r.id),
            name=r.name,
            rate=rate,
            inclusive=r.inclusive,
            status=r.status,
            created_at=r.created_at,
            account_id=r.account_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[TaxRate | None]:
        return await _resolve(info, node_ids, taxes.get_many_tax_rates, cls.from_model)


@strawberry.type(description="A product or service sold or bought, with defaults for its lines.")
class Item(relay.Node):
    id: relay.NodeID[str]
    code: str | None = strawberry.field(description="Code or SKU, unique in the organization.")
    name: str = strawberry.field(description="Name shown on documents.")
    description: str | None = strawberry.field(description="Default line description.")
    status: RecordStatus = strawberry.field(description="ACTIVE, or ARCHIVED (no new uses).")
    created_at: datetime = strawberry.field(description="When the item was created.")
    unit_price_minor: strawberry.Private[int | None]
    income_account_id: strawberry.Private[UUID | None]
    expense_account_id: strawberry.Private[UUID | None]
    tax_rate_id: strawberry.Private[UUID | None]

    @strawberry.field(
        description="Default price of one unit in the organization's base currency, if any."
    )
    async def unit_price(self, info: Info) -> Money | None:
        if self.unit_price_minor is None:
            return None
        ctx = info.context
        currency = await ledger_loaders.base_currency(ctx).load(ctx.signed_in().org)
        return Money.from_minor(self.unit_price_minor, currency)

    @requires("account", "read", description="Income account sales of the item are credited to.")
    async def income_account(self, info: Info) -> Account | None:
        return await _account(info, self.income_account_id)

    @requires(
        "account",
        "read",
        description="Expense or asset account purchases of the item are debited to.",
    )
    async def expense_account(self, info: Info) -> Account | None:
        return await _account(info, self.expense_account_id)

    @strawberry.field(description="Tax rate lines with the item take by default.")
    async def tax_rate(self, info: Info) -> TaxRate | None:
        if self.tax_rate_id is None:
            return None
        found = await loaders.tax_rates(info.context).load(self.tax_rate_id)
        return TaxRate.from_model(found) if found else None

    @classmethod
    def from_model(cls, i: models.Item) -> Self:
        return cls(
            id=str(i.id),
            code=i.code,
            name=i.name,
            description=i.description,
            status=i.status,
            created_at=i.created_at,
            unit_price_minor=i.unit_price_minor,
            income_account_id=i.income_account_id,
            expense_account_id=i.expense_account_id,
            tax_rate_id=i.tax_rate_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Item | None]:
        ids = list(node_ids)
        await authorize(info.context, "item", "read")
        embedded = await lookup(info, ITEM, ids)
        if embedded is not None:
            return embedded
        return await _resolve(info, ids, items.get_many_items, cls.from_model)


async def _account(info: Info, account_id: UUID | None) -> Account | None:
    if account_id is None:
        return None
    found = await ledger_loaders.accounts(info.context).load(account_id)
    return Account.from_model(found) if found else None


class ItemOrderField(Enum):
    NAME = "name"
    CODE = "code"
    CREATED_AT = "created_at"


described_enum(
    ItemOrderField,
    name="ItemOrderField",
    description="Field to sort items by.",
    values={
        ItemOrderField.NAME: "The item's name, alphabetically.",
        ItemOrderField.CODE: "The item's code, as text; items without one come last "
        "ascending, first descending.",
        ItemOrderField.CREATED_AT: "When the item was created.",
    },
)


@strawberry.input(description="Sort order of an item list.")
class ItemOrder:
    field: ItemOrderField = strawberry.field(
        default=ItemOrderField.NAME, description="Field to sort by; ties are broken by id."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Ascending or descending."
    )


@strawberry.input(description="Narrow an item list; conditions combine with AND.")
class ItemFilter:
    search: str | None = strawberry.field(
        default=None, description="Text found in the name or code (case-insensitive)."
    )
    status: list[RecordStatus] | None = strawberry.field(
        default=None, description="Only items in one of these statuses."
    )


@strawberry.type(description="The item, or why the change was refused.")
class ItemPayload:
    item: Item | None = strawberry.field(description="The item after the change.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The tax rate, or why the change was refused.")
class TaxRatePayload:
    tax_rate: TaxRate | None = strawberry.field(description="The tax rate after the change.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The payment terms, or why the change was refused.")
class PaymentTermsPayload:
    payment_terms: PaymentTerms | None = strawberry.field(
        description="The payment terms after the change."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")
