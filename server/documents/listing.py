"""Which items a list shows, and the orders items, customers and vendors can be shown in:
a filter as SQL conditions and keyset orders for a page."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from server.documents.models import Ledger
from server.documents.reads import outstanding_minor
from server.editing import RecordStatus
from server.keyset import SortKey, orders
from server.sql import Where

ITEM_ORDERS = orders(SortKey("name"), SortKey("code"), SortKey("created_at"))


def _party_orders(ledger: Ledger) -> dict[str, SortKey]:
    return orders(
        SortKey("name"),
        SortKey("created_at"),
        SortKey("outstanding_balance", expression=outstanding_minor(ledger), kind=int),
    )


# Customers and vendors: declared here, beside the open items their balance sums.
CUSTOMER_ORDERS = _party_orders(Ledger.RECEIVABLE)
VENDOR_ORDERS = _party_orders(Ledger.PAYABLE)


def item_conditions(
    organization_id: UUID, *, search: str | None = None, status: Sequence[RecordStatus] = ()
) -> Where:
    """The organization's items matching every condition given; `search` looks for the text
    in the name or the code."""
    where = Where().add('"organization_id" = {}', organization_id)
    if search and search.strip():
        where.search(search, '"name"', '"code"')
    return where.one_of('"status"', status)
