"""Helpers for payables tests: vendors, bills and payments through the GraphQL API."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from server.crm.models import PaymentTerms, TermsKind, Vendor
from server.documents.models import Allocation, OpenItem
from server.ledger.models import JournalEntry
from server.payables.models import Bill, BillPayment, PurchaseOrder
from tests.ledger.helpers import account_ids
from tests.support import Api, Org

BILL_FIELDS = """
  id vendorReference status currency billDate dueDate memo toleranceOverridden
  subtotal { amount currency } tax { amount } total { amount currency }
  amountDue { amount currency } discountPercent discountUntil rejectionReason
  vendor { id name }
  lines { lineNo description quantity unitPrice { amount } amount { amount } tax { amount }
          account { code } purchaseOrderLineId }
  payments { kind amount { amount } date payment { id } }
"""

PAYLOAD = f"""bill {{ {BILL_FIELDS} }}
  warnings {{ code message bill {{ id vendorReference }} }}
  userErrors {{ field message code }}"""


def mutation(name: str, input_type: str, body: str = PAYLOAD) -> str:
    return f"""mutation($input: {input_type}!) {{ {name}(input: $input) {{ {body} }} }}"""


BILL_CREATE = mutation("billCreate", "BillCreateInput")
BILL_UPDATE = mutation("billUpdate", "BillUpdateInput")
BILL_SUBMIT = mutation("billSubmit", "BillIdInput")
BILL_APPROVE = mutation("billApprove", "BillApproveInput")
BILL_REJECT = mutation("billReject", "BillRejectInput")
BILL_VOID = mutation("billVoid", "BillVoidInput")
PAYMENT_RECORD = mutation(
    "billPaymentRecord",
    "BillPaymentRecordInput",
    """billPayment { id date amount { amount currency } method reference status
         unapplied { amount } vendor { name } bankAccount { code }
         allocations { kind amount { amount } bill { id status } } }
       userErrors { field message code }""",
)


class Books:
    """One organization with an AP clerk, an approver, a vendor and the chart's ids."""

    def __init__(self, api: Api, org: Org, accounts: dict[str, str], vendor: str) -> None:
        self.api = api
        self.org = org
        self.accounts = accounts
        self.vendor = vendor

    @classmethod
    async def open(cls, api: Api, *roles: str) -> Books:
        org = await api.new_org("ap_clerk", "approver", *roles)
        accounts = await account_ids(api, org)
        books = cls(api, org, accounts, "")
        books.vendor = await books.new_vendor("Paper Supplies Ltd")
        return books

    async def new_vendor(self, name: str, **extra: Any) -> str:
        data = await self.api.data(
            """mutation($input: VendorCreateInput!) { vendorCreate(input: $input) {
                vendor { id } userErrors { code } } }""",
            {"input": {"name": name, **extra}},
            token=self.org.token(),
        )
        assert data["vendorCreate"]["userErrors"] == []
        vendor_id: str = data["vendorCreate"]["vendor"]["id"]
        return vendor_id

    async def give_vendors_discount_terms(self) -> None:
        """Every vendor of the books on "2/10 net 30": 2% off when paid within 10 days."""
        terms = await PaymentTerms.create(
            organization_id=self.org.id,
            name="2/10 net 30",
            kind=TermsKind.NET,
            days=30,
            discount_percent=Decimal(2),
            discount_days=10,
        )
        await Vendor.filter(organization_id=self.org.id).update(payment_terms_id=terms.id)

    async def run(self, query: str, input: dict[str, Any], role: str = "ap_clerk") -> Any:
        data = await self.api.data(query, {"input": input}, token=self.org.token(role))
        return next(iter(data.values()))

    def line(self, amount: str = "100.00", account: str = "6000", **extra: Any) -> dict[str, Any]:
        return {
            "description": "Paper",
            "quantity": "1",
            "unitPrice": amount,
            "accountId": self.accounts[account],
            **extra,
        }

    async def create(
        self,
        reference: str = "INV-1",
        amount: str = "100.00",
        date: str = "2026-03-01",
        role: str = "ap_clerk",
        **extra: Any,
    ) -> Any:
        extra.setdefault("lines", [self.line(amount)])
        return await self.run(
            BILL_CREATE,
            {
                "vendorId": extra.pop("vendorId", self.vendor),
                "vendorReference": reference,
                "billDate": date,
                **extra,
            },
            role,
        )

    async def approved(
        self,
        reference: str = "INV-1",
        amount: str = "100.00",
        date: str = "2026-03-01",
        **extra: Any,
    ) -> dict[str, Any]:
        """A bill entered by the clerk and approved by the approver."""
        created = await self.create(reference, amount, date, **extra)
        assert created["userErrors"] == [] and created["bill"], created
        bill_id = created["bill"]["id"]
        submitted = await self.run(BILL_SUBMIT, {"id": bill_id})
        assert submitted["userErrors"] == [], submitted
        approved = await self.run(BILL_APPROVE, {"id": bill_id}, "approver")
        assert approved["userErrors"] == [], approved
        bill: dict[str, Any] = approved["bill"]
        return bill

    async def pay(
        self,
        amount: str,
        allocations: list[tuple[str, str]],
        date: str = "2026-03-10",
        role: str = "ap_clerk",
        **extra: Any,
    ) -> Any:
        return await self.run(
            PAYMENT_RECORD,
            {
                "vendorId": extra.pop("vendorId", self.vendor),
                "date": date,
                "amount": amount,
                "currency": extra.pop("currency", "USD"),
                "method": "BANK_TRANSFER",
                "bankAccountId": extra.pop("bankAccountId", self.accounts["1010"]),
                "allocations": [{"billId": b, "amount": a} for b, a in allocations],
                **extra,
            },
            role,
        )

    async def bill(self, bill_id: str) -> dict[str, Any]:
        data = await self.api.data(
            f"query($id: ID!) {{ bill(id: $id) {{ {BILL_FIELDS} }} }}",
            {"id": bill_id},
            token=self.org.token(),
        )
        bill: dict[str, Any] = data["bill"]
        return bill

    async def balances(self, as_of: str = "2026-12-31") -> dict[str, str]:
        """Each account's balance by code (debit-positive for assets and expenses)."""
        data = await self.api.data(
            """query($asOf: Date!) { accounts(first: 100) { nodes { code balance(asOf: $asOf)
                { amount } } } }""",
            {"asOf": as_of},
            token=self.org.token(),
        )
        return {a["code"]: a["balance"]["amount"] for a in data["accounts"]["nodes"]}

    async def trial_balance_balances(self) -> None:
        data = await self.api.data(
            """{ trialBalance(asOf: "2026-12-31") {
                totalDebit { amount } totalCredit { amount } } }""",
            token=self.org.token(),
        )
        tb = data["trialBalance"]
        assert tb["totalDebit"] == tb["totalCredit"]

    async def counts(self) -> dict[str, int]:
        """Rows of every kind a payables mutation may write, for 'nothing written' checks."""
        org = self.org.id
        return {
            "bills": await Bill.filter(organization_id=org).count(),
            "payments": await BillPayment.filter(organization_id=org).count(),
            "orders": await PurchaseOrder.filter(organization_id=org).count(),
            "entries": await JournalEntry.filter(organization_id=org).count(),
            "open_items": await OpenItem.filter(organization_id=org).count(),
            "allocations": await Allocation.filter(organization_id=org).count(),
        }


def codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]
