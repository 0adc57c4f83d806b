"""The read-path benchmark's requests (bench.reads), for Ledgerline and for PostGraphile.

Each workload is one GraphQL request as a screen asks for it, and the nearest request in
PostGraphile v4's generated schema over the same tables: the same rows in the same order
(the organization as a condition, the server's default order spelled out), the same
nested records, the money as the stored minor units. What PostGraphile cannot answer
without functions of our own (amountDue, unallocated: nothing relates a document to its
open item) is left out of its request and said in `unlike`.

`check` and `check_postgraphile` look at an answer once, before any load: the number of
items, the nested records every item must have, the id a lookup asked for. A selection
the server no longer supports shows up there as a problem of that workload, not as a
failed run.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from bench.run import CUSTOMER_FIELDS

PAGE_SIZE = 50

_LINES = "lines { lineNo description quantity unitPrice { amount } amount { amount } }"
INVOICE_FIELDS = f"""
  id number status issueDate dueDate total {{ amount currency }} amountDue {{ amount currency }}
  customer {{ id name email }} {_LINES}
"""
BILL_FIELDS = f"""
  id vendorReference status billDate dueDate total {{ amount currency }}
  amountDue {{ amount currency }} vendor {{ id name email }} {_LINES}
"""
PAYMENT_FIELDS = """
  id date amount { amount currency } method reference status createdAt
  unallocated { amount currency } customer { id name email } depositAccount { id code name }
"""
CREDIT_NOTE_FIELDS = f"""
  id number status issueDate reason total {{ amount currency }}
  unallocated {{ amount currency }} customer {{ id name email }} {_LINES}
"""
JOURNAL_ENTRY_FIELDS = """
  id number status date memo createdAt postedAt
  lines { lineNo side amount { amount currency } description account { id code name } }
"""
AUDIT_EVENT_FIELDS = """
  sequence occurredAt actorType actorId actorLabel actorRoles action objectType objectId
  outcome before after requestId prevHash hash
"""

_PG_LINES = """(orderBy: [LINE_NO_ASC]) {
    nodes { lineNo description quantity unitPriceMinor amountMinor } }"""
_PG_CUSTOMER = "customerByCustomerId { nodeId id name email }"
PG_CUSTOMER_FIELDS = """
  nodeId id name email phone taxId currency paymentTermsDays status tagsText createdAt
  updatedAt creditLimitMinor billingAddress
"""
PG_INVOICE_FIELDS = f"""
  nodeId id number status issueDate dueDate totalMinor currency {_PG_CUSTOMER}
  invoiceLinesByInvoiceId{_PG_LINES}
"""
PG_BILL_FIELDS = f"""
  nodeId id vendorReference status billDate dueDate totalMinor currency
  vendorByVendorId {{ nodeId id name email }} billLinesByBillId{_PG_LINES}
"""
PG_PAYMENT_FIELDS = f"""
  nodeId id date amountMinor currency method reference status createdAt {_PG_CUSTOMER}
  accountByDepositAccountId {{ nodeId id code name }}
"""
PG_CREDIT_NOTE_FIELDS = f"""
  nodeId id number status issueDate reason totalMinor currency {_PG_CUSTOMER}
  creditNoteLinesByCreditNoteId{_PG_LINES}
"""
PG_JOURNAL_ENTRY_FIELDS = """
  nodeId id number status date memo createdAt postedAt
  journalLinesByEntryId(orderBy: [LINE_NO_ASC]) {
    nodes { lineNo debitMinor creditMinor currency description
            accountByAccountId { nodeId id code name } } }
"""
PG_AUDIT_EVENT_FIELDS = """
  nodeId sequence occurredAt actorType actorId actorLabel actorRoles action objectType
  objectId outcome before after requestId prevHash hash
