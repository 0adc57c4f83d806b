"""Helpers for receivables tests: customers, invoices and payments through the API."""

from __future__ import annotations

from typing import Any

from tests.ledger.helpers import account_ids
from tests.support import Api, Org

INVOICE_FIELDS = """
  id number status currency issueDate dueDate
  subtotal { amount } tax { amount } total { amount } amountDue { amount }
  creditLimitOverridden
  lines { lineNo description quantity amount { amount } tax { amount } account { code } }
  allocations { id kind amount { amount } date reversedOn }
  journalEntry { number lines { account { code } side amount { amount } } }
"""

INVOICE_CREATE = f"""
mutation($input: InvoiceCreateInput!) {{
  invoiceCreate(input: $input) {{
    invoice {{ {INVOICE_FIELDS} }} userErrors {{ field code message }} }}
}}"""

INVOICE_ISSUE = f"""
mutation($input: InvoiceIssueInput!) {{
  invoiceIssue(input: $input) {{
    invoice {{ {INVOICE_FIELDS} }}
    dryRun {{ number date dueDate
      lines {{ account {{ code }} debit {{ amount }} credit {{ amount }} }} }}
    userErrors {{ field code message }}
  }}
}}"""

PAYMENT_FIELDS = """
  id date status amount { amount currency } unallocated { amount }
  allocations { id kind amount { amount } date reversedOn invoice { number } }
"""

PAYMENT_RECORD = f"""
mutation($input: PaymentRecordInput!) {{
  paymentRecord(input: $input) {{
    payment {{ {PAYMENT_FIELDS} }}
    dryRun {{ lines {{ account {{ code }} debit {{ amount }} credit {{ amount }} }}
              allocations {{ invoiceId amount {{ amount }} }} }}
    userErrors {{ field code message }}
  }}
}}"""

INVOICE = f"query($id: ID!) {{ invoice(id: $id) {{ {INVOICE_FIELDS} }} }}"


async def customer(api: Api, org: Org, name: str = "Acme Ltd", **extra: Any) -> str:
    data = await api.data(
        """mutation($input: CustomerCreateInput!) {
             customerCreate(input: $input) { customer { id } userErrors { field code } } }""",
        {"input": {"name": name, **extra}},
        token=org.token(),
    )
    payload = data["customerCreate"]
    assert payload["userErrors"] == [], payload
    return str(payload["customer"]["id"])


def sale(account: str, price: str, quantity: str = "1", **extra: Any) -> dict[str, Any]:
    return {
        "description": "Consulting",
        "accountId": account,
        "unitPrice": price,
        "quantity": quantity,
        **extra,
    }


async def create_invoice(
    api: Api,
    org: Org,
    customer_id: str,
    lines: list[dict[str, Any]],
    issue_date: str = "2026-03-01",
    role: str = "owner",
    **extra: Any,
) -> dict[str, Any]:
    data = await api.data(
        INVOICE_CREATE,
        {"input": {"customerId": customer_id, "issueDate": issue_date, "lines": lines, **extra}},
        token=org.token(role),
    )
    payload: dict[str, Any] = data["invoiceCreate"]
    return payload


async def issue(api: Api, org: Org, invoice_id: str, role: str = "owner", **extra: Any) -> Any:
    data = await api.data(
        INVOICE_ISSUE, {"input": {"id": invoice_id, **extra}}, token=org.token(role)
    )
    return data["invoiceIssue"]


async def issued_invoice(
    api: Api, org: Org, customer_id: str, amount: str, issue_date: str = "2026-03-01", **extra: Any
) -> dict[str, Any]:
    ids = await account_ids(api, org)
    created = await create_invoice(
        api, org, customer_id, [sale(ids["4000"], amount)], issue_date, **extra
    )
    assert created["userErrors"] == [], created
    issued = await issue(api, org, created["invoice"]["id"])
    assert issued["userErrors"] == [], issued
    invoice: dict[str, Any] = issued["invoice"]
    return invoice


async def record_payment(
    api: Api,
    org: Org,
    customer_id: str,
    amount: str,
    allocations: list[dict[str, str]] | None = None,
    date: str = "2026-03-10",
    role: str = "owner",
    **extra: Any,
) -> Any:
    ids = await account_ids(api, org)
    data = await api.data(
        PAYMENT_RECORD,
        {
            "input": {
                "customerId": customer_id,
                "date": date,
                "amount": amount,
                "depositAccountId": ids["1010"],
                "allocations": allocations or [],
                **extra,
            }
        },
        token=org.token(role),
    )
    return data["paymentRecord"]


async def balance(api: Api, org: Org, code: str, as_of: str = "2026-12-31") -> str:
    """An account's balance (debit positive) from the trial balance."""
    data = await api.data(
        """query($asOf: Date!) { trialBalance(asOf: $asOf) {
             rows { account { code } debit { amount } credit { amount } } } }""",
        {"asOf": as_of},
        token=org.token(),
    )
    from decimal import Decimal

    for row in data["trialBalance"]["rows"]:
        if row["account"]["code"] == code:
            return str(Decimal(row["debit"]["amount"]) - Decimal(row["credit"]["amount"]))
    return "0.00"
