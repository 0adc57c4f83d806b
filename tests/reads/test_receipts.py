"""Payments and credit notes, in pages and by id, written by the database (schema/reads.py)
answer exactly as the stock resolvers do, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from schema.ids import decode, encode
from server.receivables.models import CreditNote, Payment
from server.receivables.reads import CREDIT_NOTE, PAYMENT
from tests.ledger.helpers import account_ids
from tests.reads.helpers import (
    AWKWARD,
    awkward_receipts,
    both,
    every_field,
    spied,
    statements,
    stock_path,
)
from tests.receivables.helpers import customer, issued_invoice, record_payment, sale
from tests.support import Api, Org, walk_pages

PAGE = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
PAYMENTS = f"""
query($first: Int, $after: String, $last: Int, $before: String, $o: PaymentOrder,
      $f: PaymentFilter) {{
  payments(first: $first, after: $after, last: $last, before: $before, orderBy: $o,
           filter: $f) {{
    {PAGE}
    edges {{ cursor node {{ __typename {every_field(PAYMENT)} }} }}
  }}
}}
"""
CREDIT_NOTES = f"""
query($first: Int, $after: String, $last: Int, $before: String, $f: CreditNoteFilter) {{
  creditNotes(first: $first, after: $after, last: $last, before: $before, filter: $f) {{
    {PAGE}
    edges {{ cursor node {{ __typename {every_field(CREDIT_NOTE)} }} }}
  }}
}}
"""
NOT_A_CUSTOMER = "Q3VzdG9tZXI6bm90LWEtdXVpZA=="  # Customer:not-a-uuid
NOTE_CREATE = """mutation($input: CreditNoteCreateInput!) { creditNoteCreate(input: $input) {
  creditNote { id } userErrors { code } } }"""


async def _receipts(api: Api) -> tuple[Org, str]:
    """An organization with payments and credit notes of every kind: (org, a customer)."""
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org, "Acme Ltd", email="ap@acme.example")
    invoice = await issued_invoice(api, org, acme, "100.00", "2026-03-02")
    paid = await record_payment(
        api, org, acme, "30.00", [{"invoiceId": invoice["id"], "amount": "10.00"}]
    )
    assert paid["userErrors"] == [], paid
    note = await api.data(
        NOTE_CREATE,
        {
            "input": {
                "customerId": acme,
                "issueDate": "2026-03-05",
                "lines": [sale(ids["4000"], "12.50", "3"), sale(ids["4000"], "0.99", "0.5")],
                "invoiceId": invoice["id"],
                "reason": AWKWARD,
            }
        },
        token=org.token(),
    )
    assert note["creditNoteCreate"]["userErrors"] == [], note
    await awkward_receipts(api, org)
    return org, acme


async def test_payment_and_credit_note_pages_match_the_stock_resolvers_field_for_field(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, _acme = await _receipts(api)
    items = spied(monkeypatch)

    payments, stock = await both(api, org, PAYMENTS, {"first": 100}, monkeypatch)
    assert payments.json() == stock.json()
    nodes = [e["node"] for e in payments.json()["data"]["payments"]["edges"]]
    assert len(nodes) == 5
    assert {n["amount"]["amount"] for n in nodes} >= {"1234567", "-0.005", "9007199254740.993"}
    assert {n["unallocated"]["amount"] for n in nodes} >= {"1000", "0.001", "0", "20.00"}
    assert {len(n["allocations"]) for n in nodes} == {0, 1, 2, 3}
    assert any(a["reversedOn"] for n in nodes for a in n["allocations"])
    assert AWKWARD in {n["customer"]["name"] for n in nodes}
    # Authentication, the page and its count; the stock resolvers read the rest apart.
    assert statements(payments) == 3 < statements(stock)

    notes, stock = await both(api, org, CREDIT_NOTES, {"first": 100}, monkeypatch)
    assert notes.json() == stock.json()
    nodes = [e["node"] for e in notes.json()["data"]["creditNotes"]["edges"]]
    assert len(nodes) == 6
    assert {n["unallocated"]["amount"] for n in nodes} >= {"0", "0.001", "-1.234", "38.00"}
    assert {len(n["lines"]) for n in nodes} == {0, 1, 2}
    assert {line["quantity"] for n in nodes for line in n["lines"]} >= {"2.5", "-0.0001", "3"}
    assert statements(notes) == 3 < statements(stock)
    assert len(items) == 2 and all(items)


async def test_credit_note_pages_cost_the_same_statements_whatever_their_size(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stock resolvers read every note's lines in one statement, not one per note."""
    org, _acme = await _receipts(api)
    query = "query($n: Int) { creditNotes(first: $n) { nodes { id lines { lineNo } } } }"
    with stock_path(monkeypatch):
        one = await api.post(query, {"n": 1}, org.token())
        every = await api.post(query, {"n": 100}, org.token())
    assert len(every.json()["data"]["creditNotes"]["nodes"]) == 6
    assert statements(one) == statements(every) == 3


