"""List pages whose items the database writes as JSON (schema/reads.py) answer exactly as
the stock resolvers do, on SQLite and PostgreSQL alike, for every field the read models
declare; selections SQL cannot write fall back to the stock resolvers and answer the same.

Each comparison asks the same page twice, once with the read path switched off, and checks
which path ran by its statement count."""

from __future__ import annotations

from typing import Any

import pytest

from server.crm.reads import CUSTOMER, VENDOR
from server.payables.reads import BILL
from server.receivables.reads import INVOICE, INVOICE_LINE
from tests.documents.helpers import ITEM_CREATE, mutate, new_tax_rate
from tests.ledger.helpers import account_ids
from tests.payables.helpers import Books
from tests.reads.helpers import (
    AWKWARD,
    PARTY_NAME,
    awkward_invoices,
    both,
    every_field,
    spied,
    statements,
    stock_path,
)
from tests.receivables.helpers import (
    create_invoice,
    customer,
    issue,
    issued_invoice,
    record_payment,
    sale,
)
from tests.support import Api, Org, walk_pages

MONEY = "amount currency"
LINE = every_field(INVOICE_LINE)

INVOICES = f"""
query($first: Int, $after: String, $last: Int, $before: String, $o: InvoiceOrder) {{
  invoices(first: $first, after: $after, last: $last, before: $before, orderBy: $o) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{
      cursor
      node {{
        __typename
        {every_field(INVOICE)}
        owed: amountDue {{ {MONEY} }}
        ...More
        ... on Invoice {{ total {{ kind: __typename }} }}
      }}
    }}
  }}
}}
fragment More on Invoice {{ ref: reference }}
"""

BILLS = f"query {{ bills(first: 100) {{ edges {{ cursor node {{ {every_field(BILL)} }} }} }} }}"


async def test_invoice_pages_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    rate = await new_tax_rate(api, org, "VAT 20%", "20")
    item = await mutate(api, org, ITEM_CREATE, name="Widget", unitPrice="12.50")
    assert item["userErrors"] == [], item
    acme = await customer(api, org, "Acme Ltd", email="ap@acme.example")
    # Through the API: an item and a tax rate on a line, a payment, a draft.
    created = await create_invoice(
        api,
        org,
        acme,
        [
            sale(ids["4000"], "12.50", "3", itemId=item["item"]["id"], taxRateId=rate["id"]),
            sale(ids["4000"], "0.99", "0.5", discountPercent="10"),
        ],
    )
    assert created["userErrors"] == [], created
    issued = await issue(api, org, created["invoice"]["id"])
    assert issued["userErrors"] == [], issued
    paid = await record_payment(
        api, org, acme, "10.00", [{"invoiceId": created["invoice"]["id"], "amount": "10.00"}]
    )
    assert paid["userErrors"] == [], paid
    await issued_invoice(api, org, acme, "100.00", "2026-03-02")
    draft = await create_invoice(api, org, acme, [sale(ids["4000"], "5.00")], "2026-03-03")
    assert draft["userErrors"] == [], draft
    await awkward_invoices(api, org)

    written, stock = await both(api, org, INVOICES, {"first": 100}, monkeypatch)

    assert written.json() == stock.json()
    nodes = [e["node"] for e in written.json()["data"]["invoices"]["edges"]]
    assert len(nodes) == 10
    # The values that exercise the formatting are really there.
    amounts = {n["total"]["amount"] for n in nodes}
    assert {"1234567", "-0.005", "9007199254740.993", "7", "-1.234"} <= amounts
    assert {n["amountDue"]["amount"] for n in nodes} >= {"1000", "0.001", "-1.234", "0"}
    assert {n["creditLimitOverridden"] for n in nodes} == {True, False}
    assert any(
        n["customer"]["creditLimit"] == {"amount": "-0.001", "currency": "BHD"} for n in nodes
    )
    assert any(n["customer"]["creditLimit"] is None for n in nodes)
    parties = [n["customer"] for n in nodes]
    assert {p["createdAt"] for p in parties} >= {"2025-12-31T16:00:00.999Z"}
    assert {p["billingAddress"] and p["billingAddress"]["city"] for p in parties} >= {None, "東京"}
    assert {tuple(p["tags"]) for p in parties} >= {(), ("eu", "key-account")}
    assert any(line["itemId"] and line["taxRateId"] for n in nodes for line in n["lines"])
    assert any(n["lines"] == [] for n in nodes)
    assert {line["quantity"] for n in nodes for line in n["lines"]} >= {
        "1.5",
        "10",
        "0.0001",
        "-123456.789",
    }
    assert AWKWARD in {n["memo"] for n in nodes} and AWKWARD in {
        n["customer"]["name"] for n in nodes
    }
    # Authentication, the page and its count; the stock resolvers also read lines, amounts,
    # accounts and payment terms.
    assert statements(written) == 3 < statements(stock)


