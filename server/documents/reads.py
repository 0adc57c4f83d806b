"""What invoices and bills share as the database writes them (server.reads): their lines
and their open amount."""

from __future__ import annotations

from server.reads.shape import Field, Rows, Shape, column, fixed_point, money_column

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
    """The document's lines in order, each with the document's currency."""
    return Rows(
        shape,
        lambda t, a: (
            f'FROM (SELECT l.*, {t}."currency" AS "{LINE_CURRENCY}" FROM "{table}" l'  # noqa: S608
            f' WHERE l."{link}" = {t}."id") {a}'
        ),
        # Ties (none are written, but nothing forbids them) break by id, as in Python.
        '{t}."line_no", {t}."id"',
    )


def open_minor(t: str) -> str:
    """The document's open amount in minor units; NULL before it is posted."""
    return f'(SELECT o."open_minor" FROM "open_items" o WHERE o."id" = {t}."id")'  # noqa: S608
