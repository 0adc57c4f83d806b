"""Invoices through the API: drafts, issuing, totals, credit limits, voids and write-offs."""

from __future__ import annotations

from typing import Any

from tests.ledger.helpers import account_ids
from tests.receivables.helpers import (
    INVOICE,
    INVOICE_CREATE,
    INVOICE_ISSUE,
    balance,
    create_invoice,
    customer,
    issue,
    issued_invoice,
    record_payment,
    sale,
)
from tests.support import Api

VOID = """mutation($input: InvoiceVoidInput!) { invoiceVoid(input: $input) {
  invoice { status voidedOn amountDue { amount } } userErrors { field code } } }"""
WRITE_OFF = """mutation($input: InvoiceWriteOffInput!) { invoiceWriteOff(input: $input) {
  invoice { status writtenOffOn amountDue { amount } } userErrors { field code } } }"""


async def test_issue_posts_receivables_income_and_tax_with_gapless_numbers(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    created = await create_invoice(
        api,
        org,
        acme,
        [sale(ids["4000"], "100.00", "3"), sale(ids["4100"], "19.99", "1.5", discountPercent="10")],
    )
    assert created["userErrors"] == []
    draft = created["invoice"]
    assert draft["status"] == "DRAFT" and draft["number"] is None
    # 3 x 100 = 300.00; 1.5 x 19.99 x 0.9 = 26.9865 -> 26.99 (half-up, per line)
    assert draft["subtotal"] == {"amount": "326.99"} and draft["total"] == {"amount": "326.99"}

    issued = await issue(api, org, draft["id"])
    assert issued["userErrors"] == []
    invoice = issued["invoice"]
    assert invoice["status"] == "ISSUED" and invoice["number"] == "INV-000001"
    assert invoice["dueDate"] == "2026-03-31"  # net 30 by default
    assert invoice["amountDue"] == {"amount": "326.99"}
    posted = [
        (ln["account"]["code"], ln["side"], ln["amount"]["amount"])
        for ln in invoice["journalEntry"]["lines"]
    ]
    assert posted == [
        ("1100", "DEBIT", "326.99"),
        ("4000", "CREDIT", "300.00"),
        ("4100", "CREDIT", "26.99"),
    ]
    second = await issued_invoice(api, org, acme, "10.00")
    assert second["number"] == "INV-000002"
    assert await balance(api, org, "1100") == "336.99"


async def test_quantities_and_discounts_read_back_as_plain_decimals(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    created = await create_invoice(
        api,
        org,
        acme,
        [
            sale(ids["4000"], "5.00", "10"),
            sale(ids["4000"], "5.00", "1.50", discountPercent="20"),
            sale(ids["4000"], "5.00", "100", discountPercent="12.50"),
        ],
    )
    assert created["userErrors"] == [], created
    query = """query($id: ID!) { invoice(id: $id) { lines { quantity discountPercent } } }"""
    found = await api.data(query, {"id": created["invoice"]["id"]}, token=org.token())
    # Never an exponent ("1E+1", "2E+1"): clients parse these as plain decimal strings.
    assert found["invoice"]["lines"] == [
        {"quantity": "10", "discountPercent": "0"},
        {"quantity": "1.5", "discountPercent": "20"},
        {"quantity": "100", "discountPercent": "12.5"},
    ]


async def test_issuing_twice_or_empty_is_refused_and_writes_nothing(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "50.00")
    again = await issue(api, org, invoice["id"])
    assert [e["code"] for e in again["userErrors"]] == ["INVALID_STATUS"]
    ids = await account_ids(api, org)
    zero = await create_invoice(api, org, acme, [sale(ids["4000"], "0.00")])
    refused = await issue(api, org, zero["invoice"]["id"])
    assert [e["code"] for e in refused["userErrors"]] == ["EMPTY_DOCUMENT"]
    still = await api.data(INVOICE, {"id": zero["invoice"]["id"]}, token=org.token())
    assert still["invoice"]["status"] == "DRAFT" and still["invoice"]["number"] is None
    assert await balance(api, org, "1100") == "50.00"
    # The refused issue did not take a number: the next invoice is number 2.
    nxt = await issued_invoice(api, org, acme, "1.00")
    assert nxt["number"] == "INV-000002"


async def test_bad_lines_are_refused_with_field_paths(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    result = await create_invoice(
        api,
        org,
        acme,
        [
            sale(ids["4000"], "10.00", "0"),
            sale(ids["6300"], "10.00"),
            sale(ids["4000"], "10.001"),
            sale(ids["4000"], "-5.00"),
        ],
    )
    errors = {(tuple(e["field"]), e["code"]) for e in result["userErrors"]}
    assert errors == {
        (("input", "lines", "0", "quantity"), "NEGATIVE_AMOUNT"),
        (("input", "lines", "1", "accountId"), "INVALID_ACCOUNT_TYPE"),
        (("input", "lines", "2", "unitPrice"), "TOO_PRECISE"),
        (("input", "lines", "3", "unitPrice"), "NEGATIVE_AMOUNT"),
    }
    assert result["invoice"] is None
    data = await api.data("{ invoices(first: 10) { totalCount } }", token=org.token())
    assert data["invoices"]["totalCount"] == 0


async def test_update_changes_drafts_only(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    draft = (await create_invoice(api, org, acme, [sale(ids["4000"], "10.00")]))["invoice"]
    mutation = """mutation($input: InvoiceUpdateInput!) { invoiceUpdate(input: $input) {
      invoice { total { amount } lines { description } } userErrors { code } } }"""
    variables = {
        "input": {
            "id": draft["id"],
            "customerId": acme,
            "issueDate": "2026-03-02",
            "lines": [sale(ids["4000"], "20.00", description="Design")],
        }
    }
    updated = (await api.data(mutation, variables, token=org.token()))["invoiceUpdate"]
    assert updated["invoice"]["total"] == {"amount": "20.00"}
    assert updated["invoice"]["lines"] == [{"description": "Design"}]
    await issue(api, org, draft["id"])
    refused = (await api.data(mutation, variables, token=org.token()))["invoiceUpdate"]
    assert [e["code"] for e in refused["userErrors"]] == ["INVALID_STATUS"]


async def test_update_is_partial_omitted_fields_stay_and_null_clears_or_is_refused(
    api: Api,
) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    lines = [sale(ids["4000"], "12.50", quantity="2", description="Hours", discountPercent="10")]
    draft = (
        await create_invoice(api, org, acme, lines, reference="PO-7", memo="First", dueDate=None)
    )["invoice"]
    mutation = """mutation($input: InvoiceUpdateInput!) { invoiceUpdate(input: $input) {
      invoice { issueDate reference memo total { amount }
        lines { description quantity unitPrice { amount } } }
      userErrors { field code } } }"""

    async def update(**fields: object) -> dict[str, Any]:
        variables = {"input": {"id": draft["id"], **fields}}
        payload: dict[str, Any] = (await api.data(mutation, variables, token=org.token()))[
            "invoiceUpdate"
        ]
        return payload

    memo_only = await update(memo="Second")
    assert memo_only["userErrors"] == []
    invoice = memo_only["invoice"]
    assert (invoice["issueDate"], invoice["reference"], invoice["memo"]) == (
        "2026-03-01",
        "PO-7",
        "Second",
    )
    assert invoice["total"] == {"amount": "22.50"}
    assert invoice["lines"] == [
        {"description": "Hours", "quantity": "2", "unitPrice": {"amount": "12.50"}}
    ]
    cleared = await update(reference=None, memo=None)
    assert (cleared["invoice"]["reference"], cleared["invoice"]["memo"]) == (None, None)
    refused = await update(lines=None, customerId=None, issueDate=None)
    assert refused["invoice"] is None
    assert sorted((e["field"], e["code"]) for e in refused["userErrors"]) == [
        (["input", "customerId"], "REQUIRED"),
        (["input", "issueDate"], "REQUIRED"),
        (["input", "lines"], "REQUIRED"),
    ]


async def test_dry_run_returns_lines_and_writes_nothing(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    draft = (await create_invoice(api, org, acme, [sale(ids["4000"], "80.00")]))["invoice"]
    preview = await issue(api, org, draft["id"], dryRun=True)
    assert preview["userErrors"] == [] and preview["invoice"] is None
    run = preview["dryRun"]
    assert run["number"] == "INV-000001" and run["dueDate"] == "2026-03-31"
    assert [(ln["account"]["code"], ln["debit"], ln["credit"]) for ln in run["lines"]] == [
        ("1100", {"amount": "80.00"}, None),
        ("4000", None, {"amount": "80.00"}),
    ]
    still = await api.data(INVOICE, {"id": draft["id"]}, token=org.token())
    assert still["invoice"]["status"] == "DRAFT"
    assert await balance(api, org, "1100") == "0.00"
    issued = await issue(api, org, draft["id"])
    assert issued["invoice"]["number"] == "INV-000001"


async def test_idempotency_key_replays_the_issue(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    draft = (await create_invoice(api, org, acme, [sale(ids["4000"], "10.00")]))["invoice"]
    first = await issue(api, org, draft["id"], idempotencyKey="issue-1")
    second = await issue(api, org, draft["id"], idempotencyKey="issue-1")
    assert second["userErrors"] == []
    assert first["invoice"]["number"] == second["invoice"]["number"] == "INV-000001"
    other = (await create_invoice(api, org, acme, [sale(ids["4000"], "5.00")]))["invoice"]
    clash = await issue(api, org, other["id"], idempotencyKey="issue-1")
    assert [e["code"] for e in clash["userErrors"]] == ["IDEMPOTENCY_KEY_REUSED"]


async def test_credit_limit_refuses_unless_overridden_and_audits_the_override(api: Api) -> None:
    org = await api.new_org("ar_clerk", "accountant")
    ids = await account_ids(api, org)
    acme = await customer(api, org, creditLimit="100.00")
    await issued_invoice(api, org, acme, "80.00")
    draft = (await create_invoice(api, org, acme, [sale(ids["4000"], "30.00")]))["invoice"]
    # Without the flag the limit holds for every role, those holding the override included.
    for role in ("ar_clerk", "accountant", "owner"):
        refused = await issue(api, org, draft["id"], role=role)
        assert [e["code"] for e in refused["userErrors"]] == ["CREDIT_LIMIT_EXCEEDED"], role
    # A role without the override may not ask for it.
    denied = await api.gql(
        INVOICE_ISSUE,
        {"input": {"id": draft["id"], "overrideCreditLimit": True}},
        token=org.token("ar_clerk"),
    )
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    allowed = await issue(api, org, draft["id"], overrideCreditLimit=True)
    assert allowed["userErrors"] == [] and allowed["invoice"]["creditLimitOverridden"] is True
    events = await api.data(
        """{ auditEvents(first: 5, filter: {action: [INVOICE_ISSUE]}) {
             nodes { objectId after } } }""",
        token=org.token(),
    )
    afters = {e["objectId"]: e["after"] for e in events["auditEvents"]["nodes"]}
    overriding = next(a for a in afters.values() if a["number"] == allowed["invoice"]["number"])
    assert overriding["creditLimitOverridden"] is True
    assert overriding["overrideCreditLimitRequested"] is True
    assert all(a["creditLimitOverridden"] is False for a in afters.values() if a is not overriding)


async def test_override_flag_within_the_credit_limit_overrides_nothing(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org, creditLimit="100.00")
    invoice = await issued_invoice(api, org, acme, "80.00")
    assert invoice["creditLimitOverridden"] is False
    ids = await account_ids(api, org)
    draft = (await create_invoice(api, org, acme, [sale(ids["4000"], "20.00")]))["invoice"]
    issued = await issue(api, org, draft["id"], overrideCreditLimit=True)
    assert issued["userErrors"] == [] and issued["invoice"]["creditLimitOverridden"] is False


async def test_void_reverses_and_is_refused_while_paid(api: Api) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "60.00")
    paid = await record_payment(
        api, org, acme, "10.00", [{"invoiceId": invoice["id"], "amount": "10.00"}]
    )
    assert paid["userErrors"] == []
    refused = await api.data(VOID, {"input": {"id": invoice["id"]}}, token=org.token())
    assert [e["code"] for e in refused["invoiceVoid"]["userErrors"]] == ["HAS_ALLOCATIONS"]
    other = await issued_invoice(api, org, acme, "40.00")
    voided = await api.data(
        VOID, {"input": {"id": other["id"], "date": "2026-03-05"}}, token=org.token()
    )
    assert voided["invoiceVoid"]["invoice"]["status"] == "VOID"
    assert voided["invoiceVoid"]["invoice"]["amountDue"] == {"amount": "0.00"}
    assert await balance(api, org, "1100") == "50.00"
    assert await balance(api, org, "1100", "2026-03-04") == "100.00"


async def test_write_off_posts_bad_debt_for_the_open_balance(api: Api) -> None:
    org = await api.new_org("ar_clerk")
    acme = await customer(api, org)
    invoice = await issued_invoice(api, org, acme, "90.00")
    await record_payment(api, org, acme, "30.00", [{"invoiceId": invoice["id"], "amount": "30.00"}])
    denied = await api.gql(
        WRITE_OFF,
        {"input": {"id": invoice["id"], "date": "2026-06-30"}},
        token=org.token("ar_clerk"),
    )
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    written = await api.data(
        WRITE_OFF, {"input": {"id": invoice["id"], "date": "2026-06-30"}}, token=org.token()
    )
    result = written["invoiceWriteOff"]["invoice"]
    assert result["status"] == "WRITTEN_OFF" and result["amountDue"] == {"amount": "0.00"}
    assert await balance(api, org, "6900") == "60.00"
    assert await balance(api, org, "1100") == "0.00"


async def test_sales_can_draft_but_not_issue(api: Api) -> None:
    org = await api.new_org("sales")
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    made = await api.gql(
        INVOICE_CREATE,
        {
            "input": {
                "customerId": acme,
                "issueDate": "2026-03-01",
                "lines": [sale(ids["4000"], "10.00")],
            }
        },
        token=org.token("sales"),
    )
    # Sales reads neither the ledger nor the chart: those nested fields are null, refused.
    refused = sorted((e["extensions"]["code"], e["path"][-1]) for e in made["errors"])
    assert refused == [("FORBIDDEN", "account"), ("FORBIDDEN", "journalEntry")]
    draft = made["data"]["invoiceCreate"]
    assert draft["userErrors"] == [] and draft["invoice"]["journalEntry"] is None
    denied = await api.gql(
        "mutation($input: InvoiceIssueInput!) {"
        " invoiceIssue(input: $input) { userErrors { code } } }",
        {"input": {"id": draft["invoice"]["id"]}},
        token=org.token("sales"),
    )
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_another_organizations_invoice_is_not_found(api: Api) -> None:
    mine, theirs = await api.new_org(), await api.new_org()
    acme = await customer(api, theirs)
    invoice = await issued_invoice(api, theirs, acme, "10.00")
    assert (await api.data(INVOICE, {"id": invoice["id"]}, token=mine.token()))["invoice"] is None
    refused = await issue(api, mine, invoice["id"])
    assert [e["code"] for e in refused["userErrors"]] == ["NOT_FOUND"]
    paid = await record_payment(
        api,
        mine,
        await customer(api, mine),
        "5.00",
        [{"invoiceId": invoice["id"], "amount": "5.00"}],
    )
    assert [e["code"] for e in paid["userErrors"]] == ["NOT_FOUND"]


async def test_invoices_page_with_customer_lines_and_balance_costs_three_statements(
    api: Api,
) -> None:
    org = await api.new_org()
    acme = await customer(api, org)
    for amount in ("10.00", "20.00", "30.00"):
        await issued_invoice(api, org, acme, amount)
    query = """query($first: Int) { invoices(first: $first) { edges { node {
        number total { amount } amountDue { amount } daysOverdue
        customer { name } lines { description quantity amount { amount } } } } } }"""
    for size in (1, 3):
        response = await api.post(query, {"first": size}, token=org.token())
        edges = response.json()["data"]["invoices"]["edges"]
        assert len(edges) == size and all(e["node"]["lines"] for e in edges)
        assert {e["node"]["customer"]["name"] for e in edges} == {"Acme Ltd"}
        # auth + the page with its customers + lines with balances.
        assert int(response.headers["x-sql-statements"]) == 3
    customers_only = """query { invoices(first: 3) { nodes { number customer { name } } } }"""
    response = await api.post(customers_only, {}, token=org.token())
    nodes = response.json()["data"]["invoices"]["nodes"]
    assert [n["customer"]["name"] for n in nodes] == ["Acme Ltd"] * 3
    assert int(response.headers["x-sql-statements"]) == 2


async def test_documents_dated_on_or_before_the_lock_date_are_refused(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    open_invoice = await issued_invoice(api, org, acme, "40.00", issue_date="2026-04-02")
    locked = await api.data(
        'mutation { lockDateSet(lockDate: "2026-03-31") { lockDate userErrors { code } } }',
        token=org.token(),
    )
    assert locked["lockDateSet"]["lockDate"] == "2026-03-31"
    draft = (
        await create_invoice(api, org, acme, [sale(ids["4000"], "10.00")], issue_date="2026-03-15")
    )["invoice"]
    refused = await issue(api, org, draft["id"])
    assert [e["code"] for e in refused["userErrors"]] == ["PERIOD_LOCKED"]
    still = await api.data(INVOICE, {"id": draft["id"]}, token=org.token())
    assert still["invoice"]["status"] == "DRAFT" and still["invoice"]["number"] is None
    paid = await record_payment(api, org, acme, "40.00", date="2026-03-31")
    assert [e["code"] for e in paid["userErrors"]] == ["PERIOD_LOCKED"]
    assert paid["payment"] is None
    late = await record_payment(
        api,
        org,
        acme,
        "40.00",
        [{"invoiceId": open_invoice["id"], "amount": "40.00"}],
        date="2026-04-03",
    )
    assert late["userErrors"] == []
    assert await balance(api, org, "1100") == "0.00"
    assert await balance(api, org, "1010") == "40.00"


ALLOCATE = """mutation($input: PaymentAllocateInput!) { paymentAllocate(input: $input) {
  payment { id } userErrors { field code } } }"""
UNALLOCATE = """mutation($input: PaymentUnallocateInput!) { paymentUnallocate(input: $input) {
  payment { id } userErrors { field code } } }"""
PAYMENT_VOID = """mutation($input: PaymentVoidInput!) { paymentVoid(input: $input) {
  payment { status } userErrors { field code } } }"""


async def test_written_off_invoice_reopens_when_its_payment_is_taken_back(api: Api) -> None:
    for undo in ("unallocate", "void"):
        org = await api.new_org()
        acme = await customer(api, org)
        invoice = await issued_invoice(api, org, acme, "90.00")
        paid = await record_payment(
            api, org, acme, "30.00", [{"invoiceId": invoice["id"], "amount": "30.00"}]
        )
        written = await api.data(
            WRITE_OFF, {"input": {"id": invoice["id"], "date": "2026-06-30"}}, token=org.token()
        )
        assert written["invoiceWriteOff"]["invoice"]["status"] == "WRITTEN_OFF"
        if undo == "unallocate":
            (allocation,) = paid["payment"]["allocations"]
            taken = await api.data(
                UNALLOCATE,
                {"input": {"allocationId": allocation["id"], "date": "2026-07-01"}},
                token=org.token(),
            )
            assert taken["paymentUnallocate"]["userErrors"] == []
        else:
            bounced = await api.data(
                PAYMENT_VOID,
                {"input": {"id": paid["payment"]["id"], "date": "2026-07-01"}},
                token=org.token(),
            )
            assert bounced["paymentVoid"]["userErrors"] == []
        reopened = (await api.data(INVOICE, {"id": invoice["id"]}, token=org.token()))["invoice"]
        # The write-off of 60.00 stays; the 30.00 the payment had settled is owed again.
        assert (reopened["status"], reopened["amountDue"]) == (
            "PARTIALLY_PAID",
            {"amount": "30.00"},
        ), undo
        assert await balance(api, org, "6900") == "60.00", undo
        if undo == "unallocate":
            # The payment is the customer's credit again: the control account nets to zero,
            # and the credit can settle the invoice a second time.
            assert await balance(api, org, "1100") == "0.00"
            settled = await api.data(
                ALLOCATE,
                {
                    "input": {
                        "id": paid["payment"]["id"],
                        "allocations": [{"invoiceId": invoice["id"], "amount": "30.00"}],
                        "date": "2026-07-02",
                    }
                },
                token=org.token(),
            )
            assert settled["paymentAllocate"]["userErrors"] == []
        else:
            assert await balance(api, org, "1100") == "30.00"
            again = await record_payment(
                api,
                org,
                acme,
                "30.00",
                [{"invoiceId": invoice["id"], "amount": "30.00"}],
                date="2026-07-02",
            )
            assert again["userErrors"] == []
        final = (await api.data(INVOICE, {"id": invoice["id"]}, token=org.token()))["invoice"]
        assert (final["status"], final["amountDue"]) == ("PAID", {"amount": "0.00"}), undo
        assert await balance(api, org, "1100") == "0.00", undo


async def test_invoice_for_an_archived_customer_is_refused_as_record_archived(api: Api) -> None:
    org = await api.new_org()
    ids = await account_ids(api, org)
    acme = await customer(api, org)
    archived = await api.data(
        """mutation($id: ID!) { customerArchive(input: {id: $id}) { userErrors { code } } }""",
        {"id": acme},
        token=org.token(),
    )
    assert archived["customerArchive"]["userErrors"] == []
    payload = await create_invoice(api, org, acme, [sale(ids["4000"], "10.00")])
    assert payload["invoice"] is None
    assert [e["code"] for e in payload["userErrors"]] == ["RECORD_ARCHIVED"]