@pytest.mark.parametrize(
    "flt",
    [
        {"status": "VOID"},
        {"status": ["RECORDED"], "paymentDate": {"from": "2026-05-02"}},
        {"paymentDate": {"to": "2026-05-01"}},
        {"paymentDate": {"from": "2026-03-10", "to": "2026-03-10"}},
        {"customerId": "acme"},
        {"customerId": NOT_A_CUSTOMER},
    ],
)
async def test_payment_filters_match_the_stock_resolvers(
    api: Api, flt: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    org, acme = await _receipts(api)
    if flt.get("customerId") == "acme":
        flt = {"customerId": acme}
    written, stock = await both(api, org, PAYMENTS, {"first": 100, "f": flt}, monkeypatch)
    assert written.json() == stock.json()
    found = written.json()["data"]["payments"]["edges"]
    assert found if flt.get("customerId") != NOT_A_CUSTOMER else found == []
    notes, stock = await both(
        api,
        org,
        CREDIT_NOTES,
        {"first": 100, "f": {"customerId": flt.get("customerId")}},
        monkeypatch,
    )
    assert notes.json() == stock.json()


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
async def test_payment_and_credit_note_pages_walk_each_once_both_ways(
    api: Api, direction: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, _acme = await _receipts(api)

    async def payments(**variables: Any) -> dict[str, Any]:
        response = await api.post(PAYMENTS, variables, token=org.token())
        data: dict[str, Any] = response.json()["data"]["payments"]
        return data

    async def notes(**variables: Any) -> dict[str, Any]:
        variables.pop("o")
        response = await api.post(CREDIT_NOTES, variables, token=org.token())
        data: dict[str, Any] = response.json()["data"]["creditNotes"]
        return data

    for page, count in ((payments, 5), (notes, 6)):
        order = {"direction": direction}
        forwards, backwards, _ = await walk_pages(page, order, lambda n: n["id"])
        with stock_path(monkeypatch):
            expected, _, _ = await walk_pages(page, order, lambda n: n["id"])
        assert len(set(forwards)) == count
        assert forwards == backwards == expected


async def test_payments_and_credit_notes_by_id_match_the_stock_resolvers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, _acme = await _receipts(api)
    payments = [encode("Payment", p.id) for p in await Payment.filter(organization_id=org.id)]
    notes = [encode("CreditNote", n.id) for n in await CreditNote.filter(organization_id=org.id)]
    for payment_id in payments:
        query = f"query($id: ID!) {{ payment(id: $id) {{ {every_field(PAYMENT)} }} }}"
        written, stock = await both(api, org, query, {"id": payment_id}, monkeypatch)
        assert written.json() == stock.json()
        assert written.json()["data"]["payment"]["id"] == payment_id
        assert statements(written) == 2 < statements(stock)
    other = await api.new_org()
    ids = [
        *payments,
        *notes,
        encode("Payment", "not-a-uuid"),
        encode("CreditNote", uuid4()),
        encode("Payment", str(await _foreign_payment(api, other))),
        notes[0],
    ]
    query = f"""query($ids: [ID!]!) {{ nodes(ids: $ids) {{
        __typename id
        ... on Payment {{ {every_field(PAYMENT, "p_")} }}
        ... on CreditNote {{ {every_field(CREDIT_NOTE, "c_")} }}
    }} }}"""
    written, stock = await both(api, org, query, {"ids": ids}, monkeypatch)
    assert written.json() == stock.json()
    found = [n and n["__typename"] for n in written.json()["data"]["nodes"]]
    assert found == [
        *["Payment"] * len(payments),
        *["CreditNote"] * len(notes),
        None,
        None,
        None,
        "CreditNote",
    ]
    # Authentication and one statement per type.
    assert statements(written) == 3 < statements(stock)
    one = "query($id: ID!) { node(id: $id) { id ... on CreditNote { number total { amount } } } }"
    written, stock = await both(api, org, one, {"id": notes[0]}, monkeypatch)
    assert written.json() == stock.json()
    assert statements(written) == 2


async def _foreign_payment(api: Api, org: Org) -> Any:
    made = await record_payment(api, org, await customer(api, org), "10.00")
    return decode(made["payment"]["id"], "Payment")


PAYMENT_READER = """mutation {
  roleCreate(input: {name: "payment_reader", permissions: [
    {object: "payment", action: "read"}, {object: "credit_note", action: "read"}]}) {
    userErrors { code } } }"""
MEMBER_ROLES = """mutation($id: ID!) {
  memberRolesSet(input: {userId: $id, roles: ["payment_reader"]}) { userErrors { code } } }"""


@pytest.mark.parametrize("field", ["payments", "creditNotes"])
async def test_pages_with_a_customer_the_gate_denies_answer_null_with_forbidden(
    api: Api, field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org("viewer")
    await awkward_receipts(api, org)
    made = await api.data(PAYMENT_READER, token=org.token())
    assert made["roleCreate"]["userErrors"] == []
    member = encode("User", org.users["viewer"].id)
    given = await api.data(MEMBER_ROLES, {"id": member}, token=org.token())
    assert given["memberRolesSet"]["userErrors"] == []
    items = spied(monkeypatch)
    query = f"{{ {field}(first: 50) {{ nodes {{ id customer {{ name }} }} }} }}"
    written, stock = await both(api, org, query, {}, monkeypatch, role="viewer", errors=True)
    assert written.json() == stock.json()
    body = written.json()
    assert AWKWARD not in written.text
    nodes = body["data"][field]["nodes"]
    assert nodes and all(n["customer"] is None and n["id"] for n in nodes)
    assert sorted(tuple(e["path"]) for e in body["errors"]) == [
        (field, "nodes", i, "customer") for i in range(len(nodes))
    ]
    assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}
    assert items[0] is None  # the gate was asked first: the stock resolvers answered
    plain = await api.post(
        f"{{ {field}(first: 50) {{ nodes {{ id }} }} }}", {}, org.token("viewer")
    )
    assert statements(plain) == 2
