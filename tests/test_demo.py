"""`ledgerline demo` builds a usable, live-looking organization and is idempotent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from server.demo import CUSTOMERS, DEMO_STEPS, EXCHANGE_RATES, JOURNAL, VENDORS, load_demo
from server.demo_documents import BILLS, INVOICES
from tests.support import Api

FIGURES = """query($asOf: Date!) {
  customers(first: 1) { totalCount } vendors(first: 1) { totalCount }
  trialBalance(asOf: $asOf) { totalDebit { amount } totalCredit { amount } }
  invoices(first: 100) { totalCount nodes { issueDate status isOverdue } }
  bills(first: 100) { totalCount nodes { billDate } }
  journalEntries(first: 100) { nodes { date } }
  arAging(asOf: $asOf) { aging { totals { buckets { amount } total { amount } } } }
  accounts(first: 100) { nodes { code balance(asOf: $asOf) { amount } } }
  viewer { roles } }"""


async def test_demo_loads_once_dated_from_today_and_the_owner_can_sign_in(api: Api) -> None:
    today = datetime.now(UTC).date()
    steps: list[tuple[int, str]] = []
    first = await load_demo(
        "demo-password", today, progress=lambda n, name: steps.append((n, name))
    )
    assert steps == list(enumerate(DEMO_STEPS, start=1))
    # A later run, on another day, adds nothing.
    again = await load_demo("demo-password", today + timedelta(days=40))
    assert first.created_organization is True
    assert (first.created_customers, first.created_vendors) == (len(CUSTOMERS), len(VENDORS))
    assert first.posted_entries == len(JOURNAL)
    assert (first.issued_invoices, first.approved_bills) == (len(INVOICES), len(BILLS))
    assert (again.created_users, again.created_customers, again.posted_entries) == (0, 0, 0)
    assert (again.issued_invoices, again.approved_bills) == (0, 0)

    session = await api.sign_in("owner@demo.ledgerline.test", "demo-password")
    token = session["accessToken"]
    data = await api.data(FIGURES, {"asOf": today.isoformat()}, token=token)
    assert data["customers"]["totalCount"] == len(CUSTOMERS)
    assert data["vendors"]["totalCount"] == len(VENDORS)
    assert data["trialBalance"]["totalDebit"] == data["trialBalance"]["totalCredit"]
    assert data["viewer"]["roles"] == ["owner"]
    assert data["invoices"]["totalCount"] == len(INVOICES)
    assert data["bills"]["totalCount"] == len(BILLS)
    # The receivables control account equals the aging.
    balances = {a["code"]: a["balance"]["amount"] for a in data["accounts"]["nodes"]}
    aging = data["arAging"]["aging"]["totals"]
    assert Decimal(aging["total"]["amount"]) == Decimal(balances["1100"]) > 0
    # Live: dated within the last months up to today, some current and some overdue.
    dates = [date.fromisoformat(n["issueDate"]) for n in data["invoices"]["nodes"]]
    dates += [date.fromisoformat(n["billDate"]) for n in data["bills"]["nodes"]]
    dates += [date.fromisoformat(n["date"]) for n in data["journalEntries"]["nodes"]]
    assert all(today - timedelta(days=200) <= d <= today for d in dates)
    assert max(dates) >= today - timedelta(days=7)
    statuses = {(n["status"], n["isOverdue"]) for n in data["invoices"]["nodes"]}
    assert {("PAID", False), ("ISSUED", True), ("ISSUED", False)} <= statuses
    assert sum(Decimal(b["amount"]) > 0 for b in aging["buckets"]) >= 3

    viewer = await api.sign_in("viewer@demo.ledgerline.test", "demo-password")
    roles = await api.data("{ viewer { roles } }", token=viewer["accessToken"])
    assert roles["viewer"]["roles"] == ["viewer"]


async def test_demo_user_can_invoice_every_foreign_currency_customer_today(api: Api) -> None:
    today = datetime.now(UTC).date()
    await load_demo("demo-password", today)
    session = await api.sign_in("accountant@demo.ledgerline.test", "demo-password")
    token = session["accessToken"]
    data = await api.data(
        """{ customers(first: 100) { nodes { id name currency } }
             accounts(first: 100) { nodes { id code } } }""",
        token=token,
    )
    sales = next(a["id"] for a in data["accounts"]["nodes"] if a["code"] == "4000")
    foreign = [c for c in data["customers"]["nodes"] if c["currency"] != "USD"]
    assert {c["currency"] for c in foreign} == set(EXCHANGE_RATES)
    for party in foreign:
        created = await api.data(
            """mutation($input: InvoiceCreateInput!) { invoiceCreate(input: $input) {
                invoice { id } userErrors { code } } }""",
            {
                "input": {
                    "customerId": party["id"],
                    "issueDate": today.isoformat(),
                    "lines": [{"description": "Sample", "unitPrice": "100", "accountId": sales}],
                }
            },
            token=token,
        )
        assert created["invoiceCreate"]["userErrors"] == [], party
        issued = await api.data(
            """mutation($input: InvoiceIssueInput!) { invoiceIssue(input: $input) {
                invoice { status } userErrors { code message } } }""",
            {"input": {"id": created["invoiceCreate"]["invoice"]["id"]}},
            token=token,
        )
        assert issued["invoiceIssue"]["userErrors"] == [], (party, issued)
        assert issued["invoiceIssue"]["invoice"]["status"] == "ISSUED"
