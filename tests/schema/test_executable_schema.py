"""The schema tests walk (tests/graphql_schema.py) is the one the application serves."""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
)
from graphql import build_schema as from_sdl

from schema import build_schema
from server.settings import Settings
from tests.graphql_schema import assembled

_KINDS = (
    GraphQLObjectType,
    GraphQLInterfaceType,
    GraphQLUnionType,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLScalarType,
)


def _outline(schema: GraphQLSchema) -> dict[str, Any]:
    """Each named type: its kind, and its fields' and arguments' types by name."""
    outline: dict[str, Any] = {}
    for name, kind in schema.type_map.items():
        fields = getattr(kind, "fields", None) or {}
        outline[name] = (
            next(k.__name__ for k in _KINDS if isinstance(kind, k)),
            {
                field_name: (
                    str(field.type),
                    {a: str(arg.type) for a, arg in (getattr(field, "args", None) or {}).items()},
                )
                for field_name, field in fields.items()
            },
        )
    return outline


def test_assembled_schema_has_the_served_types_fields_and_arguments(settings: Settings) -> None:
    served = build_schema(settings)
    ours = assembled(served)
    assert _outline(ours) == _outline(from_sdl(served.as_str()))
    assert ours.query_type is not None and "invoices" in ours.query_type.fields
    assert ours.mutation_type is not None and ours.mutation_type.fields
    # The walk reads each field's strawberry definition; only the served types carry it.
    assert "strawberry-definition" in ours.query_type.fields["invoices"].extensions
