"""GraphQL types of the general ledger."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Annotated, Any, Self
from uuid import UUID

import strawberry
from strawberry import relay

from schema.context import Info
from schema.crm import loaders as crm_loaders
from schema.crm.types import Customer, Vendor
from schema.enums import described_enum
from schema.ledger import loaders
from schema.permissions import authorize, requires
from schema.reads import lookup
from schema.records import RecordStatus
from schema.scalars import CurrencyCode, Money, Rate
from server.ledger import entry_lines, models
from server.ledger.reads import ACCOUNT, JOURNAL_ENTRY

T = models.AccountType
described_enum(
    T,
    name="AccountType",
    description="The five account types; the type decides which statement an account is on.",
    values={
        T.ASSET: "What the organization owns or is owed; balance sheet, normally a debit balance.",
        T.LIABILITY: "What the organization owes; balance sheet, normally a credit balance.",
        T.EQUITY: "The owners' stake; balance sheet, normally a credit balance.",
        T.INCOME: "Revenue earned; profit and loss, normally a credit balance.",
        T.EXPENSE: "Costs incurred; profit and loss, normally a debit balance.",
    },
)
S = models.AccountSubtype
described_enum(
    S,
    name="AccountSubtype",
    description="What an account is used for; each subtype belongs to one account type.",
    values={
        S.BANK: "ASSET: a bank account; payments can be received into and paid from it.",
        S.CASH: "ASSET: cash on hand; payments can be received into and paid from it.",
        S.ACCOUNTS_RECEIVABLE: "ASSET: control account for what customers owe.",
        S.CURRENT_ASSET: "ASSET: other assets expected to turn into cash within a year.",
        S.INVENTORY: "ASSET: goods held for sale.",
        S.FIXED_ASSET: "ASSET: long-lived assets such as equipment and buildings.",
        S.TAX_RECEIVABLE: "ASSET: tax paid on purchases that can be reclaimed.",
        S.ACCOUNTS_PAYABLE: "LIABILITY: control account for what the organization owes vendors.",
        S.CURRENT_LIABILITY: "LIABILITY: other debts due within a year.",
        S.TAX_PAYABLE: "LIABILITY: tax charged on sales and owed to the tax authority.",
        S.LONG_TERM_LIABILITY: "LIABILITY: debts due after more than a year, such as loans.",
        S.EQUITY: "EQUITY: capital paid in by the owners, and drawings.",
        S.RETAINED_EARNINGS: "EQUITY: accumulated profit of past periods.",
        S.SALES: "INCOME: revenue from selling goods and services.",
        S.OTHER_INCOME: "INCOME: revenue outside the main business, such as interest.",
        S.COST_OF_SALES: "EXPENSE: direct costs of the goods and services sold.",
        S.OPERATING_EXPENSE: "EXPENSE: running costs such as rent, salaries and utilities.",
        S.BAD_DEBT: "EXPENSE: receivables written off as uncollectable.",
        S.EXCHANGE_GAIN_LOSS: "EXPENSE: realized gains and losses on foreign currency.",
        S.DISCOUNT: (
            "INCOME or EXPENSE: early-payment discounts taken from vendors (income) or"
            " given to customers (expense)."
        ),
        S.OTHER_EXPENSE: "EXPENSE: costs outside the main business, such as interest paid.",
    },
)
described_enum(
    models.EntryStatus,
    name="JournalEntryStatus",
    description="Draft or posted.",
    values={
        models.EntryStatus.DRAFT: "Editable; not yet in balances or reports.",
        models.EntryStatus.POSTED: (
            "In the ledger: counted in balances; corrected only by reversal."
        ),
    },
)


described_enum(
    entry_lines.Side,
    name="Side",
    description="Which side of the ledger a line is on.",
    values={
        entry_lines.Side.DEBIT: "Debit: increases assets and expenses, decreases the others.",
        entry_lines.Side.CREDIT: "Credit: increases liabilities, equity and income.",
    },
)
Side = entry_lines.Side


def _uuids(raw: Iterable[str]) -> list[UUID]:
    out = []
    for value in raw:
        try:
            out.append(UUID(value))
        except ValueError:
            continue
    return out


@strawberry.type(description="An account of the chart of accounts.")
class Account(relay.Node):
    id: relay.NodeID[str]
    code: str = strawberry.field(description="Code, unique in the organization, e.g. 1100.")
    name: str = strawberry.field(description="Name.")
    type: models.AccountType = strawberry.field(description="Asset, liability, equity, ...")
    subtype: models.AccountSubtype = strawberry.field(description="What the account is for.")
    currency: CurrencyCode | None = strawberry.field(
        description="Only lines in this currency, or null for any currency."
    )
    description: str | None = strawberry.field(description="Notes on its use.")
    is_control: bool = strawberry.field(
        description="Takes postings only from its documents (receivables, payables)."
    )
    is_system: bool = strawberry.field(description="Documents post here; cannot be archived.")
    status: RecordStatus = strawberry.field(description="ACTIVE or ARCHIVED.")
    parent_id: strawberry.Private[UUID | None]

    @strawberry.field(description="The parent account in the chart's hierarchy.")
    async def parent(self, info: Info) -> Account | None:
        if self.parent_id is None:
            return None
        found = await loaders.accounts(info.context).load(self.parent_id)
        return Account.from_model(found) if found else None

    @requires(
        "report", "read", description="Balance (debit-normal for assets and expenses) as of a date."
    )
    async def balance(
        self,
        info: Info,
        as_of: Annotated[date, strawberry.argument(description="Include lines up to this date.")],
    ) -> Money | None:
        ctx = info.context
        net = await loaders.balances(ctx).load((UUID(self.id), as_of))
        base = await loaders.base_currency(ctx).load(ctx.signed_in().org)
        money = Money.from_minor(net, base)
        assert money is not None
        return money

    @classmethod
    def from_model(cls, a: models.Account) -> Self:
        return cls(
            id=str(a.id),
            code=a.code,
            name=a.name,
            type=a.type,
            subtype=a.subtype,
            currency=CurrencyCode(a.currency) if a.currency else None,
            description=a.description,
            is_control=a.is_control,
            is_system=a.is_system,
            status=a.status,
            parent_id=a.parent_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Account | None]:
        ids = list(node_ids)
        await authorize(info.context, "account", "read")
        embedded = await lookup(info, ACCOUNT, ids)
        if embedded is not None:
            return embedded
        found = {
            str(a.id): a
            for a in await models.Account.filter(
                id__in=_uuids(ids), organization_id=info.context.signed_in().org
            )
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.type(description="A value of a tracking category, such as a campaign.")
class TrackingOption(relay.Node):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Name of the option.")
    category_id: strawberry.Private[UUID]

    @classmethod
    def from_model(cls, o: models.TrackingOption) -> Self:
        return cls(id=str(o.id), name=o.name, category_id=o.category_id)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[TrackingOption | None]:
        ids = list(node_ids)
        await authorize(info.context, "account", "read")
        found = {
            str(o.id): o
            for o in await models.TrackingOption.filter(
                id__in=_uuids(ids), organization_id=info.context.signed_in().org
            )
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]


@strawberry.type(description="A dimension to tag journal lines with, e.g. Department.")
class TrackingCategory(relay.Node):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Name of the category.")
    options: list[TrackingOption] = strawberry.field(description="Its options.")

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[TrackingCategory | None]:
        ids = list(node_ids)
        await authorize(info.context, "account", "read")
        org = info.context.signed_in().org
        cats = await models.TrackingCategory.filter(id__in=_uuids(ids), organization_id=org)
        built = {str(c.id): c for c in await build_categories(cats)}
        return [built.get(i) for i in ids]


async def build_categories(cats: Sequence[Any]) -> list[TrackingCategory]:
    """Categories (models or records) with their options, by name then id as
    server.ledger.tracking_reads writes them."""
    opts = await models.TrackingOption.filter(category_id__in=[c.id for c in cats]).order_by(
        "name", "id"
    )
    return [
        TrackingCategory(
            id=str(c.id),
            name=c.name,
            # A record's id may be the text of the uuid (SQLite), a model's the uuid.
            options=[TrackingOption.from_model(o) for o in opts if str(o.category_id) == str(c.id)],
        )
        for c in cats
    ]


@strawberry.type(description="One debit or credit of a journal entry.")
class JournalLine:
    line_no: int = strawberry.field(description="Position in the entry, from 1.")
    side: Side = strawberry.field(description="DEBIT or CREDIT.")
    amount: Money = strawberry.field(description="Amount in the line's currency.")
    base_amount: Money | None = strawberry.field(
        description="Amount in the base currency; null on drafts, converted when posted."
    )
    exchange_rate: Rate | None = strawberry.field(
        description="Base units per unit of the line's currency; null on drafts."
    )
    description: str | None = strawberry.field(description="Line narrative.")
    account_id: strawberry.Private[UUID]
    customer_id: strawberry.Private[UUID | None]
    vendor_id: strawberry.Private[UUID | None]
    line_id: strawberry.Private[int | None]
    draft_option_ids: strawberry.Private[list[UUID]]

    @requires("account", "read", description="The account.")
    async def account(self, info: Info) -> Account | None:
        found = await loaders.accounts(info.context).load(self.account_id)
        return Account.from_model(found) if found else None

    @requires("customer", "read", description="The customer the line concerns, if any.")
    async def customer(self, info: Info) -> Customer | None:
        if self.customer_id is None:
            return None
        found = await crm_loaders.customers(info.context).load(self.customer_id)
        return Customer.from_model(found) if found else None

    @requires("vendor", "read", description="The vendor the line concerns, if any.")
    async def vendor(self, info: Info) -> Vendor | None:
        if self.vendor_id is None:
            return None
        found = await crm_loaders.vendors(info.context).load(self.vendor_id)
        return Vendor.from_model(found) if found else None

    @requires("account", "read", description="Dimension options the line is tagged with.")
    async def dimensions(self, info: Info) -> list[TrackingOption] | None:
        if self.line_id is None:
            found = [await loaders.options(info.context).load(o) for o in self.draft_option_ids]
            return [TrackingOption.from_model(o) for o in found if o]
        options = await loaders.line_options(info.context).load(self.line_id)
        return [TrackingOption.from_model(o) for o in options]


def _posted_line(line: models.JournalLine, base: str) -> JournalLine:
    side = Side.DEBIT if line.debit_minor else Side.CREDIT
    amount = Money.from_minor(line.debit_minor or line.credit_minor, line.currency)
    base_amount = Money.from_minor(line.base_debit_minor or line.base_credit_minor, base)
    assert amount is not None
    return JournalLine(
        line_no=line.line_no,
        side=side,
        amount=amount,
        base_amount=base_amount,
        exchange_rate=Rate(line.exchange_rate),
        description=line.description,
        account_id=line.account_id,
        customer_id=line.customer_id,
        vendor_id=line.vendor_id,
        line_id=line.id,
        draft_option_ids=[],
    )


def _draft_line(i: int, data: dict[str, Any], base: str) -> JournalLine:
    currency = data.get("currency") or base
    return JournalLine(
        line_no=i + 1,
        side=Side(data["side"]),
        amount=Money(amount=data["amount"], currency=CurrencyCode(currency)),
        base_amount=None,
        exchange_rate=None,
        description=data.get("description"),
        account_id=UUID(data["accountId"]),
        customer_id=UUID(data["customerId"]) if data.get("customerId") else None,
        vendor_id=UUID(data["vendorId"]) if data.get("vendorId") else None,
        line_id=None,
        draft_option_ids=[UUID(o) for o in data.get("dimensionOptionIds", [])],
    )


@strawberry.type(description="A balanced set of debits and credits, posted or draft.")
class JournalEntry(relay.Node):
    id: relay.NodeID[str]
    number: int | None = strawberry.field(
        description="Gapless number in the organization, given when posted."
    )
    status: models.EntryStatus = strawberry.field(description="DRAFT or POSTED.")
    date: date = strawberry.field(description="Accounting date.")
    memo: str | None = strawberry.field(description="Narrative.")
    source_type: str | None = strawberry.field(
        description="The kind of document that posted it (null for manual entries)."
    )
    created_at: datetime = strawberry.field(description="When it was created.")
    posted_at: datetime | None = strawberry.field(description="When it was posted.")
    reversal_of_id: strawberry.Private[UUID | None]
    draft_lines: strawberry.Private[list[dict[str, Any]] | None]

    @strawberry.field(description="Its lines, in order.")
    async def lines(self, info: Info) -> list[JournalLine]:
        ctx = info.context
        base = await loaders.base_currency(ctx).load(ctx.signed_in().org)
        if self.status == models.EntryStatus.DRAFT:
            return [_draft_line(i, d, base) for i, d in enumerate(self.draft_lines or [])]
        return [_posted_line(ln, base) for ln in await loaders.lines(ctx).load(UUID(self.id))]

    @strawberry.field(description="The entry this one reverses.")
    async def reversal_of(self, info: Info) -> JournalEntry | None:
        if self.reversal_of_id is None:
            return None
        found = await loaders.entries(info.context).load(self.reversal_of_id)
        return JournalEntry.from_model(found) if found else None

    @strawberry.field(description="The entry that reverses this one, if any.")
    async def reversed_by(self, info: Info) -> JournalEntry | None:
        found = await loaders.reversals(info.context).load(UUID(self.id))
        return JournalEntry.from_model(found) if found else None

    @classmethod
    def from_model(cls, e: models.JournalEntry) -> Self:
        return cls(
            id=str(e.id),
            number=e.number,
            status=e.status,
            date=e.date,
            memo=e.memo,
            source_type=e.source_type,
            created_at=e.created_at,
            posted_at=e.posted_at,
            reversal_of_id=e.reversal_of_id,
            draft_lines=e.draft_lines,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[JournalEntry | None]:
        ids = list(node_ids)
        await authorize(info.context, "journal", "read")
        embedded = await lookup(info, JOURNAL_ENTRY, ids)
        if embedded is not None:
            return embedded
        found = {
            str(e.id): e
            for e in await models.JournalEntry.filter(
                id__in=_uuids(ids), organization_id=info.context.signed_in().org
            )
        }
        return [cls.from_model(found[i]) if i in found else None for i in ids]