async def test_bill_pages_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    books = await Books.open(api)
    ink = books.line("0.01", quantity="2.5", description='Ink "black" — 東京')
    lines = [books.line("10.00"), ink]
    draft = await books.create("B-1", lines=lines)
    assert draft["userErrors"] == [], draft
    approved = await books.approved("B-2")
    paid = await books.pay("40.00", [(approved["id"], "40.00")])
    assert paid["userErrors"] == [], paid
    yen = await books.new_vendor(PARTY_NAME, currency="JPY", email="y@x.example")
    in_yen = await books.create("B-3", amount="1500", vendorId=yen)
    assert in_yen["userErrors"] == [], in_yen

    written, stock = await both(api, books.org, BILLS, {}, monkeypatch)

    assert written.json() == stock.json()
    nodes = [e["node"] for e in written.json()["data"]["bills"]["edges"]]
    assert len(nodes) == 3
    assert None in [n["amountDue"] for n in nodes]  # the draft owes nothing yet
    assert {n["toleranceOverridden"] for n in nodes} == {False}
    assert statements(written) == 2 < statements(stock)


@pytest.mark.parametrize("field", ["ISSUE_DATE", "CREATED_AT"])
async def test_pages_written_by_the_database_walk_each_invoice_once_both_ways(
    api: Api, field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    for day in ("2026-03-01", "2026-03-01", "2026-03-09", "2026-03-01", "2026-04-01"):
        await issued_invoice(api, org, acme, "10.00", day)

    async def page(**variables: Any) -> dict[str, Any]:
        response = await api.post(INVOICES, variables, token=org.token())
        data: dict[str, Any] = response.json()["data"]["invoices"]
        return data

    for direction in ("ASC", "DESC"):
        order = {"field": field, "direction": direction}
        forwards, backwards, _ = await walk_pages(page, order, lambda n: n["id"])
        with stock_path(monkeypatch):
            expected, _, _ = await walk_pages(page, order, lambda n: n["id"])
        assert len(set(forwards)) == 5
        assert forwards == backwards == expected, (field, direction)


async def test_nodes_of_a_page_are_written_by_the_database_too(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    for amount in ("10.00", "20.00"):
        await issued_invoice(api, org, acme, amount)
    nodes = f"nodes {{ id total {{ {MONEY} }} lines {{ {LINE} }} }}"
    query = f"query {{ invoices(first: 5) {{ {nodes} }} }}"
    written, stock = await both(api, org, query, {}, monkeypatch)
    assert written.json() == stock.json()
    assert len(written.json()["data"]["invoices"]["nodes"]) == 2
    assert statements(written) == 2 < statements(stock)


@pytest.mark.parametrize(
    "node",
    [
        # aliases, __typename, a named fragment, an inline one, a key asked twice (merged)
        "id n: number __typename ...F lines { lineNo } customer { name } customer { c: email }",
        # fragments on an interface the type implements, on the node and on its customer
        "... on Node { id } customer { ... on Party { name } ... on Node { id } }",
        # an inline fragment without a type, and an alias of a nested object's field
        "... { total { a: amount } } lines { q: quantity ... on InvoiceLine { lineNo } }",
    ],
)
async def test_selections_of_declared_fields_are_written_by_the_database(
    api: Api, node: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await issued_invoice(api, org, await customer(api, org, PARTY_NAME), "10.00")
    query = (
        f"query {{ invoices(first: 5) {{ edges {{ node {{ {node} }} }} }} }}"
        " fragment F on Invoice { status s2: status }"
    )
    if "...F" not in node:
        query = query.split(" fragment")[0]
    written, stock = await both(api, org, query, {}, monkeypatch)
    assert written.json() == stock.json()
    assert statements(written) == 2


@pytest.mark.parametrize(
    "node",
    [
        "node { id lines { lineNo } reminders { level } }",  # a field it does not declare
        "node { id lines { lineNo } } again: node { number }",  # the items asked twice
        "node @include(if: true) { id lines { lineNo } }",  # a directive
        "node { id lines { lineNo } number @skip(if: false) }",  # a directive below the items
        'node { id isOverdue(asOf: "2026-01-01") }',  # an argument
        "node { id lines { lineNo } allocations { id } }",  # a field with a resolver only
        "node { lines { dimensionOptionIds } }",  # a field of a line it does not declare
    ],
)
async def test_selections_it_cannot_write_are_answered_by_the_stock_resolvers(
    api: Api, node: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await issued_invoice(api, org, await customer(api, org), "10.00")
    query = f"query {{ invoices(first: 5) {{ edges {{ {node} }} }} }}"
    written, stock = await both(api, org, query, {}, monkeypatch)
    assert written.json() == stock.json()
    assert statements(written) >= 3


INVOICE_READER = """mutation {
  roleCreate(input: {name: "invoice_reader", permissions: [{object: "invoice", action: "read"}]}) {
    userErrors { code } } }"""
MEMBER_ROLES = """mutation($id: ID!) {
  memberRolesSet(input: {userId: $id, roles: ["invoice_reader"]}) { userErrors { code } } }"""
CUSTOMERS_OF_INVOICES = "{ invoices(first: 50) { nodes { number customer { name } } } }"
DENIALS = "{ auditEvents(first: 5, filter: {action: [ACCESS_DENIED]}) { totalCount } }"


async def invoice_reader(api: Api) -> Any:
    """An organization with three invoices and a member who may read invoices only."""
    from schema.ids import encode

    org = await api.new_org("viewer")
    buyer = await customer(api, org, "Hidden Buyer Ltd")
    for n in range(3):
        await issued_invoice(api, org, buyer, f"{n + 10}.00")
    made = await api.data(INVOICE_READER, token=org.token())
    assert made["roleCreate"]["userErrors"] == []
    member = encode("User", org.users["viewer"].id)
    given = await api.data(MEMBER_ROLES, {"id": member}, token=org.token())
    assert given["memberRolesSet"]["userErrors"] == []
    return org


async def test_page_with_a_field_the_gate_denies_is_answered_by_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A role that reads invoices but not customers: the read path would write the
    customer; the gate is asked first, and the page answers null and FORBIDDEN per row."""
    org = await invoice_reader(api)
    written = spied(monkeypatch)
    owner_page = await api.post(CUSTOMERS_OF_INVOICES, token=org.token())
    names = {n["customer"]["name"] for n in owner_page.json()["data"]["invoices"]["nodes"]}
    assert names == {"Hidden Buyer Ltd"}
    before = (await api.data(DENIALS, token=org.token()))["auditEvents"]["totalCount"]

    refused = await api.post(CUSTOMERS_OF_INVOICES, token=org.token("viewer"))
    body = refused.json()
    assert "Hidden Buyer" not in refused.text
    nodes = body["data"]["invoices"]["nodes"]
    assert len(nodes) == 3 and all(n["customer"] is None and n["number"] for n in nodes)
    assert sorted(tuple(e["path"]) for e in body["errors"]) == [
        ("invoices", "nodes", i, "customer") for i in range(3)
    ]
    assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}
    after = (await api.data(DENIALS, token=org.token()))["auditEvents"]["totalCount"]
    assert after - before == 1
    # The owner's page was written by the database; the refused one fell to the stock path.
    assert len(written) == 2 and written[0] is not None and written[1] is None
    # Without the customer, the same role's page is written by the database again.
    plain = await api.data(
        "{ invoices(first: 50) { nodes { number } } }", token=org.token("viewer")
    )
    assert len(plain["invoices"]["nodes"]) == 3 and written[2] is not None


PARTIES = f"""
query($first: Int, $after: String, $last: Int, $before: String, $o: PartyOrder,
      $f: PartyFilter) {{
  customers(first: $first, after: $after, last: $last, before: $before, orderBy: $o,
            filter: $f) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ {every_field(CUSTOMER)} }} }}
  }}
  vendors(first: 100, filter: $f) {{
    nodes {{ __typename ... on Party {{ name }} {every_field(VENDOR, "v_")} }}
  }}
}}
"""


async def _parties(api: Api, org: Org) -> None:
    made = [
        ("Acme Ltd", {"email": "AP@acme.example", "tags": ["key", "eu"], "creditLimit": "50.00"}),
        (
            "acme_underscore",
            {
                "phone": "+44 1",
                "taxId": "GB1",
                "paymentTermsDays": 0,
                "billingAddress": {"line1": PARTY_NAME, "line2": "", "country": "GB"},
            },
        ),
        ("100% Widgets", {"currency": "JPY", "creditLimit": "0", "tags": ["eu"]}),
        (PARTY_NAME, {"currency": "BHD", "creditLimit": "1.005"}),
        ("Acme Ltd", {"email": "second@acme.example"}),  # the same name: the id breaks ties
    ]
    for name, extra in made:
        await customer(api, org, name, **extra)
        vendor = await api.data(
            "mutation($i: VendorCreateInput!) { vendorCreate(input: $i) { userErrors { code } } }",
            {"i": {"name": name, **{k: v for k, v in extra.items() if k != "creditLimit"}}},
            token=org.token(),
        )
        assert vendor["vendorCreate"]["userErrors"] == []


@pytest.mark.parametrize(
    "flt",
    [
        {},
        {"search": "ACME"},
        {"search": "_"},
        {"search": "100%"},
        {"tag": "EU"},
        {"status": "ACTIVE"},
    ],
)
async def test_customer_and_vendor_pages_match_the_stock_resolvers(
    api: Api, flt: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _parties(api, org)
    variables = {"first": 100, "f": flt}
    items = spied(monkeypatch)
    written, stock = await both(api, org, PARTIES, variables, monkeypatch)
    assert written.json() == stock.json()
    assert len(items) == 2 and all(items)  # both pages written by the database
    found = written.json()["data"]["customers"]["edges"]
    assert found if flt != {"search": "_"} else len(found) == 1
    # Authentication, the two pages and the count: the stock resolvers need no more here.
    assert statements(written) == 4


@pytest.mark.parametrize("field", ["NAME", "CREATED_AT"])
async def test_customer_pages_walk_each_customer_once_both_ways(
    api: Api, field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await _parties(api, org)

    async def page(**variables: Any) -> dict[str, Any]:
        response = await api.post(PARTIES, variables, token=org.token())
        data: dict[str, Any] = response.json()["data"]["customers"]
        return data

    for direction in ("ASC", "DESC"):
        order = {"field": field, "direction": direction}
        forwards, backwards, _ = await walk_pages(page, order, lambda n: n["id"])
        with stock_path(monkeypatch):
            expected, _, _ = await walk_pages(page, order, lambda n: n["id"])
        assert len(set(forwards)) == 5
        assert forwards == backwards == expected, (field, direction)
