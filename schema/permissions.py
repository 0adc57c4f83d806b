"""The single authorization gate: every root field, and every field that leads from one
permission object into another, declares what it needs.

`requires(obj, action)` wraps `strawberry.field`/`strawberry.mutation`; `public()` marks the
few fields that need no token (signing in) and `signed_in()` those any member may use.
On a nested field (an invoice's journal entry, a bill's creator, a customer's balances) the
same declaration makes a denied field null with a FORBIDDEN error at its path; such a field
is nullable for that reason. Decisions are kept per request, so a page of fifty rows asks
Casbin once and audits a denial once. TYPE_OBJECTS says which permission object each
GraphQL type belongs to; tests walk the schema with it and fail on a field that crosses
into another object without a declaration (docs/decisions/authorization-nested-fields.md).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import strawberry
from strawberry.extensions import FieldExtension

from schema.context import Context, Info
from schema.errors import Forbidden, Unauthenticated
from server.access.catalogue import PERMISSIONS
from server.audit import log as audit

GATE = "ledgerline.gate"
PUBLIC = ("public", "")
SIGNED_IN = ("signed_in", "")


class Gate(FieldExtension):
    """The field extension every declared field carries: authenticate, then ask Casbin.

    A denial raises FORBIDDEN (audited in its own transaction), so a denied nested field is
    null with the error at its path. A field whose answer this request already holds
    resolves synchronously: a page's rows ask again for every row."""

    def __init__(self, obj: str, action: str) -> None:
        self.obj = obj
        self.action = action

    def allowed_already(self, context: Context) -> bool:
        """Whether this request is already known to hold the requirement."""
        return context.decided(self.obj, self.action) is True

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        if self.allowed_already(info.context):
            return next_(source, info, **kwargs)
        return self._checked(next_, source, info, kwargs)

    async def _checked(
        self,
        next_: Callable[..., Any],
        source: Any,
        info: Info,
        kwargs: dict[str, Any],
    ) -> Any:
        await authorize(info.context, self.obj, self.action)
        result = next_(source, info, **kwargs)
        return await result if inspect.isawaitable(result) else result

    async def resolve_async(
        self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any
    ) -> Any:
        await authorize(info.context, self.obj, self.action)
        result = next_(source, info, **kwargs)
        if inspect.isasyncgen(result):
            return result
        return await result if inspect.isawaitable(result) else result


async def authorize(context: Context, obj: str, action: str) -> None:
    """Raise UNAUTHENTICATED or FORBIDDEN unless the request may do (obj, action).

    The decision is kept on the request's context: the rows of a page ask for the same
    nested field many times, and one request is audited once per denied (obj, action)."""
    actor = await context.actor()
    if actor is None:
        raise Unauthenticated(context.auth_error or "authentication required")
    if (obj, action) == SIGNED_IN:
        if actor.key_id is not None:
            # Sessions, passwords and profiles belong to people; keys act only by permission.
            raise Forbidden("API keys cannot use this field")
        return
    if context.allows(actor, obj, action):
        return
    if context.first_denial(obj, action):
        # The permission's object is not a record, so it goes with the action in `after`.
        await audit.record_alone(
            actor, "access.denied", outcome="DENIED", after={"object": obj, "action": action}
        )
    raise Forbidden(f"your roles do not allow {obj}:{action}")


def _declare(
    decorator: Any, requirement: tuple[str, str], kwargs: dict[str, Any], gated: bool
) -> Any:
    if gated and requirement != SIGNED_IN and requirement not in PERMISSIONS:
        raise ValueError(f"{requirement} is not in the permission catalogue")
    extensions = list(kwargs.pop("extensions", []))
    if gated:
        extensions.insert(0, Gate(*requirement))
    metadata = {**kwargs.pop("metadata", {}), GATE: requirement}
    return decorator(extensions=extensions, metadata=metadata, **kwargs)


def requires(
    obj: str, action: str, *, mutation: bool = False, subscription: bool = False, **kwargs: Any
) -> Any:
    """A field that needs (obj, action) in the caller's organization: a root field, or a
    nested field that leads into another permission object (null and FORBIDDEN if denied).
    A subscription is checked as it starts; it checks again before each delivery itself
    (schema/subscriptions/connection.py)."""
    decorator = (
        strawberry.subscription
        if subscription
        else strawberry.mutation
        if mutation
        else strawberry.field
    )
    return _declare(decorator, (obj, action), kwargs, gated=True)


