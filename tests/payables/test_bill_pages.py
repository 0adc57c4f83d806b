"""Pages of bills (read with hand-written SQL): every sort and direction walks each bill once,
forwards and backwards, bills without a due date included (after every date, in both
databases), filters combine, and a search takes LIKE's wildcards literally."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from schema.ids import decode
from server.payables.models import Bill
from tests.payables.helpers import Books
from tests.support import Api, walk_pages

BILLS = """
query($first: Int, $after: String, $last: Int, $before: String, $o: BillOrder, $f: BillFilter) {
  bills(first: $first, after: $after, last: $last, before: $before, orderBy: $o, filter: $f) {
    totalCount
    edges { cursor node { NODE } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
# With createdAt the items are completed in Python; without it, the database
# writes them (schema/reads.py). Both must walk the same way.
NODE = "id vendorReference billDate dueDate total { amount }"
SELECTIONS = {"python": f"{NODE} createdAt", "database": NODE}

# Reference, amount, bill date: ties on date and on amount, so the id has to break them.
MADE = [
    ("P-1", "30.00", "2026-03-01"),
    ("P-2", "10.00", "2026-03-01"),
    ("P-3", "30.00", "2026-03-05"),
    ("P-4", "20.00", "2026-03-01"),
    ("P-5", "10.00", "2026-04-01"),
    ("P-6", "30.00", "2026-03-05"),
]

# Without a due date: two of them, which sort after every date.
UNDATED = ("P-2", "P-6")

SORT_VALUE = {
    "BILL_DATE": lambda n: n["billDate"],
    "DUE_DATE": lambda n: (n["dueDate"] is None, n["dueDate"] or ""),
    "TOTAL": lambda n: float(n["total"]["amount"]),
    "CREATED_AT": lambda n: n["createdAt"],
}


def _uuid(node: dict[str, Any]) -> str:
    return str(decode(node["id"], "Bill"))


async def _page(books: Books, selection: str = "python", **variables: Any) -> dict[str, Any]:
    query = BILLS.replace("NODE", SELECTIONS[selection])
    data = await books.api.data(query, variables, token=books.org.token())
    page: dict[str, Any] = data["bills"]
    return page


async def _seeded(api: Api) -> tuple[Books, list[dict[str, Any]]]:
    books = await Books.open(api)
    for reference, amount, day in MADE:
        # Equal amounts a few days apart are meant: the duplicate warning is acknowledged.
        created = await books.create(reference, amount, day, acknowledgeWarnings=True)
        assert created["userErrors"] == [] and created["bill"], created
    await Bill.filter(organization_id=books.org.id, vendor_reference__in=UNDATED).update(
        due_date=None
    )
    everything = await _page(books, first=100)
    return books, [e["node"] for e in everything["edges"]]


@pytest.mark.parametrize("selection", sorted(SELECTIONS))
@pytest.mark.parametrize("field", sorted(SORT_VALUE))
async def test_every_order_walks_each_bill_once_both_ways(
    api: Api, field: str, selection: str
) -> None:
    books, nodes = await _seeded(api)
    assert {n["vendorReference"] for n in nodes if n["dueDate"] is None} == set(UNDATED)
    for direction in ("ASC", "DESC"):
        order = {"field": field, "direction": direction}
        expected = sorted(nodes, key=lambda n: (SORT_VALUE[field](n), _uuid(n)))
        if direction == "DESC":
            expected.reverse()
        wanted = [n["vendorReference"] for n in expected]

        forwards, backwards, pages = await walk_pages(
            lambda **v: _page(books, selection, **v),
            order,
            lambda n: n["vendorReference"],
            first=4,
        )
        assert forwards == wanted, (field, direction)
        assert backwards == wanted, (field, direction)
        assert {page["totalCount"] for page in pages} == {len(MADE)}


async def test_filters_combine_and_count_what_they_match(api: Api) -> None:
    books, _ = await _seeded(api)
    page = await _page(
        books,
        first=10,
        f={"billDate": {"from": "2026-03-01", "to": "2026-03-05"}, "status": ["DRAFT"]},
        o={"field": "BILL_DATE", "direction": "ASC"},
    )
    assert page["totalCount"] == 5
    assert {e["node"]["vendorReference"] for e in page["edges"]} == {
        "P-1",
        "P-2",
        "P-3",
        "P-4",
        "P-6",
    }
    none = await _page(books, first=10, f={"status": ["APPROVED"]})
    assert (none["totalCount"], none["edges"]) == (0, [])


async def test_search_ignores_case_and_takes_wildcards_literally(api: Api) -> None:
    books = await Books.open(api)
    for reference in ("Q%1", "Q_2", "qx3", "QX4"):
        created = await books.create(reference, "10.00", acknowledgeWarnings=True)
        assert created["userErrors"] == [] and created["bill"], created

    async def found(text: str) -> set[str]:
        page = await _page(books, first=10, f={"search": text})
        return {e["node"]["vendorReference"] for e in page["edges"]}

    assert await found("%") == {"Q%1"}
    assert await found("q_") == {"Q_2"}
    assert await found("QX") == {"qx3", "QX4"}
    assert await found("\\") == set()


async def test_a_tampered_cursor_is_refused(api: Api) -> None:
    books, _ = await _seeded(api)
    for cursor in ("!!not-a-cursor", base64.urlsafe_b64encode(b'["2026-03-01", "x"]').decode()):
        query = BILLS.replace("NODE", NODE)
        result = await books.api.gql(query, {"first": 2, "after": cursor}, token=books.org.token())
        assert result["errors"][0]["message"] == "invalid cursor"
        assert result["data"] is None or result["data"]["bills"] is None
