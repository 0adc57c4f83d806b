"""Root queries of the chart of accounts and the journal entries."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from schema.context import Info
from schema.filters import bounds, order_key
from schema.ledger.inputs import AccountFilter, AccountOrder, JournalEntryFilter, JournalEntryOrder
from schema.ledger.types import Account, JournalEntry
from schema.page_args import After, Before, First, Last
from schema.page_json import written_page
from schema.pagination import Connection, paginate_sql
from schema.permissions import requires
from schema.reads import by_id, page_item_sql
from server.ledger import chart
from server.ledger import models as m
from server.ledger.listing import (
    ACCOUNT_ORDERS,
    JOURNAL_ENTRY_ORDERS,
    account_conditions,
    journal_entry_conditions,
)
from server.ledger.reads import ACCOUNT, JOURNAL_ENTRY


@strawberry.type
class LedgerQuery:
    @requires("account", "read", description="The chart of accounts, a page at a time.")
    async def accounts(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            AccountFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            AccountOrder | None,
            strawberry.argument(description="Sort order; by code ascending if omitted."),
        ] = None,
    ) -> Connection[Account]:
        flt = filter or AccountFilter()
        order = order_by or AccountOrder()
        where = account_conditions(
            info.context.signed_in().org,
            type=flt.type or (),
            status=flt.status or (),
            search=flt.search,
        )
        page = await paginate_sql(
            m.Account,
            where,
            order_key(ACCOUNT_ORDERS, order.field, order.direction),
            Account.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            # The database writes the items itself when it can write every field asked of them.
            item_sql=page_item_sql(info, ACCOUNT),
        )
        return await written_page(info, page)

    @requires("account", "read", description="One account; null if there is none with this id.")
    async def account(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> Account | None:
        actor = info.context.signed_in()

        async def stock(account_id: UUID) -> Account | None:
            found = await chart.accounts(actor).filter(id=account_id).first()
            return Account.from_model(found) if found else None

        return await by_id(info, ACCOUNT, id, stock)

    @requires("journal", "read", description="Journal entries, a page at a time.")
    async def journal_entries(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            JournalEntryFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
        order_by: Annotated[
            JournalEntryOrder | None,
            strawberry.argument(description="Sort order; latest date first if omitted."),
        ] = None,
    ) -> Connection[JournalEntry]:
        flt = filter or JournalEntryFilter()
        order = order_by or JournalEntryOrder()
        where = journal_entry_conditions(
            info.context.signed_in().org,
            status=flt.status or (),
            entry_date=bounds(flt.entry_date),
        )
        page = await paginate_sql(
            m.JournalEntry,
            where,
            order_key(JOURNAL_ENTRY_ORDERS, order.field, order.direction),
            JournalEntry.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            max_page=info.context.settings.max_page_size,
            item_sql=page_item_sql(info, JOURNAL_ENTRY),
        )
        return await written_page(info, page)

    @requires("journal", "read", description="One journal entry; null if there is none.")
    async def journal_entry(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Global id.")],
    ) -> JournalEntry | None:
        org = info.context.signed_in().org

        async def stock(entry_id: UUID) -> JournalEntry | None:
            found = await m.JournalEntry.get_or_none(id=entry_id, organization_id=org)
            return JournalEntry.from_model(found) if found else None

        return await by_id(info, JOURNAL_ENTRY, id, stock)
