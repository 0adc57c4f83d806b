"""Every sort of every connection: walked forwards and backwards, on the read path and on
the stock resolvers, each row comes exactly once, in the order the sort's value gives
(ties by id), and a cursor of one sort is refused under another."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from schema.ids import decode
from tests.payables.helpers import Books
from tests.reads.helpers import stock_path
from tests.receivables.helpers import create_invoice, customer, issued_invoice, record_payment, sale
from tests.support import Api, Org, walk_pages

Value = Callable[[dict[str, Any]], Any]


def _money(path: str) -> Value:
    def read(node: dict[str, Any]) -> Any:
        found = node[path]
        return None if found is None else Decimal(found["amount"])

    return read


def _text(name: str) -> Value:
    return lambda node: node[name]


def _instant(name: str) -> Value:
    return lambda node: None if node[name] is None else datetime.fromisoformat(node[name])


def _party(name: str) -> Value:
    return lambda node: node[name]["name"]


# connection: (node selection, GraphQL type, {sort: the node's sort value, or None where the
# node does not show it}).
SORTS: dict[str, tuple[str, str, dict[str, Value | None]]] = {
    "invoices": (
        "issueDate dueDate number createdAt total { amount } amountDue { amount } "
        "customer { name }",
        "Invoice",
        {
            "ISSUE_DATE": _text("issueDate"),
            "DUE_DATE": _text("dueDate"),
            "TOTAL": _money("total"),
            "AMOUNT_DUE": _money("amountDue"),
            "NUMBER": _text("number"),
            "CUSTOMER_NAME": _party("customer"),
            "CREATED_AT": _instant("createdAt"),
        },
    ),
    "payments": (
        "date createdAt amount { amount }",
        "Payment",
        {
            "PAYMENT_DATE": _text("date"),
            "AMOUNT": _money("amount"),
            "CREATED_AT": _instant("createdAt"),
        },
    ),
    "customers": (
        "name createdAt outstandingBalance { amount }",
        "Customer",
        {
            "NAME": _text("name"),
            "CREATED_AT": _instant("createdAt"),
            "OUTSTANDING_BALANCE": _money("outstandingBalance"),
        },
    ),
    "vendors": (
        "name createdAt",
        "Vendor",
        {"NAME": _text("name"), "CREATED_AT": _instant("createdAt"), "OUTSTANDING_BALANCE": None},
    ),
    "bills": (
        "billDate dueDate vendorReference createdAt total { amount } vendor { name }",
        "Bill",
        {
            "BILL_DATE": _text("billDate"),
            "DUE_DATE": _text("dueDate"),
            "TOTAL": _money("total"),
            "AMOUNT_DUE": None,
            "NUMBER": _text("vendorReference"),
            "VENDOR_NAME": _party("vendor"),
            "CREATED_AT": _instant("createdAt"),
        },
    ),
    "billPayments": (
        "date createdAt amount { amount }",
        "BillPayment",
        {
            "PAYMENT_DATE": _text("date"),
            "AMOUNT": _money("amount"),
            "CREATED_AT": _instant("createdAt"),
        },
    ),
    "purchaseOrders": (
        "orderDate number createdAt total { amount }",
        "PurchaseOrder",
        {
            "ORDER_DATE": _text("orderDate"),
            "NUMBER": _text("number"),
            "TOTAL": _money("total"),
            "CREATED_AT": _instant("createdAt"),
        },
    ),
    "creditNotes": (
        "issueDate number createdAt total { amount }",
        "CreditNote",
        {
            "ISSUE_DATE": _text("issueDate"),
            "NUMBER": _text("number"),
            "TOTAL": _money("total"),
            "CREATED_AT": _instant("createdAt"),
        },
    ),
    "accounts": (
        "code name",
        "Account",
        {"CODE": _text("code"), "NAME": None, "CREATED_AT": None},
    ),
    "journalEntries": (
        "date number",
        "JournalEntry",
        {"ENTRY_DATE": _text("date"), "NUMBER": _text("number"), "CREATED_AT": None},
    ),
    "items": ("name code", "Item", {"NAME": None, "CODE": None, "CREATED_AT": None}),
    "members": (
        "joinedAt user { id name email }",
        "Member",
        {"JOINED_AT": None, "NAME": None, "EMAIL": None},
    ),
    "apiKeys": (
        "name createdAt",
        "ApiKey",
        {"NAME": None, "CREATED_AT": None, "LAST_USED_AT": None},
    ),
    "invitations": (
        "email createdAt",
        "Invitation",
        {"EMAIL": None, "CREATED_AT": None, "EXPIRES_AT": None},
    ),
    "events": ("sequence", "Event", {"SEQUENCE": _text("sequence")}),
    "emailDeliveries": (
        "queuedAt",
        "EmailDelivery",
        {"QUEUED_AT": None, "SENT_AT": None, "TO_ADDRESS": None},
    ),
    "webhookEndpoints": ("url", "WebhookEndpoint", {"URL": None, "CREATED_AT": None}),
    "webhookDeliveries": (
        "createdAt",
        "WebhookDelivery",
        {"CREATED_AT": None, "NEXT_ATTEMPT_AT": None},
    ),
    "jobs": ("createdAt", "Job", {"CREATED_AT": None, "RUN_AT": None, "FINISHED_AT": None}),
}


def _query(connection: str, order_type: str, selection: str) -> str:
    return f"""
