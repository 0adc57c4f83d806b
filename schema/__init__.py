"""The GraphQL schema, built from the per-domain parts, with its hardening extensions."""

from __future__ import annotations

import re
from typing import Any

import strawberry
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry import relay
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
)
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from schema.audit.resolvers import AuditQuery
from schema.crm.resolvers import CrmMutation, CrmQuery
from schema.crm.types import Customer, CustomerNote, Vendor
from schema.documents.resolvers import DocumentsMutation, DocumentsQuery
from schema.documents.types import Item, PaymentTerms, TaxRate
from schema.email.sending import EmailDeliveriesQuery, EmailSendMutation
from schema.email.settings import EmailSettingsMutation, EmailSettingsQuery
from schema.email.types import EmailDelivery
from schema.embedding import EmbeddingExecutionContext
from schema.error_codes import DocumentErrorCodes, coded_syntax_errors
from schema.error_log import log_errors
from schema.errors import TopLevelCode, give_codes, should_mask
from schema.events.resolvers import EventsQuery
from schema.events.types import Event
from schema.identity.admin import AdminMutation, AdminQuery
from schema.identity.members import MembersMutation, MembersQuery
from schema.identity.resolvers import IdentityMutation, IdentityQuery
from schema.identity.types import OrganizationType, UserType
from schema.jobs.resolvers import JobsMutation, JobsQuery
from schema.jobs.types import Job
from schema.ledger.mutations import LedgerMutation
from schema.ledger.queries import LedgerQuery
from schema.ledger.report_queries import LedgerReportsQuery
from schema.ledger.tracking import TrackingMutation, TrackingQuery
from schema.ledger.types import Account, JournalEntry, TrackingCategory, TrackingOption
from schema.limits import max_directives_rule, max_field_uses_rule
from schema.nodes import lookup_field
from schema.payables.aging import PayablesAgingQuery
from schema.payables.mutations import PayablesMutation
from schema.payables.order_types import PurchaseOrder
from schema.payables.purchase_order_mutations import PurchaseOrdersMutation
from schema.payables.queries import PayablesQuery
from schema.payables.types import Bill, BillPayment
from schema.pdf.resolvers import PdfMutation
from schema.permissions import GATE, SIGNED_IN
from schema.persisted.extension import (
    PersistedParserCache,
    PersistedValidationCache,
    TrustedSubscriptions,
)
from schema.receivables.credit_resolvers import CreditNotesMutation, CreditNotesQuery
from schema.receivables.credit_types import CreditNote, Dispute
from schema.receivables.reminders import InvoiceReminder, RemindersMutation, RemindersQuery
from schema.receivables.reports import ReceivablesReportsQuery
from schema.receivables.resolvers import ReceivablesMutation, ReceivablesQuery
from schema.receivables.types import Allocation, Invoice, Payment
from schema.scalars import SCALAR_MAP
from schema.subscriptions.resolvers import SubscriptionRoot
from schema.webhooks.resolvers import WebhooksMutation, WebhooksQuery
from schema.webhooks.types import WebhookDelivery, WebhookEndpoint
from server.settings import Settings

_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")
# Fields that check a password or a second-factor code. Each attempt is also counted in the
# database where it is checked (server/identity/throttle.py); this cap only keeps one
# document from carrying a burst of them.
SIGN_IN_FIELDS = frozenset(
    {
        "sessionCreate",
        "sessionRefresh",
        "passwordSet",
        "passwordChange",
        "invitationAccept",
        "totpConfirm",
        "totpDisable",
    }
)


def _node_field(many: bool) -> Any:
    # The gate's extension is not put on relay's node fields: a node's object is known only
    # once its id is decoded, so each Node type's resolve_nodes passes the gate for its own
    # (object, "read").
    return lookup_field(
        relay.node(
            description=(
                "Objects by global id; null for ids that do not exist or are not visible."
                if many
                else "Any object by global id; null if it does not exist or is not visible."
            ),
            metadata={GATE: SIGNED_IN},
        )
    )


