"""Bills through the API: the flow from entry to payment, approvals, duplicates and voids."""

from __future__ import annotations

from decimal import Decimal

from server.audit.models import AuditEvent
from server.documents.models import OpenItem
from tests.payables.helpers import (
    BILL_APPROVE,
    BILL_REJECT,
    BILL_SUBMIT,
    BILL_UPDATE,
    BILL_VOID,
    Books,
    codes,
)
from tests.support import Api


async def _control_equals_open_items(books: Books) -> None:
    """The payables control account equals open bills less unapplied payments."""
    balances = await books.balances()
    items = await OpenItem.filter(organization_id=books.org.id, ledger="PAYABLE")
    net = sum(i.open_base_minor * (1 if i.is_charge else -1) for i in items)
    assert Decimal(balances["2000"]) == Decimal(net) / 100
    await books.trial_balance_balances()


async def test_bill_flow_from_entry_to_paid(api: Api) -> None:
    books = await Books.open(api)
    created = await books.create(
        "INV-1001",
        memo="March paper",
        lines=[books.line("60.00"), books.line("40.00", "1500", description="Shelf")],
    )
    assert created["userErrors"] == [] and created["warnings"] == []
    bill = created["bill"]
    assert bill["status"] == "DRAFT"
    assert bill["total"] == {"amount": "100.00", "currency": "USD"}
    assert bill["amountDue"] is None
    assert bill["dueDate"] == "2026-03-31"  # the vendor's 30 days
    assert [ln["account"]["code"] for ln in bill["lines"]] == ["6000", "1500"]

    submitted = await books.run(BILL_SUBMIT, {"id": bill["id"]})
    assert submitted["bill"]["status"] == "SUBMITTED"
    approved = await books.run(BILL_APPROVE, {"id": bill["id"]}, "approver")
    assert approved["userErrors"] == []
    assert approved["bill"]["status"] == "APPROVED"
    assert approved["bill"]["amountDue"]["amount"] == "100.00"
    # Who entered and approved it are members' data: the owner sees them (member:read).
    people = await books.api.data(
        "query($id: ID!) { bill(id: $id) { createdBy { email } approvedBy { email } } }",
        {"id": bill["id"]},
        token=books.org.token(),
    )
    assert people["bill"]["approvedBy"]["email"].startswith("approver-")
    assert people["bill"]["createdBy"]["email"].startswith("ap_clerk-")

    balances = await books.balances()
    assert balances["2000"] == "100.00"
    assert balances["6000"] == "60.00"
    assert balances["1500"] == "40.00"
    await _control_equals_open_items(books)

    paid = await books.pay("30.00", [(bill["id"], "30.00")], reference="TRF-1")
    assert paid["userErrors"] == [], paid
    assert paid["billPayment"]["allocations"][0]["bill"]["status"] == "PARTIALLY_PAID"
    after = await books.bill(bill["id"])
    assert after["status"] == "PARTIALLY_PAID"
    assert after["amountDue"]["amount"] == "70.00"

    rest = await books.pay("70.00", [(bill["id"], "70.00")], date="2026-03-20")
    assert rest["userErrors"] == []
    after = await books.bill(bill["id"])
    assert after["status"] == "PAID"
    assert after["amountDue"]["amount"] == "0.00"
    assert [p["amount"]["amount"] for p in after["payments"]] == ["30.00", "70.00"]
    balances = await books.balances()
    assert balances["2000"] == "0.00"
    assert balances["1010"] == "-100.00"
    await _control_equals_open_items(books)

    actions = (
        await AuditEvent.filter(organization_id=str(books.org.id))
        .order_by("sequence")
        .values_list("action", flat=True)
    )
    bill_actions = [a for a in actions if a.startswith("bill")]
    assert bill_actions == [
        "bill.create",
        "bill.submit",
        "bill.approve",
        "bill_payment.record",
        "bill_payment.record",
    ]


async def test_bill_approve_by_ap_clerk_is_forbidden(api: Api) -> None:
    books = await Books.open(api)
    bill = (await books.create())["bill"]
    await books.run(BILL_SUBMIT, {"id": bill["id"]})
    result = await api.gql(BILL_APPROVE, {"input": {"id": bill["id"]}}, books.org.token("ap_clerk"))
    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await books.bill(bill["id"]))["status"] == "SUBMITTED"


