"""What invoices and bills share as the database writes them (server.reads): their lines
and their open amount; and the items they sell and buy."""

from __future__ import annotations

from collections.abc import Callable

from server.documents.models import Item, Ledger, OpenItem, TaxRate
from server.editing import RecordStatus
from server.identity.models import Organization
from server.ledger.reads import account_of
from server.reads.shape import (
    MONEY,
    Field,
    Nested,
    Related,
    Rows,
    Shape,
    boolean_column,
    column,
    enum_column,
    fixed_point,
    instant_column,
    money_column,
    node_id,
)

# The document's currency, carried on each line read for it (lines store none of their own).
LINE_CURRENCY = "document_currency__"


def line_fields() -> dict[str, Field]:
    """The fields invoice and bill lines both have, from a line row with LINE_CURRENCY."""
    return {
        "lineNo": column("line_no"),
        "description": column("description"),
        "quantity": fixed_point("quantity"),
        "unitPrice": money_column("unit_price_minor", LINE_CURRENCY),
        "discountPercent": fixed_point("discount_percent"),
        "amount": money_column("amount_minor", LINE_CURRENCY),
        "tax": money_column("tax_minor", LINE_CURRENCY),
    }


def lines_of(shape: Shape, table: str, link: str) -> Rows:
    """The document's lines in order, each with the document's currency and organization
    (its links, such as the line's account, are of that organization)."""
    return Rows(
        shape,
        lambda t, a: (
            f'FROM (SELECT l.*, {t}."currency" AS "{LINE_CURRENCY}",'  # noqa: S608
            f' {t}."organization_id" AS "organization_id" FROM "{table}" l'
            f' WHERE l."{link}" = {t}."id") {a}'
        ),
        # Ties (none are written, but nothing forbids them) break by id, as in Python.
        '{t}."line_no", {t}."id"',
    )


def open_minor(t: str) -> str:
    """The document's open amount in minor units; NULL before it is posted."""
    return f'(SELECT o."open_minor" FROM "open_items" o WHERE o."id" = {t}."id")'  # noqa: S608


def outstanding_minor(ledger: Ledger) -> Callable[[str], str]:
    """SQL of what the customer or vendor of row `t` owes (receivable) or is owed
    (payable) now: what is open on its charges, void ones left out, 0 for none. As
    server.receivables.figures reads a customer's outstanding balance."""

    def outstanding(t: str) -> str:
        return (
            f'coalesce((SELECT sum(o."open_minor") FROM "{OpenItem._meta.db_table}" o'  # noqa: S608
            f' WHERE o."organization_id" = {t}."organization_id" AND o."party_id" = {t}."id"'
            f' AND o."ledger" = \'{ledger.value}\' AND o."is_charge"'
            ' AND o."voided_on" IS NULL), 0)'
        )

    return outstanding


def base_currency(t: str) -> str:
    """The base currency of the organization of row `t`."""
    table = Organization._meta.db_table
    return f'(SELECT o."base_currency" FROM "{table}" o WHERE o."id" = {t}."organization_id")'  # noqa: S608


# A tax rate's account is asked of the gate (account read) like any account link.
TAX_RATE = Shape(
    "TaxRate",
    {
        "id": node_id("TaxRate"),
        "name": column("name"),
        "rate": fixed_point("rate"),
        "inclusive": boolean_column("inclusive"),
        "status": enum_column("status", RecordStatus),
        "createdAt": instant_column("created_at"),
        "account": account_of("account_id"),
    },
    TaxRate._meta.db_table,
)

# An item's accounts are asked of the gate (account read); its tax rate is not guarded.
ITEM = Shape(
    "Item",
    {
        "id": node_id("Item"),
        "createdAt": instant_column("created_at"),
        "code": column("code"),
        "name": column("name"),
        "description": column("description"),
        "status": enum_column("status", RecordStatus),
        # Prices of items are kept in the organization's base currency.
        "unitPrice": Nested(
            MONEY,
            lambda t: (f'{t}."unit_price_minor"', base_currency(t)),
            lambda t: f'{t}."unit_price_minor" IS NOT NULL',
        ),
        "incomeAccount": account_of("income_account_id"),
        "expenseAccount": account_of("expense_account_id"),
        "taxRate": Related(
            TAX_RATE,
            lambda t, a: (
                f'FROM "{TAX_RATE.table}" {a} WHERE {a}."id" = {t}."tax_rate_id"'
                f' AND {a}."organization_id" = {t}."organization_id"'
            ),
        ),
    },
    Item._meta.db_table,
)
