"""`ledgerline demo` builds a usable organization and is idempotent."""

from __future__ import annotations

from server.demo import CUSTOMERS, JOURNAL, VENDORS, load_demo
from server.demo_documents import BILLS, INVOICES
from tests.support import Api


async def test_demo_loads_once_and_the_owner_can_sign_in(api: Api) -> None:
    first = await load_demo("demo-password")
    again = await load_demo("demo-password")
    assert first.created_organization is True
    assert (first.created_customers, first.created_vendors) == (len(CUSTOMERS), len(VENDORS))
    assert first.posted_entries == len(JOURNAL)
    assert (first.issued_invoices, first.approved_bills) == (len(INVOICES), len(BILLS))
    assert (again.created_users, again.created_customers, again.posted_entries) == (0, 0, 0)
    assert (again.issued_invoices, again.approved_bills) == (0, 0)

    session = await api.sign_in("owner@demo.ledgerline.test", "demo-password")
    token = session["accessToken"]
    data = await api.data(
        """{ customers(first: 1) { totalCount } vendors(first: 1) { totalCount }
             trialBalance(asOf: "2026-12-31") { totalDebit { amount } totalCredit { amount } }
             invoices(first: 1) { totalCount } bills(first: 1) { totalCount }
             arAging(asOf: "2026-12-31") { aging { totals { total { amount } } } }
             viewer { roles } }""",
        token=token,
    )
    assert data["customers"]["totalCount"] == len(CUSTOMERS)
    assert data["vendors"]["totalCount"] == len(VENDORS)
    assert data["trialBalance"]["totalDebit"] == data["trialBalance"]["totalCredit"]
    assert data["viewer"]["roles"] == ["owner"]
    assert data["invoices"]["totalCount"] == len(INVOICES)
    assert data["bills"]["totalCount"] == len(BILLS)
    # Open on the demo invoices: 2000.00 + 1078.80 + 1950.00 + 1200.00.
    assert data["arAging"]["aging"]["totals"]["total"] == {"amount": "6228.80"}
    viewer = await api.sign_in("viewer@demo.ledgerline.test", "demo-password")
    roles = await api.data("{ viewer { roles } }", token=viewer["accessToken"])
    assert roles["viewer"]["roles"] == ["viewer"]