def root_types() -> tuple[type, type, type]:
    """Fresh Query and Mutation types for each schema.

    Relay's node fields keep the resolver installed by the first schema built from them,
    so each build gets its own (tests and the SDL export build more than one).
    """

    @strawberry.type(name="Query", description="Read operations.")
    class Query(
        IdentityQuery,
        AdminQuery,
        MembersQuery,
        CrmQuery,
        LedgerQuery,
        LedgerReportsQuery,
        TrackingQuery,
        ReceivablesQuery,
        CreditNotesQuery,
        RemindersQuery,
        DocumentsQuery,
        ReceivablesReportsQuery,
        PayablesQuery,
        PayablesAgingQuery,
        AuditQuery,
        EventsQuery,
        EmailSettingsQuery,
        EmailDeliveriesQuery,
        WebhooksQuery,
        JobsQuery,
    ):
        node: relay.Node | None = _node_field(many=False)
        nodes: list[relay.Node | None] = _node_field(many=True)

    @strawberry.type(
        name="Mutation",
        description="Operations that change state; each is one business action.",
    )
    class Mutation(
        IdentityMutation,
        AdminMutation,
        MembersMutation,
        CrmMutation,
        LedgerMutation,
        TrackingMutation,
        ReceivablesMutation,
        CreditNotesMutation,
        RemindersMutation,
        DocumentsMutation,
        PayablesMutation,
        PurchaseOrdersMutation,
        EmailSettingsMutation,
        EmailSendMutation,
        WebhooksMutation,
        JobsMutation,
        PdfMutation,
    ):
        pass

    @strawberry.type(
        name="Subscription",
        description="Live updates, over graphql-transport-ws on WebSocket /graphql; the access "
        "token goes in connection_init's payload as `authorization`.",
    )
    class Subscription(SubscriptionRoot):
        pass

    return Query, Mutation, Subscription


class _Masking(MaskErrors):
    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": TopLevelCode.INTERNAL_SERVER_ERROR.value}
        return masked


class LedgerlineSchema(strawberry.Schema):
    """Strips "Did you mean" hints when suggestions are disabled; logs errors our way."""

    @staticmethod
    def remove_field_suggestion(error: GraphQLError) -> None:
        error.message = _SUGGESTION.sub("", error.message)

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Called once per operation with the errors as raised, before they are masked.
        coded_syntax_errors(errors)
        give_codes(errors)
        log_errors(errors)


def build_schema(
    settings: Settings, extra_extensions: list[Any] | None = None
) -> strawberry.Schema:
    rules: list[Any] = [
        depth_rule(settings.max_query_depth, None, None),
        alias_rule(settings.max_aliases),
        max_directives_rule(settings.max_directives),
        max_field_uses_rule(SIGN_IN_FIELDS, settings.sign_in_attempts_per_request),
    ]
    if settings.is_production:
        rules.append(NoSchemaIntrospectionCustomRule)
    max_tokens = settings.max_tokens
    query, mutation, subscription = root_types()
    return LedgerlineSchema(
        query=query,
        mutation=mutation,
        subscription=subscription,
        types=[
            Customer,
            Vendor,
            CustomerNote,
            OrganizationType,
            UserType,
            Account,
            JournalEntry,
            TrackingCategory,
            TrackingOption,
            Bill,
            BillPayment,
            PurchaseOrder,
            Invoice,
            Payment,
            Allocation,
            CreditNote,
            Dispute,
            InvoiceReminder,
            Item,
            TaxRate,
            PaymentTerms,
            Event,
            EmailDelivery,
            WebhookEndpoint,
            WebhookDelivery,
            Job,
        ],
        execution_context_class=EmbeddingExecutionContext,
        config=StrawberryConfig(
            scalar_map=dict(SCALAR_MAP),
            disable_field_suggestions=settings.is_production,
        ),
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=max_tokens),
            # Rules built once above so the validation cache can hit across requests.
            lambda: AddValidationRules(rules),
            DocumentErrorCodes,
            # strawberry's parser and validation caches, with persisted documents' own.
            PersistedParserCache,
            PersistedValidationCache,
            TrustedSubscriptions,
            lambda: _Masking(should_mask_error=should_mask, error_message="Internal server error"),
            *(extra_extensions or []),
        ],
    )