async def test_bill_approve_by_its_creator_is_refused_and_audited(api: Api) -> None:
    books = await Books.open(api)
    bill = (await books.create(role="owner"))["bill"]
    await books.run(BILL_SUBMIT, {"id": bill["id"]}, "owner")
    before = await books.counts()
    refused = await books.run(BILL_APPROVE, {"id": bill["id"]}, "owner")
    assert codes(refused) == ["SEGREGATION_OF_DUTIES"]
    assert await books.counts() == before
    assert (await books.bill(bill["id"]))["status"] == "SUBMITTED"
    denied = await AuditEvent.filter(
        organization_id=str(books.org.id), action="access.denied", outcome="DENIED"
    ).count()
    assert denied == 1
    # Someone else may approve it.
    approved = await books.run(BILL_APPROVE, {"id": bill["id"]}, "approver")
    assert approved["bill"]["status"] == "APPROVED"


async def test_bill_creator_may_approve_where_the_organization_switched_the_rule_off(
    api: Api,
) -> None:
    books = await Books.open(api)
    switched = await api.data(
        """mutation { dutySegregationSet(input: {object: "bill", action: "approve",
             enabled: false}) { rule { enabled } userErrors { code } } }""",
        token=books.org.token(),
    )
    assert switched["dutySegregationSet"]["rule"] == {"enabled": False}
    bill = (await books.create(role="owner"))["bill"]
    await books.run(BILL_SUBMIT, {"id": bill["id"]}, "owner")
    approved = await books.run(BILL_APPROVE, {"id": bill["id"]}, "owner")
    assert approved["userErrors"] == [] and approved["bill"]["status"] == "APPROVED"


async def test_bill_reject_returns_it_to_draft_with_the_reason(api: Api) -> None:
    books = await Books.open(api)
    bill = (await books.create())["bill"]
    await books.run(BILL_SUBMIT, {"id": bill["id"]})
    rejected = await books.run(
        BILL_REJECT, {"id": bill["id"], "reason": "Wrong account"}, "approver"
    )
    assert rejected["bill"]["status"] == "DRAFT"
    assert rejected["bill"]["rejectionReason"] == "Wrong account"
    updated = await books.run(
        BILL_UPDATE, {"id": bill["id"], "lines": [books.line("100.00", "6100")]}
    )
    assert updated["userErrors"] == []
    assert updated["bill"]["lines"][0]["account"]["code"] == "6100"
    blank = await books.run(BILL_REJECT, {"id": bill["id"], "reason": " "}, "approver")
    assert codes(blank) == ["REQUIRED"]


async def test_bill_update_of_a_submitted_bill_is_refused(api: Api) -> None:
    books = await Books.open(api)
    bill = (await books.create())["bill"]
    await books.run(BILL_SUBMIT, {"id": bill["id"]})
    before = await books.counts()
    refused = await books.run(BILL_UPDATE, {"id": bill["id"], "memo": "changed"})
    assert codes(refused) == ["INVALID_STATUS"]
    assert await books.counts() == before


async def test_bill_create_bad_input_is_refused_and_nothing_written(api: Api) -> None:
    books = await Books.open(api)
    other = await Books.open(api)
    before = await books.counts()
    cases = [
        ({"lines": [books.line("10.00", "4000")]}, "INVALID_ACCOUNT_TYPE"),
        ({"lines": [books.line("10.00", "2000")]}, "INVALID_ACCOUNT_TYPE"),
        ({"lines": []}, "REQUIRED"),
        ({"lines": [books.line("10.005")]}, "TOO_PRECISE"),
        ({"vendorId": other.vendor}, "NOT_FOUND"),
        ({"currency": "EUR"}, "CURRENCY_MISMATCH"),
        ({"dueDate": "2026-02-01"}, "DATE_BEFORE_DOCUMENT"),
    ]
    for extra, code in cases:
        refused = await books.create(**extra)
        assert code in codes(refused), (extra, refused)
        assert refused["bill"] is None
    blank = await books.create(reference=" ")
    assert codes(blank) == ["REQUIRED"]
    assert await books.counts() == before


