"""What every text argument and input field of the schema may hold: a maximum length and
a character class, declared here once for the whole schema (docs/decisions/input-limits.md).

A coordinate is `Type.field` for an input field and `Type.field(argument)` for an argument.
One not listed gets DEFAULT_MAX_LENGTH and the single-line class. A maximum that maps to a
column is read from the model, so a value the database would refuse (or could not compare)
is refused first, before any resolver runs."""

from __future__ import annotations

from enum import Enum

from tortoise.models import Model

from server.access.models import Role
from server.audit.models import AuditEvent
from server.crm.models import Party, PaymentTerms
from server.crm.notes import BODY_MAX
from server.documents.models import DocumentLine, Item, TaxRate
from server.email import sending, smtp_settings, templates
from server.email.models import DocumentTemplate, EmailDelivery, EmailSettings
from server.events.models import DomainEvent
from server.identity import passwords
from server.identity.models import ApiKey, Organization, User
from server.jobs.models import Job
from server.ledger.models import (
    Account,
    IdempotencyRecord,
    JournalEntry,
    TrackingCategory,
)
from server.payables.models import Bill, BillPayment, PurchaseOrder
from server.pdf.logo import LOGO_INPUT_MAX_LENGTH
from server.receivables.models import CreditNote, Dispute, Invoice, InvoiceReminder, Payment
from server.validation import NAME_MAX
from server.webhooks.models import WebhookEndpoint


class TextKind(Enum):
    """Which characters a text input may hold, beyond the rule for all text (no NUL, no
    lone surrogate)."""

    LINE = "line"  # names, codes, filters: no control characters, no bidi controls
    TEXT = "text"  # notes, memos: tab, line feed and carriage return allowed; bidi allowed
    SECRET = "secret"  # passwords, tokens, codes: compared, never shown; nothing more refused


DEFAULT_MAX_LENGTH = 200
# Any list argument or list input field; services keep their own, smaller limits (invoice
# lines, tags) and report them as userErrors. This one bounds the work of reading a request.
MAX_LIST_ITEMS = 1000
# Webhook URLs: the service refuses one longer than its column with a userError; this only
# bounds the work of reading a request.
WEBHOOK_URL_INPUT_MAX_LENGTH = 16 * 1024
# Cursors this API writes are far shorter; a longer one cannot be one of them.
CURSOR_MAX_LENGTH = 512
ID_MAX_LENGTH = 200
TAG_MAX_LENGTH = 40
ADDRESS_MAX_LENGTH = 200
TOKEN_MAX_LENGTH = 512
CODE_MAX_LENGTH = 64
# Objects and actions of the permission catalogue are short words ("invoice", "approve").
PERMISSION_PART_MAX_LENGTH = 64


def column(model: type[Model], name: str) -> int:
    """The length of a text column, so a declared maximum follows the model."""
    length = model._meta.fields_map[name].max_length  # type: ignore[attr-defined]
    assert isinstance(length, int), f"{model.__name__}.{name} has no maximum length"
    return length


def _same(inputs: tuple[str, ...], fields: dict[str, int]) -> dict[str, int]:
    return {f"{i}.{f}": n for i in inputs for f, n in fields.items()}


ADDRESS = ("line1", "line2", "city", "region", "postalCode", "country")