query($first: Int, $after: String, $last: Int, $before: String, $o: {order_type}) {{
  {connection}(first: $first, after: $after, last: $last, before: $before, orderBy: $o) {{
    totalCount
    edges {{ cursor node {{ {"" if connection == "members" else "id"} {selection} }} }}
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
  }}
}}"""


def _order_type(connection: str, type_name: str) -> str:
    special = {"members": "MemberOrder", "customers": "PartyOrder", "vendors": "PartyOrder"}
    return special.get(connection, f"{type_name}Order")


def _id(node: dict[str, Any]) -> str:
    """A node's global id; a member's is its user's."""
    found: str = node["user"]["id"] if "user" in node and "id" not in node else node["id"]
    return found


def _tie(node: dict[str, Any], type_name: str) -> Any:
    found = decode(_id(node), type_name)
    return str(found) if found is not None else _id(node)


def _expected(
    nodes: list[dict[str, Any]], value: Value, type_name: str, direction: str
) -> list[str]:
    """Ids in the order a sort by `value` then id gives: missing values after every value
    ascending, before them descending."""

    def key(node: dict[str, Any]) -> tuple[Any, ...]:
        found = value(node)
        return (found is None, found if found is not None else 0, _tie(node, type_name))

    ordered = sorted(nodes, key=key)
    if direction == "DESC":
        ordered.reverse()
    return [_id(n) for n in ordered]


async def _seeded(api: Api) -> Org:
    """Documents of every kind, with values that tie and values that are missing."""
    books = await Books.open(api)
    org = books.org
    ids = books.accounts
    acme = await customer(api, org, "Acme Ltd")
    globex = await customer(api, org, "Globex")
    await customer(api, org, "Initech")
    first = await issued_invoice(api, org, acme, "100.00", "2026-03-01")
    await issued_invoice(api, org, globex, "100.00", "2026-03-01", dueDate="2026-03-20")
    await issued_invoice(api, org, acme, "300.00", "2026-03-09")
    for who, day in ((globex, "2026-03-01"), (acme, "2026-04-01")):
        draft = await create_invoice(api, org, who, [sale(ids["4000"], "50.00")], day)
        assert draft["userErrors"] == [], draft
    paid = await record_payment(
        api, org, acme, "40.00", [{"invoiceId": first["id"], "amount": "40.00"}]
    )
    assert paid["userErrors"] == [], paid
    await record_payment(api, org, globex, "40.00", date="2026-03-12")
    other = await books.new_vendor("Acme Paper")
    for reference, amount, day, vendor in (
        ("B-2", "100.00", "2026-03-01", books.vendor),
        ("B-1", "250.00", "2026-03-01", other),
        ("B-3", "120.00", "2026-03-05", books.vendor),
    ):
        await books.approved(reference, amount, day, vendorId=vendor)
    draft_bill = await books.create("B-4", "75.00", "2026-03-02")
    assert draft_bill["userErrors"] == [], draft_bill
    return org


async def _walk(api: Api, org: Org, connection: str) -> None:
    selection, type_name, sorts = SORTS[connection]
    query = _query(connection, _order_type(connection, type_name), selection)

    async def page(**variables: Any) -> dict[str, Any]:
        data = await api.data(query, variables, token=org.token())
        found: dict[str, Any] = data[connection]
        return found

    for field, value in sorts.items():
        for direction in ("ASC", "DESC"):
            order = {"field": field, "direction": direction}
            whole = await page(first=100, o=order)
            ids = [_id(e["node"]) for e in whole["edges"]]
            assert len(ids) == len(set(ids)) == whole["totalCount"], (connection, field)
            if value is not None:
                nodes = [e["node"] for e in whole["edges"]]
                assert ids == _expected(nodes, value, type_name, direction), (connection, order)
            forwards, backwards, _ = await walk_pages(page, order, _id)
            assert forwards == ids, (connection, order)
            assert backwards == ids, (connection, order)


@pytest.mark.parametrize("connection", sorted(SORTS))
async def test_every_sort_walks_each_row_once_in_order_both_ways(
    api: Api, connection: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await _seeded(api)
    await _walk(api, org, connection)
    with stock_path(monkeypatch):
        await _walk(api, org, connection)


@pytest.mark.parametrize(
    ("connection", "one", "other"),
    [
        ("invoices", "ISSUE_DATE", "AMOUNT_DUE"),
        ("invoices", "CUSTOMER_NAME", "TOTAL"),
        ("customers", "NAME", "OUTSTANDING_BALANCE"),
        ("bills", "VENDOR_NAME", "BILL_DATE"),
        ("payments", "AMOUNT", "PAYMENT_DATE"),
    ],
)
async def test_a_cursor_of_one_sort_is_refused_under_another(
    api: Api, connection: str, one: str, other: str
) -> None:
    org = await _seeded(api)
    selection, type_name, _sorts = SORTS[connection]
    query = _query(connection, _order_type(connection, type_name), selection)
    data = await api.data(query, {"first": 1, "o": {"field": one}}, token=org.token())
    cursor = data[connection]["pageInfo"]["endCursor"]
    for argument in ("after", "before"):
        variables = {argument: cursor, "o": {"field": other}}
        variables["first" if argument == "after" else "last"] = 1
        answer = await api.gql(query, variables, token=org.token())
        (error,) = answer["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert "another orderBy" in error["message"]
    # The same cursor under its own sort, in either direction, is a position.
    for direction in ("ASC", "DESC"):
        variables = {"after": cursor, "first": 1, "o": {"field": one, "direction": direction}}
        assert (await api.gql(query, variables, token=org.token())).get("errors") is None
