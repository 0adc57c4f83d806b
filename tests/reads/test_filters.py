"""The shared filter shapes: date ranges include both ends, instant ranges exclude `to`,
status filters take lists, and invoices filter by overdue and by search text; the read
path and the stock resolvers agree on each."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from server import clock
from tests.payables.helpers import Books
from tests.reads.helpers import both
from tests.receivables.helpers import (
    create_invoice,
    customer,
    issued_invoice,
    record_payment,
    sale,
)
from tests.support import Api, Org

INVOICES = """query($f: InvoiceFilter) { invoices(first: 100, filter: $f,
  orderBy: {field: NUMBER, direction: ASC}) { totalCount nodes { number status issueDate
  dueDate isOverdue reference customer { name } } } }"""
BILLS = """query($f: BillFilter) { bills(first: 100, filter: $f,
  orderBy: {field: NUMBER, direction: ASC}) { totalCount nodes { vendorReference } } }"""


async def _invoices(api: Api) -> Org:
    """Issued invoices due on 03-10, 03-20 (part paid) and 04-30, one paid in full, and a
    draft, for two customers."""
    org = await api.new_org()
    acme = await customer(api, org, "Acme Ltd")
    globex = await customer(api, org, "Globex 100% Co_")
    await issued_invoice(api, org, acme, "100.00", "2026-03-01", dueDate="2026-03-10")
    await issued_invoice(
        api, org, globex, "200.00", "2026-03-05", dueDate="2026-03-20", reference="PO-77"
    )
    await issued_invoice(api, org, acme, "300.00", "2026-03-31", dueDate="2026-04-30")
    ids = (await api.data("{ accounts(first: 100) { nodes { id code } } }", token=org.token()))[
        "accounts"
    ]["nodes"]
    income = next(a["id"] for a in ids if a["code"] == "4000")
    draft = await create_invoice(api, org, globex, [sale(income, "50.00")], "2026-03-05")
    assert draft["userErrors"] == [], draft
    return org


async def _numbers(
    api: Api, org: Org, flt: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> list[dict[str, Any]]:
    written, stock = await both(api, org, INVOICES, {"f": flt}, monkeypatch)
    assert written.json() == stock.json()
    page = written.json()["data"]["invoices"]
    assert page["totalCount"] == len(page["nodes"])
    nodes: list[dict[str, Any]] = page["nodes"]
    return nodes


async def test_date_ranges_include_both_ends(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    org = await _invoices(api)

    async def issued(**flt: Any) -> list[str]:
        return [n["issueDate"] for n in await _numbers(api, org, flt, monkeypatch)]

    assert await issued(issueDate={"from": "2026-03-05", "to": "2026-03-31"}) == [
        "2026-03-05",
        "2026-03-31",
        "2026-03-05",
    ]
    assert await issued(issueDate={"from": "2026-03-31"}) == ["2026-03-31"]
    assert await issued(issueDate={"to": "2026-03-01"}) == ["2026-03-01"]
    assert await issued(issueDate={"from": "2026-03-02", "to": "2026-03-01"}) == []
    due = await _numbers(
        api, org, {"dueDate": {"from": "2026-03-10", "to": "2026-03-20"}}, monkeypatch
    )
    assert [n["dueDate"] for n in due] == ["2026-03-10", "2026-03-20"]


async def test_status_filters_take_any_of_a_list(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    org = await _invoices(api)
    drafts = await _numbers(api, org, {"status": ["DRAFT"]}, monkeypatch)
    assert [n["status"] for n in drafts] == ["DRAFT"]
    both_kinds = await _numbers(api, org, {"status": ["DRAFT", "ISSUED"]}, monkeypatch)
    assert sorted(n["status"] for n in both_kinds) == ["DRAFT", "ISSUED", "ISSUED", "ISSUED"]
    assert len(await _numbers(api, org, {"status": []}, monkeypatch)) == 4


async def test_overdue_keeps_what_is_overdue_today_as_is_overdue_judges(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await api.new_org()
    acme = await customer(api, org, "Acme Ltd")
    today = clock.today()
    day = timedelta(days=1)
    issued = (today - 30 * day).isoformat()
    for due, amount in ((today - day, "10.00"), (today, "20.00"), (today + day, "30.00")):
        await issued_invoice(api, org, acme, amount, issued, dueDate=due.isoformat())
    paid = await issued_invoice(api, org, acme, "40.00", issued, dueDate=issued)
    settled = await record_payment(
        api, org, acme, "40.00", [{"invoiceId": paid["id"], "amount": "40.00"}], date=issued
    )
    assert settled["userErrors"] == [], settled
    overdue = await _numbers(api, org, {"overdue": True}, monkeypatch)
    others = await _numbers(api, org, {"overdue": False}, monkeypatch)
    # Due today is not overdue yet; paid in full never is.
    assert [n["dueDate"] for n in overdue] == [(today - day).isoformat()]
    assert all(n["isOverdue"] for n in overdue)
    assert not any(n["isOverdue"] for n in others) and len(others) == 3


@pytest.mark.parametrize(
    ("text", "customers"),
    [
        ("acme", ["Acme Ltd", "Acme Ltd"]),  # the customer's name, ignoring case
        ("po-7", ["Globex 100% Co_"]),  # the reference
        ("0002", ["Globex 100% Co_"]),  # the number
        ("100%", ["Globex 100% Co_", "Globex 100% Co_"]),  # wildcards taken literally
        ("co_", ["Globex 100% Co_", "Globex 100% Co_"]),
        ("   ", ["Acme Ltd", "Acme Ltd", "Globex 100% Co_", "Globex 100% Co_"]),
        ("nothing like it", []),
    ],
)
async def test_invoice_search_looks_in_number_reference_and_customer(
    api: Api, text: str, customers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await _invoices(api)
    found = await _numbers(api, org, {"search": text}, monkeypatch)
    assert sorted(n["customer"]["name"] for n in found) == customers


async def test_bill_search_looks_in_reference_and_vendor_name(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    books = await Books.open(api)
    other = await books.new_vendor("Zenith Office")
    await books.approved("AB-1", "10.00")
    await books.approved("ZZ-9", "20.00", vendorId=other)

    async def references(text: str) -> list[str]:
        written, stock = await both(api, books.org, BILLS, {"f": {"search": text}}, monkeypatch)
        assert written.json() == stock.json()
        return [b["vendorReference"] for b in written.json()["data"]["bills"]["nodes"]]

    assert await references("zenith") == ["ZZ-9"]
    assert await references("ab-") == ["AB-1"]
    assert await references("paper") == ["AB-1"]


async def test_instant_ranges_exclude_their_end(api: Api) -> None:
    org = await api.new_org()
    await customer(api, org, "Acme Ltd")
    query = """query($f: EventFilter) { events(first: 100, filter: $f) { nodes { occurredAt } } }"""
    every = (await api.data(query, {}, token=org.token()))["events"]["nodes"]
    last = every[-1]["occurredAt"]
    upto = await api.data(query, {"f": {"occurredAt": {"to": last}}}, token=org.token())
    assert last not in [n["occurredAt"] for n in upto["events"]["nodes"]]
    since = await api.data(query, {"f": {"occurredAt": {"from": last}}}, token=org.token())
    assert [n["occurredAt"] for n in since["events"]["nodes"]][-1] == last
