"""Receivables changes write one domain event each, in the transaction of the change."""

from __future__ import annotations

from typing import Any

from tests.events.helpers import last_sequence, written_by
from tests.ledger.helpers import account_ids
from tests.receivables.helpers import (
    create_invoice,
    customer,
    issue,
    issued_invoice,
    record_payment,
    sale,
)
from tests.support import Api, Org

TERMS = """mutation($input: PaymentTermsCreateInput!) { paymentTermsCreate(input: $input) {
  paymentTerms { id } userErrors { code } } }"""
VOID = """mutation($input: PaymentVoidInput!) { paymentVoid(input: $input) {
  payment { status } userErrors { field code } } }"""


def usd(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "USD"}


async def _one_event(api: Api, org: Org, since: int) -> dict[str, Any]:
    written = await written_by(api, org, since)
    assert len(written) == 1, [e["type"] for e in written]
    return written[0]


async def test_invoice_issue_writes_invoice_issued_with_its_totals_and_entry(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    ids = await account_ids(api, org)
    created = await create_invoice(api, org, acme, [sale(ids["4000"], "100.00")])
    before = await last_sequence(api, org)
    issued = (await issue(api, org, created["invoice"]["id"]))["invoice"]
    event = await _one_event(api, org, before)
    assert (event["type"], event["version"]) == ("invoice.issued", 1)
    assert (event["objectType"], event["objectId"]) == ("Invoice", issued["id"])
    assert event["payload"] == {
        "number": issued["number"],
        "status": "ISSUED",
        "customer": acme,
        "currency": "USD",
        "issueDate": "2026-03-01",
        "dueDate": issued["dueDate"],
        "total": usd("100.00"),
        "entryNumber": issued["journalEntry"]["number"],
        "creditLimitOverridden": False,
    }


async def test_payment_record_that_settles_an_invoice_shows_it_paid(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")
    before = await last_sequence(api, org)
    paid = await record_payment(
        api, org, acme, "100.00", [{"invoiceId": invoice["id"], "amount": "100.00"}]
    )
    assert paid["userErrors"] == [], paid
    event = await _one_event(api, org, before)
    assert (event["type"], event["objectId"]) == ("payment.recorded", paid["payment"]["id"])
    assert event["payload"] == {
        "customer": acme,
        "date": "2026-03-10",
        "amount": usd("100.00"),
        "method": "BANK_TRANSFER",
        "reference": None,
        "status": "RECORDED",
        "unallocated": usd("0.00"),
        "entryNumber": invoice["journalEntry"]["number"] + 1,
        "allocations": [
            {
                "invoice": invoice["id"],
                "amount": usd("100.00"),
                "date": "2026-03-10",
                "invoiceStatus": "PAID",
            }
        ],
        "discounts": [],
    }
    audit = await api.data(
        """{ auditEvents(first: 5, filter: {action: [PAYMENT_RECORD]}) { nodes { sequence } } }""",
        token=org.token(),
    )
    assert event["auditSequence"] == audit["auditEvents"]["nodes"][0]["sequence"]


async def test_payment_record_of_part_leaves_the_invoice_partly_paid(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")
    before = await last_sequence(api, org)
    await record_payment(api, org, acme, "60.00", [{"invoiceId": invoice["id"], "amount": "40.00"}])
    event = await _one_event(api, org, before)
    assert event["payload"]["unallocated"] == usd("20.00")
    assert [(a["amount"], a["invoiceStatus"]) for a in event["payload"]["allocations"]] == [
        (usd("40.00"), "PARTIALLY_PAID")
    ]


async def test_payment_record_that_earns_the_discount_shows_the_invoice_paid(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    terms = await api.data(
        TERMS,
        {
            "input": {
                "name": "2/10",
                "kind": "NET",
                "days": 30,
                "discountPercent": "2",
                "discountDays": 10,
            }
        },
        token=org.token(),
    )
    acme = await customer(
        api, org, paymentTermsId=terms["paymentTermsCreate"]["paymentTerms"]["id"]
    )
    created = await create_invoice(api, org, acme, [sale(ids["4000"], "100.00")])
    invoice = (await issue(api, org, created["invoice"]["id"]))["invoice"]
    before = await last_sequence(api, org)
    await record_payment(
        api,
        org,
        acme,
        "98.00",
        [{"invoiceId": invoice["id"], "amount": "98.00"}],
        date="2026-03-05",
    )
    payload = (await _one_event(api, org, before))["payload"]
    assert [a["invoiceStatus"] for a in payload["allocations"]] == ["PAID"]
    assert payload["discounts"] == [
        {"invoice": invoice["id"], "amount": usd("2.00"), "date": "2026-03-05"}
    ]


async def test_payment_void_writes_payment_voided(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")
    paid = await record_payment(
        api, org, acme, "100.00", [{"invoiceId": invoice["id"], "amount": "100.00"}]
    )
    before = await last_sequence(api, org)
    voided = await api.data(VOID, {"input": {"id": paid["payment"]["id"]}}, token=org.token())
    assert voided["paymentVoid"]["userErrors"] == []
    event = await _one_event(api, org, before)
    assert event["type"] == "payment.voided"
    assert event["payload"]["status"] == "VOID"
    assert (event["payload"]["allocationsUndone"], event["payload"]["discountsUndone"]) == (1, 0)


async def test_rolled_back_and_replayed_payments_write_no_event(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "100.00")
    allocations = [{"invoiceId": invoice["id"], "amount": "100.00"}]
    before = await last_sequence(api, org)
    # A dry run posts, appends the audit event and rolls all of it back.
    preview = await record_payment(api, org, acme, "100.00", allocations, dryRun=True)
    assert preview["dryRun"] and preview["payment"] is None
    assert await written_by(api, org, before) == []
    # Refused after validation: over-allocated.
    refused = await record_payment(
        api, org, acme, "50.00", [{"invoiceId": invoice["id"], "amount": "60.00"}]
    )
    assert refused["userErrors"]
    assert await written_by(api, org, before) == []
    first = await record_payment(api, org, acme, "100.00", allocations, idempotencyKey="pay-1")
    again = await record_payment(api, org, acme, "100.00", allocations, idempotencyKey="pay-1")
    assert first["payment"]["id"] == again["payment"]["id"]
    assert [e["type"] for e in await written_by(api, org, before)] == ["payment.recorded"]


async def test_invoice_issue_dry_run_writes_no_event(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    ids = await account_ids(api, org)
    created = await create_invoice(api, org, acme, [sale(ids["4000"], "100.00")])
    before = await last_sequence(api, org)
    preview = await issue(api, org, created["invoice"]["id"], dryRun=True)
    assert preview["dryRun"] and preview["userErrors"] == []
    assert await written_by(api, org, before) == []