def signed_in(*, mutation: bool = False, **kwargs: Any) -> Any:
    """A root field any signed-in member may use (their own session and profile)."""
    decorator = strawberry.mutation if mutation else strawberry.field
    return _declare(decorator, SIGNED_IN, kwargs, gated=True)


def public(*, mutation: bool = False, **kwargs: Any) -> Any:
    """A root field that needs no token: signing in and refreshing."""
    decorator = strawberry.mutation if mutation else strawberry.field
    return _declare(decorator, PUBLIC, kwargs, gated=False)


class RowGate(FieldExtension):
    """The gate of a row field whose object differs from row to row: a statement line's
    document id is an invoice's, a payment's or a credit note's. The row's `attribute` names
    its object through `objects`; denied, the field is null with FORBIDDEN at its path."""

    def __init__(self, attribute: str, objects: dict[str, str]) -> None:
        self.attribute = attribute
        self.objects = objects

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        return self.resolve_async(next_, source, info, **kwargs)

    async def resolve_async(
        self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any
    ) -> Any:
        await authorize(info.context, self.objects[getattr(source, self.attribute)], "read")
        result = next_(source, info, **kwargs)
        return await result if inspect.isawaitable(result) else result


ROW_GATE = "ledgerline.row_gate"


def requires_per_row(attribute: str, objects: dict[str, str], **kwargs: Any) -> Any:
    """A row field that identifies another object whose kind the row's `attribute` names
    (through `objects`); it needs that object's read permission."""
    for obj in objects.values():
        if (obj, "read") not in PERMISSIONS:
            raise ValueError(f"{(obj, 'read')} is not in the permission catalogue")
    metadata = {**kwargs.pop("metadata", {}), ROW_GATE: (attribute, dict(objects))}
    extensions = [RowGate(attribute, objects), *kwargs.pop("extensions", [])]
    return strawberry.field(extensions=extensions, metadata=metadata, **kwargs)


def declared_requirement(field: Any) -> tuple[str, str] | None:
    return field.metadata.get(GATE) if field.metadata else None


# ------------------------------------------------------------------ permission objects of types

# The permission object each GraphQL object type belongs to: reading it is reading that
# object. PART marks a type with no object of its own (a value, a line, a report row, a
# connection, a payload): it belongs to whatever object reached it. A field that leads from
# one object into another declares the other's (object, "read") with `requires`.
PART = None
TYPE_OBJECTS: dict[str, str | None] = {
    "Account": "account",
    "ApiKey": "api_key",
    "AuditEvent": "audit",
    "Bill": "bill",
    "BillPayment": "bill_payment",
    "CreditNote": "credit_note",
    "Customer": "customer",
    "CustomerNote": "customer",
    "Dispute": "invoice",
    "DocumentTemplate": "document_template",
    "EmailDelivery": "email_delivery",
    "EmailSettings": "email_settings",
    "DutySegregationRule": "duty_rule",
    "Event": "event",
    "ExchangeRate": "exchange_rate",
    "Invoice": "invoice",
    "InvoiceReminder": "invoice",
    "Item": "item",
    "Job": "job",
    "Logo": "organization",
    "JournalEntry": "journal",
    "Invitation": "member",
    "Member": "member",
    "Organization": "organization",
    "Payment": "payment",
    "PaymentTerms": "item",
    "PortalLink": "invoice",
    "PurchaseOrder": "purchase_order",
    "Role": "role",
    "TaxRate": "item",
    "TrackingCategory": "account",
    "TrackingOption": "account",
    "User": "member",
    "Vendor": "vendor",
    "WebhookDelivery": "webhook",
    "WebhookEndpoint": "webhook",
    # Parts of documents, shared by more than one where they are allocations.
    "Address": PART,
    "Allocation": PART,
    "BillAllocation": PART,
    "BillLine": PART,
    "BillWarning": PART,
    "InvoiceLine": PART,
    "JournalLine": PART,
    "Money": PART,
    "PurchaseOrderLine": PART,
    "DryRun": PART,
    "EventActor": PART,
    "PreviewAllocation": PART,
    "PreviewLine": PART,
    # Reports and results: they belong to the root field that asked for them.
    "AgingBucket": PART,
    "AgingTotals": PART,
    "ApAging": PART,
    "ApAgingRow": PART,
    "ArAging": PART,
    "ArAgingRow": PART,
    "ArMetrics": PART,
    "AuditDigest": PART,
    "AuditVerification": PART,
    "BalanceSheet": PART,
    "CatalogueEntry": PART,
    "CustomerStatement": PART,
    "CustomerStatementLine": PART,
    "GeneralLedger": PART,
    "GeneralLedgerLine": PART,
    "PageInfo": PART,
    "PaymentSchedule": PART,
    "PaymentScheduleBucket": PART,
    "PeriodColumn": PART,
    "Permission": PART,
    "ProfitAndLoss": PART,
    "ReminderDue": PART,
    "StatementRow": PART,
    "StatementSection": PART,
    "TrialBalance": PART,
    "TrialBalanceRow": PART,
    "UserError": PART,
    "Viewer": PART,
}
# Connections, edges, mutation payloads and report results carry what their field gives.
PART_SUFFIXES = ("Connection", "Edge", "Payload", "Result")
# Objects some root fields act on but that are read as another object's.
READ_AS = {"tax_rate": "item", "dimension": "account", "ledger": "journal"}


