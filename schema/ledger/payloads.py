"""GraphQL payloads of the ledger's mutations, and the exchange rate one returns."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.errors import UserError
from schema.ledger.types import Account, JournalEntry, TrackingCategory
from schema.scalars import CurrencyCode, Rate


@strawberry.type(description="A recorded exchange rate.")
class ExchangeRate:
    currency: CurrencyCode = strawberry.field(description="The foreign currency.")
    date: date = strawberry.field(description="The date it applies from.")
    rate: Rate = strawberry.field(description="Base-currency units per unit of the currency.")


@strawberry.type(description="The account, or why the change was refused.")
class AccountPayload:
    account: Account | None = strawberry.field(description="The account after the change.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The journal entry, or why it was refused.")
class JournalEntryPayload:
    journal_entry: JournalEntry | None = strawberry.field(description="The entry.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The deleted draft's id, or why it was refused.")
class JournalEntryDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        description="Global id of the deleted draft; null if nothing was deleted."
    )
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The new lock date, or why it was refused.")
class LockDatePayload:
    lock_date: date | None = strawberry.field(description="Nothing on or before it may post.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The stored rate, or why it was refused.")
class ExchangeRatePayload:
    exchange_rate: ExchangeRate | None = strawberry.field(description="The rate.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")


@strawberry.type(description="The tracking category, or why it was refused.")
class TrackingCategoryPayload:
    tracking_category: TrackingCategory | None = strawberry.field(description="The category.")
    user_errors: list[UserError] = strawberry.field(description="Why the input was refused.")