async def test_bill_create_same_vendor_reference_is_a_duplicate(api: Api) -> None:
    books = await Books.open(api)
    first = await books.create("INV-7", "100.00")
    assert first["userErrors"] == []
    again = await books.create("inv-7", "55.00", date="2026-06-01")
    assert codes(again) == ["DUPLICATE_BILL"]
    assert again["userErrors"][0]["field"] == ["input", "vendorReference"]
    # Another vendor may use the same number; a void bill frees it.
    other = await books.new_vendor("Other Vendor")
    assert (await books.create("INV-7", vendorId=other))["userErrors"] == []
    voided = await books.run(BILL_VOID, {"id": first["bill"]["id"]}, "owner")
    assert voided["bill"]["status"] == "VOID"
    assert (await books.create("INV-7", "100.00"))["userErrors"] == []


async def test_bill_create_same_amount_within_a_week_needs_acknowledgement(api: Api) -> None:
    books = await Books.open(api)
    first = (await books.create("A-1", "250.00", date="2026-03-01"))["bill"]
    before = await books.counts()
    warned = await books.create("A-2", "250.00", date="2026-03-06")
    assert warned["bill"] is None and warned["userErrors"] == []
    assert [w["code"] for w in warned["warnings"]] == ["POSSIBLE_DUPLICATE"]
    assert warned["warnings"][0]["bill"]["id"] == first["id"]
    assert await books.counts() == before
    # Far enough apart, or another amount: no warning.
    assert (await books.create("A-3", "250.00", date="2026-03-20"))["warnings"] == []
    assert (await books.create("A-4", "251.00", date="2026-03-02"))["warnings"] == []
    acknowledged = await books.create("A-2", "250.00", date="2026-03-06", acknowledgeWarnings=True)
    assert acknowledged["bill"]["vendorReference"] == "A-2"
    assert [w["code"] for w in acknowledged["warnings"]] == ["POSSIBLE_DUPLICATE"]


async def test_bill_void_reverses_it_and_is_refused_while_paid(api: Api) -> None:
    books = await Books.open(api)
    bill = await books.approved("V-1", "80.00")
    paid = await books.pay("20.00", [(bill["id"], "20.00")])
    assert paid["userErrors"] == []
    before = await books.counts()
    refused = await books.run(BILL_VOID, {"id": bill["id"], "date": "2026-03-15"}, "owner")
    assert codes(refused) == ["HAS_ALLOCATIONS"]
    assert await books.counts() == before

    other = await books.approved("V-2", "45.00")
    assert (await books.balances())["2000"] == "105.00"
    clerk = await api.gql(BILL_VOID, {"input": {"id": other["id"]}}, books.org.token("ap_clerk"))
    assert clerk["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    voided = await books.run(
        BILL_VOID, {"id": other["id"], "date": "2026-03-15", "reason": "Sent twice"}, "owner"
    )
    assert voided["userErrors"] == []
    assert voided["bill"]["status"] == "VOID"
    assert voided["bill"]["amountDue"]["amount"] == "0.00"
    balances = await books.balances()
    assert balances["2000"] == "60.00"
    await _control_equals_open_items(books)
    again = await books.run(BILL_VOID, {"id": other["id"]}, "owner")
    assert codes(again) == ["INVALID_STATUS"]
    # A void bill cannot be paid.
    refused = await books.pay("10.00", [(other["id"], "10.00")])
    assert codes(refused) == ["INVALID_STATUS"]


async def test_bill_approve_with_the_same_idempotency_key_replays(api: Api) -> None:
    books = await Books.open(api)
    bill = (await books.create())["bill"]
    await books.run(BILL_SUBMIT, {"id": bill["id"]})
    input = {"id": bill["id"], "idempotencyKey": "approve-1"}
    first = await books.run(BILL_APPROVE, input, "approver")
    assert first["userErrors"] == []
    before = await books.counts()
    again = await books.run(BILL_APPROVE, input, "approver")
    assert again["userErrors"] == [] and again["bill"]["id"] == bill["id"]
    assert await books.counts() == before
    other = await books.run(BILL_APPROVE, {**input, "overrideTolerance": True}, "approver")
    assert codes(other) == ["IDEMPOTENCY_KEY_REUSED"]
    plain = await books.run(BILL_APPROVE, {"id": bill["id"]}, "approver")
    assert codes(plain) == ["INVALID_STATUS"]


