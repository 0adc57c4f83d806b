"""Parsing and validation of persisted documents once per process, and their registration.

The request's persisted document (schema/persisted/http.py) keeps its parsed tree and
whether it validated; these replace strawberry's parser and validation caches, which
still serve ad-hoc documents. A document a client sent with its hash is stored once it
has validated, so the table holds only documents that run against this schema.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

from graphql import GraphQLError
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache
from strawberry.types import ExecutionContext

from schema.context import Context
from schema.persisted.documents import KnownDocument
from server.http_errors import HttpErrorCode
from server.observability import logger
from server.persisted.registry import sha256_of


def _known(execution_context: ExecutionContext) -> KnownDocument | None:
    context = execution_context.context
    known = context.persisted if isinstance(context, Context) else None
    # The view passes the document's own text; anything else is not that document.
    return known if known is not None and execution_context.query == known.body else None


class PersistedParserCache(ParserCache):
    """A persisted document's tree is kept with it; other documents go through the LRU."""

    def on_parse(self) -> Iterator[None]:
        known = _known(self.execution_context)
        options = self.execution_context.parse_options
        document = known.parsed(options.get("max_tokens")) if known is not None else None
        if document is None:
            yield from super().on_parse()
            return
        self.execution_context.graphql_document = document
        yield


class PersistedValidationCache(ValidationCache):
    """A persisted document is validated once; a new one is registered once it validates."""

    async def on_validate(self) -> AsyncIterator[None]:  # type: ignore[override]
        execution_context = self.execution_context
        known = _known(execution_context)
        if (
            known is not None
            and known.valid
            and known.document is execution_context.graphql_document
        ):
            # Validation rules and schema are fixed for the process: the answer holds.
            execution_context.pre_execution_errors = []
            yield
            return
        for _ in super().on_validate():
            yield
        if known is None or execution_context.pre_execution_errors:
            return
        known.valid = known.document is execution_context.graphql_document
        context = execution_context.context
        if known.unregistered and isinstance(context, Context) and context.documents is not None:
            stored = await context.documents.register(known, await _registrant(context))
            if not stored:
                logger().info("persisted document not stored: registration limit reached")


async def _registrant(context: Context) -> str:
    actor = await context.actor()
    if actor is not None and actor.organization_id is not None:
        return f"organization:{actor.organization_id}"
    return f"address:{context.request_info.client_ip or 'unknown'}"


class TrustedSubscriptions(SchemaExtension):
    """In trusted-only mode, a subscription over WebSocket runs a trusted document only.

    HTTP requests are checked before strawberry reads them; a socket's operations reach
    the schema directly. The refusal is given as the document's validation errors, which
    the socket protocol answers with an `error` message for that operation; it comes after
    the validation caches in the extensions, so it replaces what they found.
    """

    async def on_validate(self) -> AsyncIterator[None]:
        execution_context = self.execution_context
        context = execution_context.context
        if (
            isinstance(context, Context)
            and context.websocket is not None
            and context.settings.trusted_documents_only
            and context.documents is not None
        ):
            sha256 = sha256_of(execution_context.query or "")
            known = await context.documents.find(sha256) if sha256 else None
            if known is None:
                execution_context.pre_execution_errors = [
                    GraphQLError(
                        "This server runs registered documents only.",
                        extensions={"code": HttpErrorCode.PERSISTED_QUERY_REQUIRED.value},
                    )
                ]
        yield
