"""Root fields of the general ledger."""

from __future__ import annotations

import base64
from datetime import date
from typing import Annotated, Any
from uuid import UUID

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.errors import user_errors
from schema.ids import decode, encode
from schema.ledger.types import (
    Account,
    AccountPayload,
    BalanceSheet,
    ExchangeRate,
    ExchangeRatePayload,
    GeneralLedger,
    GeneralLedgerLine,
    JournalEntry,
    JournalEntryDeletePayload,
    JournalEntryPayload,
    LockDatePayload,
    ProfitAndLoss,
    Side,
    TrackingCategory,
    TrackingCategoryPayload,
    TrialBalance,
    build_categories,
)
from schema.page_json import written_page
from schema.pagination import Connection, SortKey, paginate_sql
from schema.permissions import requires
from schema.reads import by_id, embedded, page_item_sql, path_item_sql
from schema.scalars import Amount, CurrencyCode
from server.errors import DomainError, NotFound
from server.ledger import chart, dimensions, entry_lines, manual, numbering, rates
from server.ledger import general_ledger as gl
from server.ledger import models as m
from server.ledger import reports as rep
from server.ledger.listing import account_conditions, journal_entry_conditions
from server.ledger.reads import ACCOUNT, JOURNAL_ENTRY


def _id(
    value: strawberry.ID | None, type_name: str, field: str, prefix: list[str] | None = None
) -> UUID:
    """The uuid of a global id; not found (with the field's path) for anything else."""
    decoded = decode(value, type_name) if value else None
    if decoded is None:
        raise NotFound(f"{type_name} not found", field=[*(prefix or []), field])
    return decoded


@strawberry.input(description="Conditions on the chart of accounts.")
class AccountFilter:
    type: m.AccountType | None = strawberry.field(default=None, description="Only this type.")
    status: m.AccountStatus | None = strawberry.field(default=None, description="Only this status.")
    search: str | None = strawberry.field(default=None, description="Text in code or name.")


@strawberry.input(description="A new account.")
class AccountCreateInput:
    code: str = strawberry.field(description="Unique code, e.g. 6150.")
    name: str = strawberry.field(description="Name.")
    type: m.AccountType = strawberry.field(description="Account type.")
    subtype: m.AccountSubtype = strawberry.field(description="Subtype, valid for the type.")
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="Parent account.")
    currency: CurrencyCode | None = strawberry.field(
        default=None, description="Restrict postings to one currency."
    )
    description: str | None = strawberry.field(default=None, description="Notes on its use.")


@strawberry.input(description="Changes to an account; omitted fields stay.")
class AccountUpdateInput:
    id: strawberry.ID = strawberry.field(description="The account.")
    code: str | None = strawberry.field(default=None, description="New code.")
    name: str | None = strawberry.field(default=None, description="New name.")
    type: m.AccountType | None = strawberry.field(default=None, description="New type.")
    subtype: m.AccountSubtype | None = strawberry.field(default=None, description="New subtype.")
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="New parent.")
    currency: CurrencyCode | None = strawberry.field(default=None, description="New currency.")
    description: str | None = strawberry.field(default=None, description="New notes.")


@strawberry.input(description="A debit or credit of a journal entry.")
class JournalLineInput:
    account_id: strawberry.ID = strawberry.field(description="The account.")
    side: Side = strawberry.field(description="DEBIT or CREDIT.")
    amount: Amount = strawberry.field(description="Positive amount in the line's currency.")
    currency: CurrencyCode | None = strawberry.field(
        default=None, description="Currency of the amount; the base currency if omitted."
    )
    description: str | None = strawberry.field(default=None, description="Line narrative.")
    customer_id: strawberry.ID | None = strawberry.field(default=None, description="Customer.")
    vendor_id: strawberry.ID | None = strawberry.field(default=None, description="Vendor.")
    dimension_option_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Tracking options, at most one per category."
    )


@strawberry.input(description="A journal entry to save as a draft or post at once.")
class JournalEntryCreateInput:
    date: date = strawberry.field(description="Accounting date.")
    memo: str | None = strawberry.field(default=None, description="Narrative.")
    lines: list[JournalLineInput] = strawberry.field(description="Two or more lines.")
    post: bool = strawberry.field(
        default=False, description="Post now (must balance) instead of saving a draft."
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Replaying the same key with the same input returns the entry."
    )


