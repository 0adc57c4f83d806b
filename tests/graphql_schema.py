"""The graphql-core schema of the application, for tests that walk its types and fields.

strawberry keeps the schema it executes to itself (a private attribute); its converter's type
map is public and holds the very graphql-core types that schema is made of, each field with
its strawberry definition in `extensions`. A schema assembled from them has the same types,
fields, arguments and extensions, which is all these tests read.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLNamedType, GraphQLObjectType, GraphQLSchema
from strawberry import Schema

from schema import build_schema
from server.settings import Settings


def executable_schema(settings: Settings) -> GraphQLSchema:
    """The application's schema as graphql-core types."""
    return assembled(build_schema(settings))


def assembled(schema: Schema) -> GraphQLSchema:
    """A graphql-core schema of the types strawberry converted for `schema`."""
    types = {
        name: concrete.implementation
        for name, concrete in schema.schema_converter.type_map.items()
        if isinstance(concrete.implementation, GraphQLNamedType)
    }

    def root(definition_of: Any) -> GraphQLObjectType | None:
        if definition_of is None:
            return None
        found = types[definition_of.__strawberry_definition__.name]
        assert isinstance(found, GraphQLObjectType)
        return found

    return GraphQLSchema(
        query=root(schema.query),
        mutation=root(schema.mutation),
        subscription=root(schema.subscription),
        types=list(types.values()),
    )
