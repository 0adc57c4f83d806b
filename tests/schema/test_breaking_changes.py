"""The schema served keeps every promise of the released one (schema/released.graphql).

A breaking change (a field, argument or enum value removed, a type changed, an argument made
required) fails here; deprecate instead, or release on purpose with `make schema-release`
(docs/decisions/schema-evolution.md)."""

from __future__ import annotations

import warnings
from pathlib import Path

from graphql import (
    GraphQLObjectType,
    build_schema,
    find_breaking_changes,
    find_dangerous_changes,
)

from schema.export import sdl

RELEASED = Path(__file__).resolve().parents[2] / "schema" / "released.graphql"


def test_schema_has_no_breaking_change_against_the_released_one() -> None:
    released = build_schema(RELEASED.read_text())
    served = build_schema(sdl())
    breaking = find_breaking_changes(released, served)
    dangerous = find_dangerous_changes(released, served)
    lines = [f"- {c.type.name}: {c.description}" for c in breaking]
    risky = [f"- {c.type.name}: {c.description}" for c in dangerous]
    if breaking:
        raise AssertionError(
            "Breaking changes against schema/released.graphql; deprecate instead of removing, "
            "or release on purpose with `make schema-release`:\n"
            + "\n".join(lines)
            + ("\nDangerous changes besides:\n" + "\n".join(risky) if risky else "")
        )
    if risky:
        warnings.warn(
            "Dangerous schema changes (clients may need care):\n" + "\n".join(risky),
            stacklevel=1,
        )


def test_breaking_change_check_reports_a_removed_field() -> None:
    released = build_schema(RELEASED.read_text())
    served = build_schema(sdl())
    invoice = served.type_map["Invoice"]
    assert isinstance(invoice, GraphQLObjectType)
    del invoice.fields["dueDate"]
    changes = [c.description for c in find_breaking_changes(released, served)]
    assert changes == ["Field Invoice.dueDate was removed."]
