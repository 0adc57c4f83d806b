"""Objects read by id (`invoice`, `bill`, `customer`, `vendor`, `node`, `nodes`) are
written by the database in one statement when every field asked is declared
(schema/reads.py), and answer exactly as the stock resolvers do, on both databases."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from schema.ids import encode
from server.crm.reads import CUSTOMER, VENDOR
from server.payables.reads import BILL
from server.receivables.models import Invoice
from server.receivables.reads import INVOICE
from tests.payables.helpers import Books
from tests.reads.helpers import (
    PARTY_NAME,
    awkward_invoices,
    both,
    every_field,
    spied,
    statements,
)
from tests.reads.test_pages import invoice_reader
from tests.support import Api, Org


async def _books(api: Api) -> tuple[Books, list[str], list[str]]:
    """Bills and invoices of every kind in one organization: (books, bill ids, invoice ids)."""
    books = await Books.open(api)
    draft = await books.create("B-1", lines=[books.line("10.00"), books.line("0.01")])
    approved = await books.approved("B-2")
    paid = await books.pay("40.00", [(approved["id"], "40.00")])
    assert draft["userErrors"] == [] and paid["userErrors"] == []
    yen = await books.new_vendor(PARTY_NAME, currency="JPY", email="y@x.example")
    in_yen = await books.create("B-3", amount="1500", vendorId=yen)
    bills = [draft["bill"]["id"], approved["id"], in_yen["bill"]["id"]]
    await awkward_invoices(api, books.org)
    invoices = [
        encode("Invoice", i.id)
        for i in await Invoice.filter(organization_id=books.org.id).order_by("issue_date")
    ]
    return books, bills, invoices


INVOICE_FIELDS = every_field(INVOICE)
BILL_FIELDS = every_field(BILL)


async def test_invoices_and_bills_by_id_match_the_stock_resolvers_in_two_statements(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    books, bills, invoices = await _books(api)
    for invoice_id in invoices:
        query = f"query($id: ID!) {{ invoice(id: $id) {{ __typename {INVOICE_FIELDS} }} }}"
        written, stock = await both(api, books.org, query, {"id": invoice_id}, monkeypatch)
        assert written.json() == stock.json()
        assert written.json()["data"]["invoice"]["id"] == invoice_id
        # Authentication and the invoice; the stock resolvers read its lines apart.
        assert statements(written) == 2 < statements(stock)
    for bill_id in bills:
        query = f"query($id: ID!) {{ bill(id: $id) {{ {BILL_FIELDS} }} }}"
        written, stock = await both(api, books.org, query, {"id": bill_id}, monkeypatch)
        assert written.json() == stock.json()
        assert statements(written) == 2 < statements(stock)


async def test_customers_and_vendors_by_id_match_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    books, _bills, _invoices = await _books(api)
    query = f"""query($c: ID!, $v: ID!) {{
        customer(id: $c) {{ {every_field(CUSTOMER)} }} vendor(id: $v) {{ {every_field(VENDOR)} }}
    }}"""
    customers = await api.data("{ customers(first: 10) { nodes { id } } }", token=books.org.token())
    for found in customers["customers"]["nodes"]:
        variables = {"c": found["id"], "v": books.vendor}
        written, stock = await both(api, books.org, query, variables, monkeypatch)
        assert written.json() == stock.json()
        assert written.json()["data"]["customer"]["id"] == found["id"]
        assert statements(written) == 3  # authentication, the customer and the vendor


# Fields of the same name whose types differ between Invoice, Bill and Vendor (an enum of
# its own each, Money and nullable Money, lines of other scalars); the others may share
# their response names.
CONFLICTING = frozenset({"status", "amountDue", "discountPercent", "lines"})


async def test_nodes_of_several_types_match_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    books, bills, invoices = await _books(api)
    other = await api.new_org()
    ids = [
        *invoices,
        *bills,
        books.vendor,
        encode("Invoice", uuid4()),  # none
        encode("Bill", "not-a-uuid"),
        encode("Invoice", str(await _foreign_invoice(api, other))),  # another organization's
        invoices[0],  # asked twice
    ]
    query = f"""query($ids: [ID!]!) {{ nodes(ids: $ids) {{
        __typename id
        ... on Invoice {{ {INVOICE_FIELDS} }}
        ... on Bill {{ {every_field(BILL, "bill_", CONFLICTING)} }}
        ...Party
    }} }}
    fragment Party on Vendor {{ {every_field(VENDOR, "vendor_", CONFLICTING)} }}"""
    written, stock = await both(api, books.org, query, {"ids": ids}, monkeypatch)
    assert written.json() == stock.json()
    nodes = written.json()["data"]["nodes"]
    assert [n and n["__typename"] for n in nodes] == [
        *["Invoice"] * len(invoices),
        *["Bill"] * len(bills),
        "Vendor",
        None,
        None,
        None,
        "Invoice",
    ]
    # Authentication and one statement per type.
    assert statements(written) == 4 < statements(stock)

    one = """query($id: ID!) {
        node(id: $id) { id ... on Bill { vendorReference } ... on Invoice { n: number } } }"""
    for node_id in (invoices[0], bills[0]):
        written, stock = await both(api, books.org, one, {"id": node_id}, monkeypatch)
        assert written.json() == stock.json()
        assert statements(written) == 2


async def _foreign_invoice(api: Api, org: Org) -> Any:
    from tests.receivables.helpers import customer, issued_invoice

    made = await issued_invoice(api, org, await customer(api, org), "10.00")
    return made["id"]


@pytest.mark.parametrize(
    "selection",
    [
        "number reminders { level }",  # a field it does not declare
        "number @include(if: true)",  # a directive
        'number isOverdue(asOf: "2026-01-01")',  # an argument
        "lines { dimensionOptionIds }",  # a field below it does not declare
    ],
)
async def test_lookups_it_cannot_write_are_answered_by_the_stock_resolvers(
    api: Api, selection: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    books, _bills, invoices = await _books(api)
    query = f"query($id: ID!) {{ invoice(id: $id) {{ {selection} }} }}"
    items = spied(monkeypatch)
    written, stock = await both(api, books.org, query, {"id": invoices[0]}, monkeypatch)
    assert written.json() == stock.json()
    assert written.json()["data"]["invoice"]
    assert not any(items)


async def test_lookup_with_a_field_the_gate_denies_answers_null_with_forbidden(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await invoice_reader(api)
    page = await api.data("{ invoices(first: 1) { nodes { id } } }", token=org.token())
    invoice_id = page["invoices"]["nodes"][0]["id"]
    query = "query($id: ID!) { invoice(id: $id) { number customer { name } } }"
    written, stock = await both(
        api, org, query, {"id": invoice_id}, monkeypatch, role="viewer", errors=True
    )
    assert written.json() == stock.json()
    body = written.json()
    assert body["data"]["invoice"]["customer"] is None and body["data"]["invoice"]["number"]
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [
        (["invoice", "customer"], "FORBIDDEN")
    ]
    # Without the customer, the database writes it.
    plain = await api.post(
        "query($id: ID!) { invoice(id: $id) { number } }", {"id": invoice_id}, org.token("viewer")
    )
    assert statements(plain) == 2
