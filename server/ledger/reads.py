"""Accounts and journal entries as the database writes them (server.reads).

An account's balance is not declared: it takes a date argument, which the read path leaves
to the stock resolver anyway. A journal entry's lines are not declared either: a draft keeps
them as entered (JSON on the entry) and a posted entry as ledger rows, and the two are read
differently; a selection asking for them takes the stock resolvers.
"""

from __future__ import annotations

from server.ledger.models import (
    Account,
    AccountStatus,
    AccountSubtype,
    AccountType,
    EntryStatus,
    JournalEntry,
)
from server.reads.shape import (
    Field,
    Related,
    Shape,
    boolean_column,
    column,
    enum_column,
    instant_column,
    node_id,
)


def _one_of(shape: Shape, match: str) -> Related:
    """The row of `shape`'s table of the parent's organization that `match` finds (with
    `{a}` for the row's alias and `{t}` for the parent's); JSON null where there is none."""
    return Related(
        shape,
        lambda t, a: (
            f'FROM "{shape.table}" {a} WHERE {match.format(a=a, t=t)}'
            f' AND {a}."organization_id" = {t}."organization_id"'
        ),
    )


_ACCOUNT_FIELDS: dict[str, Field] = {
    "id": node_id("Account"),
    "code": column("code"),
    "name": column("name"),
    "type": enum_column("type", AccountType),
    "subtype": enum_column("subtype", AccountSubtype),
    "currency": column("currency"),
    "description": column("description"),
    "isControl": boolean_column("is_control"),
    "isSystem": boolean_column("is_system"),
    "status": enum_column("status", AccountStatus),
}
# A parent's own parent is left to the stock resolvers: one level covers a chart's usual
# reads, and a shape that named itself would have no end for whoever walks it.
_PARENT = Shape("Account", _ACCOUNT_FIELDS, Account._meta.db_table)
ACCOUNT = Shape(
    "Account",
    {**_ACCOUNT_FIELDS, "parent": _one_of(_PARENT, '{a}."id" = {t}."parent_id"')},
    Account._meta.db_table,
)


def account_of(link: str) -> Related:
    """The account a row's `link` column names, of the row's organization."""
    return _one_of(ACCOUNT, f'{{a}}."id" = {{t}}."{link}"')


_ENTRY_FIELDS: dict[str, Field] = {
    "id": node_id("JournalEntry"),
    "number": column("number"),
    "status": enum_column("status", EntryStatus),
    "date": column("date"),
    "memo": column("memo"),
    "sourceType": column("source_type"),
    "createdAt": instant_column("created_at"),
    "postedAt": instant_column("posted_at"),
}
# As with accounts, one level of reversal: the reversal of a reversal takes the stock path.
_OTHER_ENTRY = Shape("JournalEntry", _ENTRY_FIELDS, JournalEntry._meta.db_table)
JOURNAL_ENTRY = Shape(
    "JournalEntry",
    {
        **_ENTRY_FIELDS,
        "reversalOf": _one_of(_OTHER_ENTRY, '{a}."id" = {t}."reversal_of_id"'),
        "reversedBy": _one_of(_OTHER_ENTRY, '{a}."reversal_of_id" = {t}."id"'),
    },
    JournalEntry._meta.db_table,
)
