"""Accounts and journal entries as the database writes them (server.reads).

An account's balance as of a day is the balance rule's SQL (server.ledger.balances), which
the stock resolver reads too. A journal entry's lines are read one of two ways: a draft
keeps them as entered (JSON on the entry), a posted entry as the ledger's rows.
"""

from __future__ import annotations

from typing import Any

from server.crm.reads import CUSTOMER, VENDOR, party_of
from server.identity.models import Organization
from server.ledger.balances import balance_minor, day_literal
from server.ledger.models import (
    Account,
    AccountStatus,
    AccountSubtype,
    AccountType,
    EntryStatus,
    JournalEntry,
    JournalLine,
)
from server.reads.dialect import Dialect
from server.reads.shape import (
    MONEY,
    Argued,
    Choice,
    Field,
    Nested,
    Related,
    Rows,
    Shape,
    SpelledRows,
    Value,
    boolean_column,
    column,
    enum_column,
    instant_column,
    money,
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


def _balance(arguments: dict[str, Any]) -> Field | None:
    """Account.balance(asOf): the balance rule (server.ledger.balances) in the
    organization's base currency."""
    day = day_literal(arguments.get("asOf"))
    if day is None or set(arguments) != {"asOf"}:
        return None
    return Nested(MONEY, lambda t: (balance_minor(t, day), _base_currency(t)))


_ACCOUNT_FIELDS: dict[str, Field | Argued] = {
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
    # Asked of the gate (report read) like the stock resolver.
    "balance": Argued(_balance),
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


def _base_currency(t: str) -> str:
    table = Organization._meta.db_table
    return f'(SELECT o."base_currency" FROM "{table}" o WHERE o."id" = {t}."organization_id")'  # noqa: S608


def _either(t: str, prefix: str = "") -> str:
    """A line's one side in minor units: its debit, or else its credit
    (schema.ledger.types._posted_line); with prefix "base_", in the base currency."""
    debit, credit = f'{t}."{prefix}debit_minor"', f'{t}."{prefix}credit_minor"'
    return f"CASE WHEN {debit} <> 0 THEN {debit} ELSE {credit} END"


def _line_links() -> dict[str, Field]:
    return {
        "description": column("description"),
        "account": account_of("account_id"),
        "customer": party_of(CUSTOMER, "customer_id"),
        "vendor": party_of(VENDOR, "vendor_id"),
    }


_POSTED_LINE = Shape(
    "JournalLine",
    {
        "lineNo": column("line_no"),
        "side": Value(
            lambda t, _d: f"""CASE WHEN {t}."debit_minor" <> 0 THEN 'DEBIT' ELSE 'CREDIT' END"""
        ),
        "amount": money(_either),
        "baseAmount": Nested(MONEY, lambda t: (_either(t, "base_"), _base_currency(t))),
        "exchangeRate": column("exchange_rate"),
        **_line_links(),
    },
    JournalLine._meta.db_table,
)

# A draft's amounts are the text entered, in the line's currency or else the base one.
_ENTERED = Shape(
    "Money",
    {"amount": Value(lambda s, _d: s[0]), "currency": Value(lambda s, _d: s[1])},
)
_DRAFT_LINE = Shape(
    "JournalLine",
    {
        "lineNo": column("line_no"),
        "side": column("side"),
        "amount": Nested(
            _ENTERED,
            lambda t: (f'{t}."amount"', f"""coalesce(nullif({t}."currency", ''), {t}."base__")"""),
        ),
        # Converted only when posted.
        "baseAmount": Nested(MONEY, lambda _t: ("0", "''"), lambda _t: "1 = 0"),
        "exchangeRate": Value(lambda _t, _d: "NULL"),
        **_line_links(),
    },
)


def _draft_rows(t: str, a: str, d: Dialect) -> str:
    """The draft's lines as entered, as rows of the columns a posted line has."""
    e = f"{a}_e"
    items = d.json_items(f'{t}."draft_lines"', e)

    def text(key: str) -> str:
        return d.json_text(f'{e}."v"', key)

    def uuid(key: str) -> str:
        return d.uuid_text(text(key))

    return (
        f'FROM (SELECT {e}."n" AS "line_no", {text("side")} AS "side",'  # noqa: S608
        f' {text("amount")} AS "amount", {text("currency")} AS "currency",'
        f' {text("description")} AS "description", {uuid("accountId")} AS "account_id",'
        f' {uuid("customerId")} AS "customer_id", {uuid("vendorId")} AS "vendor_id",'
        f' {t}."organization_id" AS "organization_id", {_base_currency(t)} AS "base__"'
        f" FROM {items}) {a}"
    )


_LINES = Choice(
    lambda t: f"""{t}."status" = '{EntryStatus.DRAFT.value}'""",
    SpelledRows(_DRAFT_LINE, _draft_rows, lambda a, _d: f'{a}."line_no"'),
    Rows(
        _POSTED_LINE,
        lambda t, a: (
            f'FROM "{_POSTED_LINE.table}" {a} WHERE {a}."entry_id" = {t}."id"'
            f' AND {a}."organization_id" = {t}."organization_id"'
        ),
        # Ties (none are written) break by id.
        '{t}."line_no", {t}."id"',
    ),
)


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
        "lines": _LINES,
        "reversalOf": _one_of(_OTHER_ENTRY, '{a}."id" = {t}."reversal_of_id"'),
        "reversedBy": _one_of(_OTHER_ENTRY, '{a}."reversal_of_id" = {t}."id"'),
    },
    JournalEntry._meta.db_table,
)