MAX_LENGTHS: dict[str, int] = {
    # Chart of accounts and ledger
    **_same(
        ("AccountCreateInput", "AccountUpdateInput"),
        {
            "code": column(Account, "code"),
            "name": column(Account, "name"),
            "description": column(Account, "description"),
        },
    ),
    "AccountFilter.search": column(Account, "name"),
    "JournalEntryCreateInput.memo": column(JournalEntry, "memo"),
    "JournalEntryReverseInput.memo": column(JournalEntry, "memo"),
    "JournalEntryUpdateInput.memo": column(JournalEntry, "memo"),
    "JournalLineInput.description": column(DocumentLine, "description"),
    "Mutation.trackingCategoryCreate(name)": column(TrackingCategory, "name"),
    "TrackingCategoryFilter.search": column(TrackingCategory, "name"),
    "Mutation.trackingCategoryCreate(options)": column(TrackingCategory, "name"),
    "Mutation.trackingOptionCreate(name)": column(TrackingCategory, "name"),
    # CRM
    **_same(
        ("CustomerCreateInput", "CustomerUpdateInput", "VendorCreateInput", "VendorUpdateInput"),
        {
            "name": min(NAME_MAX, column(Party, "name")),
            "email": column(Party, "email"),
            "phone": column(Party, "phone"),
            "taxId": column(Party, "tax_id"),
            "tags": TAG_MAX_LENGTH,
        },
    ),
    **_same(("AddressInput",), dict.fromkeys(ADDRESS, ADDRESS_MAX_LENGTH)),
    "CustomerNoteAddInput.body": BODY_MAX,
    "PartyFilter.search": column(Party, "name"),
    "PartyFilter.tag": TAG_MAX_LENGTH,
    # Documents shared by receivables and payables
    **_same(
        ("InvoiceLineInput", "BillLineInput", "PurchaseLineInput"),
        {
            "description": column(DocumentLine, "description"),
        },
    ),
    **_same(
        ("ItemCreateInput", "ItemUpdateInput"),
        {
            "code": column(Item, "code"),
            "name": column(Item, "name"),
            "description": column(Item, "description"),
        },
    ),
    "ItemFilter.search": column(Item, "name"),
    "PaymentTermsCreateInput.name": column(PaymentTerms, "name"),
    "PaymentTermsUpdateInput.name": column(PaymentTerms, "name"),
    "TaxRateCreateInput.name": column(TaxRate, "name"),
    "TaxRateUpdateInput.name": column(TaxRate, "name"),
    "PaymentTermsFilter.search": column(PaymentTerms, "name"),
    "TaxRateFilter.search": column(TaxRate, "name"),
    # Receivables
    **_same(
        ("InvoiceCreateInput", "InvoiceUpdateInput"),
        {
            "memo": column(Invoice, "memo"),
            "reference": column(Invoice, "reference"),
        },
    ),
    "InvoiceFilter.number": column(Invoice, "number"),
    # Search text longer than the longest field searched cannot match.
    "InvoiceFilter.search": column(Party, "name"),
    "MemberFilter.search": column(User, "email"),
    "ApiKeyFilter.search": column(ApiKey, "name"),
    "InvitationFilter.search": column(User, "email"),
    "WebhookEndpointFilter.search": column(WebhookEndpoint, "url"),
    "InvoiceWriteOffInput.memo": column(JournalEntry, "memo"),
    "InvoiceDisputeOpenInput.note": column(Dispute, "note"),
    "InvoiceDisputeResolveInput.note": column(Dispute, "resolution_note"),
    "InvoiceReminderRecordInput.note": column(InvoiceReminder, "note"),
    # Above the base64 of the largest logo accepted, so a logo somewhat too large gets the
    # service's IMAGE_TOO_LARGE; the request body limit bounds it anyway.
    "OrganizationLogoSetInput.image": LOGO_INPUT_MAX_LENGTH,
    "CreditNoteCreateInput.reason": column(CreditNote, "reason"),
    "PaymentRecordInput.memo": column(Payment, "memo"),
    "PaymentRecordInput.reference": column(Payment, "reference"),
    # Payables
    **_same(
        ("BillCreateInput", "BillUpdateInput", "PurchaseOrderBillInput"),
        {
            "memo": column(Bill, "memo"),
            "vendorReference": column(Bill, "vendor_reference"),
        },
    ),
    "BillFilter.search": column(Bill, "vendor_reference"),
    "BillRejectInput.reason": column(Bill, "rejection_reason"),
    "BillVoidInput.reason": column(Bill, "rejection_reason"),
    "BillPaymentRecordInput.memo": column(BillPayment, "memo"),
    "BillPaymentRecordInput.reference": column(BillPayment, "reference"),
    "PurchaseOrderCreateInput.memo": column(PurchaseOrder, "memo"),
    # Idempotency keys are stored and compared as they are
    **_same(
        (
            "BillApproveInput",
            "BillPaymentRecordInput",
            "CreditNoteIssueInput",
            "CreditNoteRefundInput",
            "InvoiceIssueInput",
            "JournalEntryCreateInput",
            "PaymentRecordInput",
            "PaymentRefundInput",
        ),
        {"idempotencyKey": column(IdempotencyRecord, "key")},
    ),
    # Identity and access
    "SessionCreateInput.email": column(User, "email"),
    "SessionCreateInput.password": passwords.MAX_LENGTH,
    "SessionCreateInput.totpCode": CODE_MAX_LENGTH,
    "SessionRefreshInput.refreshToken": TOKEN_MAX_LENGTH,
    "PasswordChangeInput.currentPassword": passwords.MAX_LENGTH,
    "PasswordChangeInput.newPassword": passwords.MAX_LENGTH,
    "PasswordSetInput.password": passwords.MAX_LENGTH,
    "PasswordSetInput.token": TOKEN_MAX_LENGTH,
    "InvitationAcceptInput.token": TOKEN_MAX_LENGTH,
    "InvitationAcceptInput.password": passwords.MAX_LENGTH,
    "InvitationAcceptInput.name": column(User, "name"),
    "InvitationAcceptInput.totpCode": CODE_MAX_LENGTH,
    "Mutation.totpConfirm(code)": CODE_MAX_LENGTH,
    "Mutation.totpDisable(code)": CODE_MAX_LENGTH,
    "OrganizationCreateInput.name": column(Organization, "name"),
    "MemberAddInput.email": column(User, "email"),
    "MemberAddInput.name": column(User, "name"),
    "MemberAddInput.roles": column(Role, "name"),
    "MemberRolesSetInput.roles": column(Role, "name"),
    "RoleCreateInput.name": column(Role, "name"),
    "RoleFilter.search": column(Role, "name"),
    "RoleCreateInput.description": column(Role, "description"),
    "RoleDeleteInput.name": column(Role, "name"),
    "RolePermissionsSetInput.name": column(Role, "name"),
    **_same(
        ("PermissionInput", "DutySegregationSetInput"),
        {"object": PERMISSION_PART_MAX_LENGTH, "action": PERMISSION_PART_MAX_LENGTH},
    ),
    "ApiKeyCreateInput.name": column(ApiKey, "name"),
    "ApiKeyCreateInput.role": column(ApiKey, "role"),
    # Audit
    "AuditDigestInput.headHash": column(AuditEvent, "hash"),
    # Domain events
    "EventFilter.types": column(DomainEvent, "type"),
    "Subscription.eventsAdded(types)": column(DomainEvent, "type"),
    # E-mail
    "EmailSettingsSetInput.host": column(EmailSettings, "host"),
    "EmailSettingsSetInput.username": column(EmailSettings, "username"),
    "EmailSettingsSetInput.password": smtp_settings.PASSWORD_MAX,
    "EmailSettingsSetInput.fromAddress": column(EmailSettings, "from_address"),
    "EmailSettingsSetInput.fromName": column(EmailSettings, "from_name"),
    "EmailSettingsSetInput.replyTo": column(EmailSettings, "reply_to"),
    "DocumentTemplateSetInput.subject": column(DocumentTemplate, "subject"),
    "DocumentTemplateSetInput.textBody": templates.BODY_MAX,
    "DocumentTemplateSetInput.htmlBody": templates.BODY_MAX,
    "DocumentTemplateSetInput.pdfFooter": column(DocumentTemplate, "pdf_footer"),
    "DocumentTemplateSetInput.accentColor": column(DocumentTemplate, "accent_color"),
    "DocumentTemplateSetInput.pdfTaxId": column(DocumentTemplate, "pdf_tax_id"),
    "DocumentTemplateSetInput.pdfBankDetails": column(DocumentTemplate, "pdf_bank_details"),
    **_same(
        ("DocumentSendInput", "CustomerStatementSendInput"),
        {
            "to": column(EmailDelivery, "to_address"),
            "cc": column(EmailDelivery, "to_address"),
            "message": sending.MESSAGE_MAX,
        },
    ),
    # Webhooks
    **_same(
        ("WebhookEndpointCreateInput", "WebhookEndpointUpdateInput"),
        {
            "url": WEBHOOK_URL_INPUT_MAX_LENGTH,
            "description": column(WebhookEndpoint, "description"),
            "eventTypes": column(DomainEvent, "type"),
        },
    ),
    "JobFilter.kind": column(Job, "kind"),
}

