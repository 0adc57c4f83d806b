"""Payments received through the API: allocation, credit, refunds, voids and concurrency."""

from __future__ import annotations

import asyncio

import pytest

from schema.ids import decode
from server.audit.log import chain_key
from server.audit.models import AuditEvent
from server.audit.verify import verify_chain
from server.documents.models import OpenItem
from server.ledger.models import JournalEntry
from server.receivables.models import Payment
from tests.conftest import IS_POSTGRES
from tests.ledger.helpers import account_ids
from tests.receivables.helpers import (
    INVOICE,
    PAYMENT_FIELDS,
    balance,
    customer,
    issued_invoice,
    record_payment,
)
from tests.support import Api

ALLOCATE = f"""mutation($input: PaymentAllocateInput!) {{ paymentAllocate(input: $input) {{
  payment {{ {PAYMENT_FIELDS} }} userErrors {{ field code }} }} }}"""
UNALLOCATE = f"""mutation($input: PaymentUnallocateInput!) {{ paymentUnallocate(input: $input) {{
  payment {{ {PAYMENT_FIELDS} }} userErrors {{ field code }} }} }}"""
REFUND = f"""mutation($input: PaymentRefundInput!) {{ paymentRefund(input: $input) {{
  payment {{ {PAYMENT_FIELDS} }} userErrors {{ field code }} }} }}"""
VOID = f"""mutation($input: PaymentVoidInput!) {{ paymentVoid(input: $input) {{
  payment {{ {PAYMENT_FIELDS} }} userErrors {{ field code }} }} }}"""


async def _status(api: Api, org: object, invoice_id: str) -> tuple[str, str]:
    data = await api.data(INVOICE, {"id": invoice_id}, token=org.token())  # type: ignore[attr-defined]
    return data["invoice"]["status"], data["invoice"]["amountDue"]["amount"]


async def test_partial_then_full_payment_moves_the_invoice_to_paid(api: Api) -> None:
    org = await api.new_org("ar_clerk")
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")
    first = await record_payment(
        api, org, acme, "40.00", [{"invoiceId": invoice["id"], "amount": "40.00"}], role="ar_clerk"
    )
    assert first["userErrors"] == [] and first["payment"]["unallocated"] == {"amount": "0.00"}
    assert await _status(api, org, invoice["id"]) == ("PARTIALLY_PAID", "60.00")
    second = await record_payment(
        api, org, acme, "75.00", [{"invoiceId": invoice["id"], "amount": "60.00"}]
    )
    assert second["payment"]["unallocated"] == {"amount": "15.00"}  # the customer's credit
    assert await _status(api, org, invoice["id"]) == ("PAID", "0.00")
    # Receivables hold the invoice less both payments: a 15.00 credit balance.
    assert await balance(api, org, "1100") == "-15.00"
    assert await balance(api, org, "1010") == "115.00"


