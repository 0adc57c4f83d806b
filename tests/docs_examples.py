"""GraphQL examples of the documentation: found, split into operations, placeholders filled.

The conventions are written down for authors in docs/decisions/docs-examples.md; in short:

- A ```graphql fence holds one or more operations (and fragments); a ```json fence right after
  it holds the variables its operations declare. A fence of type definitions is SDL: mark it
  ```graphql-sdl (a ```graphql fence of definitions only is recognized as SDL too).
- `"<Type:key>"` in a fence or its variables is the id of the demo's object of that type
  whose code, name, number, reference or e-mail is `key` (`"<Account:6300>"`).
- `"<today>"` is today's date.
- `"<Type>"` is the id of the last object of that type an earlier example on the same page
  returned; `"<field>"` (lower-case) the last value of that field, such as an invitation's
  `"<invitationToken>"`.
- `# expect: userErrors` or `# expect: errors` before an operation: it is meant to fail so.
- `# as: approver` before an operation: it runs as that demo user instead of the owner.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeSystemDefinitionNode,
    TypeSystemExtensionNode,
    Visitor,
    parse,
    print_ast,
    visit,
)

from server import clock

ROOT = Path(__file__).resolve().parents[1]
# node_modules: the example client's installed tools (make client-check), not our pages.
PAGES = [
    ROOT / "README.md",
    *sorted(p for p in (ROOT / "docs").rglob("*.md") if "node_modules" not in p.parts),
]
PLACEHOLDER = re.compile(r'"<([A-Za-z][A-Za-z]*)(?::([^">]+))?>"')
EXPECT = re.compile(r"#\s*expect:\s*(userErrors|errors)\b")
AS = re.compile(r"#\s*as:\s*([a-z_]+)")

# Where placeholders of the demo's objects are looked up: one query, its objects keyed by
# the fields listed (each node carries __typename and id).
CATALOGUE = """{
  accounts(first: 100) { nodes { __typename id code name } }
  customers(first: 100) { nodes { __typename id name email } }
  vendors(first: 100) { nodes { __typename id name email } }
  invoices(first: 100) { nodes { __typename id number reference } }
  bills(first: 100) { nodes { __typename id vendorReference } }
  items(first: 100) { nodes { __typename id code name } }
  members(first: 100) { nodes { user { __typename id email } } }
  journalEntries(first: 100) { nodes { __typename id number memo } }
}"""
CATALOGUE_KEYS = ("code", "name", "email", "number", "reference", "vendorReference", "memo")


@dataclass
class Fence:
    """One ```graphql fence: where it is, its text and the variables after it."""

    page: Path
    line: int
    source: str
    variables: str | None = None
    sdl: bool = False

    @property
    def where(self) -> str:
        return f"{relative(self.page)}:{self.line}"


def relative(page: Path) -> str:
    return str(page.relative_to(ROOT)) if page.is_relative_to(ROOT) else str(page)


@dataclass
class Operation:
    fence: Fence
    document: str
    expect: str | None  # None, "userErrors" or "errors"
    line: int
    role: str = "owner"


def fences(page: Path) -> list[Fence]:
    """Every ```graphql and ```graphql-sdl fence of a page, with the ```json after it."""
    lines = page.read_text().splitlines()
    found: list[Fence] = []
    index = 0
    while index < len(lines):
        tag = lines[index].strip()
        if tag not in ("```graphql", "```graphql-sdl"):
            index += 1
            continue
        end = _closing(lines, index)
        fence = Fence(page, index + 1, "\n".join(lines[index + 1 : end]))
        fence.sdl = tag == "```graphql-sdl"
        after = end + 1
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after < len(lines) and lines[after].strip() == "```json" and after - end <= 2:
            json_end = _closing(lines, after)
            fence.variables = "\n".join(lines[after + 1 : json_end])
            end = json_end
        found.append(fence)
        index = end + 1
    return found


def _closing(lines: list[str], opening: int) -> int:
    for index in range(opening + 1, len(lines)):
        if lines[index].strip() == "```":
            return index
    raise AssertionError(f"unclosed fence at line {opening + 1}")


def is_sdl(document: DocumentNode) -> bool:
    return all(
        isinstance(d, TypeSystemDefinitionNode | TypeSystemExtensionNode)
        for d in document.definitions
    )


def operations(fence: Fence) -> list[Operation]:
    """The fence's operations in order, each a document of its own with the fragments."""
    document = parse(fence.source)
    fragments = [d for d in document.definitions if isinstance(d, FragmentDefinitionNode)]
    found: list[Operation] = []
    previous_end = 0
    for definition in document.definitions:
        assert definition.loc is not None
        if isinstance(definition, OperationDefinitionNode):
            before = fence.source[previous_end : definition.loc.start]
            expected = EXPECT.search(before)
            line = fence.line + fence.source.count("\n", 0, definition.loc.start) + 1
            text = "\n\n".join(print_ast(d) for d in [definition, *fragments])
            role = AS.search(before)
            found.append(
                Operation(
                    fence,
                    text,
                    expected.group(1) if expected else None,
                    line,
                    role.group(1) if role else "owner",
                )
            )
        previous_end = definition.loc.end
    return found