# Coordinates whose maximum is the length of the column they are stored in or compared
# with; tests/schema/test_input_limits.py holds each declared maximum to it.
COMPARED_WITH: dict[str, tuple[type[Model], str]] = {
    "SessionCreateInput.email": (User, "email"),
    "MemberAddInput.email": (User, "email"),
    "MemberAddInput.roles": (Role, "name"),
    "MemberRolesSetInput.roles": (Role, "name"),
    "RoleCreateInput.name": (Role, "name"),
    "RoleDeleteInput.name": (Role, "name"),
    "RolePermissionsSetInput.name": (Role, "name"),
    "ApiKeyCreateInput.role": (ApiKey, "role"),
    "EventFilter.types": (DomainEvent, "type"),
    "Subscription.eventsAdded(types)": (DomainEvent, "type"),
    "JobFilter.kind": (Job, "kind"),
    "InvoiceFilter.number": (Invoice, "number"),
    "BillFilter.search": (Bill, "vendor_reference"),
    "CustomerCreateInput.name": (Party, "name"),
    "CustomerCreateInput.email": (Party, "email"),
    "CustomerCreateInput.taxId": (Party, "tax_id"),
    "AccountCreateInput.code": (Account, "code"),
    "AccountUpdateInput.code": (Account, "code"),
    "ItemCreateInput.code": (Item, "code"),
    "PaymentTermsCreateInput.name": (PaymentTerms, "name"),
    "TaxRateCreateInput.name": (TaxRate, "name"),
    "JournalEntryCreateInput.idempotencyKey": (IdempotencyRecord, "key"),
}

