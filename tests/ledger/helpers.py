"""Helpers for ledger tests: account ids by code, posting through the API."""

from __future__ import annotations

from typing import Any

from tests.support import Api, Org

ENTRY_FIELDS = """
  id number status date memo
  lines { lineNo side amount { amount currency } baseAmount { amount currency }
          exchangeRate account { code } dimensions { name } }
  reversalOf { id number } reversedBy { id number }
"""

CREATE = f"""
mutation Create($input: JournalEntryCreateInput!) {{
  journalEntryCreate(input: $input) {{
    journalEntry {{ {ENTRY_FIELDS} }}
    userErrors {{ field message code }}
  }}
}}
"""

TRIAL_BALANCE = """query($asOf: Date!, $dims: [ID!]) {
  trialBalance(asOf: $asOf, dimensionOptionIds: $dims) {
    totalDebit { amount } totalCredit { amount }
    rows { account { code type } debit { amount } credit { amount } } } }"""


async def account_ids(api: Api, org: Org) -> dict[str, str]:
    data = await api.data("{ accounts(first: 100) { nodes { id code } } }", token=org.token())
    return {a["code"]: a["id"] for a in data["accounts"]["nodes"]}


def line(account: str, side: str, amount: str, **extra: Any) -> dict[str, Any]:
    return {"accountId": account, "side": side, "amount": amount, **extra}


async def post(
    api: Api,
    org: Org,
    date: str,
    lines: list[dict[str, Any]],
    *,
    post: bool = True,
    role: str = "owner",
    **extra: Any,
) -> dict[str, Any]:
    data = await api.data(
        CREATE,
        {"input": {"date": date, "lines": lines, "post": post, **extra}},
        token=org.token(role),
    )
    payload: dict[str, Any] = data["journalEntryCreate"]
    return payload


async def trial_balance(api: Api, org: Org, as_of: str, dims: list[str] | None = None) -> Any:
    data = await api.data(TRIAL_BALANCE, {"asOf": as_of, "dims": dims}, token=org.token())
    return data["trialBalance"]
