"""Every resolver types its `info` as schema.context.Info, so mypy checks `info.context`."""

from __future__ import annotations

import inspect
from typing import Any

from graphql import GraphQLInterfaceType, GraphQLObjectType

from server.settings import Settings
from tests.graphql_schema import executable_schema


def _resolvers(settings: Settings) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for graphql_type in executable_schema(settings).type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType):
            continue
        for name, field in graphql_type.fields.items():
            definition = field.extensions.get("strawberry-definition")
            resolver = getattr(definition, "base_resolver", None)
            if resolver is not None and resolver.wrapped_func.__module__.startswith("schema."):
                found[f"{graphql_type.name}.{name}"] = resolver.wrapped_func
    return found


def test_resolvers_that_take_info_type_it_as_the_context_alias(settings: Settings) -> None:
    resolvers = _resolvers(settings)
    assert len(resolvers) > 100  # the walk saw the schema's resolvers
    untyped = {
        name: parameter.annotation
        for name, function in resolvers.items()
        for parameter in inspect.signature(function).parameters.values()
        if parameter.name == "info" and parameter.annotation not in ("Info",)
    }
    assert untyped == {}
