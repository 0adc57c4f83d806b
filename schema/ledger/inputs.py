"""Input types of the ledger's root fields and their conversion to the server's terms."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any
from uuid import UUID

import strawberry

from schema.enums import described_enum
from schema.filters import DateRange, OrderDirection
from schema.ids import decode
from schema.ledger.types import Side
from schema.records import RecordStatus
from schema.scalars import Amount, CurrencyCode
from server.editing import UNSET
from server.errors import NotFound
from server.ledger import chart, entry_lines
from server.ledger import models as m
from server.ledger.manual import EntryChanges

Day = date  # for annotations inside inputs that have a field named `date`


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
    type: list[m.AccountType] | None = strawberry.field(
        default=None, description="Only accounts of one of these types."
    )
    status: list[RecordStatus] | None = strawberry.field(
        default=None, description="Only accounts in one of these statuses."
    )
    search: str | None = strawberry.field(
        default=None, description="Text in the code or the name, ignoring case."
    )


class AccountOrderField(Enum):
    CODE = "code"
    NAME = "name"
    CREATED_AT = "created_at"


described_enum(
    AccountOrderField,
    name="AccountOrderField",
    description="What accounts are sorted by.",
    values={
        AccountOrderField.CODE: "The account's code, as text.",
        AccountOrderField.NAME: "The account's name.",
        AccountOrderField.CREATED_AT: "When the account was created.",
    },
)


@strawberry.input(description="Sort order of accounts; ties are broken by id.")
class AccountOrder:
    field: AccountOrderField = strawberry.field(
        default=AccountOrderField.CODE, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Direction."
    )


@strawberry.input(description="Conditions on journal entries; every condition given must hold.")
class JournalEntryFilter:
    status: list[m.EntryStatus] | None = strawberry.field(
        default=None, description="Only entries in one of these statuses."
    )
    entry_date: DateRange | None = strawberry.field(
        default=None, description="Dated on a day of this range."
    )


class JournalEntryOrderField(Enum):
    ENTRY_DATE = "date"
    NUMBER = "number"
    CREATED_AT = "created_at"


described_enum(
    JournalEntryOrderField,
    name="JournalEntryOrderField",
    description="What journal entries are sorted by.",
    values={
        JournalEntryOrderField.ENTRY_DATE: "The entry's date.",
        JournalEntryOrderField.NUMBER: "The number given when posted; drafts (none yet) come "
        "last ascending, first descending.",
        JournalEntryOrderField.CREATED_AT: "When the entry was created.",
    },
)


@strawberry.input(description="Sort order of journal entries; ties are broken by id.")
class JournalEntryOrder:
    field: JournalEntryOrderField = strawberry.field(
        default=JournalEntryOrderField.ENTRY_DATE, description="Sort key."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Direction."
    )


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
    code: str | None = strawberry.field(
        default=strawberry.UNSET, description="New code; omitted keeps it, null is refused."
    )
    name: str | None = strawberry.field(
        default=strawberry.UNSET, description="New name; omitted keeps it, null is refused."
    )
    type: m.AccountType | None = strawberry.field(
        default=strawberry.UNSET, description="New type; omitted keeps it, null is refused."
    )
    subtype: m.AccountSubtype | None = strawberry.field(
        default=strawberry.UNSET, description="New subtype; omitted keeps it, null is refused."
    )
    parent_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="New parent; omitted keeps it, null clears it."
    )
    currency: CurrencyCode | None = strawberry.field(
        default=strawberry.UNSET,
        description="Currency of the account; omitted keeps it, null clears it (any currency).",
    )
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description="New notes; omitted keeps them, null clears them."
    )


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
    date: Day | None = strawberry.field(
        default=strawberry.UNSET, description="Accounting date; omitted keeps it, null is refused."
    )
    memo: str | None = strawberry.field(
        default=strawberry.UNSET, description="Narrative; omitted keeps it, null clears it."
    )
    lines: list[JournalLineInput] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Two or more lines replacing every line; they need not balance until the "
        "draft is posted. Omitted keeps them, null is refused.",
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


def entry_changes(input: JournalEntryUpdateInput) -> EntryChanges:
    """The fields sent: UNSET stays UNSET, null stays None."""

    def sent(value: Any) -> Any:
        return UNSET if value is strawberry.UNSET else value

    lines = sent(input.lines)
    return EntryChanges(
        date=sent(input.date),
        memo=sent(input.memo),
        lines=lines if lines is UNSET or lines is None else _lines(lines),
    )


def _lines(lines: list[JournalLineInput]) -> list[entry_lines.LineInput]:
    return [_line(i, line) for i, line in enumerate(lines)]


def _entry(input: JournalEntryCreateInput) -> entry_lines.EntryInput:
    return entry_lines.EntryInput(
        date=input.date,
        memo=input.memo,
        lines=[_line(i, line) for i, line in enumerate(input.lines)],
    )


def _account_changes(input: AccountCreateInput | AccountUpdateInput) -> chart.AccountChanges:
    def given(value: Any) -> Any:
        return None if value is strawberry.UNSET else value

    parent_id = given(input.parent_id)
    return chart.AccountChanges(
        code=given(input.code),
        name=given(input.name),
        type=given(input.type),
        subtype=given(input.subtype),
        parent_id=_id(parent_id, "Account", "parentId") if parent_id else None,
        currency=given(input.currency),
        description=given(input.description),
    )


# GraphQL names of the account fields, by the names AccountChanges gives them.
ACCOUNT_FIELDS = {
    "code": "code",
    "name": "name",
    "type": "type",
    "subtype": "subtype",
    "parent_id": "parentId",
    "currency": "currency",
    "description": "description",
}


def account_cleared(input: AccountUpdateInput) -> frozenset[str]:
    """The fields the client set to null explicitly (omitted ones are UNSET)."""
    return frozenset(name for name in ACCOUNT_FIELDS if getattr(input, name) is None)