_TEXT_FIELDS = frozenset(
    {
        "memo",
        "description",
        "note",
        "body",
        "reason",
        "textBody",
        "htmlBody",
        "message",
        "pdfFooter",
        "pdfBankDetails",
    }
)
_SECRET_COORDINATES = frozenset(
    {
        "SessionCreateInput.password",
        "SessionCreateInput.totpCode",
        "SessionRefreshInput.refreshToken",
        "PasswordChangeInput.currentPassword",
        "PasswordChangeInput.newPassword",
        "PasswordSetInput.password",
        "PasswordSetInput.token",
        "InvitationAcceptInput.token",
        "InvitationAcceptInput.password",
        "InvitationAcceptInput.totpCode",
        "Mutation.totpConfirm(code)",
        "Mutation.totpDisable(code)",
        "EmailSettingsSetInput.password",
    }
)


def max_length(coordinate: str, scalar: str) -> int:
    """The longest value (in characters) the input at `coordinate` accepts."""
    if coordinate in MAX_LENGTHS:
        return MAX_LENGTHS[coordinate]
    if scalar == "ID":
        return ID_MAX_LENGTH
    if coordinate.endswith(("(after)", "(before)")):
        return CURSOR_MAX_LENGTH
    return DEFAULT_MAX_LENGTH


def text_kind(coordinate: str) -> TextKind:
    if coordinate in _SECRET_COORDINATES:
        return TextKind.SECRET
    name = coordinate.rsplit(".", 1)[-1]
    return TextKind.TEXT if name in _TEXT_FIELDS else TextKind.LINE
