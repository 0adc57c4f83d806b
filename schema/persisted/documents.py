"""Persisted documents as each process holds them: text, parsed tree, validity, LRU-bounded.

The database holds every persisted document for every process (server/persisted). Each
process keeps the documents it has served lately in front of it, parsed and marked valid
once validated, so a persisted document is parsed and validated once per process, not
once per request. The cache is bounded by count and by the bytes of the texts it holds (a
parsed tree takes several times its text); what it drops is read from the database again.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from graphql import DocumentNode, GraphQLError, OperationType, get_operation_ast, parse

from server import clock
from server.persisted import registry
from server.persisted.registry import TrustedDocument
from server.settings import Settings


@dataclass(eq=False, slots=True)
class KnownDocument:
    """A document known by its SHA-256, as one process serves it."""

    sha256: str
    body: str
    trusted: bool
    document: DocumentNode | None = None
    # Validated against this process's schema and rules, which never change while it runs.
    valid: bool = False
    # Sent in full with its hash and not stored yet: stored once it validates.
    unregistered: bool = False

    def parsed(self, max_tokens: int | None) -> DocumentNode | None:
        """The parsed document; None if it does not parse (execution reports why)."""
        if self.document is None:
            try:
                self.document = parse(self.body, max_tokens=max_tokens)
            except GraphQLError:
                return None
        return self.document

    def operation_type(self, operation_name: str | None, max_tokens: int) -> OperationType | None:
        document = self.parsed(max_tokens)
        if document is None:
            return None
        operation = get_operation_ast(document, operation_name)
        return operation.operation if operation is not None else None


def operation_problems(
    documents: list[tuple[TrustedDocument, str | None]], max_tokens: int
) -> list[str]:
    """Why a manifest's documents cannot be trusted: each must parse within the token limit,
    and one holding a single operation must be of the type the manifest declares for it."""
    problems: list[str] = []
    for document, declared in documents:
        known = KnownDocument(sha256=document.sha256, body=document.body, trusted=True)
        if known.parsed(max_tokens) is None:
            problems.append(
                f"{document.sha256}: the body does not parse as GraphQL within the token limit"
            )
            continue
        kind = known.operation_type(None, max_tokens)
        if declared is not None and kind is not None and kind.value != declared:
            problems.append(f"{document.sha256}: declared a {declared}, the body is a {kind.value}")
    return problems


class PersistedDocuments:
    """Look-ups and registrations of persisted documents, with an LRU in front."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._entries: OrderedDict[str, KnownDocument] = OrderedDict()
        self._max_entries = settings.persisted_cache_entries
        self._max_bytes = settings.persisted_cache_bytes
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    async def find(self, sha256: str) -> KnownDocument | None:
        """The document of that hash; in trusted-only mode, only a trusted one."""
        known = self._entries.get(sha256)
        if known is not None:
            self._entries.move_to_end(sha256)
        else:
            stored = await registry.find(sha256, clock.now())
            if stored is None:
                return None
            known = KnownDocument(sha256=sha256, body=stored.body, trusted=stored.trusted)
            self._keep(known)
        if self.settings.trusted_documents_only and not known.trusted:
            return None
        return known

    async def register(self, known: KnownDocument, registrant: str) -> bool:
        """Store a document a client sent with its hash, within the registration limits."""
        known.unregistered = False
        stored = await registry.register_automatic(
            known.sha256,
            known.body,
            registrant,
            per_hour=self.settings.apq_registrations_per_hour,
            max_documents=self.settings.apq_max_documents,
            now=clock.now(),
        )
        if stored:
            self._keep(known)
        return stored

    def _keep(self, known: KnownDocument) -> None:
        size = len(known.body)
        if size > self._max_bytes or not self._max_entries:
            return
        previous = self._entries.pop(known.sha256, None)
        if previous is not None:
            self.bytes -= len(previous.body)
        self._entries[known.sha256] = known
        self.bytes += size
        while len(self._entries) > self._max_entries or self.bytes > self._max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self.bytes -= len(dropped.body)