async def test_a_payment_split_over_invoices_keeps_the_rest_as_stored_credit(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    first = await issued_invoice(api, org, acme, "100.00")
    second = await issued_invoice(api, org, acme, "80.00")
    paid = await record_payment(
        api,
        org,
        acme,
        "250.00",
        [
            {"invoiceId": first["id"], "amount": "100.00"},
            {"invoiceId": second["id"], "amount": "30.00"},
        ],
    )
    assert paid["userErrors"] == [] and paid["payment"]["unallocated"] == {"amount": "120.00"}
    assert await _status(api, org, first["id"]) == ("PAID", "0.00")
    assert await _status(api, org, second["id"]) == ("PARTIALLY_PAID", "50.00")
    # The payment's open item is stored net of both allocations, not only shown so.
    stored = await OpenItem.get(id=decode(paid["payment"]["id"], "Payment"))
    assert (stored.amount_minor, stored.open_minor, stored.open_base_minor) == (25000, 12000, 12000)
    assert await balance(api, org, "1100") == "-70.00"


async def test_a_payment_writes_one_audit_event_naming_its_entry_and_allocations(
    api: Api,
) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")
    ids = await account_ids(api, org)
    response = await api.post(
        """mutation($input: PaymentRecordInput!) {
             paymentRecord(input: $input) { payment { id status } userErrors { code } } }""",
        {
            "input": {
                "customerId": acme,
                "date": "2026-03-10",
                "amount": "100.00",
                "depositAccountId": ids["1010"],
                "reference": "TRF-9",
                "allocations": [{"invoiceId": invoice["id"], "amount": "100.00"}],
            }
        },
        token=org.token(),
    )
    paid = response.json()["data"]["paymentRecord"]
    assert paid["userErrors"] == []
    if IS_POSTGRES:
        # Authentication; the customer; the deposit and control accounts; the invoice
        # locked with its status; the payment with its open item, the invoice's balance,
        # the allocation and the invoice's status; the entry with its lines and the audit
        # event. The answer reads nothing more.
        assert int(response.headers["x-sql-statements"]) == 6
    payment = await Payment.get(id=decode(paid["payment"]["id"], "Payment"))
    entry = await JournalEntry.get(id=payment.entry_id)
    events = await AuditEvent.filter(chain_key=chain_key(org.id), action="payment.record").order_by(
        "sequence"
    )
    assert len(events) == 1
    after = events[0].after
    assert events[0].object_id == str(payment.id)
    assert after["entry"] == entry.number
    assert after["amount"] == "100.00 USD" and after["unallocated"] == "0.00 USD"
    assert after["reference"] == "TRF-9"
    assert [a["invoice"] for a in after["allocations"]] == [str(decode(invoice["id"], "Invoice"))]
    assert await JournalEntry.filter(organization_id=org.id).count() == 2  # invoice, payment
    assert (await verify_chain(chain_key(org.id))).ok


async def test_overpaying_an_invoice_or_over_allocating_is_refused_and_writes_nothing(
    api: Api,
) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")
    over = await record_payment(
        api, org, acme, "150.00", [{"invoiceId": invoice["id"], "amount": "120.00"}]
    )
    assert [(e["field"], e["code"]) for e in over["userErrors"]] == [
        (["input", "allocations", "0", "amount"], "EXCEEDS_OPEN_BALANCE")
    ]
    beyond = await record_payment(
        api, org, acme, "50.00", [{"invoiceId": invoice["id"], "amount": "60.00"}]
    )
    assert [e["code"] for e in beyond["userErrors"]] == ["EXCEEDS_UNALLOCATED"]
    data = await api.data("{ payments(first: 5) { totalCount } }", token=org.token())
    assert data["payments"]["totalCount"] == 0
    assert await balance(api, org, "1010") == "0.00"


async def test_allocating_to_another_customers_invoice_or_a_void_one_is_refused(api: Api) -> None:
    org = await api.new_org()
    acme, other = await customer(api, org), await customer(api, org, "Other plc")
    theirs = await issued_invoice(api, org, other, "30.00")
    refused = await record_payment(
        api, org, acme, "30.00", [{"invoiceId": theirs["id"], "amount": "30.00"}]
    )
    assert [e["code"] for e in refused["userErrors"]] == ["PARTY_MISMATCH"]
    void = await api.data(
        "mutation($input: InvoiceVoidInput!) {"
        " invoiceVoid(input: $input) { userErrors { code } } }",
        {"input": {"id": theirs["id"]}},
        token=org.token(),
    )
    assert void["invoiceVoid"]["userErrors"] == []
    paying_void = await record_payment(
        api, org, other, "30.00", [{"invoiceId": theirs["id"], "amount": "30.00"}]
    )
    assert [e["code"] for e in paying_void["userErrors"]] == ["INVALID_STATUS"]


async def test_currency_other_than_the_customers_is_refused(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    refused = await record_payment(api, org, acme, "10.00", currency="EUR")
    assert [e["code"] for e in refused["userErrors"]] == ["CURRENCY_MISMATCH"]


async def test_deposits_into_other_than_a_cash_account_of_the_organization_are_refused(
    api: Api,
) -> None:
    org = await api.new_org()
    other = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "10.00")
    ids, foreign = await account_ids(api, org), await account_ids(api, other)
    pays = [{"invoiceId": invoice["id"], "amount": "10.00"}]
    for account, code in (
        (ids["4000"], "INVALID_ACCOUNT_TYPE"),  # income
        (ids["1100"], "INVALID_ACCOUNT_TYPE"),  # receivables, the control account itself
        (foreign["1010"], "NOT_FOUND"),  # another organization's bank
    ):
        refused = await record_payment(api, org, acme, "10.00", pays, depositAccountId=account)
        assert refused["payment"] is None
        assert [(e["field"], e["code"]) for e in refused["userErrors"]] == [
            (["input", "depositAccountId"], code)
        ]
    assert await _status(api, org, invoice["id"]) == ("ISSUED", "10.00")
    assert await balance(api, org, "1010") == "0.00"


async def test_credit_allocated_later_unallocated_and_refunded(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    payment = (await record_payment(api, org, acme, "100.00"))["payment"]
    invoice = await issued_invoice(api, org, acme, "70.00", issue_date="2026-03-12")
    allocated = await api.data(
        ALLOCATE,
        {
            "input": {
                "id": payment["id"],
                "date": "2026-03-12",
                "allocations": [{"invoiceId": invoice["id"], "amount": "70.00"}],
            }
        },
        token=org.token(),
    )
    result = allocated["paymentAllocate"]["payment"]
    assert result["unallocated"] == {"amount": "30.00"}
    assert await _status(api, org, invoice["id"]) == ("PAID", "0.00")

    allocation_id = result["allocations"][0]["id"]
    undone = await api.data(
        UNALLOCATE,
        {"input": {"allocationId": allocation_id, "date": "2026-03-15"}},
        token=org.token(),
    )
    kept = undone["paymentUnallocate"]["payment"]
    assert kept["unallocated"] == {"amount": "100.00"}
    assert kept["allocations"][0]["reversedOn"] == "2026-03-15"  # history is kept
    assert await _status(api, org, invoice["id"]) == ("ISSUED", "70.00")

    refunded = await api.data(
        REFUND,
        {
            "input": {
                "id": payment["id"],
                "amount": "25.00",
                "date": "2026-03-20",
                "accountId": ids["1010"],
                "idempotencyKey": "refund-1",
            }
        },
        token=org.token(),
    )
    assert refunded["paymentRefund"]["payment"]["unallocated"] == {"amount": "75.00"}
    again = await api.data(
        REFUND,
        {
            "input": {
                "id": payment["id"],
                "amount": "25.00",
                "date": "2026-03-20",
                "accountId": ids["1010"],
                "idempotencyKey": "refund-1",
            }
        },
        token=org.token(),
    )
    assert again["paymentRefund"]["payment"]["unallocated"] == {"amount": "75.00"}
    too_much = await api.data(
        REFUND,
        {
            "input": {
                "id": payment["id"],
                "amount": "80.00",
                "date": "2026-03-20",
                "accountId": ids["1010"],
            }
        },
        token=org.token(),
    )
    assert [e["code"] for e in too_much["paymentRefund"]["userErrors"]] == ["EXCEEDS_UNALLOCATED"]
    # Invoice 70 open, credit 75 unapplied: receivables show a 5.00 credit balance.
    assert await balance(api, org, "1100") == "-5.00"


async def test_void_undoes_allocations_and_reverses_the_payment(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "50.00")
    payment = (
        await record_payment(
            api, org, acme, "50.00", [{"invoiceId": invoice["id"], "amount": "50.00"}]
        )
    )["payment"]
    voided = await api.data(
        VOID, {"input": {"id": payment["id"], "date": "2026-03-20"}}, token=org.token()
    )
    assert voided["paymentVoid"]["payment"]["status"] == "VOID"
    assert await _status(api, org, invoice["id"]) == ("ISSUED", "50.00")
    assert await balance(api, org, "1100") == "50.00"
    assert await balance(api, org, "1010") == "0.00"
    assert await balance(api, org, "1010", "2026-03-19") == "50.00"


async def test_dry_run_shows_lines_and_allocations_and_writes_nothing(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "20.00")
    preview = await record_payment(
        api, org, acme, "20.00", [{"invoiceId": invoice["id"], "amount": "20.00"}], dryRun=True
    )
    assert preview["payment"] is None and preview["userErrors"] == []
    assert [
        (ln["account"]["code"], ln["debit"], ln["credit"]) for ln in preview["dryRun"]["lines"]
    ] == [
        ("1100", None, {"amount": "20.00"}),
        ("1010", {"amount": "20.00"}, None),
    ]
    assert preview["dryRun"]["allocations"] == [
        {"invoiceId": invoice["id"], "amount": {"amount": "20.00"}}
    ]
    assert await _status(api, org, invoice["id"]) == ("ISSUED", "20.00")
    assert await balance(api, org, "1010") == "0.00"


async def test_idempotent_payment_is_recorded_once(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    first = await record_payment(api, org, acme, "10.00", idempotencyKey="pay-1")
    second = await record_payment(api, org, acme, "10.00", idempotencyKey="pay-1")
    assert first["payment"]["id"] == second["payment"]["id"]
    changed = await record_payment(api, org, acme, "11.00", idempotencyKey="pay-1")
    assert [e["code"] for e in changed["userErrors"]] == ["IDEMPOTENCY_KEY_REUSED"]
    assert await balance(api, org, "1010") == "10.00"


@pytest.mark.postgres
async def test_concurrent_payments_never_overpay_an_invoice(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")
    results = await asyncio.gather(
        *(
            record_payment(
                api, org, acme, "60.00", [{"invoiceId": invoice["id"], "amount": "60.00"}]
            )
            for _ in range(20)
        )
    )
    accepted = [r for r in results if r["payment"] is not None]
    refused = [r for r in results if r["userErrors"]]
    assert len(accepted) == 1 and len(refused) == 19
    assert {e["code"] for r in refused for e in r["userErrors"]} == {"EXCEEDS_OPEN_BALANCE"}
    assert await _status(api, org, invoice["id"]) == ("PARTIALLY_PAID", "40.00")
    data = await api.data("{ payments(first: 50) { totalCount } }", token=org.token())
    assert data["payments"]["totalCount"] == 1
    assert await balance(api, org, "1010") == "60.00"


async def test_void_cannot_be_dated_before_the_last_allocation_change(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "50.00")
    payment = (
        await record_payment(
            api, org, acme, "50.00", [{"invoiceId": invoice["id"], "amount": "50.00"}]
        )
    )["payment"]
    undone = await api.data(
        UNALLOCATE,
        {"input": {"allocationId": payment["allocations"][0]["id"], "date": "2026-03-20"}},
        token=org.token(),
    )
    assert undone["paymentUnallocate"]["userErrors"] == []
    early = await api.data(
        """mutation($input: InvoiceVoidInput!) { invoiceVoid(input: $input) {
             userErrors { field code } } }""",
        {"input": {"id": invoice["id"], "date": "2026-03-15"}},
        token=org.token(),
    )
    assert early["invoiceVoid"]["userErrors"] == [
        {"field": ["input", "date"], "code": "DATE_BEFORE_DOCUMENT"}
    ]
    refused = await api.data(
        VOID, {"input": {"id": payment["id"], "date": "2026-03-15"}}, token=org.token()
    )
    assert [e["code"] for e in refused["paymentVoid"]["userErrors"]] == ["DATE_BEFORE_DOCUMENT"]
    assert await balance(api, org, "1100", "2026-03-16") == "0.00"


async def test_foreign_currency_payment_posts_the_realized_exchange_difference(api: Api) -> None:
    org = await api.new_org()
    for day, rate in (("2026-03-01", "1.10"), ("2026-03-10", "1.20")):
        await api.data(
            f"""mutation {{ exchangeRateSet(currency: "EUR", date: "{day}", rate: "{rate}") {{
                 userErrors {{ code }} }} }}""",
            token=org.token(),
        )
    euro = await customer(api, org, "Euro GmbH", currency="EUR")
    invoice = await issued_invoice(api, org, euro, "100.00")
    assert await balance(api, org, "1100") == "110.00"  # 100 EUR at 1.10
    paid = await record_payment(
        api, org, euro, "100.00", [{"invoiceId": invoice["id"], "amount": "100.00"}]
    )
    assert paid["userErrors"] == []
    # The bank got 120 USD for a receivable carried at 110: a 10 USD gain, and nothing left.
    assert await balance(api, org, "1010") == "120.00"
    assert await balance(api, org, "1100") == "0.00"
    assert await balance(api, org, "7000") == "-10.00"


@pytest.mark.postgres
async def test_concurrent_requests_with_one_idempotency_key_record_one_payment(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    results = await asyncio.gather(
        *(record_payment(api, org, acme, "25.00", idempotencyKey="same-key") for _ in range(8))
    )
    assert all(r["userErrors"] == [] for r in results)
    assert len({r["payment"]["id"] for r in results}) == 1
    data = await api.data("{ payments(first: 10) { totalCount } }", token=org.token())
    assert data["payments"]["totalCount"] == 1
    assert await balance(api, org, "1010") == "25.00"


async def test_foreign_currency_refund_posts_the_exchange_difference(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    for day, rate in (("2026-03-01", "1.10"), ("2026-03-20", "1.20")):
        await api.data(
            f"""mutation {{ exchangeRateSet(currency: "EUR", date: "{day}", rate: "{rate}") {{
                 userErrors {{ code }} }} }}""",
            token=org.token(),
        )
    euro = await customer(api, org, "Euro GmbH", currency="EUR")
    payment = (await record_payment(api, org, euro, "100.00", date="2026-03-05"))["payment"]
    assert await balance(api, org, "1100") == "-110.00"  # 100 EUR of credit at 1.10
    refunded = await api.data(
        REFUND,
        {
            "input": {
                "id": payment["id"],
                "amount": "100.00",
                "date": "2026-03-20",
                "accountId": ids["1010"],
            }
        },
        token=org.token(),
    )
    assert refunded["paymentRefund"]["userErrors"] == []
    assert refunded["paymentRefund"]["payment"]["unallocated"] == {"amount": "0.00"}
    # 110 USD came in, 120 USD went out for the same 100 EUR: a 10 USD loss, nothing owed.
    assert await balance(api, org, "1100") == "0.00"
    assert await balance(api, org, "1010") == "-10.00"
    assert await balance(api, org, "7000") == "10.00"
