"""Reading a trusted-documents manifest, refusing the whole file at its first flaw.

Two shapes are read: Apollo's persisted query manifest
`{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "name",
"type", "body"}]}` and a plain `{"<sha256>": "<document>"}` map (what graphql-codegen's
persisted documents write). Every id must be a SHA-256 in lowercase hexadecimal and the
SHA-256 of its body: a manifest with any flaw is refused whole, so that nothing of a file
that is wrong somewhere is ever trusted.
"""

from __future__ import annotations

import json
from typing import Any

from server.persisted.registry import SHA256_HEX, TrustedDocument, sha256_of

APOLLO_FORMAT = "apollo-persisted-query-manifest"
OPERATION_TYPES = ("query", "mutation", "subscription")
# Problems listed before the rest are summed up: enough to fix a file, not a flood.
MAX_LISTED_PROBLEMS = 20


class ManifestRefused(ValueError):
    """The manifest cannot be registered; `problems` says why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_LISTED_PROBLEMS]
        more = len(problems) - len(shown)
        super().__init__("; ".join(shown) + (f"; and {more} more" if more > 0 else ""))


def read_manifest(
    data: bytes | str, max_document_bytes: int
) -> list[tuple[TrustedDocument, str | None]]:
    """The manifest's documents with the operation type each declares (None if it does not).

    Raises ManifestRefused listing every flaw found.
    """
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise ManifestRefused([f"the manifest is not JSON: {error}"]) from error
    entries = _entries(parsed)
    problems: list[str] = []
    documents: list[tuple[TrustedDocument, str | None]] = []
    for where, entry in entries:
        found = _problems(entry, max_document_bytes)
        if found:
            problems.extend(f"{where}: {problem}" for problem in found)
            continue
        name = entry.get("name")
        documents.append(
            (TrustedDocument(sha256=entry["id"], body=entry["body"], name=name), entry.get("type"))
        )
    if problems:
        raise ManifestRefused(problems)
    if not documents:
        raise ManifestRefused(["the manifest holds no operations"])
    return documents


def _entries(parsed: Any) -> list[tuple[str, dict[str, Any]]]:
    if not isinstance(parsed, dict):
        raise ManifestRefused(["the manifest must be a JSON object"])
    if "format" not in parsed:
        # The plain map: every key a hash, every value its document.
        return [(f"entry {key!r}", {"id": key, "body": body}) for key, body in parsed.items()]
    if parsed.get("format") != APOLLO_FORMAT or parsed.get("version") != 1:
        raise ManifestRefused([f'"format" must be "{APOLLO_FORMAT}" and "version" 1'])
    operations = parsed.get("operations")
    if not isinstance(operations, list):
        raise ManifestRefused(['"operations" must be a list'])
    entries: list[tuple[str, dict[str, Any]]] = []
    for index, operation in enumerate(operations):
        if not isinstance(operation, dict):
            operation = {"id": None, "body": None, "_not_an_object": True}
        entries.append((f"operation {index}", operation))
    return entries


def _problems(entry: dict[str, Any], max_document_bytes: int) -> list[str]:
    if entry.get("_not_an_object"):
        return ["not a JSON object"]
    sha256, body = entry.get("id"), entry.get("body")
    problems: list[str] = []
    if not isinstance(sha256, str) or not SHA256_HEX.fullmatch(sha256):
        problems.append("the id is not a SHA-256 in lowercase hexadecimal (64 characters 0-9a-f)")
    if not isinstance(body, str) or not body.strip():
        problems.append("the body is not a GraphQL document")
    elif len(body.encode("utf-8", "surrogatepass")) > max_document_bytes:
        problems.append(f"the body is over the limit of {max_document_bytes} bytes")
    elif not problems and sha256_of(body) != sha256:
        problems.append("the id is not the SHA-256 of the body")
    name, kind = entry.get("name"), entry.get("type")
    if name is not None and (not isinstance(name, str) or len(name) > 200):
        problems.append("the name is not a string of at most 200 characters")
    if kind is not None and kind not in OPERATION_TYPES:
        problems.append(f"the type is not one of {', '.join(OPERATION_TYPES)}")
    return problems