@strawberry.input(description="New content for a draft journal entry; it replaces the old.")
class JournalEntryUpdateInput:
    id: strawberry.ID = strawberry.field(description="The draft.")
    date: date = strawberry.field(description="Accounting date.")
    memo: str | None = strawberry.field(default=None, description="Narrative.")
    lines: list[JournalLineInput] = strawberry.field(
        description="Two or more lines; they need not balance until the draft is posted."
    )


@strawberry.input(description="A draft journal entry to delete.")
class JournalEntryDeleteInput:
    id: strawberry.ID = strawberry.field(description="The draft.")


@strawberry.input(description="A posted entry to reverse.")
class JournalEntryReverseInput:
    id: strawberry.ID = strawberry.field(description="The entry to reverse.")
    date: date = strawberry.field(description="Date of the reversing entry.")
    memo: str | None = strawberry.field(default=None, description="Memo of the reversal.")


def _line(i: int, line: JournalLineInput) -> entry_lines.LineInput:
    prefix = ["lines", str(i)]

    def optional(value: strawberry.ID | None, type_name: str, name: str) -> UUID | None:
        return _id(value, type_name, name, prefix) if value else None

    return entry_lines.LineInput(
        account_id=_id(line.account_id, "Account", "accountId", prefix),
        side=line.side,
        amount=line.amount,
        currency=line.currency,
        description=line.description,
        customer_id=optional(line.customer_id, "Customer", "customerId"),
        vendor_id=optional(line.vendor_id, "Vendor", "vendorId"),
        dimension_option_ids=tuple(
            _id(o, "TrackingOption", "dimensionOptionIds", prefix)
            for o in line.dimension_option_ids or []
        ),
    )


def _entry(input: JournalEntryCreateInput | JournalEntryUpdateInput) -> entry_lines.EntryInput:
    return entry_lines.EntryInput(
        date=input.date,
        memo=input.memo,
        lines=[_line(i, line) for i, line in enumerate(input.lines)],
    )


def _cursor(d: date, line_id: int) -> str:
    return base64.urlsafe_b64encode(f"{d.isoformat()}|{line_id}".encode()).decode()


def _uncursor(cursor: str) -> tuple[date, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode("ascii")).decode()
        day, line_id = raw.split("|")
        position = date.fromisoformat(day), int(line_id)
    except (ValueError, UnicodeError) as exc:
        raise GraphQLError("invalid cursor", extensions={"code": "BAD_USER_INPUT"}) from exc
    # Line ids are positive 64-bit integers; a larger number would overflow the driver.
    if not 0 < position[1] < 2**63:
        raise GraphQLError("invalid cursor", extensions={"code": "BAD_USER_INPUT"})
    return position


def _report_filter(option_ids: list[strawberry.ID] | None) -> rep.LineFilter:
    ids = []
    for value in option_ids or []:
        decoded = decode(value, "TrackingOption")
        if decoded is None:
            raise GraphQLError("unknown dimension option", extensions={"code": "BAD_USER_INPUT"})
        ids.append(decoded)
    return rep.LineFilter(tuple(ids))


def _account_changes(input: AccountCreateInput | AccountUpdateInput) -> chart.AccountChanges:
    return chart.AccountChanges(
        code=input.code,
        name=input.name,
        type=input.type,
        subtype=input.subtype,
        parent_id=_id(input.parent_id, "Account", "parentId") if input.parent_id else None,
        currency=input.currency,
        description=input.description,
    )


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


DIMENSIONS_ARG = strawberry.argument(
    description="Only lines tagged with every one of these tracking options."
)


