"""Nested fields that lead into another permission object, through the public API.

A role denied the object behind a nested field gets null there with FORBIDDEN at that path,
the rest of the answer intact; a role allowed gets the data. The class test asks every
built-in role for every declared nested field it can reach over one set of books and checks
each answer against the golden authorization matrix (authorization_matrix.txt).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from schema.ids import encode
from server.access.catalogue import BUILTIN_ROLES
from tests.crm.queries import CUSTOMER_NOTE_ADD
from tests.documents.helpers import new_tax_rate
from tests.ledger.helpers import account_ids
from tests.payables.helpers import Books
from tests.receivables.helpers import customer, issued_invoice, record_payment
from tests.support import Api, Org

MATRIX = Path(__file__).with_name("authorization_matrix.txt")


def _matrix() -> dict[str, dict[str, str]]:
    """Type.field or Root.field -> role -> allow/deny, from the golden table."""
    rows = [line.split(" | ") for line in MATRIX.read_text().splitlines()[1:]]
    return {
        name: dict(zip(BUILTIN_ROLES, decisions.split(), strict=True))
        for name, _, decisions in rows
    }


class Books2:
    """One organization with one of each document a nested field leads from or to."""

    def __init__(self, api: Api, books: Books, customer_id: str, invoice: dict[str, Any]) -> None:
        self.api = api
        self.books = books
        self.org: Org = books.org
        self.customer_id = customer_id
        self.invoice = invoice


async def _books(api: Api) -> Books2:
    books = await Books.open(api, *(r for r in BUILTIN_ROLES if r not in ("ap_clerk", "approver")))
    org = books.org
    customer_id = await customer(api, org, "Nested Ltd")
    invoice = await issued_invoice(api, org, customer_id, "120.00")
    paid = await record_payment(
        api, org, customer_id, "50.00", [{"invoiceId": invoice["id"], "amount": "50.00"}]
    )
    assert paid["userErrors"] == [], paid
    note = await api.data(
        CUSTOMER_NOTE_ADD,
        {"input": {"customerId": customer_id, "body": "Called"}},
        token=org.token(),
    )
    assert note["customerNoteAdd"]["userErrors"] == []
    await new_tax_rate(api, org)
    bill = await books.approved("N-1", "80.00")
    payment = await books.pay("30.00", [(bill["id"], "30.00")])
    assert payment["userErrors"] == [], payment
    return Books2(api, books, customer_id, invoice)


# Each declared nested field is asked under the alias Type_field, so that the check below
# knows which field an answer (or an error path) belongs to.
CUSTOMER = """
  Customer_outstandingBalance: outstandingBalance { amount }
  Customer_overdueBalance: overdueBalance { amount }
  Customer_unappliedCredits: unappliedCredits { amount }
  Customer_creditAvailable: creditAvailable { amount }
  Customer_averageDaysToPay: averageDaysToPay
  Customer_paymentTerms: paymentTerms { id }
  notes { CustomerNote_author: author { email } }
