"""Purchase orders: numbering, approval, bills from orders and the tolerance override."""

from __future__ import annotations

from typing import Any

from server.audit.models import AuditEvent
from tests.payables.helpers import BILL_APPROVE, BILL_SUBMIT, PAYLOAD, Books, codes, mutation
from tests.support import Api

ORDER = """purchaseOrder { id number status total { amount }
    lines { id lineNo quantity billedQuantity unitPrice { amount } } }
  userErrors { field message code }"""
PO_CREATE = mutation("purchaseOrderCreate", "PurchaseOrderCreateInput", ORDER)
PO_APPROVE = mutation("purchaseOrderApprove", "PurchaseOrderIdInput", ORDER)
PO_BILL = mutation("purchaseOrderBill", "PurchaseOrderBillInput", PAYLOAD)


async def _order(books: Books, quantity: str = "10", price: str = "20.00") -> dict[str, Any]:
    created = await books.run(
        PO_CREATE,
        {
            "vendorId": books.vendor,
            "orderDate": "2026-02-20",
            "lines": [books.line(price, quantity=quantity, description="Toner")],
        },
    )
    assert created["userErrors"] == [], created
    approved = await books.run(PO_APPROVE, {"id": created["purchaseOrder"]["id"]}, "approver")
    assert approved["userErrors"] == [], approved
    order: dict[str, Any] = approved["purchaseOrder"]
    return order