@strawberry.type
class LedgerQuery:
    @requires("account", "read", description="The chart of accounts, by code.")
    async def accounts(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description="Page size.")] = None,
        after: Annotated[str | None, strawberry.argument(description="Cursor.")] = None,
        last: Annotated[int | None, strawberry.argument(description="From the end.")] = None,
        before: Annotated[str | None, strawberry.argument(description="Cursor.")] = None,
        filter: Annotated[
            AccountFilter | None, strawberry.argument(description="Conditions.")
        ] = None,
    ) -> Connection[Account]:
        flt = filter or AccountFilter()
        where = account_conditions(
            info.context.signed_in().org, type=flt.type, status=flt.status, search=flt.search
        )
        page = await paginate_sql(
            m.Account,
            where,
            SortKey("code"),
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

    @requires("journal", "read", description="Journal entries, newest date first.")
    async def journal_entries(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description="Page size.")] = None,
        after: Annotated[str | None, strawberry.argument(description="Cursor.")] = None,
        last: Annotated[int | None, strawberry.argument(description="From the end.")] = None,
        before: Annotated[str | None, strawberry.argument(description="Cursor.")] = None,
        status: Annotated[
            m.EntryStatus | None, strawberry.argument(description="Only this status.")
        ] = None,
        from_: Annotated[
            date | None, strawberry.argument(name="from", description="On or after.")
        ] = None,
        to: Annotated[date | None, strawberry.argument(description="On or before.")] = None,
    ) -> Connection[JournalEntry]:
        where = journal_entry_conditions(
            info.context.signed_in().org, status=status, date_from=from_, date_to=to
        )
        page = await paginate_sql(
            m.JournalEntry,
            where,
            SortKey("date", descending=True),
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

    @requires("report", "read", description="Every account's balance on a date.")
    async def trial_balance(
        self,
        info: Info,
        as_of: Annotated[date, strawberry.argument(description="Up to and including.")],
        dimension_option_ids: Annotated[list[strawberry.ID] | None, DIMENSIONS_ARG] = None,
    ) -> TrialBalance:
        actor = info.context.signed_in()
        report = await rep.trial_balance(actor, as_of, _report_filter(dimension_option_ids))
        return TrialBalance.from_report(report)

    @requires("report", "read", description="Income, expenses and net income for a period.")
    async def profit_and_loss(
        self,
        info: Info,
        from_: Annotated[date, strawberry.argument(name="from", description="First day.")],
        to: Annotated[date, strawberry.argument(description="Last day.")],
        compare_from: Annotated[
            date | None, strawberry.argument(description="First day of a comparison period.")
        ] = None,
        compare_to: Annotated[
            date | None, strawberry.argument(description="Last day of the comparison period.")
        ] = None,
        monthly: Annotated[
            bool, strawberry.argument(description="One column per month of the period.")
        ] = False,
        dimension_option_ids: Annotated[list[strawberry.ID] | None, DIMENSIONS_ARG] = None,
        group_by: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="A tracking category: one column per option (e.g. per campaign)."
            ),
        ] = None,
    ) -> ProfitAndLoss:
        actor = info.context.signed_in()
        if group_by is not None:
            category = decode(group_by, "TrackingCategory")
            try:
                if category is None or monthly:
                    raise NotFound("groupBy needs a tracking category and no monthly columns")
                columns = await rep.by_dimension(actor, category, from_, to)
            except DomainError as error:
                raise GraphQLError(error.message, extensions={"code": "BAD_USER_INPUT"}) from error
        else:
            try:
                columns = rep.months(from_, to) if monthly else [rep.Period(from_, to)]
            except DomainError as error:
                raise GraphQLError(error.message, extensions={"code": "BAD_USER_INPUT"}) from error
        if (compare_from is None) != (compare_to is None):
            raise GraphQLError(
                "give both compareFrom and compareTo", extensions={"code": "BAD_USER_INPUT"}
            )
        if compare_from is not None and compare_to is not None:
            columns.append(rep.Period(compare_from, compare_to))
        try:
            report = await rep.profit_and_loss(actor, columns, _report_filter(dimension_option_ids))
        except DomainError as error:
            raise GraphQLError(error.message, extensions={"code": "BAD_USER_INPUT"}) from error
        return ProfitAndLoss.from_report(report)

    @requires("report", "read", description="Assets, liabilities and equity on a date.")
    async def balance_sheet(
        self,
        info: Info,
        as_of: Annotated[date, strawberry.argument(description="The date.")],
    ) -> BalanceSheet:
        return BalanceSheet.from_report(await rep.balance_sheet(info.context.signed_in(), as_of))

    @requires("report", "read", description="An account's lines with a running balance.")
    async def general_ledger(
        self,
        info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(description="The account.")],
        from_: Annotated[date, strawberry.argument(name="from", description="First day.")],
        to: Annotated[date, strawberry.argument(description="Last day.")],
        first: Annotated[int, strawberry.argument(description="Lines per page, up to 100.")] = 50,
        after: Annotated[str | None, strawberry.argument(description="Cursor.")] = None,
    ) -> GeneralLedger | None:
        if not 0 < first <= info.context.settings.max_page_size:
            raise GraphQLError("first must be 1 to 100", extensions={"code": "BAD_USER_INPUT"})
        decoded = decode(account_id, "Account")
        if decoded is None:
            return None
        try:
            page = await gl.general_ledger(
                info.context.signed_in(),
                decoded,
                from_,
                to,
                first=first,
                after=_uncursor(after) if after else None,
                # The database writes the lines itself when it can write every field asked.
                item=path_item_sql(info, ("lines",))(gl.GL_LINE),
            )
        except NotFound:
            return None
        if page.written is not None:
            return GeneralLedger(
                account=Account.from_model(page.account),
                opening_balance=_m(page.opening_balance),
                closing_balance=_m(page.closing_balance),
                lines=embedded(f"[{','.join(page.written)}]"),
                has_next_page=page.has_next_page,
                end_cursor=_cursor(*page.end) if page.end else None,
            )
        lines = [
            GeneralLedgerLine(
                cursor=_cursor(ln.date, ln.line_id),
                entry_number=ln.entry_number,
                date=ln.date,
                memo=ln.memo,
                description=ln.description,
                debit=_m(ln.debit),
                credit=_m(ln.credit),
                balance=_m(ln.balance),
                entry_id=ln.entry_id,
            )
            for ln in page.lines
        ]
        return GeneralLedger(
            account=Account.from_model(page.account),
            opening_balance=_m(page.opening_balance),
            closing_balance=_m(page.closing_balance),
            lines=lines,
            has_next_page=page.has_next_page,
            end_cursor=lines[-1].cursor if lines else None,
        )

    @requires("account", "read", description="Tracking categories and their options.")
    async def tracking_categories(self, info: Info) -> list[TrackingCategory]:
        cats = await m.TrackingCategory.filter(
            organization_id=info.context.signed_in().org
        ).order_by("name")
        return await build_categories(cats)