"""
JOURNAL_LINES = """lines {
  JournalLine_account: account { id } JournalLine_customer: customer { id }
  JournalLine_vendor: vendor { id } JournalLine_dimensions: dimensions { id } }"""
QUERIES = {
    "invoices": f"""{{ invoices(first: 50) {{ nodes {{ id
        Invoice_pdfUrl: pdfUrl
        Invoice_customer: customer {{ id {CUSTOMER} }}
        Invoice_paymentTerms: paymentTerms {{ id }}
        Invoice_journalEntry: journalEntry {{ id {JOURNAL_LINES} }}
        lines {{ InvoiceLine_account: account {{ id }} }}
        allocations {{ Allocation_invoice: invoice {{ id }} Allocation_payment: payment {{ id }} }}
    }} }} }}""",
    "payments": """{ payments(first: 50) { nodes { id
        Payment_customer: customer { id }
        Payment_depositAccount: depositAccount { id }
        Payment_journalEntry: journalEntry { id }
        allocations { Allocation_invoice: invoice { id } Allocation_payment: payment { id } }
    } } }""",
    "customers": f"{{ customers(first: 50) {{ nodes {{ id {CUSTOMER} }} }} }}",
    "vendors": "{ vendors(first: 50) { nodes { id Vendor_paymentTerms: paymentTerms { id } } } }",
    "bills": """{ bills(first: 50) { nodes { id
        Bill_vendor: vendor { id } Bill_purchaseOrder: purchaseOrder { id }
        Bill_paymentTerms: paymentTerms { id }
        Bill_createdBy: createdBy { email } Bill_approvedBy: approvedBy { email }
        lines { BillLine_account: account { id } BillLine_dimensions: dimensions { id } }
        payments { BillAllocation_bill: bill { id } BillAllocation_payment: payment { id } }
    } } }""",
    "billPayments": """{ billPayments(first: 50) { nodes { id
        BillPayment_vendor: vendor { id } BillPayment_bankAccount: bankAccount { id }
        BillPayment_createdBy: createdBy { email }
        allocations { BillAllocation_bill: bill { id } BillAllocation_payment: payment { id } }
    } } }""",
    "journalEntries": f"{{ journalEntries(first: 50) {{ nodes {{ id {JOURNAL_LINES} }} }} }}",
    "accounts": """{ accounts(first: 100) { nodes { id
        Account_balance: balance(asOf: "2026-12-31") { amount } } } }""",
    "arAging": """{ arAging(asOf: "2026-12-31") { aging { rows {
        ArAgingRow_customer: customer { id } } } } }""",
    "apAging": """{ apAging(asOf: "2026-12-31") { aging { rows {
        ApAgingRow_vendor: vendor { id } } } } }""",
    "trialBalance": """{ trialBalance(asOf: "2026-12-31") { rows {
        TrialBalanceRow_account: account { id } } } }""",
    "balanceSheet": """{ balanceSheet(asOf: "2026-12-31") { assets { rows {
        StatementRow_account: account { id } } } } }""",
    "taxRates": "{ taxRates { nodes { id TaxRate_account: account { id } } } }",
    "auditEvents": """{ auditEvents(first: 20) { nodes { sequence
        AuditEvent_actor: actor { email } } } }""",
    "customerStatement": """query($c: ID!) {
        customerStatement(customerId: $c, from: "2026-01-01", to: "2026-12-31") {
        CustomerStatement_customer: customer { id }
        CustomerStatement_pdfUrl: pdfUrl } }""",
}
# Reached only through mutation payloads or documents these books do not hold: the golden
# matrix holds their decisions, and the walk in test_gate.py their declarations.
NOT_ASKED = {
    "BillPayload.bill",
    "EmailDeliveryPayload.delivery",
    "BillWarning.bill",
    "PreviewLine.account",
    "InvoiceReminder.sentBy",
    "CreditNote.customer",
    "CreditNote.invoice",
    "CreditNote.pdfUrl",
    "GeneralLedger.account",
    "GeneralLedgerLine.entry",
    "GeneralLedgerLine.entryNumber",
    "GeneralLedgerLine.memo",
    "GeneralLedgerLine.description",
    "PeriodColumn.label",
    "Item.incomeAccount",
    "Item.expenseAccount",
    "PurchaseOrder.vendor",
    "PurchaseOrder.createdBy",
    "PurchaseOrder.approvedBy",
    "PurchaseOrderLine.account",
    "PurchaseOrderLine.dimensions",
}


def _aliased(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[str, tuple[Any, ...], Any]]:
    """(Type.field, response path, value) of every aliased declared field in an answer."""
    if isinstance(value, dict):
        for key, item in value.items():
            here = (*path, key)
            if "_" in key and key[0].isupper():
                yield key.replace("_", ".", 1), here, item
            yield from _aliased(item, here)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _aliased(item, (*path, index))


async def _denials(api: Api, org: Org, permission_object: str | None = None) -> int:
    """Denials audited, of one permission object if given (it is in the event's `after`)."""
    data = await api.data(
        """{ auditEvents(first: 100, filter: {action: [ACCESS_DENIED]}) {
            totalCount nodes { after } } }""",
        token=org.token(),
    )
    if permission_object is None:
        return int(data["auditEvents"]["totalCount"])
    nodes = data["auditEvents"]["nodes"]
    return sum(1 for n in nodes if (n["after"] or {}).get("object") == permission_object)


async def test_every_declared_nested_field_answers_every_role_as_the_matrix_says(
    api: Api,
) -> None:
    books = await _books(api)
    org = books.org
    matrix = _matrix()
    seen: dict[str, set[str]] = {}
    for role in BUILTIN_ROLES:
        for root, query in QUERIES.items():
            if matrix[f"Query.{root}"][role] == "deny":
                continue
            before = await _denials(api, org)
            variables = {"c": books.customer_id} if "$c" in query else None
            result = await api.gql(query, variables, token=org.token(role))
            errors = result.get("errors", [])
            forbidden = {tuple(e["path"]) for e in errors if e["extensions"]["code"] == "FORBIDDEN"}
            assert {tuple(e["path"]) for e in errors} == forbidden, errors
            answered_paths = set()
            for field, path, value in _aliased(result["data"]):
                decision = matrix[field][role]
                seen.setdefault(field, set()).add(decision)
                answered_paths.add(path)
                if decision == "deny":
                    assert value is None, (role, field, path)
                    assert path in forbidden, (role, field, path, errors)
                else:
                    assert path not in forbidden, (role, field, path, errors)
            # Every error belongs to a declared field; none is left over from elsewhere.
            assert forbidden <= answered_paths, (role, root, forbidden - answered_paths)
            audited = await _denials(api, org) - before
            # One audit event per denied (object, action) in the request, whatever the rows.
            needs = {
                tuple(_requirement(field).split(":"))
                for field, _p, _v in _aliased(result["data"])
                if matrix[field][role] == "deny"
            }
            assert audited == len(needs), (role, root, needs, audited)
    declared = {
        name for name in matrix if not name.startswith(("Query.", "Mutation.", "Subscription."))
    }
    assert declared - NOT_ASKED - set(seen) == set(), "declared fields never asked"
    denied = {field for field, decisions in seen.items() if "deny" in decisions}
    assert {
        "Invoice.journalEntry",
        "Payment.journalEntry",
        "Allocation.payment",
        "BillAllocation.payment",
        "Bill.createdBy",
        "Customer.outstandingBalance",
        "Customer.overdueBalance",
        "Account.balance",
    } <= denied


def _requirement(field: str) -> str:
    for line in MATRIX.read_text().splitlines()[1:]:
        name, need, _ = line.split(" | ")
        if name == field:
            return need
    raise KeyError(field)


# --- the cases named when the hole was found ---------------------------------------------------

NAMED = [
    # (denied role, allowed role, query on the books, path of the denied field)
    (
        "sales",
        "accountant",
        "query($id: ID!) { invoice(id: $id) { number journalEntry { id } } }",
        ("invoice", "journalEntry"),
    ),
    (
        "ar_clerk",
        "auditor",
        "query($id: ID!) { invoice(id: $id) { number journalEntry { id } } }",
        ("invoice", "journalEntry"),
    ),
    (
        "ar_clerk",
        "accountant",
        "{ payments(first: 5) { nodes { id journalEntry { id } } } }",
        ("payments", "nodes", 0, "journalEntry"),
    ),
    (
        "sales",
        "owner",
        "{ payments(first: 5) { nodes { id journalEntry { id } } } }",
        ("payments", "nodes", 0, "journalEntry"),
    ),
    (
        "viewer",
        "ar_clerk",
        "query($id: ID!) { invoice(id: $id) { allocations { payment { id } } } }",
        ("invoice", "allocations", 0, "payment"),
    ),
    (
        "viewer",
        "ap_clerk",
        "{ bills(first: 5) { nodes { payments { payment { id } } } } }",
        ("bills", "nodes", 0, "payments", 0, "payment"),
    ),
    (
        "ap_clerk",
        "owner",
        "{ bills(first: 5) { nodes { createdBy { email } } } }",
        ("bills", "nodes", 0, "createdBy"),
    ),
    (
        "admin",
        "sales",
        "query($c: ID!) { customer(id: $c) { name outstandingBalance { amount } } }",
        ("customer", "outstandingBalance"),
    ),
    (
        "admin",
        "viewer",
        "query($c: ID!) { customer(id: $c) { name overdueBalance { amount } } }",
        ("customer", "overdueBalance"),
    ),
    (
        "viewer",
        "accountant",
        'query($c: ID!) { generalLedger(accountId: $c, from: "2026-01-01", to: "2026-12-31") '
        "{ lines { nodes { entry { id } } } } }",
        ("generalLedger", "lines", "nodes", 0, "entry"),
    ),
]


@pytest.mark.parametrize(("denied", "allowed", "query", "path"), NAMED)
async def test_nested_field_denied_is_null_with_forbidden_at_its_path(
    api: Api, denied: str, allowed: str, query: str, path: tuple[Any, ...]
) -> None:
    books = await _books(api)
    org = books.org
    variables: dict[str, Any] = {}
    if "$id" in query:
        variables["id"] = books.invoice["id"]
    if "$c" in query:
        variables["c"] = (
            (await account_ids(api, org))["1100"] if "generalLedger" in query else books.customer_id
        )
    refused = await api.gql(query, variables, token=org.token(denied))
    errors = [(e["extensions"]["code"], tuple(e["path"])) for e in refused["errors"]]
    assert ("FORBIDDEN", path) in errors
    # One error per row of a list, each at its own row's field.
    assert all(code == "FORBIDDEN" and len(p) == len(path) for code, p in errors), errors
    assert all(p[-1] == path[-1] for _code, p in errors), errors
    assert _at(refused["data"], path) is None
    assert _at(refused["data"], path[:-1]) is not None  # the rest of the answer stands
    granted = await api.data(query, variables, token=org.token(allowed))
    assert _at(granted, path) is not None


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


async def test_page_of_many_rows_denied_a_field_is_audited_once(api: Api) -> None:
    books = await _books(api)
    org = books.org
    for n in range(11):
        await issued_invoice(books.api, org, books.customer_id, f"{n + 1}.00")
    before = await _denials(api, org)
    result = await api.gql(
        "{ invoices(first: 50) { nodes { number journalEntry { id } } } }", token=org.token("sales")
    )
    nodes = result["data"]["invoices"]["nodes"]
    assert len(nodes) == 12 and all(n["journalEntry"] is None and n["number"] for n in nodes)
    assert sorted(e["path"][2] for e in result["errors"]) == list(range(12))
    assert {e["extensions"]["code"] for e in result["errors"]} == {"FORBIDDEN"}
    assert await _denials(api, org) - before == 1
    events = await api.data(
        """{ auditEvents(first: 1, filter: {action: [ACCESS_DENIED]}) {
             nodes { objectType after actorRoles } } }""",
        token=org.token(),
    )
    (event,) = events["auditEvents"]["nodes"]
    assert event["objectType"] is None and event["actorRoles"] == ["sales"]
    assert event["after"] == {"object": "journal", "action": "read"}


async def test_every_declared_nested_field_is_refused_to_a_role_holding_only_its_root(
    api: Api,
) -> None:
    """For each root field above, a custom role holding only that root's permission: every
    declared nested field needing anything else is null with FORBIDDEN, whatever path
    (the database's pages, the direct completion, graphql-core's) completes it."""
    books = await _books(api)
    org = books.org
    matrix_needs = {
        line.split(" | ")[0]: line.split(" | ")[1] for line in MATRIX.read_text().splitlines()[1:]
    }
    member = encode("User", org.users["viewer"].id)
    asked: set[str] = set()
    roles: set[str] = set()
    for root, query in QUERIES.items():
        obj, action = matrix_needs[f"Query.{root}"].split(":")
        name = f"only_{obj}_{action}"
        if name not in roles:
            made = await api.data(
                """mutation($i: RoleCreateInput!) { roleCreate(input: $i) {
                     userErrors { code } } }""",
                {"i": {"name": name, "permissions": [{"object": obj, "action": action}]}},
                token=org.token(),
            )
            assert made["roleCreate"]["userErrors"] == [], made
            roles.add(name)
        given = await api.data(
            """mutation($id: ID!, $r: [String!]!) { memberRolesSet(input: {userId: $id, roles: $r})
                 { userErrors { code } } }""",
            {"id": member, "r": [name]},
            token=org.token(),
        )
        assert given["memberRolesSet"]["userErrors"] == [], given
        variables = {"c": books.customer_id} if "$c" in query else None
        result = await api.gql(query, variables, token=org.token("viewer"))
        forbidden = {
            tuple(e["path"])
            for e in result.get("errors", [])
            if e["extensions"]["code"] == "FORBIDDEN"
        }
        assert len(forbidden) == len(result.get("errors", [])), result["errors"]
        for field, path, value in _aliased(result["data"]):
            asked.add(field)
            if matrix_needs[field] == f"{obj}:{action}":
                assert path not in forbidden, (root, field, path)
            else:
                assert value is None and path in forbidden, (root, field, path, value)
    assert asked, "no declared field answered"


async def test_denied_root_beside_denied_nested_field_audits_both_and_frees_the_database(
    api: Api,
) -> None:
    """A denied root field nulls `data` and cancels its siblings, among them a nested
    field's denial being written; that write still finishes and later requests still run."""
    org = await api.new_org("sales", "viewer")
    acme = await customer(api, org, "N Ltd")
    await issued_invoice(api, org, acme, "120.00")
    queries = [
        (
            "sales",
            "{ invoices(first: 5) { nodes { journalEntry { id } } } bills { nodes { id } } }",
        ),
        ("viewer", "{ invoices { nodes { journalEntry { id } } } payments { nodes { id } } }"),
    ]
    nested_decided = 0
    for role, query in queries:
        for _ in range(3):
            answer = await api.gql(query, token=org.token(role))
            assert answer["data"] is None
            assert {e["extensions"]["code"] for e in answer["errors"]} == {"FORBIDDEN"}, answer
            paths = [e.get("path") or [] for e in answer["errors"]]
            nested_decided += any("journalEntry" in path for path in paths)
    after = await asyncio.wait_for(api.data("{ organization { name } }", token=org.token()), 10)
    assert after["organization"]["name"]
    # Every request audits its root's denial. The nested field's gate runs only if the
    # invoices page was read before the root's denial cancelled it, which depends on
    # timing; every nested denial it decided is audited, even when the request was
    # cancelled while the write was under way.
    assert await _denials(api, org, "bill") == 3
    assert await _denials(api, org, "payment") == 3
    journal = await _denials(api, org, "journal")
    assert nested_decided <= journal <= 6