async def test_purchase_order_numbers_are_gapless_and_creator_cannot_approve(api: Api) -> None:
    books = await Books.open(api)
    numbers = []
    for _ in range(3):
        created = await books.run(
            PO_CREATE,
            {"vendorId": books.vendor, "orderDate": "2026-02-01", "lines": [books.line()]},
            "owner",
        )
        numbers.append(created["purchaseOrder"]["number"])
    assert numbers == ["PO-000001", "PO-000002", "PO-000003"]
    refused = await books.run(
        PO_CREATE,
        {"vendorId": books.vendor, "orderDate": "2026-02-01", "lines": [books.line("1", "4000")]},
    )
    assert codes(refused) == ["INVALID_ACCOUNT_TYPE"]
    order_id = created["purchaseOrder"]["id"]
    own = await books.run(PO_APPROVE, {"id": order_id}, "owner")
    assert codes(own) == ["SEGREGATION_OF_DUTIES"]
    assert (
        await AuditEvent.filter(
            organization_id=str(books.org.id), action="access.denied", outcome="DENIED"
        ).count()
        == 1
    )
    clerk = await api.gql(PO_APPROVE, {"input": {"id": order_id}}, books.org.token("ap_clerk"))
    assert clerk["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    approved = await books.run(PO_APPROVE, {"id": order_id}, "approver")
    assert approved["purchaseOrder"]["status"] == "APPROVED"
    listed = await api.data(
        "{ purchaseOrders(first: 5, orderBy: {field: NUMBER, direction: ASC}) "
        "{ totalCount nodes { number status vendor { name } } } }",
        token=books.org.token("approver"),
    )
    assert [o["number"] for o in listed["purchaseOrders"]["nodes"]] == numbers
    # Numbers after a refused order stay gapless.
    created = await books.run(
        PO_CREATE, {"vendorId": books.vendor, "orderDate": "2026-02-01", "lines": [books.line()]}
    )
    assert created["purchaseOrder"]["number"] == "PO-000004"


async def test_purchase_order_bill_bills_what_is_open_and_marks_the_order(api: Api) -> None:
    books = await Books.open(api)
    order = await _order(books)
    line_id = order["lines"][0]["id"]
    draft = await books.run(
        PO_BILL,
        {
            "purchaseOrderId": order["id"],
            "vendorReference": "T-1",
            "billDate": "2026-03-01",
            "lines": [{"purchaseOrderLineId": line_id, "quantity": "4"}],
        },
    )
    assert draft["userErrors"] == [], draft
    bill = draft["bill"]
    assert bill["total"]["amount"] == "80.00"
    assert bill["lines"][0]["purchaseOrderLineId"] == line_id
    await books.run(BILL_SUBMIT, {"id": bill["id"]})
    approved = await books.run(BILL_APPROVE, {"id": bill["id"]}, "approver")
    assert approved["userErrors"] == [] and approved["bill"]["toleranceOverridden"] is False
    data = await api.data(
        "query($id: ID!) { purchaseOrder(id: $id) { status lines { billedQuantity } } }",
        {"id": order["id"]},
        token=books.org.token(),
    )
    assert data["purchaseOrder"]["status"] == "PARTIALLY_BILLED"
    assert data["purchaseOrder"]["lines"][0]["billedQuantity"] == "4"
    # The rest: 6 left.
    rest = await books.run(
        PO_BILL,
        {"purchaseOrderId": order["id"], "vendorReference": "T-2", "billDate": "2026-03-05"},
    )
    assert rest["bill"]["lines"][0]["quantity"] == "6"
    missing = await books.run(
        PO_BILL, {"purchaseOrderId": order["id"], "vendorReference": " ", "billDate": "2026-03-05"}
    )
    assert codes(missing) == ["REQUIRED"]


async def test_bill_beyond_its_order_needs_an_override(api: Api) -> None:
    books = await Books.open(api)
    order = await _order(books, quantity="10", price="20.00")
    line_id = order["lines"][0]["id"]
    within = await books.run(
        PO_BILL,
        {
            "purchaseOrderId": order["id"],
            "vendorReference": "P-1",
            "billDate": "2026-03-01",
            "lines": [{"purchaseOrderLineId": line_id, "unitPrice": "21.00"}],  # +5%: fine
        },
    )
    over = await books.run(
        PO_BILL,
        {
            "purchaseOrderId": order["id"],
            "vendorReference": "P-2",
            "billDate": "2026-03-01",
            "lines": [{"purchaseOrderLineId": line_id, "quantity": "3", "unitPrice": "21.01"}],
        },
    )
    for payload in (within, over):
        assert payload["userErrors"] == [], payload
        await books.run(BILL_SUBMIT, {"id": payload["bill"]["id"]})
    first = await books.run(BILL_APPROVE, {"id": within["bill"]["id"]}, "approver")
    assert first["userErrors"] == []
    before = await books.counts()
    refused = await books.run(BILL_APPROVE, {"id": over["bill"]["id"]}, "approver")
    assert codes(refused) == ["TOLERANCE_EXCEEDED"]
    message = refused["userErrors"][0]["message"]
    assert "unit price" in message and "only 0 is still open" in message
    assert await books.counts() == before
    overridden = await books.run(
        BILL_APPROVE, {"id": over["bill"]["id"], "overrideTolerance": True}, "approver"
    )
    assert overridden["userErrors"] == []
    assert overridden["bill"]["toleranceOverridden"] is True
    events = await AuditEvent.filter(organization_id=str(books.org.id), action="bill.approve")
    assert any("toleranceOverridden" in (e.after or {}) for e in events)


async def test_payment_schedule_groups_open_bills_by_day_and_week(api: Api) -> None:
    books = await Books.open(api)
    a = await books.approved("S-1", "100.00", date="2026-03-01", dueDate="2026-03-10")
    await books.approved("S-2", "50.00", date="2026-03-01", dueDate="2026-03-10")
    await books.approved("S-3", "25.00", date="2026-03-01", dueDate="2026-03-16")
    await books.approved("S-4", "12.00", date="2026-02-01", dueDate="2026-02-20")
    await books.create("S-5", "999.00", date="2026-03-01", dueDate="2026-03-10")  # draft
    await books.pay("30.00", [(a["id"], "30.00")], date="2026-03-02")
    data = await api.data(
        """{ paymentSchedule(from: "2026-03-01", to: "2026-03-31") {
            overdue { billCount total { amount } }
            days { start billCount total { amount } byCurrency { amount currency } }
            weeks { start end isoWeek billCount total { amount } }
            total { billCount total { amount } } } }""",
        token=books.org.token("approver"),
    )
    schedule = data["paymentSchedule"]
    assert [(d["start"], d["billCount"], d["total"]["amount"]) for d in schedule["days"]] == [
        ("2026-03-10", 2, "120.00"),
        ("2026-03-16", 1, "25.00"),
    ]
    assert [(w["start"], w["isoWeek"], w["total"]["amount"]) for w in schedule["weeks"]] == [
        ("2026-03-09", 11, "120.00"),
        ("2026-03-16", 12, "25.00"),
    ]
    assert schedule["total"]["total"]["amount"] == "145.00"
    assert schedule["overdue"]["billCount"] == 1
    assert schedule["overdue"]["total"]["amount"] == "12.00"
    bad = await api.gql(
        '{ paymentSchedule(from: "2026-03-31", to: "2026-03-01") { total { billCount } } }',
        token=books.org.token(),
    )
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
