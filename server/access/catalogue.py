"""The catalogue of (object, action) permissions the API can require.

Every root field of the GraphQL schema names one of these (a test checks it), and the
built-in roles of policies/policy.csv grant only these.
"""

from __future__ import annotations

from typing import NamedTuple


class Permission(NamedTuple):
    object: str
    action: str
    description: str


CATALOGUE: tuple[Permission, ...] = (
    Permission("organization", "read", "See the organization's profile"),
    Permission("member", "read", "List members and their roles"),
    Permission("member", "manage", "Add and remove members and set their roles"),
    Permission("role", "read", "List roles and the permission catalogue"),
    Permission("api_key", "read", "List API keys"),
    Permission("api_key", "manage", "Create and revoke API keys"),
    Permission("role", "manage", "Create, change and delete custom roles"),
    Permission("duty_rule", "read", "See which segregation-of-duties rules are on"),
    Permission("duty_rule", "manage", "Switch segregation-of-duties rules on or off"),
    Permission("customer", "read", "See customers and their notes"),
    Permission("customer", "create", "Create customers"),
    Permission("customer", "update", "Edit customers and add notes"),
    Permission("customer", "archive", "Archive customers"),
    Permission("vendor", "read", "See vendors"),
    Permission("vendor", "create", "Create vendors"),
    Permission("vendor", "update", "Edit vendors"),
    Permission("vendor", "archive", "Archive vendors"),
    Permission("account", "read", "See the chart of accounts"),
    Permission("account", "create", "Add accounts to the chart"),
    Permission("account", "update", "Edit accounts"),
    Permission("account", "archive", "Archive accounts"),
    Permission("journal", "read", "See journal entries"),
    Permission("journal", "create", "Create, edit and delete draft journal entries"),
    Permission("journal", "post", "Post journal entries to the ledger"),
    Permission("journal", "reverse", "Reverse posted journal entries"),
    Permission("ledger", "lock", "Set the lock date"),
    Permission("exchange_rate", "set", "Record exchange rates"),
    Permission("dimension", "manage", "Manage tracking categories and options"),
    Permission("item", "read", "See items, tax rates and payment terms"),
    Permission("item", "manage", "Create, edit and archive items"),
    Permission("tax_rate", "manage", "Create, edit and archive tax rates and payment terms"),
    Permission("invoice", "read", "See invoices, disputes and receivables reports"),
    Permission("invoice", "create", "Create and edit draft invoices"),
    Permission("invoice", "issue", "Issue invoices (posts them to the ledger)"),
    Permission("invoice", "void", "Void issued invoices"),
    Permission("invoice", "write_off", "Write off invoices as bad debt"),
    Permission("invoice", "dispute", "Open and resolve invoice disputes"),
    Permission("invoice", "remind", "Record payment reminders sent for overdue invoices"),
    Permission(
        "invoice", "override_credit_limit", "Issue an invoice beyond the customer's credit limit"
    ),
    Permission("payment", "read", "See payments received"),
    Permission("payment", "record", "Record payments received and allocate them"),
    Permission("payment", "refund", "Refund customer credit"),
    Permission("payment", "void", "Void payments received"),
    Permission("credit_note", "read", "See credit notes"),
    Permission("credit_note", "create", "Create draft credit notes"),
    Permission("credit_note", "issue", "Issue and allocate credit notes"),
    Permission("bill", "read", "See bills and payables reports"),
    Permission("bill", "create", "Create, edit and submit bills"),
    Permission("bill", "approve", "Approve or reject submitted bills"),
    Permission("bill", "void", "Void bills"),
    Permission("purchase_order", "read", "See purchase orders"),
    Permission("purchase_order", "create", "Create purchase orders and bill them"),
    Permission("purchase_order", "approve", "Approve purchase orders"),
    Permission("bill_payment", "read", "See bill payments"),
    Permission("bill_payment", "record", "Record bill payments"),
    Permission("bill_payment", "void", "Void bill payments"),
    Permission("invoice", "send", "E-mail invoices and customer statements"),
    Permission("credit_note", "send", "E-mail credit notes"),
    Permission("payment", "send", "E-mail receipts of payments received"),
    Permission("bill_payment", "send", "E-mail remittance advice of bill payments"),
    Permission("email_delivery", "read", "See the e-mails sent and queued, and their errors"),
    Permission("email_delivery", "retry", "Queue a failed e-mail again"),
    Permission("email_settings", "read", "See the SMTP settings (never the password)"),
    Permission("email_settings", "manage", "Set the SMTP server, sender and password"),
    Permission("document_template", "read", "See the document e-mail templates"),
    Permission("document_template", "manage", "Change the document e-mail templates"),
    Permission("report", "read", "Run financial statements"),
    Permission("audit", "read", "Read the audit log"),
    Permission("audit", "verify", "Verify the audit log's hash chain"),
    Permission(
        "event",
        "read",
        "Read the domain-event feed: every change of every kind, with its document data",
    ),
    Permission("job", "read", "See background jobs: e-mails, webhook deliveries, scheduled runs"),
    Permission("job", "manage", "Retry and cancel background jobs"),
)

PERMISSIONS: frozenset[tuple[str, str]] = frozenset((p.object, p.action) for p in CATALOGUE)

BUILTIN_ROLES: tuple[str, ...] = (
    "owner",
    "admin",
    "accountant",
    "ar_clerk",
    "ap_clerk",
    "approver",
    "sales",
    "auditor",
    "viewer",
)
