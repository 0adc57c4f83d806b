"""Root mutations of accounts, journal entries, the lock date and exchange rates."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import strawberry

from schema.context import Info
from schema.crm.inputs import ArchiveInput
from schema.errors import user_errors
from schema.ids import encode
from schema.ledger.inputs import (
    AccountCreateInput,
    AccountUpdateInput,
    JournalEntryCreateInput,
    JournalEntryDeleteInput,
    JournalEntryReverseInput,
    JournalEntryUpdateInput,
    _account_changes,
    _entry,
    _id,
    account_cleared,
    entry_changes,
)
from schema.ledger.payloads import (
    AccountPayload,
    ExchangeRate,
    ExchangeRatePayload,
    JournalEntryDeletePayload,
    JournalEntryPayload,
    LockDatePayload,
)
from schema.ledger.types import Account, JournalEntry
from schema.permissions import requires
from schema.scalars import CurrencyCode, Rate
from server.errors import DomainError
from server.ledger import chart, manual, numbering, rates
from server.ledger import models as m


async def _entry_result(run: Any) -> JournalEntryPayload:
    try:
        entry = await run()
    except DomainError as error:
        return JournalEntryPayload(journal_entry=None, user_errors=user_errors(error))
    return JournalEntryPayload(journal_entry=JournalEntry.from_model(entry), user_errors=[])


async def _account_result(run: Any) -> AccountPayload:
    try:
        account = await run()
    except DomainError as error:
        return AccountPayload(account=None, user_errors=user_errors(error))
    return AccountPayload(account=Account.from_model(account), user_errors=[])


@strawberry.type
class LedgerMutation:
    @requires("account", "create", mutation=True, description="Add an account to the chart.")
    async def account_create(
        self,
        info: Info,
        input: Annotated[
            AccountCreateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> AccountPayload:
        actor = info.context.signed_in()

        async def run() -> m.Account:
            return await chart.create_account(
                actor,
                _account_changes(input),
            )

        return await _account_result(run)

    @requires("account", "update", mutation=True, description="Change an account.")
    async def account_update(
        self,
        info: Info,
        input: Annotated[
            AccountUpdateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> AccountPayload:
        actor = info.context.signed_in()

        async def run() -> m.Account:
            return await chart.update_account(
                actor,
                _id(input.id, "Account", "id"),
                _account_changes(input),
                account_cleared(input),
            )

        return await _account_result(run)

    @requires(
        "account", "archive", mutation=True, description="Archive an account (kept for history)."
    )
    async def account_archive(
        self,
        info: Info,
        input: Annotated[ArchiveInput, strawberry.argument(description="The account.")],
    ) -> AccountPayload:
        actor = info.context.signed_in()

        async def run() -> m.Account:
            return await chart.archive_account(actor, _id(input.id, "Account", "id"))

        return await _account_result(run)

    @requires(
        "journal",
        "create",
        mutation=True,
        description="Create a journal entry, as a draft or posted.",
    )
    async def journal_entry_create(
        self,
        info: Info,
        input: Annotated[
            JournalEntryCreateInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> JournalEntryPayload:
        ctx = info.context
        actor = ctx.signed_in()

        async def run() -> m.JournalEntry:
            entry = _entry(input)
            if not input.post:
                return await manual.save_draft(actor, entry)
            # Posting at once is also posting: it needs journal:post.
            from schema.permissions import authorize

            await authorize(ctx, "journal", "post")
            return await manual.create_posted(ctx.access, actor, entry, input.idempotency_key)

        return await _entry_result(run)

    @requires("journal", "post", mutation=True, description="Post a draft journal entry.")
    async def journal_entry_post(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The draft.")],
    ) -> JournalEntryPayload:
        ctx = info.context
        actor = ctx.signed_in()
        return await _entry_result(
            lambda: manual.post_draft(ctx.access, actor, _id(id, "JournalEntry", "id"))
        )

    @requires(
        "journal",
        "create",
        mutation=True,
        description="Replace a draft journal entry's date, memo and lines; posted entries never.",
    )
    async def journal_entry_update(
        self,
        info: Info,
        input: Annotated[
            JournalEntryUpdateInput, strawberry.argument(description="The draft and its content.")
        ],
    ) -> JournalEntryPayload:
        actor = info.context.signed_in()

        async def run() -> m.JournalEntry:
            entry_id = _id(input.id, "JournalEntry", "id")
            return await manual.update_draft(actor, entry_id, entry_changes(input))

        return await _entry_result(run)

    @requires(
        "journal",
        "create",
        mutation=True,
        description="Delete a draft journal entry; posted entries never.",
    )
    async def journal_entry_delete(
        self,
        info: Info,
        input: Annotated[
            JournalEntryDeleteInput, strawberry.argument(description="The draft to delete.")
        ],
    ) -> JournalEntryDeletePayload:
        actor = info.context.signed_in()
        try:
            entry = await manual.delete_draft(actor, _id(input.id, "JournalEntry", "id"))
        except DomainError as error:
            return JournalEntryDeletePayload(deleted_id=None, user_errors=user_errors(error))
        return JournalEntryDeletePayload(
            deleted_id=strawberry.ID(encode("JournalEntry", entry.id)), user_errors=[]
        )

    @requires("journal", "reverse", mutation=True, description="Reverse a posted entry on a date.")
    async def journal_entry_reverse(
        self,
        info: Info,
        input: Annotated[
            JournalEntryReverseInput, strawberry.argument(description="The details of the request.")
        ],
    ) -> JournalEntryPayload:
        actor = info.context.signed_in()
        return await _entry_result(
            lambda: manual.reverse_entry(
                actor, _id(input.id, "JournalEntry", "id"), input.date, input.memo
            )
        )

    @requires("ledger", "lock", mutation=True, description="Set the lock date (null unlocks).")
    async def lock_date_set(
        self,
        info: Info,
        lock_date: Annotated[
            date | None, strawberry.argument(description="Nothing on or before it may post.")
        ],
    ) -> LockDatePayload:
        settings = await numbering.set_lock_date(info.context.signed_in(), lock_date)
        return LockDatePayload(lock_date=settings.lock_date, user_errors=[])

    @requires("exchange_rate", "set", mutation=True, description="Record an exchange rate.")
    async def exchange_rate_set(
        self,
        info: Info,
        currency: Annotated[CurrencyCode, strawberry.argument(description="Foreign currency.")],
        date: Annotated[date, strawberry.argument(description="Date the rate applies from.")],
        rate: Annotated[
            Rate, strawberry.argument(description='Base units per unit, e.g. "1.0825".')
        ],
    ) -> ExchangeRatePayload:
        try:
            record = await rates.set_rate(info.context.signed_in(), currency, date, rate)
        except DomainError as error:
            return ExchangeRatePayload(exchange_rate=None, user_errors=user_errors(error))
        return ExchangeRatePayload(
            exchange_rate=ExchangeRate(
                currency=CurrencyCode(record.currency), date=record.date, rate=Rate(record.rate)
            ),
            user_errors=[],
        )