def _m(value: Any) -> Any:
    from schema.scalars import Money

    return Money.from_minor(value.minor, value.currency)


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
            )

        return await _account_result(run)

    @requires(
        "account", "archive", mutation=True, description="Archive an account (kept for history)."
    )
    async def account_archive(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The account.")],
    ) -> AccountPayload:
        actor = info.context.signed_in()

        async def run() -> m.Account:
            return await chart.archive_account(actor, _id(id, "Account", "id"))

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
            return await manual.update_draft(actor, entry_id, _entry(input))

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
            str, strawberry.argument(description='Base units per unit, e.g. "1.0825".')
        ],
    ) -> ExchangeRatePayload:
        try:
            record = await rates.set_rate(info.context.signed_in(), currency, date, rate)
        except DomainError as error:
            return ExchangeRatePayload(exchange_rate=None, user_errors=user_errors(error))
        return ExchangeRatePayload(
            exchange_rate=ExchangeRate(
                currency=CurrencyCode(record.currency), date=record.date, rate=record.rate
            ),
            user_errors=[],
        )

    @requires(
        "dimension", "manage", mutation=True, description="Create a tracking category with options."
    )
    async def tracking_category_create(
        self,
        info: Info,
        name: Annotated[str, strawberry.argument(description="Name, e.g. Campaign.")],
        options: Annotated[
            list[str] | None, strawberry.argument(description="Initial options.")
        ] = None,
    ) -> TrackingCategoryPayload:
        actor = info.context.signed_in()
        try:
            category = await dimensions.create_category(actor, name, options or [])
        except DomainError as error:
            return TrackingCategoryPayload(tracking_category=None, user_errors=user_errors(error))
        built = await build_categories([category])
        return TrackingCategoryPayload(tracking_category=built[0], user_errors=[])

    @requires("dimension", "manage", mutation=True, description="Add an option to a category.")
    async def tracking_option_create(
        self,
        info: Info,
        category_id: Annotated[strawberry.ID, strawberry.argument(description="The category.")],
        name: Annotated[str, strawberry.argument(description="Name of the option.")],
    ) -> TrackingCategoryPayload:
        actor = info.context.signed_in()
        try:
            cat_id = _id(category_id, "TrackingCategory", "categoryId")
            await dimensions.create_option(actor, cat_id, name)
        except DomainError as error:
            return TrackingCategoryPayload(tracking_category=None, user_errors=user_errors(error))
        category = await m.TrackingCategory.get(id=cat_id)
        built = await build_categories([category])
        return TrackingCategoryPayload(tracking_category=built[0], user_errors=[])
