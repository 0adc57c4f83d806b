"""The example client operations (docs/examples/client) stay valid against the served
schema, and the scalar map they are generated with covers every custom scalar."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from graphql import (
    DocumentNode,
    GraphQLScalarType,
    GraphQLSchema,
    build_schema,
    concat_ast,
    parse,
    specified_scalar_types,
    validate,
)

from schema.export import sdl

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "docs" / "examples" / "client"
SCALAR_DOC = ROOT / "docs" / "api" / "scalars.md"


@cache
def _served() -> GraphQLSchema:
    return build_schema(sdl())


def _documents() -> dict[str, DocumentNode]:
    return {
        str(p.relative_to(CLIENT)): parse(p.read_text())
        for p in sorted(CLIENT.glob("operations/**/*.graphql"))
    }


def _custom_scalars() -> set[str]:
    return {
        name
        for name, kind in _served().type_map.items()
        if isinstance(kind, GraphQLScalarType)
        and name not in specified_scalar_types
        and not name.startswith("__")
    }


def test_example_operations_are_valid_against_the_served_schema() -> None:
    documents = _documents()
    assert len(documents) >= 15
    # Fragments live in files of their own, as a client keeps them: validated together.
    errors = validate(_served(), concat_ast(list(documents.values())))
    assert [e.message for e in errors] == []


def test_example_operations_have_unique_names() -> None:
    names = [
        d.name.value
        for doc in _documents().values()
        for d in doc.definitions
        if getattr(d, "name", None) is not None
    ]
    assert len(names) == len(set(names))


def test_every_custom_scalar_is_in_the_codegen_map() -> None:
    mapped = json.loads((CLIENT / "scalars.json").read_text())
    assert set(mapped) == _custom_scalars()
    assert "scalars.json" in (CLIENT / "codegen.ts").read_text()


def test_every_custom_scalar_is_in_the_published_map_with_the_codegen_type() -> None:
    mapped = json.loads((CLIENT / "scalars.json").read_text())
    rows = {}
    for line in SCALAR_DOC.read_text().splitlines():
        # | `Name` | wire format | example | `TypeScript` | Swift | Kotlin |
        cells = [c.strip() for c in line.split("|")[1:-1]]
        if len(cells) == 6 and re.fullmatch(r"`\w+`", cells[0]):
            rows[cells[0].strip("`")] = cells[3].strip("`")
    assert set(rows) == _custom_scalars()
    assert rows == mapped
