"""Bill payments and purchase orders written by the database (schema/reads.py) answer as
the stock resolvers do, field for field, on SQLite and PostgreSQL: pages, filters, both
walking directions of every order, lookups by id, node and nodes, and guarded fields."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest

from schema.ids import decode, encode
from server.crm.models import Vendor
from server.payables.models import (
    BillPayment,
    BillPaymentStatus,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
)
from server.payables.reads import BILL_PAYMENT, PURCHASE_ORDER
from server.receivables.models import PaymentMethod
from tests.payables.helpers import Books, mutation
from tests.reads.helpers import (
    AWKWARD,
    PARTY_NAME,
    both,
    every_field,
    spied,
    statements,
    stock_path,
)
from tests.support import Api, walk_pages

PAGE = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"

PAYMENTS = f"""
query($first: Int, $after: String, $last: Int, $before: String, $o: BillPaymentOrder,
      $f: BillPaymentFilter) {{
  billPayments(first: $first, after: $after, last: $last, before: $before, orderBy: $o,
               filter: $f) {{
    {PAGE}
    edges {{ cursor node {{ __typename {every_field(BILL_PAYMENT)} }} }}
  }}
}}
"""

ORDERS = f"""
query($first: Int, $after: String, $last: Int, $before: String, $o: PurchaseOrderOrder,
      $f: PurchaseOrderFilter) {{
  purchaseOrders(first: $first, after: $after, last: $last, before: $before, orderBy: $o,
                 filter: $f) {{
    {PAGE}
    edges {{ cursor node {{ __typename {every_field(PURCHASE_ORDER)} }} }}
  }}
}}
"""

ORDER = "purchaseOrder { id } userErrors { code }"
PO_CREATE = mutation("purchaseOrderCreate", "PurchaseOrderCreateInput", ORDER)
PO_APPROVE = mutation("purchaseOrderApprove", "PurchaseOrderIdInput", ORDER)


async def _payables(api: Api) -> Books:
    """Payments and orders made through the API, and others written straight to the
    tables with values the API rarely makes."""
    books = await Books.open(api)
    approved = await books.approved("B-1", "100.00")
    paid = await books.pay("40.00", [(approved["id"], "40.00")], reference="R-1", memo=AWKWARD)
    assert paid["userErrors"] == [], paid
    over = await books.pay("150.00", [(approved["id"], "60.00")], date="2026-03-11")
    assert over["userErrors"] == [], over
    created = await books.run(
        PO_CREATE,
        {
            "vendorId": books.vendor,
            "orderDate": "2026-02-20",
            "lines": [
                books.line("20.00", quantity="10", description="Toner"),
                books.line("0.01", quantity="2.5", discountPercent="12.5", description="Ink"),
            ],
        },
    )
    assert created["userErrors"] == [], created
    approved_order = await books.run(PO_APPROVE, {"id": created["purchaseOrder"]["id"]}, "approver")
    assert approved_order["userErrors"] == [], approved_order
    await _awkward(books)
    return books


async def _awkward(books: Books) -> None:
    org = books.org.id
    bank = decode(books.accounts["1010"], "Account")
    expense = decode(books.accounts["6000"], "Account")
    yen = await Vendor.create(organization_id=org, name=PARTY_NAME, currency="JPY")
    dinar = await Vendor.create(organization_id=org, name="Manama", currency="BHD", email="m@x")
    for n, (vendor, minor, status) in enumerate(
        [
            (yen, 1_234_567, BillPaymentStatus.RECORDED),
            (dinar, -5, BillPaymentStatus.VOID),
            (dinar, 9_007_199_254_740_993, BillPaymentStatus.RECORDED),
            (yen, 0, BillPaymentStatus.RECORDED),
            (dinar, -9_223_372_036_854_775_808, BillPaymentStatus.RECORDED),
            (dinar, 9_223_372_036_854_775_807, BillPaymentStatus.RECORDED),
        ]
    ):
        await BillPayment.create(
            organization_id=org,
            vendor_id=vendor.id,
            # Two on one day: the id breaks the tie.
            date=date(2026, 4, 1 + n // 2),
            currency=vendor.currency,
            amount_minor=minor,
            method=list(PaymentMethod)[n % len(PaymentMethod)],
            reference=None if n % 2 else AWKWARD,
            memo="" if n == 3 else None,
            bank_account_id=bank,
            status=status,
            voided_on=date(2026, 4, 9) if status == BillPaymentStatus.VOID else None,
        )
    for n, (vendor, total) in enumerate([(yen, 1_500), (dinar, -1_234), (dinar, 0)]):
        order = await PurchaseOrder.create(
            organization_id=org,
            vendor_id=vendor.id,
            number=f'PO-"{n}"\\',
            status=list(PurchaseOrderStatus)[n],
            currency=vendor.currency,
            order_date=date(2026, 2, 20),
            expected_date=None if n % 2 else date(2026, 3, 1 + n),
            memo=AWKWARD if n == 0 else None,
            subtotal_minor=total - 1,
            tax_minor=1,
            total_minor=total,
        )
        # No lines on the last; the others written last line first, so that only an
        # ORDER BY gives them in order.
        lines = [
            (Decimal("1.5"), 1_999, Decimal(0), AWKWARD, Decimal("0.5")),
            (Decimal("-123456.789"), -250, Decimal("0.0001"), None, Decimal(0)),
        ][: 2 - n]
        for line_no, (quantity, price, discount, text, billed) in reversed(
            list(enumerate(lines, start=1))
        ):
            await PurchaseOrderLine.create(
                purchase_order_id=order.id,
                line_no=line_no,
                description=text,
                quantity=quantity,
                unit_price_minor=price,
                discount_percent=discount,
                account_id=expense,
                amount_minor=price * 3,
                tax_minor=-line_no,
                billed_quantity=billed,
            )


async def test_bill_payment_and_purchase_order_pages_match_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    books = await _payables(api)
    items = spied(monkeypatch)
    written, stock = await both(api, books.org, PAYMENTS, {"first": 100}, monkeypatch)
    assert written.json() == stock.json()
    nodes = [e["node"] for e in written.json()["data"]["billPayments"]["edges"]]
    assert len(nodes) == 8
    assert {n["amount"]["amount"] for n in nodes} >= {
        "1234567",
        "-0.005",
        "9007199254740.993",
        "0",
        "-9223372036854775.808",
        "9223372036854775.807",
        "150.00",
    }
    assert AWKWARD in {n["reference"] for n in nodes} and None in {n["reference"] for n in nodes}
    assert {n["vendor"]["name"] for n in nodes} >= {PARTY_NAME, "Paper Supplies Ltd"}
    assert {n["bankAccount"]["code"] for n in nodes} == {"1010"}
    # Authentication and the page; the stock resolvers read vendors and accounts apart.
    assert statements(written) == 2 < statements(stock)

    written, stock = await both(api, books.org, ORDERS, {"first": 100}, monkeypatch)
    assert written.json() == stock.json()
    nodes = [e["node"] for e in written.json()["data"]["purchaseOrders"]["edges"]]
    assert len(nodes) == 4
    assert any(n["lines"] == [] for n in nodes)
    lines = [line for n in nodes for line in n["lines"]]
    assert {line["quantity"] for line in lines} >= {"10", "2.5", "1.5", "-123456.789"}
    assert {line["billedQuantity"] for line in lines} >= {"0", "0.5"}
    assert all(isinstance(line["id"], str) for line in lines)
    assert statements(written) == 2 < statements(stock)
    assert len(items) == 2 and all(items)


@pytest.mark.parametrize(
    ("query", "field", "orders"),
    [
        (PAYMENTS, "billPayments", ["PAYMENT_DATE", "AMOUNT", "CREATED_AT"]),
        (ORDERS, "purchaseOrders", ["ORDER_DATE", "NUMBER", "TOTAL"]),
    ],
)
async def test_payables_pages_walk_each_item_once_both_ways(
    api: Api, query: str, field: str, orders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    books = await _payables(api)
    everything = await api.data(query, {"first": 100}, token=books.org.token())
    total = len(everything[field]["edges"])

    async def page(**variables: Any) -> dict[str, Any]:
        response = await api.post(query, variables, token=books.org.token())
        data: dict[str, Any] = response.json()["data"][field]
        return data

    for order_field in orders:
        for direction in ("ASC", "DESC"):
            order = {"field": order_field, "direction": direction}
            forwards, backwards, _ = await walk_pages(page, order, lambda n: n["id"], first=3)
            with stock_path(monkeypatch):
                expected, _, _ = await walk_pages(page, order, lambda n: n["id"], first=3)
            assert len(set(forwards)) == total
            assert forwards == backwards == expected, (order_field, direction)


@pytest.mark.parametrize(
    "flt",
    [
        {"status": "VOID"},
        {"paymentDate": {"from": "2026-04-02", "to": "2026-04-02"}},
        {"vendorId": "VENDOR"},
        {"vendorId": encode("Vendor", uuid4())},
    ],
)
async def test_bill_payment_filters_match_the_stock_resolvers(
    api: Api, flt: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    books = await _payables(api)
    if flt.get("vendorId") == "VENDOR":
        flt = {"vendorId": books.vendor}
    query = PAYMENTS.replace("edges {", "totalCount edges {")
    written, stock = await both(api, books.org, query, {"first": 100, "f": flt}, monkeypatch)
    assert written.json() == stock.json()
    found = written.json()["data"]["billPayments"]
    assert found["totalCount"] == len(found["edges"])
    assert found["edges"] or "vendorId" in flt
    assert statements(written) == 3  # authentication, the page and its count


@pytest.mark.parametrize(
    "flt",
    [
        {"status": ["APPROVED", "DRAFT"]},
        {"orderDate": {"from": "2026-02-21"}},
        {"orderDate": {"to": "2026-02-20"}},
        {"vendorId": "VENDOR"},
    ],
)
async def test_purchase_order_filters_match_the_stock_resolvers(
    api: Api, flt: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    books = await _payables(api)
    if flt.get("vendorId") == "VENDOR":
        flt = {"vendorId": books.vendor}
    query = ORDERS.replace("edges {", "totalCount edges {")
    written, stock = await both(api, books.org, query, {"first": 100, "f": flt}, monkeypatch)
    assert written.json() == stock.json()
    found = written.json()["data"]["purchaseOrders"]
    assert found["totalCount"] == len(found["edges"])
    assert statements(written) == 3


async def test_payables_by_id_and_as_nodes_match_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    books = await _payables(api)
    org = books.org.id
    payments = [encode("BillPayment", p.id) for p in await BillPayment.filter(organization_id=org)]
    orders = [
        encode("PurchaseOrder", o.id) for o in await PurchaseOrder.filter(organization_id=org)
    ]
    for payment_id in payments:
        query = f"query($id: ID!) {{ billPayment(id: $id) {{ {every_field(BILL_PAYMENT)} }} }}"
        written, stock = await both(api, books.org, query, {"id": payment_id}, monkeypatch)
        assert written.json() == stock.json()
        assert written.json()["data"]["billPayment"]["id"] == payment_id
        assert statements(written) == 2 < statements(stock)
    for order_id in orders:
        query = f"query($id: ID!) {{ purchaseOrder(id: $id) {{ {every_field(PURCHASE_ORDER)} }} }}"
        written, stock = await both(api, books.org, query, {"id": order_id}, monkeypatch)
        assert written.json() == stock.json()
        assert written.json()["data"]["purchaseOrder"]["id"] == order_id
        assert statements(written) == 2 < statements(stock)

    other = await Books.open(api)
    foreign = await other.approved("F-1")
    foreign_payment = await other.pay("1.00", [(foreign["id"], "1.00")])
    ids = [
        *payments,
        *orders,
        encode("BillPayment", uuid4()),  # none
        encode("PurchaseOrder", "not-a-uuid"),
        foreign_payment["billPayment"]["id"],  # another organization's
        orders[0],  # asked twice
    ]
    query = f"""query($ids: [ID!]!) {{ nodes(ids: $ids) {{
        __typename id
        ... on BillPayment {{ {every_field(BILL_PAYMENT, "p_")} }}
        ... on PurchaseOrder {{ {every_field(PURCHASE_ORDER, "o_")} }}
    }} }}"""
    written, stock = await both(api, books.org, query, {"ids": ids}, monkeypatch)
    assert written.json() == stock.json()
    nodes = written.json()["data"]["nodes"]
    assert [n and n["__typename"] for n in nodes] == [
        *["BillPayment"] * len(payments),
        *["PurchaseOrder"] * len(orders),
        None,
        None,
        None,
        "PurchaseOrder",
    ]
    assert statements(written) == 3 < statements(stock)  # authentication, one per type
    one = "query($id: ID!) { node(id: $id) { id ... on BillPayment { amount { amount } } } }"
    written, stock = await both(api, books.org, one, {"id": payments[0]}, monkeypatch)
    assert written.json() == stock.json()
    assert statements(written) == 2


PAYMENT_READER = """mutation {
  roleCreate(input: {name: "payment_reader", permissions: [
    {object: "bill_payment", action: "read"}, {object: "purchase_order", action: "read"}]}) {
    userErrors { code } } }"""
MEMBER_ROLES = """mutation($id: ID!) {
  memberRolesSet(input: {userId: $id, roles: ["payment_reader"]}) { userErrors { code } } }"""


@pytest.mark.parametrize(
    ("query", "field", "guarded"),
    [
        (
            "{ billPayments(first: 50) { nodes { date vendor { name } } } }",
            "billPayments",
            "vendor",
        ),
        (
            "{ billPayments(first: 50) { nodes { date bankAccount { code } } } }",
            "billPayments",
            "bankAccount",
        ),
        (
            "{ purchaseOrders(first: 50) { nodes { number vendor { name } } } }",
            "purchaseOrders",
            "vendor",
        ),
    ],
)
async def test_payables_page_with_a_field_the_gate_denies_falls_back_to_forbidden(
    api: Api, query: str, field: str, guarded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    books = await Books.open(api, "viewer")
    approved = await books.approved("B-1")
    paid = await books.pay("10.00", [(approved["id"], "10.00")])
    assert paid["userErrors"] == [], paid
    created = await books.run(
        PO_CREATE,
        {"vendorId": books.vendor, "orderDate": "2026-02-20", "lines": [books.line()]},
    )
    assert created["userErrors"] == [], created
    owner = books.org.token()
    assert (await api.data(PAYMENT_READER, token=owner))["roleCreate"]["userErrors"] == []
    member = encode("User", books.org.users["viewer"].id)
    given = await api.data(MEMBER_ROLES, {"id": member}, token=owner)
    assert given["memberRolesSet"]["userErrors"] == []
    written = spied(monkeypatch)

    refused = await api.post(query, token=books.org.token("viewer"))
    body = refused.json()
    nodes = body["data"][field]["nodes"]
    assert len(nodes) == 1 and nodes[0][guarded] is None
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [
        ([field, "nodes", 0, guarded], "FORBIDDEN")
    ]
    assert written == [None]  # the gate said no before any SQL was written
    allowed = await api.post(query, token=owner)
    assert allowed.json()["data"][field]["nodes"][0][guarded] is not None
    assert written[1] is not None and statements(allowed) == 2
