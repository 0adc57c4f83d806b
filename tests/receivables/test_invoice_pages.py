"""Pages of invoices (read with hand-written SQL): each filter narrows, they combine, and both
sort keys walk every invoice once, forwards and backwards."""

from __future__ import annotations

from typing import Any

import pytest

from schema.ids import decode
from tests.ledger.helpers import account_ids
from tests.receivables.helpers import create_invoice, customer, issued_invoice, sale
from tests.support import Api, Org, walk_pages

INVOICES = """
query($first: Int, $after: String, $last: Int, $before: String, $o: InvoiceOrder,
      $f: InvoiceFilter) {
  invoices(first: $first, after: $after, last: $last, before: $before, orderBy: $o, filter: $f) {
    totalCount
    edges { node { id number status issueDate createdAt customer { name } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


async def _page(api: Api, org: Org, **variables: Any) -> dict[str, Any]:
    data = await api.data(INVOICES, variables, token=org.token())
    page: dict[str, Any] = data["invoices"]
    return page


def _uuid(node: dict[str, Any]) -> str:
    return str(decode(node["id"], "Invoice"))


async def _seeded(api: Api) -> tuple[Org, dict[str, str]]:
    """Three issued invoices and two drafts over two customers, dates tied on purpose."""
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org, "Acme Ltd")
    globex = await customer(api, org, "Globex")
    await issued_invoice(api, org, acme, "100.00", "2026-03-01")
    await issued_invoice(api, org, globex, "200.00", "2026-03-01")
    await issued_invoice(api, org, acme, "300.00", "2026-03-09")
    for who, day in ((globex, "2026-03-01"), (acme, "2026-04-01")):
        draft = await create_invoice(api, org, who, [sale(ids["4000"], "50.00")], day)
        assert draft["userErrors"] == [], draft
    return org, {"acme": acme, "globex": globex}


@pytest.mark.parametrize("field", ["ISSUE_DATE", "CREATED_AT"])
async def test_both_orders_walk_each_invoice_once_both_ways(api: Api, field: str) -> None:
    org, _ = await _seeded(api)
    nodes = [e["node"] for e in (await _page(api, org, first=100))["edges"]]
    assert len(nodes) == 5
    value = "issueDate" if field == "ISSUE_DATE" else "createdAt"
    for direction in ("ASC", "DESC"):
        order = {"field": field, "direction": direction}
        expected = sorted(nodes, key=lambda n: (n[value], _uuid(n)))
        if direction == "DESC":
            expected.reverse()
        wanted = [n["id"] for n in expected]

        forwards, backwards, _ = await walk_pages(
            lambda **v: _page(api, org, **v), order, lambda n: n["id"]
        )
        assert forwards == wanted, (field, direction)
        assert backwards == wanted, (field, direction)


async def test_each_filter_narrows_and_they_combine(api: Api) -> None:
    org, customers = await _seeded(api)

    async def numbers(**flt: Any) -> tuple[int, list[tuple[str | None, str, str]]]:
        page = await _page(api, org, first=20, f=flt, o={"field": "ISSUE_DATE", "direction": "ASC"})
        rows = [
            (e["node"]["number"], e["node"]["customer"]["name"], e["node"]["issueDate"])
            for e in page["edges"]
        ]
        return page["totalCount"], rows

    count, rows = await numbers(status="DRAFT")
    assert count == 2 and all(number is None for number, _, _ in rows)
    count, rows = await numbers(customerId=customers["acme"])
    assert count == 3 and {name for _, name, _ in rows} == {"Acme Ltd"}
    count, rows = await numbers(issueDate={"from": "2026-03-02", "to": "2026-03-31"})
    assert (count, [day for _, _, day in rows]) == (1, ["2026-03-09"])
    count, rows = await numbers(customerId=customers["acme"], status="ISSUED")
    assert count == 2
    first_number = rows[0][0]
    assert first_number is not None
    count, rows = await numbers(number=first_number)
    assert (count, [number for number, _, _ in rows]) == (1, [first_number])
    # An id that is not a customer's matches nothing rather than failing.
    count, rows = await numbers(customerId="not-an-id")
    assert (count, rows) == (0, [])
