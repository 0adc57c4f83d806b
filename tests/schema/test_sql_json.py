"""Pages whose items PostgreSQL writes as JSON (schema.sql_json) answer exactly as the
Python path does, for every field it declares, over values chosen to break a formatter:
currencies of 0, 2 and 3 places, negative, zero and very large amounts, fractional
quantities, missing rows, texts with quotes, backslashes, newlines and non-ASCII letters.

Each comparison asks the same page twice, once with the database path switched off (as on
SQLite), and checks which path ran by its statement count."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import httpx
import pytest

import schema.sql_json as sql_json
from schema.cache import ResultCache
from schema.ids import decode
from schema.payables.sql_shapes import BILL
from schema.receivables.sql_shapes import INVOICE, INVOICE_LINE
from schema.sql_json import (
    Shape,
    Value,
    _item_selections,
    _object_sql,
    _Unsupported,
    amount_text,
)
from server.crm.models import Customer
from server.documents.models import Ledger, OpenItem, OpenItemKind
from server.receivables.models import Invoice, InvoiceLine, InvoiceStatus
from tests.documents.helpers import ITEM_CREATE, mutate, new_tax_rate
from tests.ledger.helpers import account_ids
from tests.payables.helpers import Books
from tests.receivables.helpers import (
    create_invoice,
    customer,
    issue,
    issued_invoice,
    record_payment,
    sale,
)
from tests.support import Api, Org, walk_pages

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def no_cached_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each path must answer for itself: the second asking would be a cache hit."""
    monkeypatch.setattr(ResultCache, "get", lambda _self, _key: None)


def every_field(shape: Shape) -> str:
    """A selection of every field the shape declares, however deep: whatever is declared
    is compared with the Python path."""
    fields = []
    for name, spec in shape.fields.items():
        if isinstance(spec, Value):
            fields.append(name)
        else:
            fields.append(f"{name} {{ {every_field(spec.shape)} }}")
    return " ".join(fields)


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

# Texts a JSON writer must escape, and letters outside ASCII.
AWKWARD = 'Quote " back\\slash\nnew line, tab\t, Zürich — 東京 🙂'


