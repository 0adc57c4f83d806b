"""arAging, customerStatement, arMetrics and customer figures through the GraphQL API."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from schema.ids import encode
from server import clock
from server.actor import Actor
from tests.ledger.helpers import account_ids
from tests.receivables import factory as f
from tests.receivables import helpers
from tests.support import Api, Org

AGING = """query($asOf: Date!, $basis: AgingBasis, $buckets: [Int!]) {
  arAging(asOf: $asOf, basis: $basis, buckets: $buckets) {
    userErrors { field message code }
    aging { asOf basis currency buckets { label minDays maxDays }
      rows { customer { name } buckets { amount currency } disputed { amount }
             unappliedCredits { amount } total { amount } }
      totals { buckets { amount } disputed { amount } unappliedCredits { amount }
               total { amount } } } } }"""

STATEMENT = """query($id: ID!, $from: Date!, $to: Date!) {
  customerStatement(customerId: $id, from: $from, to: $to) {
    customer { name } from to openingBalance { amount currency }
    lines { date kind documentId number dueDate amount { amount } balance { amount } }
    closingBalance { amount } } }"""

METRICS = """query($from: Date!, $to: Date!) { arMetrics(from: $from, to: $to) {
  from to days creditSales { amount currency } receivablesBegin { amount }
  receivablesEnd { amount } currentReceivablesEnd { amount } dso bestPossibleDso
  averageDaysDelinquent collectionEffectivenessIndex averageDaysToPay } }"""

FIGURES = """query($first: Int) { customers(first: $first) { nodes { name
  outstandingBalance { amount currency } overdueBalance { amount }
  unappliedCredits { amount } creditAvailable { amount } averageDaysToPay } } }"""


def books_of(org: Org) -> f.Books:
    return f.Books(Actor(kind="system", label="tests", organization_id=org.id))


async def test_ar_aging_reports_buckets_disputes_and_credits(api: Api) -> None:
    org = await api.new_org("viewer", "ap_clerk")
    books = books_of(org)
    acme, bolt = await f.customer(books, "Acme"), await f.customer(books, "Bolt")
    await f.invoice(books, acme, date(2026, 5, 1), date(2026, 5, 31), 12_345)
    held = await f.invoice(books, bolt, date(2026, 6, 1), date(2026, 7, 1), 5_000)
    await f.dispute(books, held, date(2026, 6, 2))
    await f.credit(books, bolt, date(2026, 6, 3), 1_000)

    data = await api.data(AGING, {"asOf": "2026-06-30"}, token=org.token("viewer"))
    result = data["arAging"]
    assert result["userErrors"] == []
    aging = result["aging"]
    assert aging["asOf"] == "2026-06-30" and aging["basis"] == "DUE_DATE"
    assert aging["currency"] == "USD"
    assert [b["label"] for b in aging["buckets"]] == [
        "Current",
        "1-30",
        "31-60",
        "61-90",
        "Over 90",
    ]
    assert aging["buckets"][0] == {"label": "Current", "minDays": None, "maxDays": 0}
    acme_row, bolt_row = aging["rows"]
    assert acme_row["customer"]["name"] == "Acme"
    assert [b["amount"] for b in acme_row["buckets"]] == ["0.00", "123.45", "0.00", "0.00", "0.00"]
    assert acme_row["buckets"][1]["currency"] == "USD"
    assert bolt_row["disputed"]["amount"] == "50.00"
    assert bolt_row["unappliedCredits"]["amount"] == "-10.00"
    assert bolt_row["total"]["amount"] == "40.00"
    totals = aging["totals"]
    assert totals["total"]["amount"] == "163.45" and totals["disputed"]["amount"] == "50.00"

    by_date = await api.data(
        AGING,
        {"asOf": "2026-06-30", "basis": "INVOICE_DATE", "buckets": [45]},
        token=org.token(),
    )
    assert [b["label"] for b in by_date["arAging"]["aging"]["buckets"]] == ["0-45", "Over 45"]
    assert [b["amount"] for b in by_date["arAging"]["aging"]["totals"]["buckets"]] == [
        "0.00",
        "123.45",
    ]
    denied = await api.gql(AGING, {"asOf": "2026-06-30"}, token=org.token("ap_clerk"))
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize("buckets", [[], [30, 30], [0], [90, 60]])
async def test_ar_aging_with_bad_buckets_is_a_user_error(api: Api, buckets: list[int]) -> None:
    org = await api.new_org()
    data = await api.data(AGING, {"asOf": "2026-06-30", "buckets": buckets}, token=org.token())
    assert data["arAging"]["aging"] is None
    (error,) = data["arAging"]["userErrors"]
    assert error["field"] == ["buckets"] and error["code"] == "INVALID"


async def test_customer_statement_and_other_organizations(api: Api) -> None:
    org, other = await api.new_org("sales"), await api.new_org()
    books = books_of(org)
    acme = await f.customer(books, "Acme")
    inv = await f.invoice(books, acme, date(2026, 6, 2), date(2026, 7, 2), 1_000, number="I-1")
    pay = await f.credit(books, acme, date(2026, 6, 9), 400)
    await f.allocate(books, inv, pay, 400, date(2026, 6, 9))
    variables = {"id": encode("Customer", acme.id), "from": "2026-06-01", "to": "2026-06-30"}
    st = (await api.data(STATEMENT, variables, token=org.token("sales")))["customerStatement"]
    assert st["customer"]["name"] == "Acme" and st["openingBalance"]["amount"] == "0.00"
    assert [
        (ln["kind"], ln["amount"]["amount"], ln["balance"]["amount"]) for ln in st["lines"]
    ] == [
        ("INVOICE", "10.00", "10.00"),
        ("PAYMENT", "-4.00", "6.00"),
    ]
    assert st["lines"][0]["documentId"] == encode("Invoice", inv.id)
    assert st["lines"][0]["dueDate"] == "2026-07-02" and st["lines"][0]["number"] == "I-1"
    assert st["closingBalance"]["amount"] == "6.00"
    # A later period opens with the balance carried forward; one without changes lists none.
    july = {**variables, "from": "2026-07-01", "to": "2026-07-31"}
    quiet = (await api.data(STATEMENT, july, token=org.token()))["customerStatement"]
    assert quiet["lines"] == []
    assert quiet["openingBalance"]["amount"] == quiet["closingBalance"]["amount"] == "6.00"
    mid = {**variables, "from": "2026-06-05", "to": "2026-06-30"}
    carried = (await api.data(STATEMENT, mid, token=org.token()))["customerStatement"]
    assert carried["openingBalance"]["amount"] == "10.00"
    assert [ln["balance"]["amount"] for ln in carried["lines"]] == ["6.00"]
    hidden = await api.data(STATEMENT, variables, token=other.token())
    assert hidden["customerStatement"] is None
    backwards = await api.gql(STATEMENT, {**variables, "to": "2026-05-01"}, token=org.token())
    assert backwards["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_ar_metrics_through_the_api(api: Api) -> None:
    org = await api.new_org()
    books = books_of(org)
    acme = await f.customer(books, "Acme")
    inv = await f.invoice(books, acme, date(2026, 6, 1), date(2026, 6, 11), 3_000)
    pay = await f.credit(books, acme, date(2026, 6, 16), 1_500)
    await f.allocate(books, inv, pay, 1_500, date(2026, 6, 16))
    m = (await api.data(METRICS, {"from": "2026-06-01", "to": "2026-06-30"}, token=org.token()))[
        "arMetrics"
    ]
    assert m["days"] == 30 and m["creditSales"] == {"amount": "30.00", "currency": "USD"}
    assert m["receivablesEnd"]["amount"] == "15.00"
    assert m["currentReceivablesEnd"]["amount"] == "0.00"
    assert (m["dso"], m["bestPossibleDso"], m["averageDaysDelinquent"]) == ("15.0", "0.0", "15.0")
    assert m["collectionEffectivenessIndex"] == "50.0" and m["averageDaysToPay"] == "15.0"


@pytest.mark.parametrize("size", [1, 8])
async def test_customer_figures_cost_one_statement_per_page(
    api: Api, size: int, held_clock: clock.HeldClock
) -> None:
    org = await api.new_org()
    books = books_of(org)
    today = clock.today()
    for i in range(8):
        c = await f.customer(books, f"C{i}", credit_limit=100_000 if i % 2 else None)
        inv = await f.invoice(
            books, c, today - timedelta(days=40), today - timedelta(days=10), 5_000
        )
        await f.invoice(books, c, today, today + timedelta(days=30), 2_000)
        pay = await f.credit(books, c, today - timedelta(days=20), 3_000)
        await f.allocate(books, inv, pay, 1_000, today - timedelta(days=20))
    await api.data("{ viewer { user { email } } }", token=org.token())  # the first use of a token
    response = await api.post(FIGURES, {"first": size}, token=org.token())
    nodes = response.json()["data"]["customers"]["nodes"]
    assert len(nodes) == size
    first = nodes[0]
    assert first["name"] == "C0" and first["outstandingBalance"]["amount"] == "60.00"
    assert first["overdueBalance"]["amount"] == "40.00"
    assert first["unappliedCredits"]["amount"] == "20.00"
    assert first["creditAvailable"] is None and first["averageDaysToPay"] == "20.0"
    if size > 1:
        assert nodes[1]["creditAvailable"]["amount"] == str(1_000 - 60 + 20) + ".00"
    # auth + page + one batch of figures, whatever the page size.
    assert int(response.headers["x-sql-statements"]) <= 3


async def test_ar_aging_of_issued_invoices_and_payments_ties_to_the_ledger(api: Api) -> None:
    org = await api.new_org("ar_clerk")
    acme = await helpers.customer(api, org, "Acme")
    first = await helpers.issued_invoice(api, org, acme, "100.00", "2026-03-01")  # due 03-31
    await helpers.issued_invoice(api, org, acme, "40.00", "2026-04-20")  # due 05-20
    paid = await helpers.record_payment(
        api, org, acme, "75.00", [{"invoiceId": first["id"], "amount": "60.00"}], "2026-03-10"
    )
    assert paid["userErrors"] == []
    for as_of, expected in [
        ("2026-03-05", (["100.00", "0.00", "0.00", "0.00", "0.00"], "0.00", "100.00")),
        ("2026-03-10", (["40.00", "0.00", "0.00", "0.00", "0.00"], "-15.00", "25.00")),
        ("2026-05-15", (["40.00", "0.00", "40.00", "0.00", "0.00"], "-15.00", "65.00")),
        ("2026-07-01", (["0.00", "0.00", "40.00", "0.00", "40.00"], "-15.00", "65.00")),
    ]:
        data = await api.data(AGING, {"asOf": as_of}, token=org.token("ar_clerk"))
        totals = data["arAging"]["aging"]["totals"]
        got = (
            [b["amount"] for b in totals["buckets"]],
            totals["unappliedCredits"]["amount"],
            totals["total"]["amount"],
        )
        assert got == expected, as_of
        assert totals["total"]["amount"] == await helpers.balance(api, org, "1100", as_of)


CREDIT_NOTE_CREATE = """mutation($input: CreditNoteCreateInput!) { creditNoteCreate(input: $input) {
  creditNote { id } userErrors { field code } } }"""
CREDIT_NOTE_ISSUE = """mutation($input: CreditNoteIssueInput!) { creditNoteIssue(input: $input) {
  creditNote { number } userErrors { field code } } }"""


async def _statement_of_every_kind(api: Api, org: Org) -> dict[str, object]:
    """A customer with an invoice, a payment (reference WIRE-REF-42) and a credit note."""
    acme = await helpers.customer(api, org, "Statement Ltd")
    invoice = await helpers.issued_invoice(api, org, acme, "120.00")
    await helpers.record_payment(
        api,
        org,
        acme,
        "50.00",
        [{"invoiceId": invoice["id"], "amount": "50.00"}],
        reference="WIRE-REF-42",
    )
    revenue = (await account_ids(api, org))["4000"]
    created = await api.data(
        CREDIT_NOTE_CREATE,
        {
            "input": {
                "customerId": acme,
                "issueDate": "2026-03-05",
                "reason": "Damaged",
                "lines": [helpers.sale(revenue, "20.00")],
            }
        },
        token=org.token(),
    )
    note_id = created["creditNoteCreate"]["creditNote"]["id"]
    issued = await api.data(CREDIT_NOTE_ISSUE, {"input": {"id": note_id}}, token=org.token())
    assert issued["creditNoteIssue"]["userErrors"] == []
    return {"id": acme, "from": "2026-01-01", "to": "2026-12-31"}


async def test_statement_lines_hide_documents_the_role_may_not_read(api: Api) -> None:
    # The viewer reads invoices but neither payments nor credit notes; sales reads payments.
    org = await api.new_org("viewer", "sales", separate_duties=False)
    variables = await _statement_of_every_kind(api, org)
    full = (await api.data(STATEMENT, variables, token=org.token()))["customerStatement"]
    assert {ln["kind"] for ln in full["lines"]} == {"INVOICE", "PAYMENT", "CREDIT_NOTE"}
    assert all(ln["documentId"] and ln["number"] for ln in full["lines"]), full
    readable = {"viewer": {"INVOICE"}, "sales": {"INVOICE", "PAYMENT"}}
    for role, kinds in readable.items():
        result = await api.gql(STATEMENT, variables, token=org.token(role))
        st = result["data"]["customerStatement"]
        # The balance is the invoices' data: every amount and balance stays.
        assert [(ln["kind"], ln["amount"], ln["balance"]) for ln in st["lines"]] == [
            (ln["kind"], ln["amount"], ln["balance"]) for ln in full["lines"]
        ]
        assert st["closingBalance"] == full["closingBalance"]
        denied = set()
        for i, (ln, shown) in enumerate(zip(st["lines"], full["lines"], strict=True)):
            if ln["kind"] in kinds:
                assert (ln["documentId"], ln["number"]) == (shown["documentId"], shown["number"])
            else:
                assert ln["documentId"] is None and ln["number"] is None, (role, ln)
                denied |= {(i, "documentId"), (i, "number")}
        forbidden = {
            (e["path"][2], e["path"][3])
            for e in result["errors"]
            if e["extensions"]["code"] == "FORBIDDEN"
        }
        assert forbidden == denied, (role, result["errors"])
        if "PAYMENT" not in kinds:
            assert "WIRE-REF-42" not in str(result)