async def test_bill_of_another_organization_is_not_found(api: Api) -> None:
    books = await Books.open(api)
    other = await Books.open(api)
    bill = await other.approved()
    assert await books.bill(bill["id"]) is None
    refused = await books.run(BILL_VOID, {"id": bill["id"]}, "owner")
    assert codes(refused) == ["NOT_FOUND"]
    paid = await books.pay("10.00", [(bill["id"], "10.00")])
    assert codes(paid) == ["NOT_FOUND"]


async def test_bills_list_filters_and_orders(api: Api) -> None:
    books = await Books.open(api)
    await books.approved("L-1", "10.00", date="2026-03-01")
    await books.create("L-2", "20.00", date="2026-03-10")
    await books.create("L-3", "30.00", date="2026-04-10")
    data = await api.data(
        """query($f: BillFilter, $o: BillOrder) { bills(first: 2, filter: $f, orderBy: $o) {
            totalCount nodes { vendorReference status vendor { name } lines { lineNo } }
            pageInfo { hasNextPage endCursor } } }""",
        {"f": {"status": ["DRAFT"]}, "o": {"field": "BILL_DATE", "direction": "ASC"}},
        token=books.org.token("approver"),
    )
    page = data["bills"]
    assert page["totalCount"] == 2
    assert [b["vendorReference"] for b in page["nodes"]] == ["L-2", "L-3"]
    data = await api.data(
        """query($f: BillFilter) { bills(filter: $f) { nodes { vendorReference } } }""",
        {"f": {"dueDate": {"from": "2026-04-01", "to": "2026-04-30"}}},
        token=books.org.token(),
    )
    assert [b["vendorReference"] for b in data["bills"]["nodes"]] == ["L-2"]
    data = await api.data(
        """query($f: BillFilter) { bills(first: 1, orderBy: {field: TOTAL}, filter: $f) {
            nodes { vendorReference } pageInfo { endCursor } } }""",
        {"f": {"vendorId": books.vendor}},
        token=books.org.token(),
    )
    assert [b["vendorReference"] for b in data["bills"]["nodes"]] == ["L-3"]


async def test_bills_page_with_vendor_lines_and_amount_due_costs_two_statements(
    api: Api,
) -> None:
    books = await Books.open(api)
    for i in range(3):
        await books.approved(f"S-{i}", f"{10 + i}.00")
    query = """query($first: Int) { bills(first: $first) { edges { node {
        vendorReference total { amount } amountDue { amount }
        vendor { name } lines { description quantity amount { amount } } } } } }"""
    for size in (1, 3):
        response = await api.post(query, {"first": size}, token=books.org.token("ap_clerk"))
        edges = response.json()["data"]["bills"]["edges"]
        assert len(edges) == size and all(e["node"]["lines"] for e in edges)
        assert all(e["node"]["amountDue"] == e["node"]["total"] for e in edges)
        assert {e["node"]["vendor"]["name"] for e in edges} == {"Paper Supplies Ltd"}
        # auth + the page, each bill written as JSON by the database (schema/reads.py).
        assert int(response.headers["x-sql-statements"]) == 2
    vendors_only = """query { bills(first: 3) { nodes { vendorReference vendor { name } } } }"""
    response = await api.post(vendors_only, {}, token=books.org.token("ap_clerk"))
    nodes = response.json()["data"]["bills"]["nodes"]
    assert [n["vendor"]["name"] for n in nodes] == ["Paper Supplies Ltd"] * 3
    assert int(response.headers["x-sql-statements"]) == 2


async def test_bill_update_null_clears_the_memo_and_is_refused_for_required_fields(
    api: Api,
) -> None:
    books = await Books.open(api)
    bill = (await books.create(memo="Paper for March"))["bill"]
    cleared = await books.run(BILL_UPDATE, {"id": bill["id"], "memo": None})
    assert cleared["userErrors"] == []
    assert (cleared["bill"]["memo"], cleared["bill"]["vendorReference"]) == (None, "INV-1")
    refused = await books.run(
        BILL_UPDATE, {"id": bill["id"], "vendorReference": None, "billDate": None, "lines": None}
    )
    assert refused["bill"] is None
    assert sorted((e["field"], e["code"]) for e in refused["userErrors"]) == [
        (["input", "billDate"], "REQUIRED"),
        (["input", "lines"], "REQUIRED"),
        (["input", "vendorReference"], "REQUIRED"),
    ]