async def _both(
    api: Api, org: Org, query: str, variables: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> tuple[httpx.Response, httpx.Response]:
    """The same request with items written by PostgreSQL, then by Python."""
    written = await api.post(query, variables, token=org.token())
    with monkeypatch.context() as patch:
        patch.setattr(sql_json, "dialect", lambda: "sqlite")
        python = await api.post(query, variables, token=org.token())
    for response in (written, python):
        assert response.status_code == 200, response.text
        assert not response.json().get("errors"), response.text
    return written, python


def _statements(response: httpx.Response) -> int:
    return int(response.headers["x-sql-statements"])


async def _awkward_invoices(api: Api, org: Org) -> None:
    """Invoices written straight to the tables with the values the API rarely makes."""
    accounts = {k: decode(v, "Account") for k, v in (await account_ids(api, org)).items()}
    yen = await Customer.create(organization_id=org.id, name=AWKWARD, currency="JPY")
    dinar = await Customer.create(
        organization_id=org.id,
        name="Manama Trading",
        currency="BHD",
        email="a@b.example",
        phone="+973 1",
        tax_id="BH-1",
    )
    cases: list[dict[str, Any]] = [
        # (customer, status, total minor, open minor or None for no open item, extras)
        {"party": yen, "status": InvoiceStatus.ISSUED, "total": 1_234_567, "open": 1_000},
        {"party": yen, "status": InvoiceStatus.DRAFT, "total": 0, "open": None},
        {"party": dinar, "status": InvoiceStatus.PARTIALLY_PAID, "total": 9_999, "open": 1},
        {"party": dinar, "status": InvoiceStatus.VOID, "total": -5, "open": 0},
        {
            "party": dinar,
            "status": InvoiceStatus.WRITTEN_OFF,
            "total": 9_007_199_254_740_993,
            "open": 0,
        },
        {"party": yen, "status": InvoiceStatus.ISSUED, "total": 7, "open": None},
    ]
    for n, case in enumerate(cases):
        party = case["party"]
        invoice = await Invoice.create(
            organization_id=org.id,
            customer_id=party.id,
            number=None if case["status"] == InvoiceStatus.DRAFT else f"AWK-{n}",
            status=case["status"],
            currency=party.currency,
            issue_date=date(2026, 5, 1 + n),
            due_date=None if n % 2 else date(2026, 6, 1 + n),
            reference=AWKWARD if n == 0 else None,
            memo="" if n == 1 else AWKWARD,
            subtotal_minor=case["total"] - 1,
            tax_minor=1,
            total_minor=case["total"],
            discount_percent=Decimal("2.5") if n == 2 else None,
            discount_until=date(2026, 5, 20) if n == 2 else None,
            voided_on=date(2026, 5, 9) if case["status"] == InvoiceStatus.VOID else None,
            written_off_on=(
                date(2026, 5, 9) if case["status"] == InvoiceStatus.WRITTEN_OFF else None
            ),
            credit_limit_overridden=n == 3,
        )
        if case["open"] is not None:
            await OpenItem.create(
                id=invoice.id,
                organization_id=org.id,
                ledger=Ledger.RECEIVABLE,
                kind=OpenItemKind.INVOICE,
                is_charge=True,
                party_id=party.id,
                number=invoice.number,
                currency=party.currency,
                date=invoice.issue_date,
                due_date=invoice.due_date or invoice.issue_date,
                amount_minor=max(case["total"], 0),
                base_amount_minor=max(case["total"], 0),
                open_minor=case["open"],
                open_base_minor=case["open"],
            )
        # No lines on the last one; the others get quantities and prices of every shape.
        for line_no, (quantity, price, discount, text) in enumerate(
            [
                (Decimal("1.5"), 1_999, Decimal(0), AWKWARD),
                (Decimal("10"), -250, Decimal("12.5"), None),
                (Decimal("0.0001"), 0, Decimal("100"), ""),
                (Decimal("123456.789"), 3, Decimal("0.0001"), "x"),
            ][: 0 if n == 5 else 1 + n % 4],
            start=1,
        ):
            await InvoiceLine.create(
                invoice_id=invoice.id,
                line_no=line_no,
                description=text,
                quantity=quantity,
                unit_price_minor=price,
                discount_percent=discount,
                account_id=accounts["4000"],
                amount_minor=price * 3,
                tax_minor=-line_no,
            )


async def test_invoice_pages_match_the_python_path_field_for_field(
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
    await _awkward_invoices(api, org)

    written, python = await _both(api, org, INVOICES, {"first": 100}, monkeypatch)

    assert written.json() == python.json()
    nodes = [e["node"] for e in written.json()["data"]["invoices"]["edges"]]
    assert len(nodes) == 9
    # The values that exercise the formatting are really there.
    amounts = {n["total"]["amount"] for n in nodes}
    assert {"1234567", "-0.005", "9007199254740.993", "7"} <= amounts
    assert any(line["itemId"] and line["taxRateId"] for n in nodes for line in n["lines"])
    assert {line["quantity"] for n in nodes for line in n["lines"]} >= {"1.5", "10", "0.0001"}
    # Authentication, the page and its count; Python also reads lines and open amounts.
    assert (_statements(written), _statements(python)) == (3, 4)


async def test_bill_pages_match_the_python_path_field_for_field(
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
    yen = await books.new_vendor('Zürich "Quote" \\ 東京', currency="JPY", email="y@x.example")
    in_yen = await books.create("B-3", amount="1500", vendorId=yen)
    assert in_yen["userErrors"] == [], in_yen

    written, python = await _both(api, books.org, BILLS, {}, monkeypatch)

    assert written.json() == python.json()
    nodes = [e["node"] for e in written.json()["data"]["bills"]["edges"]]
    assert len(nodes) == 3
    assert None in [n["amountDue"] for n in nodes]  # the draft owes nothing yet
    assert (_statements(written), _statements(python)) == (2, 3)


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
        with monkeypatch.context() as patch:
            patch.setattr(sql_json, "dialect", lambda: "sqlite")
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
    written, python = await _both(api, org, query, {}, monkeypatch)
    assert written.json() == python.json()
    assert len(written.json()["data"]["invoices"]["nodes"]) == 2
    assert (_statements(written), _statements(python)) == (2, 3)


@pytest.mark.parametrize(
    "node",
    [
        "node { id lines { lineNo } createdAt }",  # a field it does not declare
        "node { id lines { lineNo } } again: node { number }",  # the items asked twice
        "node @include(if: true) { id lines { lineNo } }",  # a directive
        "node { id lines { lineNo } ... on Node { id } }",  # a fragment on an interface
        "node { id lines { lineNo } allocations { id } }",  # a field with a resolver only
    ],
)
async def test_selections_it_cannot_write_are_answered_by_python(
    api: Api, node: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    await issued_invoice(api, org, await customer(api, org), "10.00")
    query = f"query {{ invoices(first: 5) {{ edges {{ {node} }} }} }}"
    written, python = await _both(api, org, query, {}, monkeypatch)
    assert written.json() == python.json()
    assert _statements(written) >= 3


def test_amounts_are_written_at_each_currencys_precision() -> None:
    sql = amount_text("m", "c")
    assert "'JPY'" in sql and "'BHD'" in sql
    # Two places is the default and lists no currency.
    assert "'USD'" not in sql and "'EUR'" not in sql


def ALL(_type_name: str, _field_name: str) -> bool:
    """The gate's answer where it allows every field."""
    return True


def test_compiling_refuses_unknown_fields_and_empty_selections() -> None:
    from strawberry.types.nodes import SelectedField

    shape = Shape("Thing", {"name": sql_json.column("name")})

    def field(name: str, *selections: Any, alias: str | None = None) -> SelectedField:
        return SelectedField(name, {}, {}, list(selections), alias)

    assert _object_sql(shape, [field("name")], "t", ALL) == "json_build_object('name', t.\"name\")"
    with pytest.raises(_Unsupported):
        _object_sql(shape, [field("other")], "t", ALL)
    with pytest.raises(_Unsupported):
        _object_sql(shape, [field("name", field("sub"))], "t", ALL)
    connection = field("things", field("edges", field("node", field("name"))))
    assert _item_selections([connection]) == [field("name")]
    # Items asked through both `edges` and `nodes` could differ: no single selection.
    both = field("things", field("edges", field("node", field("name"))), field("nodes"))
    assert _item_selections([both]) is None


def test_compiling_refuses_a_field_the_gate_refuses() -> None:
    from strawberry.types.nodes import SelectedField

    shape = Shape("Thing", {"name": sql_json.column("name"), "owner": sql_json.column("owner")})

    def field(name: str) -> SelectedField:
        return SelectedField(name, {}, {}, [], None)

    def gate(type_name: str, field_name: str) -> bool:
        return (type_name, field_name) != ("Thing", "owner")

    assert _object_sql(shape, [field("name")], "t", gate) == "json_build_object('name', t.\"name\")"
    with pytest.raises(_Unsupported):
        _object_sql(shape, [field("name"), field("owner")], "t", gate)


INVOICE_READER = """mutation {
  roleCreate(input: {name: "invoice_reader", permissions: [{object: "invoice", action: "read"}]}) {
    userErrors { code } } }"""
MEMBER_ROLES = """mutation($id: ID!) {
  memberRolesSet(input: {userId: $id, roles: ["invoice_reader"]}) { userErrors { code } } }"""
CUSTOMERS_OF_INVOICES = "{ invoices(first: 50) { nodes { number customer { name } } } }"
DENIALS = '{ auditEvents(first: 5, filter: {action: "access.denied"}) { totalCount } }'


async def test_page_with_a_field_the_gate_denies_is_answered_by_python_with_nulls(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A role that reads invoices but not customers: the database path would write the
    customer; the gate is asked first, and the page answers null and FORBIDDEN per row."""
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

    written: list[str | None] = []
    item_sql = sql_json.item_sql

    def spy(*args: Any) -> str | None:
        written.append(item_sql(*args))
        return written[-1]

    monkeypatch.setattr(sql_json, "item_sql", spy)
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
    # The owner's page was written by the database; the refused one fell to Python.
    assert len(written) == 2 and written[0] is not None and written[1] is None
    # Without the customer, the same role's page is written by the database again.
    plain = await api.data(
        "{ invoices(first: 50) { nodes { number } } }", token=org.token("viewer")
    )
    assert len(plain["invoices"]["nodes"]) == 3 and written[2] is not None