class UnmappedType(LookupError):
    """A GraphQL object type that TYPE_OBJECTS does not place."""


def object_of_type(type_name: str) -> str | None:
    """The permission object a type belongs to (PART: none of its own)."""
    if type_name in TYPE_OBJECTS:
        return TYPE_OBJECTS[type_name]
    if type_name.endswith(PART_SUFFIXES):
        return PART
    raise UnmappedType(f"{type_name} has no permission object in TYPE_OBJECTS")


def read_object(obj: str) -> str:
    """The object whose types a requirement on `obj` reaches."""
    return READ_AS.get(obj, obj)


# Master data (parties, accounts, items) holds amounts of its own (a credit limit, a price)
# beside amounts summed from documents (a customer's balances, an account's balance). The
# summed ones are the documents' data: each declares the object it is computed from. A test
# fails on an amount of master data that is neither listed here nor declared.
MASTER_DATA = ("customer", "vendor", "account", "item")
OWN_AMOUNTS = frozenset({"Customer.creditLimit", "Item.unitPrice"})


# Report rows are parts of the report that reached them, yet a row can carry another
# object's identity or text: a statement line's payment reference, a ledger line's memo.
# Every text, id and whole-number field of these types is declared (`requires`,
# `requires_per_row`) or listed in REPORT_OWN_FIELDS as the report's own; a test fails on
# any other, so a new row field that names another object must say what it needs.
REPORT_ROWS = (
    "AgingBucket",
    "AgingTotals",
    "ApAging",
    "ApAgingRow",
    "ArAging",
    "ArAgingRow",
    "ArMetrics",
    "BalanceSheet",
    "CustomerStatement",
    "CustomerStatementLine",
    "GeneralLedger",
    "GeneralLedgerLine",
    "PaymentSchedule",
    "PaymentScheduleBucket",
    "PeriodColumn",
    "ProfitAndLoss",
    "ReminderDue",
    "StatementRow",
    "StatementSection",
    "TrialBalance",
    "TrialBalanceRow",
)
REPORT_OWN_FIELDS = frozenset(
    {
        "AgingBucket.label",
        "AgingBucket.minDays",
        "AgingBucket.maxDays",
        "ApAging.currency",
        "ArAging.currency",
        "ArMetrics.days",
        # Paging positions of the report, opaque to clients.
        "GeneralLedgerLine.cursor",
        "PaymentScheduleBucket.isoYear",
        "PaymentScheduleBucket.isoWeek",
        "PaymentScheduleBucket.billCount",
        # Reminders are the invoice's, read with invoice:read like the report.
        "ReminderDue.daysOverdue",
        "ReminderDue.remindersSent",
        "ReminderDue.nextLevel",
        "StatementSection.key",
        "StatementSection.title",
    }
)
