"""Early-payment discounts on invoices: taken when the rest is paid in time, never late."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from tests.ledger.helpers import account_ids
from tests.receivables.helpers import (
    INVOICE,
    balance,
    create_invoice,
    customer,
    issue,
    record_payment,
    sale,
)
from tests.support import Api, Org

TERMS = """mutation($input: PaymentTermsCreateInput!) { paymentTermsCreate(input: $input) {
  paymentTerms { id } userErrors { code } } }"""
TAX = """mutation($input: TaxRateCreateInput!) { taxRateCreate(input: $input) {
  taxRate { id } userErrors { code } } }"""
DISCOUNT_FIELDS = "discountPercent discountUntil status amountDue { amount }"
AR_AGING = """query($asOf: Date!) { arAging(asOf: $asOf) {
  aging { totals { total { amount } } } userErrors { code } } }"""
ALLOCATE = """mutation($input: PaymentAllocateInput!) { paymentAllocate(input: $input) {
  payment { id } userErrors { field code } } }"""
UNALLOCATE = """mutation($input: PaymentUnallocateInput!) { paymentUnallocate(input: $input) {
  payment { id } userErrors { field code } } }"""
VOID = """mutation($input: PaymentVoidInput!) { paymentVoid(input: $input) {
  payment { status } userErrors { field code } } }"""


async def _discounted_invoice(api: Api, org: Org, *, taxed: bool = False) -> dict[str, Any]:
    """A 100.00 invoice (plus 20% tax when `taxed`) dated 2026-03-01 on "2/10 net 30"."""
    ids = await account_ids(api, org)
    terms = await api.data(
        TERMS,
        {
            "input": {
                "name": f"2/10 net 30 {uuid.uuid4().hex[:6]}",
                "kind": "NET",
                "days": 30,
                "discountPercent": "2",
                "discountDays": 10,
            }
        },
        token=org.token(),
    )
    terms_id = terms["paymentTermsCreate"]["paymentTerms"]["id"]
    acme = await customer(api, org, paymentTermsId=terms_id)
    extra: dict[str, Any] = {}
    if taxed:
        tax = await api.data(
            TAX,
            {
                "input": {
                    "name": f"VAT 20 {uuid.uuid4().hex[:6]}",
                    "rate": "20",
                    "accountId": ids["2100"],
                }
            },
            token=org.token(),
        )
        assert tax["taxRateCreate"]["userErrors"] == [], tax
        extra["taxRateId"] = tax["taxRateCreate"]["taxRate"]["id"]
    created = await create_invoice(api, org, acme, [sale(ids["4000"], "100.00", **extra)])
    assert created["userErrors"] == [], created
    issued = await issue(api, org, created["invoice"]["id"])
    assert issued["userErrors"] == [], issued
    invoice = await _invoice(api, org, issued["invoice"]["id"])
    assert (invoice["discountPercent"], invoice["discountUntil"]) == ("2", "2026-03-11")
    return {**invoice, "id": issued["invoice"]["id"], "customer": acme}


async def _invoice(api: Api, org: Org, invoice_id: str) -> dict[str, Any]:
    data = await api.data(
        f"query($id: ID!) {{ invoice(id: $id) {{ {DISCOUNT_FIELDS} }} }}",
        {"id": invoice_id},
        token=org.token(),
    )
    invoice: dict[str, Any] = data["invoice"]
    return invoice


async def _aging_equals_control(api: Api, org: Org, as_of: str = "2026-12-31") -> None:
    data = await api.data(AR_AGING, {"asOf": as_of}, token=org.token())
    total = Decimal(data["arAging"]["aging"]["totals"]["total"]["amount"])
    assert total == Decimal(await balance(api, org, "1100", as_of))


async def test_payment_of_the_discounted_total_in_time_settles_the_invoice(api: Api) -> None:
    org = await api.new_org()
    invoice = await _discounted_invoice(api, org)
    paid = await record_payment(
        api,
        org,
        invoice["customer"],
        "98.00",
        [{"invoiceId": invoice["id"], "amount": "98.00"}],
        date="2026-03-11",
    )
    assert paid["userErrors"] == [], paid
    after = await _invoice(api, org, invoice["id"])
    assert (after["status"], after["amountDue"]) == ("PAID", {"amount": "0.00"})
    full = (await api.data(INVOICE, {"id": invoice["id"]}, token=org.token()))["invoice"]
    kinds = sorted((a["kind"], a["amount"]["amount"]) for a in full["allocations"])
    assert kinds == [("DISCOUNT", "2.00"), ("SETTLEMENT", "98.00")]
    assert await balance(api, org, "7200") == "2.00"  # Sales discounts
    assert await balance(api, org, "1100") == "0.00"
    await _aging_equals_control(api, org)


async def test_payment_after_the_discount_period_takes_no_discount(api: Api) -> None:
    org = await api.new_org()
    invoice = await _discounted_invoice(api, org)
    paid = await record_payment(
        api,
        org,
        invoice["customer"],
        "98.00",
        [{"invoiceId": invoice["id"], "amount": "98.00"}],
        date="2026-03-12",
    )
    assert paid["userErrors"] == [], paid
    after = await _invoice(api, org, invoice["id"])
    assert (after["status"], after["amountDue"]) == ("PARTIALLY_PAID", {"amount": "2.00"})
    assert await balance(api, org, "7200") == "0.00"
    assert await balance(api, org, "1100") == "2.00"
    await _aging_equals_control(api, org)


async def test_part_payment_in_time_takes_no_discount_until_the_rest_is_paid(api: Api) -> None:
    org = await api.new_org()
    invoice = await _discounted_invoice(api, org)
    first = await record_payment(
        api,
        org,
        invoice["customer"],
        "50.00",
        [{"invoiceId": invoice["id"], "amount": "50.00"}],
        date="2026-03-05",
    )
    assert first["userErrors"] == []
    assert (await _invoice(api, org, invoice["id"]))["amountDue"] == {"amount": "50.00"}
    # The rest less the discount, received unallocated and applied within the period.
    second = await record_payment(api, org, invoice["customer"], "48.00", date="2026-03-10")
    allocated = await api.data(
        ALLOCATE,
        {
            "input": {
                "id": second["payment"]["id"],
                "allocations": [{"invoiceId": invoice["id"], "amount": "48.00"}],
            }
        },
        token=org.token(),
    )
    assert allocated["paymentAllocate"]["userErrors"] == []
    assert (await _invoice(api, org, invoice["id"]))["status"] == "PAID"
    assert await balance(api, org, "7200") == "2.00"
    await _aging_equals_control(api, org)


async def test_discount_on_a_taxed_invoice_gives_the_tax_back(api: Api) -> None:
    org = await api.new_org()
    invoice = await _discounted_invoice(api, org, taxed=True)  # 100.00 + 20.00 tax
    paid = await record_payment(
        api,
        org,
        invoice["customer"],
        "117.60",
        [{"invoiceId": invoice["id"], "amount": "117.60"}],
        date="2026-03-02",
    )
    assert paid["userErrors"] == [], paid
    assert (await _invoice(api, org, invoice["id"]))["status"] == "PAID"
    # 2.40 off: 2.00 of sales, 0.40 of output tax.
    assert await balance(api, org, "7200") == "2.00"
    assert await balance(api, org, "2100") == "-19.60"
    assert await balance(api, org, "1100") == "0.00"
    await _aging_equals_control(api, org)


async def test_unallocating_or_voiding_the_payment_undoes_the_discount(api: Api) -> None:
    org = await api.new_org()
    for undo in ("unallocate", "void"):
        invoice = await _discounted_invoice(api, org)
        paid = await record_payment(
            api,
            org,
            invoice["customer"],
            "98.00",
            [{"invoiceId": invoice["id"], "amount": "98.00"}],
            date="2026-03-06",
        )
        if undo == "unallocate":
            settlement = next(a for a in paid["payment"]["allocations"] if a["invoice"] is not None)
            answer = await api.data(
                UNALLOCATE,
                {"input": {"allocationId": settlement["id"], "date": "2026-03-20"}},
                token=org.token(),
            )
            assert answer["paymentUnallocate"]["userErrors"] == []
        else:
            answer = await api.data(
                VOID,
                {"input": {"id": paid["payment"]["id"], "date": "2026-03-20"}},
                token=org.token(),
            )
            assert answer["paymentVoid"]["userErrors"] == []
        after = await _invoice(api, org, invoice["id"])
        assert (after["status"], after["amountDue"]) == ("ISSUED", {"amount": "100.00"}), undo
        assert await balance(api, org, "7200") == "0.00", undo
        await _aging_equals_control(api, org)