"""


@dataclass(frozen=True)
class ReadWorkload:
    name: str
    kind: str  # "page", "lookup" or "fixed"
    query: str  # Ledgerline's request
    root: str  # its root field
    nested: tuple[str, ...]  # fields every item must have (not null, not empty)
    postgraphile: str  # PostGraphile's request
    pg_root: str
    pg_nested: tuple[str, ...]
    unlike: str = ""  # what PostGraphile's request leaves out
    key: str = "id"  # the field that identifies an item
    lookup_of: str = ""  # a lookup's page, whose item it asks for


def _page(name: str, root: str, fields: str) -> str:
    return f"""query {name}($first: Int) {{
  {root}(first: $first) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {fields} }} }}
}}"""


def _pg_page(root: str, order: str, condition: str, fields: str) -> str:
    kind = "String" if condition == "chainKey" else "UUID"
    return f"""query Page($first: Int, $scope: {kind}!) {{
  {root}(first: $first, orderBy: [{order}], condition: {{ {condition}: $scope }}) {{
    pageInfo {{ hasNextPage endCursor }} nodes {{ {fields} }} }}
}}"""


_NO_OPEN_ITEM = "amountDue (no relation from a document to its open item)"
PAGES = (
    ReadWorkload(
        "customers(first: 50)",
        "page",
        _page("Customers", "customers", CUSTOMER_FIELDS),
        "customers",
        (),
        _pg_page("allCustomers", "NAME_ASC, ID_ASC", "organizationId", PG_CUSTOMER_FIELDS),
        "allCustomers",
        (),
        "tags split and money formatted (raw columns instead)",
    ),
    ReadWorkload(
        "invoices(first: 50)",
        "page",
        _page("Invoices", "invoices", INVOICE_FIELDS),
        "invoices",
        ("customer", "lines", "amountDue"),
        _pg_page("allInvoices", "ISSUE_DATE_DESC, ID_DESC", "organizationId", PG_INVOICE_FIELDS),
        "allInvoices",
        ("customerByCustomerId", "invoiceLinesByInvoiceId"),
        _NO_OPEN_ITEM,
    ),
    ReadWorkload(
        "bills(first: 50)",
        "page",
        _page("Bills", "bills", BILL_FIELDS),
        "bills",
        ("vendor", "lines", "amountDue"),
        _pg_page("allBills", "BILL_DATE_DESC, ID_DESC", "organizationId", PG_BILL_FIELDS),
        "allBills",
        ("vendorByVendorId", "billLinesByBillId"),
        _NO_OPEN_ITEM,
    ),
    ReadWorkload(
        "payments(first: 50)",
        "page",
        _page("Payments", "payments", PAYMENT_FIELDS),
        "payments",
        ("customer", "depositAccount", "unallocated"),
        _pg_page("allPayments", "DATE_DESC, ID_DESC", "organizationId", PG_PAYMENT_FIELDS),
        "allPayments",
        ("customerByCustomerId", "accountByDepositAccountId"),
        "unallocated (no relation from a payment to its open item)",
    ),
    ReadWorkload(
        "creditNotes(first: 50)",
        "page",
        _page("CreditNotes", "creditNotes", CREDIT_NOTE_FIELDS),
        "creditNotes",
        ("customer", "lines", "unallocated"),
        _pg_page(
            "allCreditNotes", "ISSUE_DATE_DESC, ID_DESC", "organizationId", PG_CREDIT_NOTE_FIELDS
        ),
        "allCreditNotes",
        ("customerByCustomerId", "creditNoteLinesByCreditNoteId"),
        "unallocated (no relation from a credit note to its open item)",
    ),
    ReadWorkload(
        "journalEntries(first: 50)",
        "page",
        _page("JournalEntries", "journalEntries", JOURNAL_ENTRY_FIELDS),
        "journalEntries",
        ("lines",),
        _pg_page(
            "allJournalEntries", "DATE_DESC, ID_DESC", "organizationId", PG_JOURNAL_ENTRY_FIELDS
        ),
        "allJournalEntries",
        ("journalLinesByEntryId",),
        "side and amount (debit and credit columns instead)",
    ),
    ReadWorkload(
        "auditEvents(first: 50)",
        "page",
        _page("AuditEvents", "auditEvents", AUDIT_EVENT_FIELDS),
        "auditEvents",
        (),
        _pg_page("allAuditEvents", "SEQUENCE_DESC", "chainKey", PG_AUDIT_EVENT_FIELDS),
        "allAuditEvents",
        (),
        "the audit event each read of the log appends",
        key="sequence",
    ),
)


def _lookup(
    name: str, root: str, fields: str, pg_root: str, pg_fields: str, page: str
) -> ReadWorkload:
    return ReadWorkload(
        f"{root}(id)",
        "lookup",
        f"query {name}($id: ID!) {{ {root}(id: $id) {{ {fields} }} }}",
        root,
        (),
        f"query {name}($id: UUID!) {{ {pg_root}(id: $id) {{ {pg_fields} }} }}",
        pg_root,
        (),
        "" if root == "customer" else _NO_OPEN_ITEM,
        lookup_of=page,
    )


LOOKUPS = (
    _lookup(
        "Customer", "customer", CUSTOMER_FIELDS, "customerById", PG_CUSTOMER_FIELDS, "customers"
    ),
    _lookup("Invoice", "invoice", INVOICE_FIELDS, "invoiceById", PG_INVOICE_FIELDS, "invoices"),
    _lookup("Bill", "bill", BILL_FIELDS, "billById", PG_BILL_FIELDS, "bills"),
    ReadWorkload(
        "node(id) (an invoice)",
        "lookup",
        f"query Node($id: ID!) {{ node(id: $id) {{ id ... on Invoice {{ {INVOICE_FIELDS} }} }} }}",
        "node",
        (),
        f"query Node($id: ID!) {{ node(nodeId: $id) {{ nodeId ... on Invoice {{ "
        f"{PG_INVOICE_FIELDS} }} }} }}",
        "node",
        (),
        _NO_OPEN_ITEM,
        lookup_of="invoices",
    ),
)

TYPENAME = ReadWorkload(
    "{ __typename } signed in",
    "fixed",
    "{ __typename }",
    "__typename",
    (),
    "{ __typename }",
    "__typename",
    (),
    "authentication (PostGraphile runs without it)",
)


# ---------------------------------------------------------------- answers


def uuid_of(global_id: str) -> str:
    """The database id inside a Ledgerline global id (base64 of "Type:uuid")."""
    try:
        return base64.b64decode(global_id).decode().split(":", 1)[1]
    except (binascii.Error, UnicodeDecodeError, IndexError) as exc:
        raise ValueError(f"not a global id: {global_id!r}") from exc


def _missing(item: dict[str, Any], fields: tuple[str, ...]) -> list[str]:
    def empty(value: Any) -> bool:
        if isinstance(value, dict) and set(value) == {"nodes"}:
            value = value["nodes"]
        return value is None or value == [] or value == {}

    return [name for name in fields if empty(item.get(name))]


def _items(
    answer: dict[str, Any], workload: ReadWorkload, root: str, nested: tuple[str, ...]
) -> tuple[list[dict[str, Any]], list[str]]:
    """The answer's items and what is wrong with them."""
    if answer.get("errors"):
        return [], [f"errors: {str(answer['errors'])[:300]}"]
    value = (answer.get("data") or {}).get(root)
    if workload.kind == "fixed":
        return [], [] if value == "Query" else [f"unexpected answer {str(answer)[:200]}"]
    if workload.kind == "lookup":
        items = [value] if value else []
        return items, [] if items else ["the lookup found nothing"]
    items = (value or {}).get("nodes") or []
    problems = [] if len(items) == PAGE_SIZE else [f"{len(items)} items, not {PAGE_SIZE}"]
    for item in items:
        if missing := _missing(item, nested):
            problems.append(f"an item without {', '.join(missing)}: {str(item)[:200]}")
            break
    return items, problems


def check(answer: dict[str, Any], workload: ReadWorkload) -> tuple[list[str], list[str]]:
    """(the database ids of the items, problems) of a Ledgerline answer."""
    items, problems = _items(answer, workload, workload.root, workload.nested)
    if workload.key != "id":
        return [str(item.get(workload.key)) for item in items], problems
    try:
        return [uuid_of(item["id"]) for item in items], problems
    except (KeyError, ValueError) as exc:
        return [], [*problems, str(exc)]


def check_postgraphile(
    answer: dict[str, Any], workload: ReadWorkload
) -> tuple[list[str], list[str]]:
    """(the database ids of the items, problems) of a PostGraphile answer."""
    items, problems = _items(answer, workload, workload.pg_root, workload.pg_nested)
    return [str(item.get(workload.key)) for item in items], problems