def with_typenames(document: str) -> str:
    """The document with __typename beside every selected id, so that ids can be told apart
    by type when later examples refer to them."""

    class AddTypename(Visitor):
        def leave_selection_set(self, node: SelectionSetNode, *_: Any) -> SelectionSetNode:
            names = {s.name.value for s in node.selections if isinstance(s, FieldNode)}
            if "id" not in names or "__typename" in names:
                return node
            typename = FieldNode(name=NameNode(value="__typename"), arguments=(), directives=())
            return SelectionSetNode(selections=(*node.selections, typename))

    return print_ast(visit(parse(document), AddTypename()))


@dataclass
class Memory:
    """What placeholders resolve to: the demo's objects and what a page's examples returned."""

    demo: dict[tuple[str, str], str] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)

    def learn_demo(self, data: Any) -> None:
        for node in _objects(data):
            for key in CATALOGUE_KEYS:
                if isinstance(node.get(key), str):
                    self.demo.setdefault((node["__typename"], node[key]), node["id"])

    def learn(self, data: Any) -> None:
        """Remember the ids and leaf values of an answer, the later ones winning."""
        if isinstance(data, dict):
            for key, value in data.items():
                self.learn(value)
                if isinstance(value, str | int | bool) and key not in ("__typename", "id"):
                    self.values[key] = value
            if isinstance(data.get("__typename"), str) and isinstance(data.get("id"), str):
                self.ids[data["__typename"]] = data["id"]
        elif isinstance(data, list):
            for item in data:
                self.learn(item)

    def fill(self, text: str) -> str:
        """The text with every placeholder replaced by its JSON string (a GraphQL string)."""

        def value(match: re.Match[str]) -> str:
            name, key = match.group(1), match.group(2)
            if (name, key) == ("today", None):
                found = clock.today().isoformat()
                where = ""
            elif key is not None:
                found = self.demo.get((name, key))
                where = f"the demo has no {name} {key!r}"
            elif name[0].isupper():
                found = self.ids.get(name)
                where = f"no earlier example on the page returned a {name} id"
            else:
                found = self.values.get(name)
                where = f"no earlier example on the page returned {name!r}"
            if found is None:
                raise LookupError(f"{match.group(0)}: {where}")
            return json.dumps(found)

        return PLACEHOLDER.sub(value, text)


def _objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        found = [data] if "__typename" in data and "id" in data else []
        for value in data.values():
            found += _objects(value)
        return found
    if isinstance(data, list):
        return [o for item in data for o in _objects(item)]
    return []


def user_errors(data: Any) -> list[Any]:
    """Every non-empty userErrors list in an answer."""
    if isinstance(data, dict):
        found = list(data["userErrors"]) if data.get("userErrors") else []
        for key, value in data.items():
            if key != "userErrors":
                found += user_errors(value)
        return found
    if isinstance(data, list):
        return [e for item in data for e in user_errors(item)]
    return []
